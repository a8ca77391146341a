"""Every item model in the window survives malformed rows: data() never raises, nothing huge reaches a view.

Imported data, an old file or a hostile Hub can put anything in a row: None, text where
a number belongs, 10**30, NaN, a date that is not one, megabytes of text. A model that
raised inside data() while a view painted took the window process down (SIGSEGV). The
models are found by walking app.ui, so a model added later is covered too (it needs a
feeder here, and the test says so).
"""

import importlib
import inspect
import logging
import pkgutil
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QListView, QTableView

import app.ui
from app.core.records import Conversation
from app.ui.widgets import model_guard
from app.ui.widgets.model_tables import ProgressDelegate, StateDelegate

HUGE = "ä" * 1_000_000 + "\n" + "x" * 1_000_000
BAD = [None, "", HUGE, 10 ** 30, -(10 ** 30), float("nan"), float("inf"), -1, "2024-13-45T99:99",
       "not a date", b"\xff bytes", [1, 2], {"a": 1}, object(), True, "\x00\x1b[31m", 10 ** 400]
ROLES = list(range(0, 40)) + [Qt.UserRole + i for i in range(6)]
SHOWN_TYPES = (str, int, float, bool, QColor, QFont)  # what a view can get for a cell (besides None)
MAX_SHOWN = 5000  # characters: a cell or a tooltip is never handed megabytes


def item_model_classes() -> dict[str, type]:
    """Every QAbstractItemModel subclass defined anywhere in app.ui (by class name)."""
    found = {}
    for info in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if (inspect.isclass(cls) and issubclass(cls, QAbstractItemModel)
                    and cls.__module__ == module.__name__):
                found[cls.__name__] = cls
    return found


def namespaces(fields: tuple[str, ...]) -> list:
    """One object per bad value (every field holding it), and one with a different bad value per field."""
    rows = [SimpleNamespace(**{name: bad for name in fields}) for bad in BAD]
    rows.append(SimpleNamespace(**{name: BAD[i % len(BAD)] for i, name in enumerate(fields)}))
    return rows + [None, 42, "a string row"]


INSTALLED_KEYS = ("name", "path", "size", "builtin", "quant", "family", "context", "last_used", "entry", "problem")


def feed_installed(cls):
    model = cls()
    good = {"name": "tiny", "path": "/models/tiny.gguf", "size": 1000, "builtin": False, "quant": "Q4_0",
            "family": "Llama", "context": 2048, "last_used": "2024-13-45", "entry": None, "problem": ""}
    rows = [dict(good)]  # the reported crash: imported data with a malformed date
    rows += [{key: bad for key in INSTALLED_KEYS} for bad in BAD]
    rows += [{**good, key: bad} for key in INSTALLED_KEYS for bad in BAD]
    rows += [{}, None, 7, "row"]
    model.set_rows(rows)
    return [model]


def feed_catalog(cls):
    model = cls()
    rows = namespaces(("model_id", "family", "name", "params", "repo", "quant", "files", "size",
                       "size_confirmed", "license", "gated", "context", "description", "first_file"))
    model.set_catalog(rows, {("x", "y"): None, (None, None): HUGE}, {(None, None)})
    return [model]


def feed_hub_files(cls):
    model = cls()
    model.set_files(namespaces(("path", "size", "sha256", "quant")), {None: HUGE, "": 5})
    return [model]


def feed_downloads(cls):
    model = cls()
    rows = namespaces(("id", "repo_id", "filename", "state", "done", "total", "speed", "eta", "message", "path",
                       "connecting"))
    rows.append(SimpleNamespace(id=99, repo_id="r", filename="f", state="downloading", done=10 ** 30, total=7,
                                speed=float("nan"), eta=float("nan"), message="", path="", connecting=True))
    failed = [SimpleNamespace(id=90 + i, repo_id="r", filename="f", state="failed", done=0, total=0, speed=0,
                              eta=None, message=bad, path="", connecting=bad) for i, bad in enumerate(BAD)]
    model.set_rows(rows[:-1] + failed)  # a failure's reason is summarised in its row, whatever it holds
    model.update_item(rows[-1])  # the queue's own way in
    return [model]


