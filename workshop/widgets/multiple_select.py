import re

import ipywidgets as w

from workshop.kinds.options import labelled
from workshop.widgets._common import LABEL_STYLE, WIDE
from workshop.widgets._common import Control as _Base


class Control(_Base):
    def build(self):
        # The room's stable shuffled order, lettered A, B, C... by position; the boxes stay keyed by option key.
        self.boxes = {
            o.key: w.Checkbox(value=False, description=labelled(i, o.text), indent=False, style=LABEL_STYLE, layout=WIDE)
            for i, o in enumerate(self.exercise.shown_options)
        }
        # The instruction once: the prompt usually says it already ("Tick every one that applies").
        said = re.search(r"\b(tick|choose|select|pick)\b[^.]*\b(all|every|each)\b|\bthat apply\b|\bapplies\b",
                         self.exercise.prompt, re.I)
        note = [] if said else [w.HTML("<em>Tick every option that applies.</em>")]
        return w.VBox([*note, *self.boxes.values()], layout=w.Layout(width="auto"))

    def get(self):
        return [key for key, box in self.boxes.items() if box.value]

    def set(self, answer):
        if isinstance(answer, list):
            for key, box in self.boxes.items():
                box.value = key in answer
