"""Fixtures only the window tests use."""

import pytest

from tests.support.settings import GREEDY, write_settings


@pytest.fixture
def greedy(cove_home) -> dict:
    """Settings for repeatable answers: greedy sampling, fixed seed."""
    write_settings(cove_home, GREEDY)
    return dict(GREEDY)
