import ipywidgets as w

from workshop.widgets._common import LABEL_STYLE
from workshop.widgets._common import Control as _Base


def placeholder_for(unit: str) -> str:
    """A format example that fits the unit, without hinting at the answer's size."""
    from workshop.company.currency import is_money_unit

    if is_money_unit(unit):
        return f"{unit}, e.g. 36,000 or 36k"
    return f"number of {unit}, e.g. 7.5"


class Control(_Base):
    def build(self):
        self.text = w.Text(
            value="",
            placeholder=placeholder_for(self.exercise.unit),
            description=f"Your answer ({self.exercise.unit}):",
            style=LABEL_STYLE,
            layout=w.Layout(width="420px"),
        )
        self.submit_box = self.text  # Enter checks
        return self.text

    def get(self):
        return self.text.value

    def set(self, answer):
        if isinstance(answer, (int, float, str)) and not isinstance(answer, bool):
            self.text.value = str(answer)
