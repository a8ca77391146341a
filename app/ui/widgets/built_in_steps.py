"""Dialogs shown at once and built one part per turn of the event loop (the Models window, Notes folders).

Building and filling a whole dialog in one turn froze the window for 35–90 ms on a busy 2-core
machine (every widget is polished through the application's style sheet). Such a dialog makes
its frame in its constructor and its parts afterwards, one per turn (build_part), called back
by its actions class. Anything that reaches a widget of a part not built yet (a test, a click
handler) gets every part built, wired and filled at once, through __getattr__ and complete():
never an AttributeError.
"""

from __future__ import annotations


class BuiltInSteps:
    """A mixin for a QDialog: _start_steps(parts) in the constructor; _build(name) builds one part."""

    def _start_steps(self, parts) -> None:
        self._unbuilt = list(parts)
        self._completing = False
        # What finishes the dialog when a widget of an unbuilt part is asked for: the actions class sets
        # its ready(), which builds the parts and wires and fills them too.
        self.complete = self.build_all

    def _build(self, name: str) -> None:
        raise NotImplementedError

    def __getattr__(self, name: str):
        """A widget of a part not built yet: finish the dialog now, then look again."""
        state = self.__dict__
        if not state.get("_unbuilt") or state.get("_completing") or name.startswith("__"):
            raise AttributeError(name)
        self._completing = True
        try:
            self.complete()
        finally:
            self._completing = False
        return getattr(self, name)

    def build_all(self) -> None:
        for part in list(self._unbuilt):
            self.build_part(part)

    def is_built(self, part: str) -> bool:
        return part not in self.__dict__.get("_unbuilt", ())

    def build_part(self, name: str) -> bool:
        """Build one part's widgets (False when it was built already)."""
        if name not in self._unbuilt:
            return False
        self._unbuilt.remove(name)
        self._build(name)
        return True
