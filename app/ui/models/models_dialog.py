"""The Models window's widgets: installed models, catalog, Hub search, downloads, network.

Layout only; models_actions.py decides what the buttons do.

The window is shown before its pages are built: building all five pages at once froze
the window for about 100 ms on a busy 2-core machine (every widget polished through the
application's style sheet), then as long again to lay them out. So the constructor makes
the frame and the tabs' empty pages, and build_part() fills one page at a time, called
back in the event loop by ModelsActions (the visible tab first). Anything that reaches
a widget of a page not built yet (a download started from the welcome page, a test)
gets every page built at once, through __getattr__: never an AttributeError.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.built_in_steps import BuiltInSteps


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def fit_columns(table: QTableView) -> None:
    """Size the columns to their contents each time the rows are replaced, and only then.

    Not the header's ResizeToContents mode: that measured every cell again on each layout
    pass (building the window, showing it, each tab shown), about 1,900 Python calls and
    80 ms of a frozen window when the Models window opened. Not resizeColumnsToContents()
    either: it asks each cell for some ten roles through Python to measure it (1,700 calls,
    about 100 ms on a busy machine for the catalog's 24 rows). Here each cell's text is read
    once and measured with the font it is drawn in (see _fit). The user can still drag a column.
    Sized once back in the event loop: changes in a row coalesce, and opening the window
    (building, filling four tables) is not one long freeze with the sizing on top.
    """
    timer = QTimer(table)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(lambda: _fit(table))
    model = table.model()
    for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
        signal.connect(timer.start)
    timer.start()


FIT_ROWS = 1000  # as Qt's own sizing: the first thousand rows decide a column's width
_CELL_PADDING = 12  # the item view's text margins on both sides, and a little air


def _fit(table: QTableView) -> None:
    model, header = table.model(), table.horizontalHeader()
    if model is None:
        return
    plain = table.fontMetrics()
    bold_font = QFont(table.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    rows = min(model.rowCount(), FIT_ROWS)
    last = model.columnCount() - 1
    for column in range(model.columnCount()):
        if column == last and header.stretchLastSection() or header.sectionResizeMode(column) == QHeaderView.Stretch:
            continue  # it takes the room that is left
        width = header.sectionSizeHint(column)
        for row in range(rows):
            index = model.index(row, column)
            text = model.data(index, Qt.DisplayRole)
            if not text:
                continue
            font = model.data(index, Qt.FontRole)
            metrics = bold if font is not None and font.bold() else plain
            width = max(width, metrics.horizontalAdvance(str(text)) + _CELL_PADDING)
        table.setColumnWidth(column, width)


def _buttons(*buttons) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class ModelsDialog(BuiltInSteps, QDialog):
    PAGES = ("installed", "catalog", "search", "downloads", "network")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.resize(1080, 600)
        self.tabs = QTabWidget()
        self._pages: dict[str, QWidget] = {}
        for name, title in zip(self.PAGES, (self.tr("Installed"), self.tr("Catalog"), self.tr("Search the Hub"),
                                            self.tr("Downloads"), self.tr("Network"))):
            self._pages[name] = QWidget()
            self.tabs.addTab(self._pages[name], title)
        self._start_steps(self.PAGES)  # ModelsActions builds them, one per turn (built_in_steps.py)

        # What the administrator's policy decides here, when there is one.
        self.policy_label = QLabel()
        self.policy_label.setWordWrap(True)
        self.policy_label.setAccessibleName(self.tr("Administrator's policy"))
        self.policy_label.setStyleSheet("color: #8a6d00;")
        self.policy_label.hide()

        outer = QVBoxLayout(self)
        outer.addWidget(self.policy_label)
        outer.addWidget(self.tabs)

    def visible_page(self) -> str:
        return self.PAGES[max(0, self.tabs.currentIndex())]

    def _build(self, name: str) -> None:
        getattr(self, f"_build_{name}")(self._pages[name])

    def _build_installed(self, installed: QWidget) -> None:
        self.installed_table = _table(self.tr("Installed models"))
        self.add_file_button = QPushButton(self.tr("Add model file…"))
        self.open_folder_button = QPushButton(self.tr("Open containing folder"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.template_button = QPushButton(self.tr("Chat template…"))
        self.template_button.setToolTip(self.tr("Use your own chat template for the selected model"))
        # The selected model's details: its draft model, when one is installed (draft_details.py).
        self.draft_box = QWidget()
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.draft_combo = QComboBox()
        self.draft_combo.setAccessibleName(self.tr("Draft model"))
        self.draft_gain_label = QLabel()
        self.draft_gain_label.setWordWrap(True)
        self.draft_measure_button = QPushButton(self.tr("Measure speed-up"))
        draft_row = QHBoxLayout(self.draft_box)
        draft_row.setContentsMargins(0, 0, 0, 0)
        draft_row.addWidget(self.draft_label, 2)
        draft_row.addWidget(self.draft_combo)
        draft_row.addWidget(self.draft_gain_label, 2)
        draft_row.addWidget(self.draft_measure_button)
        layout = QVBoxLayout(installed)
        layout.addWidget(self.installed_table)
        layout.addWidget(self.draft_box)
        layout.addLayout(_buttons(self.add_file_button, self.template_button, self.open_folder_button,
                                  self.delete_button))

    def _build_catalog(self, catalog: QWidget) -> None:
        self.machine_label = QLabel()
        self.machine_label.setWordWrap(True)
        self.catalog_table = _table(self.tr("Model catalog"))
        self.catalog_download_button = QPushButton(self.tr("Download"))
        self.catalog_download_button.setAccessibleName(self.tr("Download selected model"))
        # Embedding models: their own section, since they are not for chatting (embedding_catalog.py)
        self.embedding_heading = QLabel(self.tr("<b>For your notes: find them by meaning</b>"))
        self.embedding_note = QLabel()
        self.embedding_note.setWordWrap(True)
        self.embedding_table = _table(self.tr("Embedding models"))
        self.embedding_status = QLabel()
        self.embedding_status.setWordWrap(True)
        self.embedding_download_button = QPushButton(self.tr("Download"))
        self.embedding_download_button.setAccessibleName(self.tr("Download selected embedding model"))
        layout = QVBoxLayout(catalog)
        layout.addWidget(self.machine_label)
        layout.addWidget(self.catalog_table, 3)
        layout.addLayout(_buttons(self.catalog_download_button))
        layout.addWidget(self.embedding_heading)
        layout.addWidget(self.embedding_note)
        layout.addWidget(self.embedding_table, 1)
        layout.addWidget(self.embedding_status)
        layout.addLayout(_buttons(self.embedding_download_button))

    def _build_search(self, search: QWidget) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the Hub for GGUF models, e.g. “mistral 7b instruct”"))
        self.search_edit.setAccessibleName(self.tr("Search text"))
        self.search_button = QPushButton(self.tr("Search"))
        # While a search or a file list is on its way: a busy bar and Cancel, in place of silence.
        self.search_busy = QProgressBar()
        self.search_busy.setRange(0, 0)
        self.search_busy.setTextVisible(False)
        self.search_busy.setMaximumWidth(120)
        self.search_busy.setAccessibleName(self.tr("Waiting for the Hub"))
        self.search_busy.hide()
        self.search_cancel_button = QPushButton(self.tr("Cancel"))
        self.search_cancel_button.setToolTip(self.tr("Stop waiting for the Hub"))
        self.search_cancel_button.hide()
        self.search_results = QListWidget()
        self.search_results.setAccessibleName(self.tr("Repositories found"))
        self.files_table = _table(self.tr("Files in the repository"))
        self.search_download_button = QPushButton(self.tr("Download"))
        self.search_status = QLabel()
        self.search_status.setWordWrap(True)
        layout = QVBoxLayout(search)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        row.addWidget(self.search_busy)
        row.addWidget(self.search_cancel_button)
        layout.addLayout(row)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.search_results)
        split.addWidget(self.files_table)
        split.setSizes([360, 700])
        layout.addWidget(split, 1)
        layout.addWidget(self.search_status)
        layout.addLayout(_buttons(self.search_download_button))

    def _build_downloads(self, downloads: QWidget) -> None:
        self.downloads_table = _table(self.tr("Downloads"))
        # Set widths, not sized to contents: its cells change several times a second while a file
        # downloads, and sizing to contents measured every cell again on each change (1.5 ms idle,
        # tens of ms on a busy machine, each cell a Python call competing for the GIL).
        self.downloads_table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        for column, width in enumerate((320, 260, 100, 90)):  # the state column stretches
            self.downloads_table.setColumnWidth(column, width)
        self.downloads_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Fixed)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.downloads_help = self.tr(
            "Downloads continue where they stopped, even after Cove restarts. Each file is checked "
            "against the SHA-256 the Hub reports before it can be used.")
        self.downloads_note = QLabel(self.downloads_help)
        self.downloads_note.setWordWrap(True)
        self.downloads_note.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(downloads)
        layout.addWidget(self.downloads_table)
        layout.addWidget(self.downloads_note)
        layout.addLayout(_buttons(self.pause_button, self.resume_button, self.cancel_button))

    def _build_network(self, network: QWidget) -> None:
        self.endpoint_edit = QLineEdit()
        self.endpoint_edit.setPlaceholderText("https://huggingface.co")
        self.endpoint_edit.setAccessibleName(self.tr("Mirror address"))
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.Password)
        self.token_edit.setAccessibleName(self.tr("Hub token"))
        self.offline_check = QCheckBox(self.tr("Offline: never use the network"))
        self.network_save_button = QPushButton(self.tr("Save"))
        self.network_status = QLabel()
        self.network_status.setWordWrap(True)
        form = QFormLayout(network)
        form.addRow(self.tr("Mirror address:"), self.endpoint_edit)
        form.addRow(self.tr("Hub token (for gated models):"), self.token_edit)
        form.addRow("", self.offline_check)
        form.addRow("", self.network_status)
        form.addRow("", self.network_save_button)
