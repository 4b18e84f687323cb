import html
import random

import ipywidgets as w

from workshop.widgets._common import Control as _Base
from workshop.widgets._common import dropdown


class Control(_Base):
    """A Parsons problem as one labelled drop-down per position: keyboard- and reader-friendly."""

    def build(self):
        steps = list(self.exercise.all_steps)
        random.Random(self.exercise.id).shuffle(steps)  # stable shuffle: same room, same order
        options = [(s.text, s.key) for s in steps]
        self.positions = [dropdown(options, f"Step {n}:") for n in range(1, len(self.exercise.steps) + 1)]
        pool = "".join(f"<li>{html.escape(s.text)}</li>" for s in steps)
        intro = w.HTML(
            f"<em>Pick a step for each position. Not every step belongs.</em><ul>{pool}</ul>"
        )
        return w.VBox([intro, *self.positions], layout=w.Layout(width="auto"))

    def get(self):
        return [box.value for box in self.positions if box.value is not None]

    def set(self, answer):
        if isinstance(answer, list):
            valid = {s.key for s in self.exercise.all_steps}
            for box, key in zip(self.positions, answer):
                if key in valid:
                    box.value = key
