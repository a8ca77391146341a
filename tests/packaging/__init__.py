"""Tests of packaging/: the files a bundle is built from."""
