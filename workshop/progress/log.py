"""The learner's event log: every answer, check, hint and reveal, one JSON line each.

Append-only JSON Lines survive a kernel restart, two notebooks writing at once
(each event is one ``write`` under an exclusive lock), a crash mid-write or a full
disk (every record starts on a fresh line, and a failed write is cut back), and a
half-written or corrupt line (skipped with a warning). If the log cannot be written
at all, events are kept in memory for the session and the learner is told once.
Nothing here ever raises into a notebook.
"""
from __future__ import annotations

import errno
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
MAX_STORED_TEXT = 20_000  # characters of one answer kept in the log; longer text is cut and the learner told
MAX_STORED_ITEMS = 1_000  # items of one container kept
MAX_DEPTH = 20  # nesting kept; deeper (or self-containing) answers are stored as text
MAX_LINE_CHARS = 200_000  # one event, whatever it holds


class ProgressWarning(UserWarning):
    """Something about saving progress the learner should hear once."""


_told: set[str] = set()
_pending: list[str] = []


def _notify(message: str) -> None:
    """Warn once per distinct problem, and queue the sentence for the next result a learner sees."""
    if tell(message):
        warnings.warn(message, ProgressWarning, stacklevel=3)


def tell(message: str) -> bool:
    """Queue a sentence for the next result the learner sees, once per session; False if already told."""
    if message in _told:
        return False
    _told.add(message)
    _pending.append(message)
    return True


def notices() -> list[str]:
    """The sentences about saving that the learner has not been shown yet (and forget them)."""
    taken = list(_pending)
    _pending.clear()
    return taken


def _default_path() -> Path:
    return Path.home() / ".lead-with-impact" / "progress.jsonl"


def progress_path() -> Path:
    """``$WORKSHOP_PROGRESS``, else a per-user file in the home folder (never raises)."""
    path, _problem = _resolve(None)
    return path


def _resolve(path: Path | None) -> tuple[Path, str | None]:
    """The log's path, and why it cannot be used (None if it can)."""
    if path is not None:
        return Path(path), None
    override = os.environ.get(PROGRESS_ENV)
    try:
        return (Path(override).expanduser() if override else _default_path()), None
    except (RuntimeError, KeyError, OSError) as exc:  # "~nosuchuser/..." or no home folder at all
        raw = Path(override or "~/.lead-with-impact/progress.jsonl")
        where = f"${PROGRESS_ENV} is set to {override!r}" if override else "your home folder cannot be found"
        return raw, f"{where}, which names a home folder that does not exist ({exc})"


def jsonable(value, _depth: int = 0, _seen: frozenset = frozenset()):
    """Answers as JSON: containers kept, anything exotic (or hostile) stored as its text. Never raises."""
    try:
        return _jsonable(value, _depth, _seen)
    except Exception:
        return _as_text(value)


def _as_text(value) -> str:
    try:
        return str(value)[:MAX_STORED_TEXT]
    except Exception:
        return f"<{type(value).__name__}>"


def _jsonable(value, depth: int, seen: frozenset):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str.__str__(value)[:MAX_STORED_TEXT]
    if isinstance(value, int):
        value = int(value)
        return value if abs(value) < 10**30 else f"<a number of about {int(value.bit_length() * 0.30103) + 1:,} digits>"
    if isinstance(value, float):
        value = float(value)
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value[:MAX_STORED_TEXT]).decode("utf-8", errors="replace")
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        if depth >= MAX_DEPTH or id(value) in seen:
            return "<nested too deeply to store>"
        seen = seen | {id(value)}
        if isinstance(value, dict):
            items = list(dict.items(value))[:MAX_STORED_ITEMS]
            return {_as_text(k)[:200]: jsonable(v, depth + 1, seen) for k, v in items}
        items = list(value)[:MAX_STORED_ITEMS] if isinstance(value, (set, frozenset)) else value[:MAX_STORED_ITEMS]
        return [jsonable(v, depth + 1, seen) for v in items]
    if getattr(value, "size", None) == 1 and hasattr(value, "item"):
        return jsonable(value.item(), depth + 1, seen)
    return _as_text(value)


def _was_cut(value) -> bool:
    try:
        return isinstance(value, (str, bytes, bytearray)) and len(value) > MAX_STORED_TEXT
    except Exception:
        return False


