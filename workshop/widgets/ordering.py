import random

from workshop.widgets._anywidget import OrderList
from workshop.widgets._common import Control as _Base


class Control(_Base):
    """A Parsons problem as a drag-and-drop list that also works from the keyboard."""

    def build(self):
        steps = list(self.exercise.all_steps)
        random.Random(self.exercise.id).shuffle(steps)  # stable shuffle: same room, same order
        note = f"{self.exercise.placing_note()} Drag a step, or use its buttons (Alt+Up and Alt+Down move it)."
        self.list = OrderList(steps=[{"key": s.key, "text": s.text} for s in steps], note=note)
        return self.list

    def get(self):
        return list(self.list.value)

    def set(self, answer):
        if isinstance(answer, list):
            valid = {s.key for s in self.exercise.all_steps}
            keys = [k for k in answer if isinstance(k, str) and k in valid]
            self.list.value = list(dict.fromkeys(keys))
