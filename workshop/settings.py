"""Facilitator settings for the room, read from the environment or a small file.

``WORKSHOP_SOLUTIONS`` (or ``solutions:`` in ``$WORKSHOP_CONFIG``, default
``~/.lead-with-impact/settings.yaml``):
``after-attempt`` (default) opens a solution once the learner has tried,
``locked`` keeps every solution closed, ``open`` shows them from the start.

``company:`` in the same file picks the company profile when ``$WORKSHOP_COMPANY`` is
unset (read by workshop/company.py, which owns the choice).
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path

SOLUTION_MODES = ("after-attempt", "locked", "open")
SOLUTIONS_ENV = "WORKSHOP_SOLUTIONS"
CONFIG_ENV = "WORKSHOP_CONFIG"


def config_path() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or Path.home() / ".lead-with-impact" / "settings.yaml").expanduser()


def _from_file(key: str = "solutions") -> str | None:
    path = config_path()
    if not path.exists():
        return None
    try:
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return data.get(key) if isinstance(data, dict) else None
    except Exception as exc:
        warnings.warn(f"Ignoring {path}: it could not be read as YAML ({exc}).", stacklevel=3)
        return None


def solution_mode() -> str:
    """The room's solution policy; an unknown value warns and falls back to the default."""
    value = os.environ.get(SOLUTIONS_ENV) or _from_file() or "after-attempt"
    value = str(value).strip().lower()
    if value not in SOLUTION_MODES:
        warnings.warn(f"Unknown solutions setting {value!r}; use one of {SOLUTION_MODES}. Using 'after-attempt'.", stacklevel=2)
        return "after-attempt"
    return value


def company_setting() -> str | None:
    """``company:`` from the settings file, if it names one."""
    value = _from_file("company")
    return str(value).strip() if value not in (None, "") else None