@contextmanager
def _locked(fd: int):
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _append(path: Path, data: bytes) -> None:
    """Append ``data`` as whole lines: repair a missing final newline first, cut back a failed write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        with _locked(fd):
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data  # the last write was cut off: start this record on its own line
            try:
                written = 0
                while written < len(data):
                    written += os.write(fd, data[written:])
            except OSError:
                try:
                    os.ftruncate(fd, size)  # leave no partial line behind
                except OSError:
                    pass
                raise
    finally:
        os.close(fd)


_memory: dict[str, list[dict]] = {}  # events that could not be written, per log path, for this session


def record(event: str, exercise_id: str, path: Path | None = None, **fields) -> bool:
    """Append one event; return False (kept in memory, with a warning once) if the log cannot be written."""
    if event not in EVENTS:
        raise ValueError(f"event must be one of {EVENTS}")
    entry = {"v": EVENT_VERSION, "ts": round(time.time(), 3), "event": event, "exercise": exercise_id}
    cut = [k for k, v in fields.items() if _was_cut(v)]
    entry.update({k: jsonable(v) for k, v in fields.items()})
    if cut:
        entry["truncated"] = cut
        _pending.append(f"Your answer is very long, so only its first {MAX_STORED_TEXT:,} characters were saved.")
    try:
        line = json.dumps(entry, ensure_ascii=False, allow_nan=False)
    except (ValueError, TypeError, RecursionError):
        entry.update({k: _as_text(v) for k, v in fields.items()})
        line = json.dumps(entry, ensure_ascii=False, default=str)
    if len(line) > MAX_LINE_CHARS:
        entry.update({k: _as_text(v)[:MAX_STORED_TEXT] for k, v in fields.items() if k == "answer"})
        entry["truncated"] = sorted(set(entry.get("truncated", [])) | {"answer"})
        line = json.dumps(entry, ensure_ascii=False, default=str)[:MAX_LINE_CHARS]
        try:
            json.loads(line)
        except ValueError:
            entry["answer"] = "<too large to store>"
            line = json.dumps(entry, ensure_ascii=False, default=str)
        _pending.append("Your answer is very large, so only part of it was saved.")
    # JSON leaves these raw, but many line readers (str.splitlines) break lines at them: escape them too.
    line = line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    path, problem = _resolve(path)
    if problem is None:
        try:
            _append(path, (line + "\n").encode("utf-8", errors="replace"))
            _tell_subscribers(path)
            return True
        except OSError as exc:
            problem = f"{path} could not be written ({exc.strerror or exc})"
            advice = "free some disk space" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else \
                f"ask your facilitator, or point ${PROGRESS_ENV} at a folder you can write to"
    else:
        advice = f"ask your facilitator to fix ${PROGRESS_ENV}"
    _memory.setdefault(str(path), []).append(json.loads(line))
    _notify(_not_saved(problem, advice))
    return False


_subscribers: list = []  # callables told of each appended event; the room's mirror is one (workshop/__init__.py)


def subscribe(callback) -> None:
    """Call ``callback(log_path)`` after each event is appended to a log.

    This is how a layer above (the room) hears of events without the learner's log knowing it
    exists. A subscriber's failure is swallowed: the local log is the record.
    """
    if callback not in _subscribers:
        _subscribers.append(callback)


def _tell_subscribers(path: Path) -> None:
    for callback in list(_subscribers):
        try:
            callback(path)
        except Exception:  # the room is a bonus; the local log is the record
            pass


def _not_saved(problem: str, advice: str = f"ask your facilitator to fix ${PROGRESS_ENV}") -> str:
    """The one sentence a learner reads when the log cannot be used (the same wherever it is noticed)."""
    return (f"Your progress could not be saved: {problem}. Your answers still work and are kept for this "
            f"session (until the kernel restarts); to keep them, {advice}.")


def _entries(raw: bytes, damaged: list[int]):
    """Events from complete lines, one at a time (a large log is never held twice); counts damaged lines."""
    start = 0
    while start < len(raw):
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        line, start = raw[start:end], end + 1
        if not line.strip():
            continue
        try:
            entry = json.loads(line.decode("utf-8", errors="replace"))
        except (ValueError, RecursionError):
            damaged[0] += 1
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("exercise"), str) or entry.get("event") not in EVENTS:
            damaged[0] += 1
            continue
        yield entry


def _parse(raw: bytes) -> tuple[list[dict], int]:
    """Events from complete lines, and how many lines were damaged."""
    damaged = [0]
    found = list(_entries(raw, damaged))
    return found, damaged[0]


def events(path: Path | None = None) -> Iterator[dict]:
    """Every readable event in order; bad lines are skipped with one warning."""
    path, problem = _resolve(path)
    if problem is not None:
        _notify(_not_saved(problem))
    else:
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except FileNotFoundError:
            raw = b""
        except OSError as exc:
            _notify(f"Your progress file {path} could not be read ({exc.strerror or exc}).")
            raw = b""
        found, skipped = _parse(raw)
        if skipped:
            warnings.warn(f"Skipped {skipped} damaged line(s) in {path}; the rest of your progress is intact.",
                          ProgressWarning, stacklevel=2)
        yield from found
    yield from list(_memory.get(str(path), ()))


class _Index:
    """What the learner API asks of the log, per exercise, updated from the bytes appended since last time.

    A Check reads only what was written since the previous one, so a large log costs
    no more per click than a small one.
    """

    def __init__(self, path: Path):
        self.path, self.key, self.offset, self.skipped, self.seen_tail = path, None, 0, 0, b""
        self.rows: dict[str, dict] = {}

    def refresh(self) -> "_Index":
        try:
            with open(self.path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                key = (stat.st_dev, stat.st_ino)
                if key != self.key or stat.st_size < self.offset or not self._same_start(handle):
                    self.key, self.offset, self.skipped, self.rows = key, 0, 0, {}  # a new or rewritten file
                if stat.st_size == self.offset:
                    return self
                handle.seek(self.offset)
                raw = handle.read(stat.st_size - self.offset)
        except FileNotFoundError:
            self.key, self.offset, self.skipped, self.rows = None, 0, 0, {}
            return self
        except OSError as exc:
            _notify(f"Your progress file {self.path} could not be read ({exc.strerror or exc}).")
            return self
        complete = raw.rfind(b"\n") + 1  # a line still being written is read next time
        damaged = [0]
        for entry in _entries(memoryview(raw)[:complete].tobytes() if complete < len(raw) else raw, damaged):
            self.add(entry)
        self.offset += complete
        if complete:
            self.seen_tail = raw[max(0, complete - 64):complete]
        skipped = damaged[0]
        if skipped:
            self.skipped += skipped
            warnings.warn(f"Skipped {self.skipped} damaged line(s) in {self.path}; the rest of your progress is intact.",
                          ProgressWarning, stacklevel=3)
        return self

    def _same_start(self, handle) -> bool:
        """Whether the bytes just before our offset are still those we read (a file rewritten in place is not)."""
        if not self.offset:
            return True
        handle.seek(self.offset - len(self.seen_tail))
        return handle.read(len(self.seen_tail)) == self.seen_tail

    def add(self, entry: dict) -> None:
        row = self.rows.setdefault(entry["exercise"], {"status": "not_attempted", "attempts": 0, "hints": 0,
                                                       "revealed": False, "tried": False})
        _fold(row, entry)


def _fold(row: dict, entry: dict) -> None:
    """One event into an exercise's row: the standing, and what a widget restores."""
    if entry["event"] == "check":
        row["attempts"] += 1
        if entry.get("status") in ("correct", "partial", "incorrect", "not_attempted"):
            row["status"] = entry["status"]
        if entry.get("status") != "not_attempted":
            row["tried"] = True
    elif entry["event"] == "hint":
        row["hints"] += 1
    elif entry["event"] == "reveal":
        row["revealed"] = True
    if entry["event"] in ("answer", "check") and "answer" in entry:
        row["answer"] = entry["answer"]


