"""The remote servers' models, for the model picker: asked for in the background, kept until asked again.

Each server in use (the user's, within the administrator's policy, with their keys) is
asked for its models on the task pool, never on the window's thread: a server that is
slow or down must not freeze the window. Until its list arrives, a remote model picked
earlier (the last model) is still known by its reference, so the window can answer with
it at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core import policy
from app.core import remote_servers as rs
from app.core.remote_client import list_models


class RemoteModels(QObject):
    changed = Signal()          # a server's list arrived (or failed): the picker lists again
    failed = Signal(str, str)   # server url, one line saying why its models could not be listed

    def __init__(self, settings, data_dir: Path, tasks, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.tasks = tasks
        self.lists: dict[str, list[str]] = {}     # server url -> model ids
        self.problems: dict[str, str] = {}        # server url -> why it could not be listed

    def servers(self) -> list[rs.RemoteServer]:
        return rs.servers_in_use(self.settings.value, policy.current(), self.data_dir)

    def refresh(self) -> None:
        """Ask every server in use for its models again (results come back through `changed`)."""
        servers = self.servers()
        in_use = {s.url for s in servers}
        self.lists = {url: ids for url, ids in self.lists.items() if url in in_use}
        for server in servers:
            self.tasks.run(lambda server=server: list_models(server),
                           on_success=lambda ids, url=server.url: self._listed(url, ids),
                           on_failure=lambda text, url=server.url: self._failed(url, text))

    def _listed(self, url: str, ids: list[str]) -> None:
        self.lists[url] = list(ids)
        self.problems.pop(url, None)
        self.changed.emit()

    def _failed(self, url: str, text: str) -> None:
        self.problems[url] = text
        self.failed.emit(url, text)
        self.changed.emit()

    def models(self) -> list[rs.RemoteModel]:
        """Every model listed so far, server by server in the order they were added."""
        return [rs.RemoteModel(server, model_id) for server in self.servers()
                for model_id in self.lists.get(server.url, ())]

    def find(self, ref: str) -> rs.RemoteModel | None:
        """The model a reference names, if its server is in use (listed or not yet)."""
        if not rs.is_remote_ref(ref):
            return None
        url, model_id = rs.parse_ref(ref)
        server = rs.find_server(self.servers(), url)
        return rs.RemoteModel(server, model_id) if server is not None and model_id else None
