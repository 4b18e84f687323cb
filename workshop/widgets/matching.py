from workshop.widgets._anywidget import RadioGrid
from workshop.widgets._common import Control as _Base


class Control(_Base):
    """Matching as a grid of radio buttons: aligned columns, full text, one choice per row."""

    def build(self):
        self.grid = RadioGrid(
            items=[{"key": i.key, "text": i.text} for i in self.exercise.shown_items],  # the room's stable shuffled order
            categories=[{"key": c.key, "label": c.label} for c in self.exercise.categories],
            note="Choose one column for each row.",
        )
        return self.grid

    def get(self):
        return dict(self.grid.value)

    def set(self, answer):
        if isinstance(answer, dict):
            valid = {c.key for c in self.exercise.categories}
            items = {i.key for i in self.exercise.items}
            self.grid.value = {k: v for k, v in answer.items() if k in items and v in valid}
