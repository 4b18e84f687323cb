import ipywidgets as w

from workshop.widgets._common import Control as _Base
from workshop.widgets._common import dropdown


class Control(_Base):
    def build(self):
        categories = [(c.label, c.key) for c in self.exercise.categories]
        self.choices = {i.key: dropdown(categories, i.text) for i in self.exercise.items}
        return w.VBox(
            [w.HTML("<em>Choose a category for each item.</em>"), *self.choices.values()],
            layout=w.Layout(width="auto"),
        )

    def get(self):
        return {key: box.value for key, box in self.choices.items() if box.value is not None}

    def set(self, answer):
        if isinstance(answer, dict):
            valid = {c.key for c in self.exercise.categories}
            for key, box in self.choices.items():
                if answer.get(key) in valid:
                    box.value = answer[key]
