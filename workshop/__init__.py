"""Lead with Impact: the helper library behind the workshop notebooks.

Imports are lazy so that ``import workshop`` stays fast: pydantic, ipywidgets,
pandas and plotly load only when first needed.
"""
from __future__ import annotations

__all__ = ["Module", "check", "exercise_ids"]
__version__ = "0.1.0"


def __getattr__(name):
    if name in __all__:
        from workshop import api

        return getattr(api, name)
    raise AttributeError(f"module 'workshop' has no attribute {name!r}")
