"""Facilitator settings for the room, read from the environment or a small file.

``WORKSHOP_SOLUTIONS`` (or ``solutions:`` in ``$WORKSHOP_CONFIG``, default
``~/.lead-with-impact/settings.yaml``):
``after-attempt`` (default) opens a solution once the learner has tried,
``locked`` keeps every solution closed, ``open`` shows them from the start.
A setting that cannot be used is reported, never silently ignored; a mistyped
value falls back to the strictest policy, ``locked``, so a typo never opens answers.

``company:`` in the same file picks the company profile when ``$WORKSHOP_COMPANY`` is
unset (read by workshop/company/profiles.py, which owns the choice).
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path

SOLUTION_MODES = ("after-attempt", "locked", "open")
SOLUTIONS_ENV = "WORKSHOP_SOLUTIONS"
CONFIG_ENV = "WORKSHOP_CONFIG"
DEFAULT_MODE = "after-attempt"
STRICTEST_MODE = "locked"
MAX_CONFIG_BYTES = 64_000


class SettingsWarning(UserWarning):
    """A settings file or value that cannot be used as written."""


def config_path() -> Path:
    """``$WORKSHOP_CONFIG``, else ``~/.lead-with-impact/settings.yaml``; unexpanded if no home folder can be found."""
    raw = os.environ.get(CONFIG_ENV) or "~/.lead-with-impact/settings.yaml"
    try:
        return Path(raw).expanduser()
    except (RuntimeError, KeyError, OSError):
        return Path(raw)


def _warn(message: str) -> None:
    warnings.warn(message, SettingsWarning, stacklevel=4)


def read_config(path: Path) -> tuple[str | None, str | None]:
    """The settings file's text, or ``(None, why not)``.

    Read without blocking or following a link (a FIFO there would hang every kernel), at most
    MAX_CONFIG_BYTES, and only if it is yours, root's or its folder owner's and nobody else
    can write it: on a hub a settings file may sit in a shared folder, and one planted by a
    learner must not open the solutions for everyone.
    """
    from workshop.safefile import read_small

    try:
        trusted = {os.getuid(), 0, os.stat(path.parent).st_uid}
    except (OSError, AttributeError):
        trusted = None
    data, why = read_small(path, MAX_CONFIG_BYTES, trusted=trusted)
    if data is None:
        if why and why.startswith("too large"):
            why = "too large for a settings file"
        return None, why
    return data.decode("utf-8", errors="replace"), None


def _from_file() -> str | None:
    raw = os.environ.get(CONFIG_ENV)
    path = config_path()
    if str(path).startswith("~"):
        where = f"${CONFIG_ENV} is set to {raw!r}, which" if raw else "The settings file"
        _warn(f"{where} names a home folder that does not exist; using the default solutions setting.")
        return None
    try:
        text, why = read_config(path)
        if text is None:
            if why != "does not exist":
                _warn(f"Ignoring settings {path}: it is {why}.")
            return None
        import yaml

        data = yaml.safe_load(text)
    except Exception as exc:
        _warn(f"Ignoring settings {path}: it could not be read as YAML ({exc}).")
        return None
    if data is None:
        return None
    if not isinstance(data, dict):
        _warn(f"Ignoring settings {path}: it should be a mapping such as 'solutions: locked', "
              f"but it is a {type(data).__name__}.")
        return None
    value = data.get("solutions")
    if value is not None and not isinstance(value, str):
        _warn(f"The solutions setting in {path} should be one of {', '.join(SOLUTION_MODES)}, not {value!r}. "
              f"Using '{STRICTEST_MODE}'.")
        return STRICTEST_MODE
    return value


def solution_mode() -> str:
    """The room's solution policy; an unknown value warns and falls back to the strictest, ``locked``."""
    value = os.environ.get(SOLUTIONS_ENV) or _from_file() or DEFAULT_MODE
    value = str(value).strip().lower()
    if value not in SOLUTION_MODES:
        _warn(f"Unknown solutions setting {value!r}; use one of {', '.join(SOLUTION_MODES)}. "
              f"Using '{STRICTEST_MODE}' until it is fixed.")
        return STRICTEST_MODE
    return value


def company_setting() -> str | None:
    """``company:`` from the settings file, if it names one (an unreadable file is reported by the solutions reader)."""
    path = config_path()
    try:
        if str(path).startswith("~"):
            return None
        text, _ = read_config(path)
        if text is None:
            return None
        import yaml

        data = yaml.safe_load(text)
    except Exception:
        return None
    value = data.get("company") if isinstance(data, dict) else None
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        _warn(f"The company setting in {path} should name a company (see `workshop company`), not {value!r}; using the default.")
        return None
    return value.strip()
