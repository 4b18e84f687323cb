"""ipywidgets views over exercises: one control module per kind, one shared frame."""
from __future__ import annotations

import importlib


def control_for(exercise):
    """The input control for an exercise's kind, from ``workshop.widgets.<kind>``."""
    module = importlib.import_module(f"workshop.widgets.{exercise.kind}")
    return module.Control(exercise)
