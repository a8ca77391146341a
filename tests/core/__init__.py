"""Tests of app/core: storage, models, downloads, settings, policy, chat turns (no window)."""
