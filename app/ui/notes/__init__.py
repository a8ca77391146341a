"""The window's Notes side: notes folders, background indexing, and what the window shows of them."""
