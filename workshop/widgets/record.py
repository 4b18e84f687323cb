"""One labelled text box per part of a written record."""
import ipywidgets as w

from workshop.widgets._common import Control as _Base


ALIGNED = {"description_width": "220px"}  # one column of labels, so the boxes line up


class Control(_Base):
    check_label = "Check"

    def build(self):
        self.areas = {
            p.key: w.Textarea(value="", placeholder=p.placeholder, description=f"{p.label}:", style=ALIGNED,
                              layout=w.Layout(width="100%", max_width="760px", height="64px"))
            for p in self.exercise.parts
        }
        return w.VBox(list(self.areas.values()), layout=w.Layout(width="auto"))

    def get(self):
        return {key: area.value for key, area in self.areas.items() if area.value.strip()}

    def set(self, answer):
        if isinstance(answer, dict):
            for key, area in self.areas.items():
                if isinstance(answer.get(key), str):
                    area.value = answer[key]
