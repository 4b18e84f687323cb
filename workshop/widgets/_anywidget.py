"""The two controls ipywidgets has no good form for, as anywidgets: plain ES modules and
CSS shipped beside this file, so no front-end build step and nothing fetched at run time."""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

HERE = Path(__file__).parent


class OrderList(anywidget.AnyWidget):
    """Steps to place and the learner's order; drag and drop, or buttons and Alt+arrow keys."""

    _esm = HERE / "ordering.js"
    _css = HERE / "ordering.css"
    steps = traitlets.List(traitlets.Dict()).tag(sync=True)  # [{"key", "text"}] in the order shown
    note = traitlets.Unicode("").tag(sync=True)
    value = traitlets.List(traitlets.Unicode()).tag(sync=True)  # the learner's order, as keys


class RadioGrid(anywidget.AnyWidget):
    """One radio group per item, one column per category, each radio named by row and column."""

    _esm = HERE / "matching.js"
    _css = HERE / "matching.css"
    items = traitlets.List(traitlets.Dict()).tag(sync=True)  # [{"key", "text"}]
    categories = traitlets.List(traitlets.Dict()).tag(sync=True)  # [{"key", "label"}]
    note = traitlets.Unicode("").tag(sync=True)
    item_heading = traitlets.Unicode("Item").tag(sync=True)
    value = traitlets.Dict().tag(sync=True)  # item key -> category key


class LabelledSlider(anywidget.AnyWidget):
    """A what-if slider: a native range input with a visible label, so it has an accessible name.

    ipywidgets' sliders draw a handle that screen readers cannot name (axe-core: serious).
    """

    _esm = HERE / "slider.js"
    _css = HERE / "slider.css"
    description = traitlets.Unicode("").tag(sync=True)
    min = traitlets.Float(0).tag(sync=True)
    max = traitlets.Float(100).tag(sync=True)
    step = traitlets.Float(1).tag(sync=True)
    value = traitlets.Float(0).tag(sync=True)
    decimals = traitlets.Int(0).tag(sync=True)
    unit = traitlets.Unicode("").tag(sync=True)

    @traitlets.validate("value")
    def _clamp(self, proposal):
        return min(max(float(proposal["value"]), self.min), self.max)
