import ipywidgets as w

from workshop.widgets._common import LABEL_STYLE, WIDE
from workshop.widgets._common import Control as _Base


class Control(_Base):
    def build(self):
        options = [(o.text, o.key) for o in self.exercise.options]
        self.radio = w.RadioButtons(
            options=options, value=None, description="Your answer:", style=LABEL_STYLE, layout=WIDE
        )
        return self.radio

    def get(self):
        return self.radio.value

    def set(self, answer):
        if answer in {o.key for o in self.exercise.options}:
            self.radio.value = answer
