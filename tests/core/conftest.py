"""Fixtures the core's tests share."""

import pytest

from app.core import store as st


@pytest.fixture
def store(tmp_path):
    """A fresh conversation store in this test's folder, closed afterwards."""
    s = st.Store(tmp_path / "cove.db")
    yield s
    s.close()
