import ipywidgets as w

from workshop.kinds.options import labelled
from workshop.widgets._common import LABEL_STYLE, WIDE
from workshop.widgets._common import Control as _Base


class Control(_Base):
    def build(self):
        # The room's stable shuffled order, lettered A, B, C... by position; the values stay the keys.
        options = [(labelled(i, o.text), o.key) for i, o in enumerate(self.exercise.shown_options)]
        self.radio = w.RadioButtons(
            options=options, value=None, description="Your answer:", style=LABEL_STYLE, layout=WIDE
        )
        return self.radio

    def get(self):
        return self.radio.value

    def set(self, answer):
        if answer in {o.key for o in self.exercise.options}:
            self.radio.value = answer
