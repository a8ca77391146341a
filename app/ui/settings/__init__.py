"""Settings, answer settings, the privacy page and "Delete all my data"."""