class FakeStore:
    """The store's answers as an import can leave them: every field of a conversation malformed."""

    def __init__(self):
        fields = ("title", "created", "updated", "model", "settings", "current_message_id", "uuid", "pinned",
                  "archived", "deleted", "system_prompt")
        self.rows = [Conversation(id=i, **{name: bad for name in fields}) for i, bad in enumerate(BAD)]
        self.rows.append(Conversation(id=1000, title="x" * 10_000_000, created="", updated="2024-02-30",
                                      model="", pinned="yes"))

    def count_conversations(self, view):
        return len(self.rows) + 5  # more than it gives: fetchMore must cope

    def conversations(self, limit=None, offset=0, view=None):
        return self.rows[offset:offset + (limit or len(self.rows))]


def feed_conversations(cls):
    from app.core.store import TRASH

    chats = cls(FakeStore())
    while chats.canFetchMore(QModelIndex()):
        chats.fetchMore(QModelIndex())
    assert not chats.canFetchMore(QModelIndex())  # the store gave less than it counted: no endless fetching
    trash = cls(FakeStore())
    trash.set_view(TRASH)
    return [chats, trash]


def feed_notes_folders(cls):
    model = cls()
    model.set_rows(namespaces(("id", "path", "added", "last_indexed", "files", "passages")))
    return [model]


def feed_unreadable_files(cls):
    model = cls()
    rows = [(bad, bad, bad) for bad in BAD] + [(BAD[i], BAD[i + 1], BAD[i + 2]) for i in range(len(BAD) - 2)]
    model.set_rows(rows + [None, 42, "a string row", ("too", "few"), ("/notes", "a.pdf", "not a PDF", "extra")])
    return [model]


FEEDERS = {
    "InstalledModel": feed_installed,
    "CatalogModel": feed_catalog,
    "HubFilesModel": feed_hub_files,
    "DownloadsModel": feed_downloads,
    "ConversationListModel": feed_conversations,
    "NotesFolderModel": feed_notes_folders,
    "UnreadableFilesModel": feed_unreadable_files,
    "RowsModel": None,  # the base of the four tables: covered through them
}


