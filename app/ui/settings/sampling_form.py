"""The answer settings (temperature, top-p…) as a form, each with a line saying what it does.

Settings › Answers and the per-conversation answer settings (generation_dialog.py) both
show it. The names are llama.cpp's own, so that they match what guides and model cards
recommend; the line beside each says in plain words what changing it does, and its
tooltip says a little more.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from app.core.settings import Sampling


def spin(low: int, high: int, special: str | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    if special:
        box.setSpecialValueText(special)  # shown for the lowest value
    return box


def dspin(low: float, high: float, step: float, decimals: int = 2) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    return box


def hint(text: str) -> QLabel:
    """A short explanation beside a field, in the palette's quieter colour."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def with_hint(field: QWidget, text: str, tip: str = "") -> QWidget:
    """The field at its own size, then its explanation in the rest of the row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    field.setMinimumWidth(90)
    layout.addWidget(field)
    layout.addWidget(hint(text), 1)
    for widget in (field, row):
        widget.setToolTip(tip or text)
    return row


class SamplingForm(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        limits = Sampling.LIMITS
        self.temperature = dspin(*limits["temperature"], 0.05)
        self.top_p = dspin(*limits["top_p"], 0.01)
        self.top_k = spin(*limits["top_k"], special=self.tr("no limit"))
        self.min_p = dspin(*limits["min_p"], 0.01)
        self.repeat_penalty = dspin(*limits["repeat_penalty"], 0.05)
        self.max_tokens = spin(*limits["max_tokens"])
        self.seed = spin(*limits["seed"], special=self.tr("random"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        rows = (
            (self.tr("Temperature"), self.temperature,
             self.tr("Lower: focused and predictable. Higher: more varied and inventive."),
             self.tr("How freely the next word is picked. 0 always takes the likeliest word; around 0.7 suits "
                     "conversation; above 1 wanders.")),
            (self.tr("Top-p"), self.top_p,
             self.tr("Picks only among the likeliest words that together make up this share (1 = all)."), ""),
            (self.tr("Top-k"), self.top_k,
             self.tr("Picks only among this many likeliest words."), ""),
            (self.tr("Min-p"), self.min_p,
             self.tr("Leaves out words less likely than this share of the likeliest one (0 = off)."), ""),
            (self.tr("Repeat penalty"), self.repeat_penalty,
             self.tr("Above 1 discourages repeating the same words (1 = off)."), ""),
            (self.tr("Longest answer (tokens)"), self.max_tokens,
             self.tr("An answer stops after this many tokens (a token is about ¾ of a word)."), ""),
            (self.tr("Seed"), self.seed,
             self.tr("Random: a new answer each time. A number: the same question gets the same answer."), ""))
        for label, widget, text, tip in rows:
            widget.setAccessibleName(label)
            widget.setAccessibleDescription(text)
            form.addRow(label + ":", with_hint(widget, text, tip))

    def set_values(self, sampling: Sampling) -> None:
        for name in ("temperature", "top_p", "top_k", "min_p", "repeat_penalty", "max_tokens", "seed"):
            getattr(self, name).setValue(getattr(sampling, name))

    def values(self) -> Sampling:
        return Sampling(temperature=round(self.temperature.value(), 3), top_p=round(self.top_p.value(), 3),
                        top_k=self.top_k.value(), min_p=round(self.min_p.value(), 3),
                        repeat_penalty=round(self.repeat_penalty.value(), 3), max_tokens=self.max_tokens.value(),
                        seed=self.seed.value())
