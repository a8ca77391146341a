"""What the Settings, Answer settings and chat template dialogs do."""

from __future__ import annotations

from dataclasses import asdict, replace

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog

from app.core import chat, encryption, policy, system
from app.core import settings as settings_mod
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.locale_format import format_number
from app.core.units import human_size
from app.ui.settings.data_deletion_actions import DataDeletionActions
from app.ui.settings.generation_dialog import GenerationDialog
from app.ui.settings.remote_servers_tab import RemoteServersActions
from app.ui.settings.server_tab import LocalServer
from app.ui.settings.server_tab import bind as bind_server_tab
from app.ui.settings.settings_dialog import SettingsDialog


def describe_machine(info: dict) -> str:
    """"This computer": the processor, memory and GPU in words, then how the loaded model runs."""
    free, total = system.memory()
    cores, threads = system.physical_cores(), system.logical_cores()
    cpu = system.cpu_name() or QCoreApplication.translate("SettingsActions", "Processor")
    lines = [(QCoreApplication.translate("SettingsActions", "{} · {} cores ({} threads) · {} memory ({} free)").format(
        cpu, cores, threads, human_size(total), human_size(free)) if threads != cores else
        QCoreApplication.translate("SettingsActions", "{} · {} cores · {} memory ({} free)").format(cpu, cores, human_size(total),
                                                                          human_size(free)))]
    backend = (info.get("backend") or system.gpu_backend() or "").lower()
    gpu = _GPU_NAMES.get(backend, backend.upper())
    no_offload = info and not info.get("gpu_offload")  # a GPU library, but this build cannot use it
    if backend and backend != "cpu":
        lines.append((QCoreApplication.translate("SettingsActions", "GPU: {} (this build cannot offload to it)") if no_offload
                      else QCoreApplication.translate("SettingsActions", "GPU: {}")).format(gpu))
    else:
        lines.append(QCoreApplication.translate("SettingsActions", "GPU: none used (this llama.cpp build runs models on the processor)"))
    if not info:
        lines.append(QCoreApplication.translate("SettingsActions", "Load a model to see the accelerations llama.cpp uses and how it runs "
                                          "the model."))
        return "\n".join(lines)
    found = system.accelerations(str(info.get("system_info", "")))
    lines.append(QCoreApplication.translate("SettingsActions", "Accelerations: {}").format(
        ", ".join(found) if found else QCoreApplication.translate("SettingsActions", "none beyond the basics")))
    layers = info.get("n_gpu_layers", 0)
    offload = ((QCoreApplication.translate("SettingsActions", "all layers on the GPU") if layers == -1
                else QCoreApplication.translate("SettingsActions", "{} layers on the GPU").format(layers)) if layers
               else QCoreApplication.translate("SettingsActions", "CPU only"))
    lines.append(QCoreApplication.translate("SettingsActions", "Running now: llama.cpp {} · {} · context {} tokens · {} threads for answers, "
                                      "{} for reading · flash attention {} · KV cache {}").format(
        info.get("llama_cpp_version", "?"), offload, format_number(info.get("n_ctx", 0) or 0),
        info.get("n_threads"), info.get("n_threads_batch"),
        QCoreApplication.translate("SettingsActions", "on") if info.get("flash_attn") else QCoreApplication.translate("SettingsActions", "off"), info.get("kv_type")))
    return "\n".join(lines)


_GPU_NAMES = {"cuda": "NVIDIA (CUDA)", "metal": "Apple (Metal)", "vulkan": "Vulkan", "hip": "AMD (ROCm)",
              "sycl": "Intel (SYCL)"}


