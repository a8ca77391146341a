"""Notes: answers from the user's own folders of notes, without any network.

The pieces, each usable alone so the window, the CLI and later the embedding
search can share them:

- readers.py   find the files in a notes folder and turn each into text (or pages);
- chunking.py  split that text into passages that keep their heading path and lines/page;
- index.py     the private SQLite database (FTS5) holding folders, files and passages;
- indexer.py   bring the index in line with the folders, re-reading only what changed;
- retrieval.py keyword search (BM25) over the passages; meaning search joins it later;
- watcher.py   follow changes on disk while Cove runs (watchdog) and feed the indexer;
- writing.py   save a new note (answer, selection, conversation) into a notes folder, then index it.

The index is derived data: deleting it loses nothing but the list of folders.
Only writing.py writes into a notes folder, and only a new file the user asked for.
"""