def columns_of(model) -> int:
    """A list model's columnCount() is private in Qt: one column."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount()


def call_everything(model) -> int:
    """Every role of every cell, every header; returns how many cells were read."""
    rows, columns = model.rowCount(), columns_of(model)
    assert isinstance(rows, int) and isinstance(columns, int)
    assert model.rowCount(model.index(0, 0)) == 0  # a table or a list: no children
    cells = 0
    for row in range(-1, rows + 1):
        for column in range(-1, columns + 1):
            index = model.index(row, column)
            model.flags(index)
            for role in ROLES:
                value = model.data(index, role)
                if role == Qt.UserRole + 1:  # the row itself (RowRole / the conversation id)
                    continue
                assert value is None or isinstance(value, SHOWN_TYPES), (type(model).__name__, row, column, role)
                if isinstance(value, str):
                    assert len(value) <= MAX_SHOWN, (type(model).__name__, row, column, role, len(value))
            cells += index.isValid()
    for orientation in (Qt.Horizontal, Qt.Vertical):
        for section in range(-2, columns + 3):
            for role in ROLES:
                model.headerData(section, orientation, role)
    return cells


def test_every_item_model_in_app_ui_is_found_guarded_and_fed():
    classes = item_model_classes()
    assert {"InstalledModel", "CatalogModel", "HubFilesModel", "DownloadsModel",
            "ConversationListModel"} <= set(classes)
    for name, cls in classes.items():
        assert name in FEEDERS, f"{name} is an item model with no malformed-rows feeder in this test: add one"
        assert model_guard.is_guarded(cls), f"{name}'s data()/headerData()/rowCount() are not guarded"


@pytest.mark.parametrize("name", [n for n, feeder in FEEDERS.items() if feeder])
def test_malformed_rows_never_raise_and_paint(qtbot, name, tmp_path):
    cls = item_model_classes()[name]
    for model in FEEDERS[name](cls):
        assert model.rowCount() >= len(BAD)  # the malformed rows are there, not dropped wholesale
        assert call_everything(model) > 0
        view = QListView() if isinstance(model, QAbstractListModel) else QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        if name == "DownloadsModel":
            view.setItemDelegateForColumn(1, ProgressDelegate(view))
            view.setItemDelegateForColumn(4, StateDelegate(lambda item_id: None, view))
        view.resize(900, 600)
        view.show()
        qtbot.waitExposed(view)
        if isinstance(view, QTableView):
            view.resizeColumnsToContents()
        for row in range(0, model.rowCount(), 8):  # paint every part of it
            view.scrollTo(model.index(row, 0))
            image = view.grab()
            assert not image.isNull() and image.width() > 0
        image.save(str(tmp_path / f"{name}.png"))
        # pytest-qt fails the test on any exception raised inside a paint (a virtual method).


def test_a_malformed_date_is_shown_as_unknown_without_an_error(qtbot, caplog):
    from app.ui.widgets.model_tables import InstalledModel

    model = InstalledModel()
    with caplog.at_level(logging.WARNING, logger="app.ui.widgets.model_guard"):
        model.set_rows([{"name": "tiny", "path": "/m/tiny.gguf", "size": 10 ** 30, "builtin": False,
                         "quant": "Q4_0", "family": "", "context": float("nan"), "last_used": "2024-13-45",
                         "entry": None, "problem": ""},
                        {"name": "other", "path": "/m/other.gguf", "size": 5, "builtin": False, "quant": "",
                         "family": "", "context": 4096, "last_used": None, "entry": None, "problem": ""}])
        cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert cells[0][5] == "unknown" and cells[1][5] == "never"  # validated on the way in
    assert cells[0][3] == "?" and cells[0][4] == "" and cells[1][4] == "4,096"
    assert cells[0][0] == "tiny" and cells[0][6] == "/m"
    assert not [r for r in caplog.records if r.name == "app.ui.widgets.model_guard"]  # nothing needed the guard


def test_the_guard_answers_a_default_and_logs_once(caplog):
    @model_guard.guarded
    class Broken(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()):
            raise OverflowError("too many")

        def data(self, index, role=Qt.DisplayRole):
            raise ValueError("malformed")

    class Unguarded(QAbstractListModel):
        def data(self, index, role=Qt.DisplayRole):
            return None

    model = Broken()
    with caplog.at_level(logging.WARNING, logger="app.ui.widgets.model_guard"):
        assert model.rowCount() == 0
        assert [model.data(model.createIndex(0, 0)) for _ in range(50)] == [None] * 50
    messages = [r.getMessage() for r in caplog.records if r.name == "app.ui.widgets.model_guard"]
    assert len(messages) == 2  # once per kind of failure, not once per paint
    assert "Broken.data" in messages[1] and "ValueError: malformed" in messages[1]
    assert model_guard.is_guarded(Broken) and not model_guard.is_guarded(Unguarded)


@pytest.mark.parametrize("value, expected", [
    (None, ""), ("short", "short"), ("a\nb", "a b"), ("x" * 10_000_000, "x" * 299 + "…"), (12, "12"),
])
def test_elide_is_one_short_line_whatever_it_gets(value, expected):
    assert model_guard.elide(value) == expected


@pytest.mark.parametrize("value", [None, "7", float("nan"), float("inf"), 10 ** 30, -1, True, [1]])
def test_number_refuses_what_is_not_a_number_in_range(value):
    assert model_guard.number(value, 0, 10 ** 24) is None


@pytest.mark.parametrize("value", [None, "", "not a date", "2024-13-45", "2024-02-30", "9" * 1000, 20240101,
                                   float("nan")])
def test_when_refuses_what_is_not_a_date(value):
    assert model_guard.when(value) is None


def test_when_reads_a_stored_date():
    assert model_guard.when("2024-05-06T07:08:09+00:00").astimezone().utctimetuple()[:6] == (2024, 5, 6, 7, 8, 9)
