"""Qt-free core of Cove: paths, settings, storage, models and chat turns."""
