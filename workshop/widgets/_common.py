"""Small pieces the per-kind controls share."""
from __future__ import annotations

import ipywidgets as w

WIDE = w.Layout(width="auto", max_width="760px")
LABEL_STYLE = {"description_width": "initial"}


class Control:
    """An input for one kind: ``widget`` to display, ``get()`` the answer, ``set()`` to restore."""

    widget: w.Widget

    def __init__(self, exercise):
        self.exercise = exercise
        self.widget = self.build()

    def build(self) -> w.Widget:  # pragma: no cover - abstract
        raise NotImplementedError

    def get(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def set(self, answer) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