_indexes: dict[str, _Index] = {}


def rows(path: Path | None = None) -> dict[str, dict]:
    """exercise -> {status, attempts, hints, revealed, tried[, answer]}, reading only what is new in the log."""
    path, problem = _resolve(path)
    if problem is not None:
        _notify(_not_saved(problem))
        table: dict[str, dict] = {}
    else:
        index = _indexes.setdefault(str(path), _Index(path)).refresh()
        table = index.rows
    remembered = _memory.get(str(path))
    if remembered:
        table = {k: dict(v) for k, v in table.items()}
        for entry in remembered:
            row = table.setdefault(entry["exercise"], {"status": "not_attempted", "attempts": 0, "hints": 0,
                                                       "revealed": False, "tried": False})
            _fold(row, entry)
    return table


_MISSING = object()


def last_answer(exercise_id: str, path: Path | None = None, default=None):
    """The most recent answer saved for an exercise, for restoring a widget."""
    found = rows(path).get(exercise_id, {}).get("answer", _MISSING)
    return default if found is _MISSING else found


def attempted(exercise_id: str, path: Path | None = None) -> bool:
    """Whether the learner has made a real (readable, non-blank) attempt at an exercise."""
    return rows(path).get(exercise_id, {}).get("tried", False)


def standing(path: Path | None = None) -> dict[str, dict[str, dict]]:
    """module -> exercise -> {status, attempts, hints, revealed}: where a learner stands."""
    table: dict[str, dict[str, dict]] = {}
    for exercise_id, row in rows(path).items():
        module = exercise_id.split(".", 1)[0]
        table.setdefault(module, {})[exercise_id] = {k: row[k] for k in ("status", "attempts", "hints", "revealed")}
    return table
