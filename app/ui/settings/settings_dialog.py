"""Settings, in tabs: answers (generation defaults), engine (how models run, and what this
llama.cpp build can do), remote servers, serving to other programs, appearance, privacy and storage.

Each tab's content stands on its own, with no group box repeating the tab's name; buttons are
as wide as their text, and the one that deletes everything looks like it.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import i18n
from app.core.settings import EngineOptions
from app.ui.settings.remote_servers_tab import RemoteServersTab
from app.ui.settings.sampling_form import SamplingForm, hint
from app.ui.settings.sampling_form import spin as _spin
from app.ui.settings.server_tab import ServerTab

__all__ = ["SamplingForm", "SettingsDialog", "DESTRUCTIVE_STYLE"]

# Red text and outline: what a destructive button looks like in most desktop apps (readable on both themes).
DESTRUCTIVE_STYLE = ("QPushButton { color: #d64545; border: 1px solid #d64545; border-radius: 5px; "
                     "padding: 5px 14px; background: transparent; } "
                     "QPushButton:hover { background: rgba(214, 69, 69, 0.10); } "
                     "QPushButton:pressed { background: rgba(214, 69, 69, 0.20); }")


def _left(*widgets) -> QHBoxLayout:
    """Widgets at their own width, at the start of the row."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class SettingsDialog(QDialog):
    """Layout only; the controller loads values into it and saves them from it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.sampling = SamplingForm()
        generation = QWidget()
        generation_layout = QVBoxLayout(generation)
        generation_layout.setContentsMargins(0, 0, 0, 0)
        generation_layout.addWidget(hint(self.tr(
            "How every model writes its answers, unless a model or a conversation has its own settings "
            "(Chat › Answer settings).")))
        generation_layout.addWidget(self.sampling)

        self.n_ctx = _spin(0, EngineOptions.LIMITS["n_ctx"][1], special=self.tr("automatic"))
        self.n_ctx.setSingleStep(1024)
        self.n_threads = _spin(0, 512, special=self.tr("automatic"))
        self.n_threads_batch = _spin(0, 512, special=self.tr("automatic"))
        self.n_gpu_layers = _spin(-1, 1000, special=self.tr("automatic"))
        self.flash_attn = QComboBox()
        for value, label in (("auto", self.tr("automatic")), ("on", self.tr("on")), ("off", self.tr("off"))):
            self.flash_attn.addItem(label, value)
        self.kv_type = QComboBox()
        # q8_0 also lets prompt-lookup drafts be checked with every thread (app/engine/speculative.py).
        for value, label in (("f16", self.tr("f16 (best quality)")),
                             ("q8_0", self.tr("q8_0 (half the memory; rewrites sooner)")),
                             ("q4_0", self.tr("q4_0 (a quarter)"))):
            self.kv_type.addItem(label, value)
        self.overflow = QComboBox()
        self.overflow.addItem(self.tr("leave out the oldest messages"), "drop_oldest")
        self.overflow.addItem(self.tr("stop and tell me"), "stop")
        self.saved_states = _spin(0, 1_000_000, special=self.tr("off"))
        self.saved_states.setSuffix(" MB")
        self.saved_states.setSingleStep(512)
        self.typeahead = QCheckBox(self.tr("Read my message while I type (faster first word)"))
        engine = QWidget()
        form = QFormLayout(engine)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        for label, widget in ((self.tr("Context size (tokens)"), self.n_ctx),
                              (self.tr("Threads for answers"), self.n_threads),
                              (self.tr("Threads for reading prompts"), self.n_threads_batch),
                              (self.tr("GPU layers"), self.n_gpu_layers),
                              (self.tr("Flash attention"), self.flash_attn),
                              (self.tr("KV cache type"), self.kv_type),
                              (self.tr("When a chat outgrows the context"), self.overflow),
                              (self.tr("Saved conversation states"), self.saved_states)):
            widget.setAccessibleName(label)
            form.addRow(label + ":", widget)
        form.addRow("", self.typeahead)

        self.backend_label = QLabel()
        self.backend_label.setWordWrap(True)
        self.backend_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        backend = QGroupBox(self.tr("This computer"))
        QVBoxLayout(backend).addWidget(self.backend_label)

        self.trash_days = _spin(1, 3650)
        self.trash_days.setSuffix(self.tr(" days"))
        self.backups_kept = _spin(1, 365)
        storage = QWidget()
        storage_form = QFormLayout(storage)
        storage_form.setContentsMargins(0, 0, 0, 0)
        storage_form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        for label, widget in ((self.tr("Empty the trash of chats deleted more than"), self.trash_days),
                              (self.tr("Daily backups of the conversations to keep"), self.backups_kept)):
            widget.setAccessibleName(label)
            storage_form.addRow(label + ":", widget)

        self.data_folder = QLabel()
        self.data_folder.setWordWrap(True)
        self.data_folder.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.open_data_folder = QPushButton(self.tr("Open folder"))
        self.open_data_folder.setAccessibleName(self.tr("Open the data folder"))
        storage_form.addRow(self.tr("Data folder") + ":", self.data_folder)
        storage_form.addRow("", _left(self.open_data_folder))

        self.theme = QComboBox()
        for value, label in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                             ("dark", self.tr("Dark"))):
            self.theme.addItem(label, value)
        self.font_size = _spin(0, 40, special=self.tr("system size"))
        self.font_size.setSuffix(" pt")
        appearance = QWidget()
        appearance_form = QFormLayout(appearance)
        appearance_form.setContentsMargins(0, 0, 0, 0)
        appearance_form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        for label, widget in ((self.tr("Theme"), self.theme), (self.tr("Conversation text size"), self.font_size)):
            widget.setAccessibleName(label)
            appearance_form.addRow(label + ":", widget)
        # Only languages whose translations are shipped are offered; each in its own name.
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), i18n.SYSTEM)
        for code in i18n.shipped_languages():
            self.language.addItem(i18n.LANGUAGE_NAMES.get(code) or QLocale(code).nativeLanguageName(), code)
        self.language.setAccessibleName(self.tr("Language"))
        self.language_note = QLabel(self.tr("Applies when Cove restarts"))
        language_row = QHBoxLayout()
        language_row.addWidget(self.language)
        language_row.addWidget(self.language_note)
        language_row.addStretch(1)
        appearance_form.addRow(self.tr("Language") + ":", language_row)

        self.offline = QCheckBox(self.tr("Offline: never use the network, not even for model search and downloads"))
        self.offline.setAccessibleName(self.tr("Offline"))
        privacy_text = QLabel(self.tr(
            "Your conversations never leave this computer: Cove has no account, no telemetry and no cloud. "
            "The network is used only when you search for or download a model (from the Hugging Face Hub, "
            "or the mirror set in Models › Network), and when you chat with a model of a remote server "
            "(Settings › Remote servers): your messages then go to that server."))
        privacy_text.setWordWrap(True)
        privacy = QWidget()
        privacy_layout = QVBoxLayout(privacy)
        privacy_layout.setContentsMargins(0, 0, 0, 0)
        privacy_layout.addWidget(privacy_text)
        privacy_layout.addWidget(self.offline)
        # Encrypted at rest (app/ui/settings/encryption_dialog.py) and the idle lock (app/ui/lock_actions.py).
        self.encryption_button = QPushButton(self.tr("Encrypt my conversations…"))
        self.idle_lock = _spin(0, 1440, special=self.tr("never"))
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setAccessibleName(self.tr("Lock after idle minutes"))
        privacy_layout.addLayout(_left(self.encryption_button, QLabel(self.tr("Lock when idle for:")), self.idle_lock))
        self.delete_all_button = QPushButton(self.tr("Delete all my data…"))
        self.delete_all_button.setAccessibleName(self.tr("Delete all my data"))
        self.delete_all_button.setStyleSheet(DESTRUCTIVE_STYLE)
        privacy_layout.addSpacing(12)
        privacy_layout.addLayout(_left(self.delete_all_button))
        self.policy_label = QLabel()  # what the administrator's policy fixes, if there is one
        self.policy_label.setWordWrap(True)
        self.policy_label.setEnabled(False)  # shown greyed: these cannot be changed here
        self.policy_label.hide()
        privacy_layout.addWidget(self.policy_label)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.remote_servers = RemoteServersTab()
        self.server = ServerTab()  # Settings › Server: serving this computer's models (app/ui/settings/server_tab.py)
        self.tabs = QTabWidget()
        for title, boxes in ((self.tr("Answers"), (generation,)), (self.tr("Engine"), (engine, backend)),
                             (self.tr("Remote servers"), (self.remote_servers,)), (self.tr("Server"), (self.server,)),
                             (self.tr("Appearance"), (appearance,)), (self.tr("Privacy"), (privacy,)),
                             (self.tr("Storage"), (storage,))):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            for box in boxes:
                page_layout.addWidget(box)
            page_layout.addStretch(1)
            self.tabs.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Every tab's name in full (German and Spanish names are longer): the dialog is as wide as its tab
        # bar needs rather than hiding the last tabs behind scroll arrows; it still fits an 800 px screen.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.ElideNone)
        self.resize(max(640, self.tabs.tabBar().sizeHint().width() + 40), 560)

    def set_engine(self, options: EngineOptions) -> None:
        self.n_ctx.setValue(options.n_ctx)
        self.n_threads.setValue(options.n_threads)
        self.n_threads_batch.setValue(options.n_threads_batch)
        self.n_gpu_layers.setValue(options.n_gpu_layers)
        for combo, value in ((self.flash_attn, options.flash_attn), (self.kv_type, options.kv_type),
                             (self.overflow, options.overflow)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.saved_states.setValue(options.saved_states_mb)
        self.typeahead.setChecked(options.typeahead)

    def set_storage(self, options) -> None:
        self.trash_days.setValue(options.trash_days)
        self.backups_kept.setValue(options.backups_kept)
        self.idle_lock.setValue(options.idle_lock_minutes)

    def storage_values(self) -> dict:
        return {"trash_days": self.trash_days.value(), "backups_kept": self.backups_kept.value(),
                "idle_lock_minutes": self.idle_lock.value()}

    def show_policy(self, admin) -> None:
        if not admin.active:
            return
        yes, no = self.tr("on"), self.tr("off")
        lines = [self.tr("Set by your administrator ({}):").format(admin.source),
                 self.tr("Model downloads: {}").format(yes if admin.downloads else no),
                 self.tr("Hub search: {}").format(yes if admin.hub_search else no),
                 self.tr("Exporting conversations: {}").format(yes if admin.export else no)]
        if admin.endpoint:
            lines.append(self.tr("Models come only from: {}").format(admin.endpoint))
        if admin.allowed_models is not None:
            lines.append(self.tr("Allowed models: {}").format(len(admin.allowed_models)))
        if admin.retention_days:
            lines.append(self.tr("Conversations are deleted after {} days without activity").format(
                admin.retention_days))
        if admin.message:
            lines.append(admin.message)
        self.policy_label.setText("\n".join(lines))
        self.policy_label.setToolTip(self.tr("Only an administrator can change these."))
        self.policy_label.show()

    def set_appearance(self, options) -> None:
        self.theme.setCurrentIndex(max(0, self.theme.findData(options.theme)))
        self.font_size.setValue(options.font_size)
        self.language.setCurrentIndex(max(0, self.language.findData(options.language)))

    def appearance_values(self) -> dict:
        return {"theme": self.theme.currentData(), "font_size": self.font_size.value(),
                "language": self.language.currentData()}

    def engine_values(self) -> dict:
        return {"n_ctx": self.n_ctx.value(), "n_threads": self.n_threads.value(),
                "n_threads_batch": self.n_threads_batch.value(), "n_gpu_layers": self.n_gpu_layers.value(),
                "flash_attn": self.flash_attn.currentData(), "kv_type": self.kv_type.currentData(),
                "overflow": self.overflow.currentData(), "saved_states_mb": self.saved_states.value(),
                "typeahead": self.typeahead.isChecked()}
