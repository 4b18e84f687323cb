import ipywidgets as w

from workshop.widgets._common import LABEL_STYLE
from workshop.widgets._common import Control as _Base


class Control(_Base):
    def build(self):
        self.text = w.Text(
            value="",
            placeholder="a number, e.g. 1150",
            description=f"Your answer ({self.exercise.unit}):",
            style=LABEL_STYLE,
            layout=w.Layout(width="420px"),
        )
        return self.text

    def get(self):
        return self.text.value

    def set(self, answer):
        if isinstance(answer, (int, float, str)) and not isinstance(answer, bool):
            self.text.value = str(answer)
