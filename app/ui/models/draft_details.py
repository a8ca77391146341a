"""The selected installed model's draft model: offered when its smaller relative is installed, with the gain.

Speculative decoding with a draft model (app/engine/draft_model.py) is a per-model setting, off
or automatic (app/core/draft_pairs.py). It is only offered where it can work: the catalog pairs
the two models and both files hold the same token list, which is read on a pool thread (a
vocabulary is up to 150,000 strings). Whether it pays depends on this machine, so the speed-up
is measured here on request (app/engine/draft_gain.py, in a process of its own, about a minute)
and kept in the settings, and shown beside the choice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject

from app.core import chat, draft_pairs
from app.core.settings import DRAFT_AUTO, DRAFT_OFF
from app.ui.settings_model import SettingsModel
from app.ui.tasks import TaskRunner


def _measure(model_path: str, options) -> dict:
    from app.engine import draft_gain  # the engine's modules only when a measurement is asked for

    return draft_gain.measure_in_child(model_path, options)


class DraftDetails(QObject):
    def __init__(self, window, settings: SettingsModel, tasks: TaskRunner, installed: Callable[[], list[Path]],
                 data_dir: Path, measure: Callable[[str, object], dict] = _measure):
        super().__init__(window)
        self.window, self.settings, self.tasks = window, settings, tasks
        self.installed, self.data_dir, self.measure = installed, data_dir, measure
        self.model: dict | None = None   # the selected row
        self.draft: Path | None = None   # the model that drafts for it
        self._asked = 0                  # the latest show_for(); an older answer is dropped
        # Paths of the models being measured: a row dict is rebuilt on every list refresh, so a measurement
        # is tied to its model's path, and a model is measured once at a time.
        self.measuring: set[str] = set()
        w = window
        w.draft_combo.addItem(self.tr("Off"), DRAFT_OFF)
        w.draft_combo.addItem(self.tr("Automatic"), DRAFT_AUTO)
        w.draft_combo.activated.connect(self._chosen)
        w.draft_measure_button.clicked.connect(self._measure)
        w.draft_box.hide()

    def show_for(self, row: dict | None) -> None:
        """Offer a draft model for this installed model, if one is installed; hide the details otherwise."""
        self._asked += 1
        asked, self.model, self.draft = self._asked, row, None
        self.window.draft_box.hide()
        if row is None or row.get("problem") or row["entry"].embedding:
            return
        main, installed = row["path"], self.installed

        def found(draft: Path | None) -> None:
            if asked == self._asked:
                self._offer(draft)
        self.tasks.run(lambda: draft_pairs.draft_for(main, installed()), found, lambda _error: None)

    def _offer(self, draft: Path | None) -> None:
        self.draft = draft
        if draft is None:
            return
        w, name = self.window, self.model["name"]
        w.draft_label.setText(self.tr("Draft model: {} (drafts the next words; the answer stays the same)")
                              .format(Path(draft).stem))
        w.draft_combo.setCurrentIndex(max(0, w.draft_combo.findData(self.settings.value.draft_model(name))))
        if self.model["path"] in self.measuring:
            w.draft_gain_label.setText(self.tr("Measuring the speed-up (about a minute)…"))
            w.draft_measure_button.setEnabled(False)
        else:
            self._show_gain()
            w.draft_measure_button.setEnabled(True)
        w.draft_box.show()

    def _show_gain(self) -> None:
        gain = self.settings.value.draft_gain(self.model["name"])
        label = self.window.draft_gain_label
        if not gain or gain.get("draft") != Path(self.draft).name:
            label.setText(self.tr("Speed-up here: not measured yet."))
        elif gain.get("acceptance") is None:
            label.setText(self.tr("Speed-up here: none with the current engine settings (drafts are checked with "
                                  "a q8_0 KV cache, or with flash attention on and one generation thread)."))
        else:
            label.setText(self.tr("Speed-up here: {:.2f}× ({:.0%} of drafts accepted).").format(
                gain["speedup"], gain["acceptance"]))

    def _chosen(self, index: int) -> None:
        if self.model is None:
            return
        value = self.window.draft_combo.itemData(index)
        self.settings.update(self.settings.value.with_model_value(self.model["name"], "draft_model", value))

    def _shown(self, path: str) -> bool:
        """Whether the details show this model now (whichever row dict stands for it)."""
        return self.model is not None and self.model["path"] == path and self.draft is not None

    def _measure(self) -> None:
        if self.model is None or self.draft is None or self.model["path"] in self.measuring:
            return
        model, draft = self.model, self.draft
        path = model["path"]
        settings, data_dir = self.settings.value, self.data_dir
        w = self.window
        w.draft_measure_button.setEnabled(False)
        w.draft_gain_label.setText(self.tr("Measuring the speed-up (about a minute)…"))

        self.measuring.add(path)

        def done(gain: dict) -> None:
            self.measuring.discard(path)
            self.settings.update(self.settings.value.with_model_value(model["name"], "draft_gain", gain))
            if self._shown(path):
                w.draft_measure_button.setEnabled(True)
                self._show_gain()

        def failed(message: str) -> None:
            self.measuring.discard(path)
            if self._shown(path):
                w.draft_measure_button.setEnabled(True)
                w.draft_gain_label.setText(self.tr("Could not measure the speed-up: {}").format(message))

        def measure() -> dict:
            # Built here, on the pool thread: the options look through the models folders.
            options = chat.load_options(settings, model["name"], data_dir)
            options = replace(options, draft_model=str(draft))  # measured whatever the setting is now
            return self.measure(path, draft_pairs.measuring_options(options))
        self.tasks.run(measure, done, failed)
