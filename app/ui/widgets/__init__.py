"""Widgets, item models and delegates: what the window shows, with no knowledge of the core's storage."""
