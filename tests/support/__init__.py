"""What the tests share that is not a fixture: the fake Hub, the real and the tiny models, settings files,
old databases. Imported as `tests.support.<module>`; fixtures built on them live in the conftest.py files.
"""
