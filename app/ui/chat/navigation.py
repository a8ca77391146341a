"""What a helper may ask of the chat window's navigation, and nothing more.

The controller owns which conversation is shown; helpers (conversation, message,
search, settings actions…) are handed this small set of calls instead of the
controller itself, so what each one can reach is visible in its constructor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Navigation:
    current: Callable[[], int | None]        # the conversation shown (None: a new chat not yet saved)
    open: Callable[..., None]                  # open(conversation_id, focus_message_id=None, show_all=False)
    new_chat: Callable[[], None]
    select: Callable[[int], None]              # highlight a conversation in the list without opening it
    select_row: Callable[[int], None]          # highlight a row of the list
    selected: Callable[[], int | None]       # the conversation highlighted in the list
    refresh: Callable[[], None]                # read the conversation list again
