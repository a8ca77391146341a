"""EngineBridge: engine events after the window is gone."""

import shiboken6

from app.engine import protocol as p
from app.ui.engine_bridge import EngineBridge


def test_news_from_the_engine_after_the_bridge_was_deleted_is_dropped_quietly(qtbot):
    """The reader thread can deliver one last event while the window closes (seen in CI as "Signal source has
    been deleted" raised in that thread): nothing is left to tell, and no traceback may follow."""
    bridge = EngineBridge()
    client = bridge.client
    try:
        shiboken6.delete(bridge)
        assert not shiboken6.isValid(bridge)
        bridge._dispatch(p.ModelLoading("model.gguf"))
        bridge._dispatch(p.Token(1, "late"))
    finally:
        client.shutdown(timeout=1.0)
