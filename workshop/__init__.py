"""Lead with Impact: the helper library behind the workshop notebooks.

Imports are lazy so that ``import workshop`` stays fast: pydantic, ipywidgets,
pandas and plotly load only when first needed.

The names a notebook may import are listed in docs/public-api.md (tests/test_public_api.py
holds every notebook to that list): here ``Module``, ``check``, ``exercise_ids``, ``load``,
``profile`` and the ``facts`` module.

This file is also where the layers are wired: the learner's log (``progress``) knows nothing
of rooms; the room's mirror subscribes to it here, so every process that logs an event
(``workshop.progress`` is always imported through this package) forwards it to the room
folder when one is set (``WORKSHOP_ROOM`` or ``room:`` in the settings file).
"""
from __future__ import annotations

from workshop import progress as _progress

_PUBLIC = {"Module": "workshop.api", "check": "workshop.api", "exercise_ids": "workshop.api",
           "load": "workshop.data", "profile": "workshop.company"}
__all__ = [*_PUBLIC, "facts"]
__version__ = "0.1.0"


def __getattr__(name):
    from importlib import import_module

    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    if name == "facts":  # the company's facts: `facts.current()`, `facts.explorer_defaults()`
        return import_module("workshop.facts")
    raise AttributeError(f"module 'workshop' has no attribute {name!r}")


def _to_room(log_path) -> None:
    """Send the room what the local log holds that it has not had (a no-op outside a room)."""
    from workshop.room.mirror import forward

    forward(log_path)


_progress.subscribe(_to_room)
