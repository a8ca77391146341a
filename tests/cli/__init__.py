"""Tests of `cove` as a real process: commands, odd input, privacy, several processes at once."""