class SettingsActions(QObject):
    def __init__(self, window, store, paths, settings, models, nav, data_deletion: DataDeletionActions,
                 parent=None, tasks=None):
        """`settings` is the SettingsModel, `models` the ModelPicker, `nav` the Navigation; `tasks` (the
        TaskRunner) lets Settings › Remote servers ask a new server for its models."""
        super().__init__(parent)
        self.tasks = tasks
        self.remote_servers: RemoteServersActions | None = None
        self.window, self.store, self.paths = window, store, paths
        self.settings, self.models, self.nav = settings, models, nav
        self.dialog: SettingsDialog | None = None
        self.data_deletion = data_deletion
        data_deletion.setParent(self)
        self.local_server = LocalServer(paths, settings, window, self)  # Settings › Server; outlives the dialog
        window.settings_action.triggered.connect(self.open_settings)
        window.generation_action.triggered.connect(self.open_generation)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.window)
        settings = self.settings.value
        dialog.sampling.set_values(settings.sampling)
        dialog.set_engine(settings.engine)
        dialog.set_storage(settings.storage)
        dialog.set_appearance(settings.appearance)
        dialog.show_policy(policy.current())
        dialog.offline.setChecked(settings.hub.offline)
        dialog.data_folder.setText(str(self.paths.data_dir))
        dialog.open_data_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.data_dir))))
        dialog.delete_all_button.clicked.connect(lambda: self.data_deletion.run(dialog))
        if self.tasks is not None:
            self.remote_servers = RemoteServersActions(dialog.remote_servers, self.settings, self.paths.data_dir,
                                                       self.tasks, dialog)
        else:
            dialog.tabs.setTabEnabled(dialog.tabs.indexOf(dialog.remote_servers.parentWidget()), False)
        bind_server_tab(dialog.server, self.local_server)
        encryption_action = getattr(self.window, "encryption_action", None)  # added by app/ui/lock_actions.py
        if encryption_action is not None:
            dialog.encryption_button.clicked.connect(encryption_action.trigger)
            if encryption.is_encrypted(self.paths.database):  # the button then changes or ends it
                dialog.encryption_button.setText(self.tr("Encryption and passphrase…"))
        if policy.current().max_idle_lock_minutes is not None:
            dialog.idle_lock.setMaximum(policy.current().max_idle_lock_minutes)
        self.dialog = dialog
        dialog.backend_label.setText(describe_machine(self.models.backend_info))
        raw = str(self.models.backend_info.get("system_info", ""))  # the whole list, for whoever wants it
        dialog.backend_label.setToolTip(raw)
        dialog.buttons.accepted.connect(lambda: self.save_settings(dialog))
        dialog.open()
        return dialog

    def save_settings(self, dialog: SettingsDialog) -> bool:
        raw = self.settings.value.to_json()
        raw["sampling"] = asdict(dialog.sampling.values())
        raw["engine"] = {**raw["engine"], **dialog.engine_values()}
        raw["storage"] = dialog.storage_values()
        raw["appearance"] = dialog.appearance_values()
        raw["hub"] = {**raw["hub"], "offline": dialog.offline.isChecked()}
        checked, problems = settings_mod.parse(raw)
        if problems:
            dialog.message.setText("\n".join(problems))
            return False
        engine_changed = checked.engine != self.settings.value.engine
        self.settings.update(checked)
        dialog.accept()
        if engine_changed:
            self.models.reload()
        return True

    def open_generation(self) -> GenerationDialog | None:
        model = self.models.current_model()
        if model is None:
            return None
        conversation_id = self.nav.current()
        conversation = self.store.conversation(conversation_id) if conversation_id else None
        dialog = GenerationDialog(model.name, self.window)
        dialog.form.set_values(chat.effective_sampling(self.settings.value, model.name, conversation))

        def changed_from(base: settings_mod.Sampling) -> dict:
            chosen = asdict(dialog.form.values())
            return {k: v for k, v in chosen.items() if asdict(base)[k] != v}

        def save_for_conversation() -> None:
            conversation_id = self.nav.current()
            if conversation_id is None:  # a new chat: start it now so it can hold its settings
                conversation_id = self.store.create_conversation(model=str(model.path)).id
                self.nav.refresh()
                self.nav.open(conversation_id)
            overrides = changed_from(self.settings.value.model_sampling(model.name))
            self.store.set_conversation_sampling(conversation_id, overrides)
            dialog.accept()

        def save_for_model() -> None:
            settings = self.settings.value
            overrides = changed_from(settings.sampling)
            models = dict(settings.models)
            models[model.name] = {**models.get(model.name, {}), "sampling": overrides}
            self.settings.update(replace(settings, models=models))
            if self.nav.current() is not None:
                self.store.set_conversation_sampling(self.nav.current(), {})
            dialog.accept()

        def use_defaults() -> None:
            dialog.form.set_values(self.settings.value.model_sampling(model.name))

        dialog.buttons.accepted.connect(save_for_conversation)
        dialog.as_model_default.clicked.connect(save_for_model)
        dialog.reset.clicked.connect(use_defaults)
        dialog.open()
        return dialog

    def edit_chat_template(self, model_entry) -> None:
        """Let the user replace a model's chat template (empty text goes back to the file's)."""
        current = self.settings.value.chat_template(model_entry.name)
        if not current:
            try:
                current = read_gguf(model_entry.path).chat_template or ""
            except CoveError:
                current = ""
        text, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Chat template"),
            self.tr("Jinja chat template for {} (leave empty to use the one in the file):").format(model_entry.name),
            current)
        if not ok:
            return
        models = dict(self.settings.value.models)
        entry = dict(models.get(model_entry.name, {}))
        file_template = ""
        try:
            file_template = read_gguf(model_entry.path).chat_template or ""
        except CoveError:
            pass
        if text.strip() and text != file_template:
            entry["chat_template"] = text
        else:
            entry.pop("chat_template", None)
        models[model_entry.name] = entry
        self.settings.update(replace(self.settings.value, models=models))
        self.models.reload()
