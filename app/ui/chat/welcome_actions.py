"""The first-run welcome: what Cove promises, a model to start with now, and a better one for later.

Shown in the transcript while there is no conversation yet. The built-in starter
model is offered at once (it works offline); the catalog's best choice for this
computer's memory is recommended with its size and fit label, one click from
downloading. Working out the recommendation reads the machine's memory (and, on
CUDA builds, asks nvidia-smi), so it runs off the GUI thread.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

from app.core import catalog as cat
from app.core import policy, system
from app.core import store as st
from app.core.units import human_size

START, DOWNLOAD, ADD_FILE, OPEN_MODELS = "welcome-start", "welcome-download", "welcome-add", "welcome-models"
ACTIONS = (START, DOWNLOAD, ADD_FILE, OPEN_MODELS)


def better_model(choices: list[cat.CatalogChoice], machine: system.Machine) -> tuple[cat.CatalogChoice, str] | None:
    """The biggest catalog pick that fits this computer and needs no Hub account."""
    picks = [c for c in cat.recommend(choices, machine).values() if not c.gated]
    if not picks:
        return None
    best = max(picks, key=lambda c: c.size)
    return best, cat.fit_label(best.size, best.context, machine)


class WelcomeActions(QObject):
    def __init__(self, transcript, store: st.Store, library, tasks, current_conversation, focus_composer,
                 add_model_file, open_models, parent=None):
        """current_conversation() is the id shown (None: a new chat); open_models(repo, file) opens the
        Models dialog, downloading that file if one is given."""
        super().__init__(parent)
        self.transcript, self.store, self.library, self.tasks = transcript, store, library, tasks
        self.current_conversation = current_conversation
        self.focus_composer, self.add_model_file, self.open_models = focus_composer, add_model_file, open_models
        self.recommendation: tuple[cat.CatalogChoice, str] | None = None
        self.asked = False  # the recommendation was asked for (once per window)
        self.looking = False  # the recommendation is being worked out
        self.shown = False
        transcript.action_requested.connect(self._on_action)

    def is_first_run(self) -> bool:
        return not self.store.has_any_conversation()

    def show(self) -> bool:
        """Show the welcome in the transcript if this is the first run; False otherwise."""
        if not self.is_first_run():
            self.shown = False
            return False
        self.shown = True
        self._render()
        if self.recommendation is None and not self.asked:
            self.asked = True
            self.looking = True
            self.tasks.run(lambda: better_model(cat.load_catalog(), system.machine()), self._on_recommendation,
                           lambda _message: self._on_recommendation(None))
        return True

    def _on_recommendation(self, result) -> None:
        self.looking = False
        self.recommendation = result
        if self.shown and self.current_conversation() is None:
            self._render()

    def _render(self) -> None:
        tr = self.tr
        models = self.library.installed()
        starter = next((m for m in models if m.builtin), None) if models else None
        parts = [f"<h2>{html.escape(tr('Welcome to Cove'))}</h2>",
                 "<p>" + html.escape(tr(
                     "Everything you write stays on this computer. Cove has no account, no cloud and no "
                     "telemetry; it uses the network only when you download a model.")) + "</p>",
                 f"<h3>{html.escape(tr('Start now'))}</h3>"]
        if starter is not None:
            parts.append("<p>" + html.escape(tr(
                "The built-in {} ({}) is ready and works offline: small and quick, good for short questions "
                "and notes.").format(starter.name, human_size(starter.size))) +
                f" <a href='cove:{START}/0'>{html.escape(tr('Start chatting'))}</a></p>")
        elif models:
            parts.append("<p>" + html.escape(tr("{} is ready.").format(models[0].name)) +
                         f" <a href='cove:{START}/0'>{html.escape(tr('Start chatting'))}</a></p>")
        else:
            parts.append("<p>" + html.escape(tr("There is no model yet.")) +
                         f" <a href='cove:{ADD_FILE}/0'>{html.escape(tr('Add a .gguf file you have'))}</a></p>")
        admin = policy.current()
        if admin.downloads:
            parts.append(f"<h3>{html.escape(tr('A better model for this computer'))}</h3>")
        if not admin.downloads:  # the administrator provides the models: nothing to recommend
            parts.append("<p class='meta'>" + html.escape(admin.reason(tr("Downloading models"))) + "</p>")
        elif self.looking:
            parts.append("<p class='meta'>" + html.escape(tr("Looking at this computer's memory…")) + "</p>")
        elif self.recommendation is None:
            parts.append("<p>" + html.escape(tr(
                "This computer has little free memory: the built-in model is the one that runs well here.")) +
                f" <a href='cove:{OPEN_MODELS}/0'>{html.escape(tr('See all models'))}</a></p>")
        else:
            choice, fit = self.recommendation
            parts.append("<p><b>" + html.escape(f"{choice.name} · {choice.quant}") + "</b> · " +
                         html.escape(f"{'' if choice.size_confirmed else '~'}{human_size(choice.size)} · {fit}") +
                         "<br>" + html.escape(choice.description) + "</p>"
                         f"<p><a href='cove:{DOWNLOAD}/0'>{html.escape(tr('Download it'))}</a>"
                         f" &nbsp;·&nbsp; <a href='cove:{OPEN_MODELS}/0'>{html.escape(tr('See all models'))}</a></p>")
        self.transcript.set_html(
            "<div style='margin-left: 24px; margin-right: 24px'>" + "".join(parts) + "</div>")

    def _on_action(self, action: str, _message_id: int) -> None:
        if action not in ACTIONS:
            return
        if action == START:
            self.focus_composer()
        elif action == ADD_FILE:
            self.add_model_file()
        elif action == OPEN_MODELS:
            self.open_models()
        elif action == DOWNLOAD and self.recommendation is not None:
            choice = self.recommendation[0]
            self.open_models(choice.repo, choice.first_file)
