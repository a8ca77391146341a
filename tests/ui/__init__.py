"""Tests of app/ui: the window driven with pytest-qt (all marked `gui`)."""
