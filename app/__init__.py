"""Cove: a private chat assistant that runs small open models on your own computer."""

__version__ = "0.1.0"
APP_NAME = "Cove"
