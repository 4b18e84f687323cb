"""Lead with Impact: the helper library behind the workshop notebooks.

Imports are lazy so that ``import workshop`` stays fast: pydantic, ipywidgets,
pandas and plotly load only when first needed.

The names a notebook may import are listed in docs/public-api.md (tests/test_public_api.py
holds every notebook to that list): here ``Module``, ``check``, ``exercise_ids``, ``load``,
``profile`` and the ``facts`` module.

This file is also where the layers are wired: the learner's log (``progress``) knows nothing
of rooms; the room's mirror subscribes to it here, so every process that logs an event
(``workshop.progress.log`` is always imported through this package) forwards it to the room
folder when one is set (``WORKSHOP_ROOM`` or ``room:`` in the settings file).
"""
from __future__ import annotations

from workshop.progress import log as _progress

_PUBLIC = {"Module": "workshop.api", "check": "workshop.api", "exercise_ids": "workshop.api",
           "load": "workshop.company.data", "profile": "workshop.company.profiles"}
__all__ = [*_PUBLIC, "facts"]
__version__ = "0.1.0"


def __getattr__(name):
    from importlib import import_module

    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    if name == "facts":  # the company's facts: `facts.current()`, `facts.explorer_defaults()`
        return import_module("workshop.company.facts")
    raise AttributeError(f"module 'workshop' has no attribute {name!r}")


def _to_room(log_path) -> None:
    """Send the room what the local log holds that it has not had (a no-op outside a room)."""
    from workshop.room.mirror import forward

    forward(log_path)


_progress.subscribe(_to_room)


# The public names of docs/public-api.md keep working where a notebook has always found them
# (``from workshop.facts import current``, ``import workshop.charts``) although the files now live
# in folders by who they serve: each old module path is an alias of the module's new home.
MOVED = {
    "workshop.company_report": "workshop.company.report",
    "workshop.currency": "workshop.company.currency",
    "workshop.data": "workshop.company.data",
    "workshop.facts": "workshop.company.facts",
    "workshop.factcheck": "workshop.company.factcheck",
    "workshop.drift": "workshop.company.drift",
    "workshop.placeholders": "workshop.company.placeholders",
    "workshop.yaml_lines": "workshop.bank.yaml_lines",
    "workshop.markdown": "workshop.bank.markdown",
    "workshop.minutes": "workshop.bank.minutes",
    "workshop.wording": "workshop.bank.wording",
    "workshop.notebooks": "workshop.bank.notebooks",
    "workshop.export": "workshop.progress.export",
    "workshop.progress_report": "workshop.progress.report",
    "workshop.charts": "workshop.labs.charts",
    "workshop.whatif": "workshop.labs.whatif",
    "workshop.proposal": "workshop.labs.proposal",
    "workshop.leading": "workshop.labs.leading",
    "workshop.capstone": "workshop.labs.capstone",
    "workshop.review": "workshop.authoring.review",
}


class _MovedModules:
    """Import hook: ``workshop.facts`` is ``workshop.company.facts`` (the same module object)."""

    @staticmethod
    def _target(fullname: str) -> str | None:
        for old, new in MOVED.items():
            if fullname == old or fullname.startswith(old + "."):
                return new + fullname[len(old):]
        return None

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith("workshop.") or self._target(fullname) is None:
            return None
        from importlib.util import spec_from_loader

        return spec_from_loader(fullname, self)

    def create_module(self, spec):
        from importlib import import_module

        module = import_module(self._target(spec.name))
        self._own_spec = module.__spec__  # importlib sets the alias's spec on it next; put it back
        return module

    def exec_module(self, module) -> None:
        """Nothing to run (the module ran under its own name): only give it back its own spec."""
        module.__spec__ = self._own_spec


import sys as _sys  # noqa: E402

if not any(isinstance(finder, _MovedModules) for finder in _sys.meta_path):
    _sys.meta_path.insert(0, _MovedModules())
