"""The first-run welcome: what Cove promises, a model to start with now, and a better one for later.

Shown in the transcript while there is no conversation yet. The built-in starter
model is offered at once (it works offline) and described honestly: it is there to
try Cove, and it is small enough to get things wrong, which a new user otherwise
learns from a wrong answer. The upgrade is one button: the catalog's model that fits
this computer's memory and answers quickly here (catalog.feels_good: a 9B model is
never pushed on two cores without a GPU), with its size, fit and speed. Working out
the recommendation reads the machine's memory (and, on CUDA builds, asks
nvidia-smi), so it runs off the GUI thread.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

from app.core import catalog as cat
from app.core import i18n, policy, speed, system
from app.core import store as st
from app.core.units import human_size
from app.ui.widgets.model_tables import table_words

START, DOWNLOAD, ADD_FILE, OPEN_MODELS = "welcome-start", "welcome-download", "welcome-add", "welcome-models"
ACTIONS = (START, DOWNLOAD, ADD_FILE, OPEN_MODELS)


def better_model(choices: list[cat.CatalogChoice], machine: system.Machine) -> tuple[cat.CatalogChoice, str] | None:
    """The catalog pick that will feel good here (fits, fast), needing no Hub account, with its labels."""
    best = cat.feels_good(choices, machine)
    if best is None:
        return None
    labels = (cat.fit_label(best.size, best.context, machine), cat.speed_label(best, machine))
    return best, " · ".join(label for label in labels if label)  # "fits · fast here"


class WelcomeActions(QObject):
    def __init__(self, transcript, store: st.Store, library, tasks, current_conversation, focus_composer,
                 add_model_file, open_models, parent=None, speed_file=None):
        """current_conversation() is the id shown (None: a new chat); open_models(repo, file) opens the
        Models dialog, downloading that file if one is given; speed_file holds this machine's measured speed."""
        super().__init__(parent)
        self.speed_file = speed_file
        self.transcript, self.store, self.library, self.tasks = transcript, store, library, tasks
        self.current_conversation = current_conversation
        self.focus_composer, self.add_model_file, self.open_models = focus_composer, add_model_file, open_models
        self.recommendation: tuple[cat.CatalogChoice, str] | None = None
        self.asked = False  # the recommendation was asked for (once per window)
        self.looking = False  # the recommendation is being worked out
        self.shown = False
        self.remote_model = lambda: None  # the remote model picked, if one is (set by the controller)
        transcript.action_requested.connect(self._on_action)

    def is_first_run(self) -> bool:
        return not self.store.has_any_conversation()

    def render_again(self) -> None:
        """The models changed (a remote server's list arrived): the welcome, if shown, says so."""
        if self.shown and self.current_conversation() is None:
            self._render()

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
            self.tasks.run(lambda: better_model(cat.load_catalog(),
                                                speed.with_measurements(system.machine(), self.speed_file)),
                           self._on_recommendation,
                           lambda _message: self._on_recommendation(None))
        return True

    def _on_recommendation(self, result) -> None:
        self.looking = False
        self.recommendation = result
        if self.shown and self.current_conversation() is None:
            self._render()

    def _render(self) -> None:
        tr = self.tr
        models = [] if policy.current().remote_only else self.library.installed()
        starter = next((m for m in models if m.builtin), None) if models else None
        remote = self.remote_model()
        # lupdate does not look inside f-strings: each tr() call stands on its own
        welcome, start_now, start_chatting = tr("Welcome to Cove"), tr("Start now"), tr("Start chatting")
        parts = [f"<h2>{html.escape(welcome)}</h2>",
                 "<p>" + html.escape(tr(
                     "Everything you write stays on this computer. Cove has no account, no cloud and no "
                     "telemetry; it uses the network only when you download a model.") if remote is None else tr(
                     "Your conversations are stored only on this computer. Cove has no account, no cloud and no "
                     "telemetry; the model picked runs on a remote server, so your messages are sent to it.")) +
                 "</p>", f"<h3>{html.escape(start_now)}</h3>"]
        if remote is not None:
            parts.append("<p>" + html.escape(tr("{} is ready.").format(remote.label)) +
                         f" <a href='cove:{START}/0'>{html.escape(start_chatting)}</a></p>")
        elif starter is not None:
            parts.append("<p>" + html.escape(tr(
                "The built-in {} ({}) works offline, so you can try Cove at once. It is very small: fine for "
                "short, simple questions, but it makes mistakes and misses instructions.").format(
                    starter.name, human_size(starter.size))) +
                f" <a href='cove:{START}/0'>{html.escape(start_chatting)}</a></p>")
        elif models:
            parts.append("<p>" + html.escape(tr("{} is ready.").format(models[0].name)) +
                         f" <a href='cove:{START}/0'>{html.escape(start_chatting)}</a></p>")
        else:
            add_file = tr("Add a .gguf file you have")
            parts.append("<p>" + html.escape(tr("There is no model yet.")) +
                         f" <a href='cove:{ADD_FILE}/0'>{html.escape(add_file)}</a></p>")
        parts += self._upgrade_html()
        # The languages in their own names, so that a user who cannot read this one still finds theirs
        languages = ", ".join(i18n.LANGUAGE_NAMES.get(code, code) for code in i18n.shipped_languages())
        parts.append("<p style='margin-top: 16px'>" + html.escape(tr(
            "Cove speaks {}. To change its language, open Settings › Appearance › Language; the change "
            "applies when Cove restarts.").format(languages)) + "</p>")
        self.transcript.set_html(
            "<div style='margin-left: 24px; margin-right: 24px'>" + "".join(parts) + "</div>")

    def _upgrade_html(self) -> list[str]:
        """The better model: what it is, why it suits this computer, and the one button that downloads it."""
        tr = self.tr
        admin = policy.current()
        if not admin.downloads:  # the administrator provides the models: nothing to recommend
            return ["<p class='meta'>" + html.escape(admin.reason(tr("Downloading models"))) + "</p>"]
        better, see_all_models = tr("A better model for this computer"), tr("See all models")
        parts = [f"<h3>{html.escape(better)}</h3>"]
        see_all = f"<a href='cove:{OPEN_MODELS}/0'>{html.escape(see_all_models)}</a>"
        if self.looking:
            return parts + ["<p class='meta'>" + html.escape(tr("Looking at this computer's memory…")) + "</p>"]
        if self.recommendation is None:
            return parts + ["<p>" + html.escape(tr(
                "None of the recommended models would fit and answer quickly on this computer: the built-in "
                "model is the one that runs well here.")) + f" {see_all}</p>"]
        choice, labels = self.recommendation
        size = f"{'' if choice.size_confirmed else '~'}{human_size(choice.size)}"
        button = html.escape(tr("Download {} ({})").format(choice.name, size))
        # A link drawn as a button, first under the heading: the one thing to click on this page.
        parts.append("<table cellspacing='0' cellpadding='9' style='margin-top: 4px; margin-bottom: 8px'>"
                     "<tr><td bgcolor='#2f6fdb'>"
                     f"<a href='cove:{DOWNLOAD}/0'><span style='color: #ffffff; font-weight: 600'>"
                     f"&nbsp;{button}&nbsp;</span></a></td></tr></table>")
        # "fits · fast here": memory and speed on this computer, in the Models window's words.
        parts.append(f"<p><b>{html.escape(table_words(labels))}.</b> " + html.escape(choice.description) + "</p>")
        parts.append("<p class='meta' style='margin-top: 6px'>" + html.escape(tr(
            "Downloads once from Hugging Face ({} build), then works offline like the built-in model.").format(
                choice.quant)) +
            f" &nbsp;·&nbsp; {see_all}</p>")
        return parts

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
