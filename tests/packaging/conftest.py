"""The packaging tests render icons with Qt (packaging/icons.py), which makes a bare QGuiApplication
when none exists; a window test run after them in the same session could then not make its
QApplication, and Qt aborts the whole run (`pytest tests/packaging tests/ui` did). So pytest-qt's
QApplication is made first, and icons.py uses it."""

import pytest


@pytest.fixture(autouse=True)
def qt_application_first(request):
    # Asked for at run time, not as a parameter: these tests show no window, so they stay out of `gui`.
    request.getfixturevalue("qapp")
