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
