"""The Models dialog: installed models, the catalog, Hub search, downloads, and adding a model file."""
