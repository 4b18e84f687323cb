import ipywidgets as w

from workshop.widgets._common import LABEL_STYLE
from workshop.widgets._common import Control as _Base


class Control(_Base):
    check_label = "Save"
    description = "Your answer:"
    placeholder = "Write a sentence or two."

    def build(self):
        self.area = w.Textarea(
            value="",
            placeholder=self.placeholder,
            description=self.description,
            style=LABEL_STYLE,
            layout=w.Layout(width="100%", max_width="760px", height="90px"),
        )
        return self.area

    def get(self):
        return self.area.value

    def set(self, answer):
        if isinstance(answer, str):
            self.area.value = answer
