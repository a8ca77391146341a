"""The Qt window: widgets and item models over the core, wired in controller.py."""
