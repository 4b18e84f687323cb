"""The learner's event log: every answer, check, hint and reveal, one JSON line each.

Append-only JSON Lines survive a kernel restart, two notebooks writing at once
(each event is one ``write`` under an exclusive lock), and a half-written or
corrupt line (skipped with a warning). Nothing here ever raises into a notebook.
"""
from __future__ import annotations

import json
import os
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:  # POSIX: JupyterHub, Binder, macOS, Linux
    import fcntl
except ImportError:  # pragma: no cover - Windows falls back to O_APPEND alone
    fcntl = None

PROGRESS_ENV = "WORKSHOP_PROGRESS"
EVENT_VERSION = 1
EVENTS = ("answer", "check", "hint", "reveal")


def progress_path() -> Path:
    """``$WORKSHOP_PROGRESS``, else a per-user file in the home folder."""
    override = os.environ.get(PROGRESS_ENV)
    if override:
        return Path(override).expanduser()
    return Path.home() / ".lead-with-impact" / "progress.jsonl"


def jsonable(value):
    """Answers as JSON: containers kept, anything exotic stored as its text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if hasattr(value, "item") and getattr(value, "size", None) == 1:
        return jsonable(value.item())
    try:
        return str(value)[:2000]
    except Exception:
        return f"<{type(value).__name__}>"


@contextmanager
def _locked(handle):
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def record(event: str, exercise_id: str, path: Path | None = None, **fields) -> bool:
    """Append one event; return False (with a warning) if the log cannot be written."""
    if event not in EVENTS:
        raise ValueError(f"event must be one of {EVENTS}")
    entry = {"v": EVENT_VERSION, "ts": round(time.time(), 3), "event": event, "exercise": exercise_id}
    entry.update({k: jsonable(v) for k, v in fields.items()})
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    path = path or progress_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle, _locked(handle):
            handle.write(line)
            handle.flush()
    except OSError as exc:
        warnings.warn(f"Your progress could not be saved to {path} ({exc.strerror}); your answers still work.", stacklevel=2)
        return False
    _to_room(path)
    return True


def _to_room(path: Path) -> None:
    """If the learner is in a room (``WORKSHOP_ROOM``), send the room what it has not had yet."""
    try:
        from workshop.room.mirror import forward

        forward(path)
    except Exception:  # the room is a bonus; the local log is the record
        pass


def events(path: Path | None = None) -> Iterator[dict]:
    """Every readable event in order; bad lines are skipped with one warning."""
    path = path or progress_path()
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.readlines()
    except FileNotFoundError:
        return
    except OSError as exc:
        warnings.warn(f"Your progress file {path} could not be read ({exc.strerror}).", stacklevel=2)
        return
    skipped = 0
    for line in lines:
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            skipped += 1
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("exercise"), str) or entry.get("event") not in EVENTS:
            skipped += 1
            continue
        yield entry
    if skipped:
        warnings.warn(f"Skipped {skipped} damaged line(s) in {path}; the rest of your progress is intact.", stacklevel=2)


_MISSING = object()


def last_answer(exercise_id: str, path: Path | None = None, default=None):
    """The most recent answer saved for an exercise, for restoring a widget."""
    found = _MISSING
    for entry in events(path):
        if entry["exercise"] == exercise_id and entry["event"] in ("answer", "check") and "answer" in entry:
            found = entry["answer"]
    return default if found is _MISSING else found


def standing(path: Path | None = None) -> dict[str, dict[str, dict]]:
    """module -> exercise -> {status, attempts, hints, revealed}: where a learner stands."""
    table: dict[str, dict[str, dict]] = {}
    for entry in events(path):
        module = entry["exercise"].split(".", 1)[0]
        row = table.setdefault(module, {}).setdefault(
            entry["exercise"], {"status": "not_attempted", "attempts": 0, "hints": 0, "revealed": False}
        )
        if entry["event"] == "check":
            row["attempts"] += 1
            if entry.get("status") in ("correct", "partial", "incorrect", "not_attempted"):
                row["status"] = entry["status"]
        elif entry["event"] == "hint":
            row["hints"] += 1
        elif entry["event"] == "reveal":
            row["revealed"] = True
    return table
