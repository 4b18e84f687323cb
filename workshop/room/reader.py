"""Reading a room: learners' files, each one untrusted, read incrementally.

A room is a folder (or a list of files) holding two kinds of learner file:

* ``*.jsonl``: a learner's live mirror (``workshop.room.mirror``), one event a line,
  appended during the session. Only the bytes added since the last read are read.
* ``*.json``: an export (``workshop export``), one document; re-read when it changes.

Every file is hostile until proven otherwise: it may be malformed, typed wrongly in any
field, huge, nested a thousand levels deep, a FIFO, a symlink to ``/dev/zero``, or full of
script and terminal escapes. A bad line or file is skipped and listed, never fatal; nothing
here raises on file content.
"""
from __future__ import annotations

import errno
import hashlib
import json
import math
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from workshop.export import EXPORT_FORMAT, EXPORT_VERSION

EVENTS = ("answer", "check", "hint", "reveal")
STATUSES = ("correct", "partial", "incorrect", "not_attempted")
MAX_FILE_BYTES = 16 * 1024 * 1024  # a full day is well under 1 MB; a 190 MB "export" is an attack
MAX_LINE_BYTES = 256 * 1024  # the progress log caps stored answers far below this
MAX_READ_CHUNK = 4 * 1024 * 1024  # per file per refresh, so one big file cannot stall the view
MAX_FILES = 5000
MAX_ID_CHARS = 80
MAX_NAME_CHARS = 80


class Event(NamedTuple):
    """One learner event, every field of the right type (or None). A tuple: a full day is 60,000 of them."""

    learner: str  # the key the room counts by: a pseudonym or an export's learner id
    kind: str
    exercise: str
    ts: float | None = None
    answer: object = None
    status: str | None = None
    score: float | None = None
    level: int | None = None


@dataclass
class Learner:
    key: str
    name: str | None = None  # the display name the learner chose, if any (untrusted text)
    source: str = ""  # the file it came from
    events: list[Event] = field(default_factory=list)
    seen: set[int] = field(default_factory=set, repr=False)  # mirrored ``seq`` numbers already counted


@dataclass
class _FileState:
    inode: tuple[int, int] | None = None
    offset: int = 0
    size: int = 0
    mtime_ns: int = 0
    keys: set[str] = field(default_factory=set)


def pseudonym(learner_id: str, salt: str = "") -> str:
    """A stable, short, unguessable name for a learner: hash of the id with the room's salt."""
    digest = hashlib.sha256(f"{salt}\0{learner_id}".encode("utf-8", "replace")).hexdigest()
    return f"learner-{digest[:8]}"


def _number(value) -> float | None:
    if type(value) is float:
        return value if math.isfinite(value) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        value = float(value)
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


def _short_string(value, limit: int) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value[:limit]


def parse_event(raw, learner: str) -> Event | None:
    """A validated event from an arbitrary JSON value, or None if it is not one."""
    if not isinstance(raw, dict):
        return None
    kind, exercise = raw.get("event"), raw.get("exercise")
    if kind not in EVENTS or not isinstance(exercise, str) or not 0 < len(exercise) <= MAX_ID_CHARS:
        return None
    status = raw.get("status") if raw.get("status") in STATUSES else None
    level = raw.get("level")
    level = level if isinstance(level, int) and not isinstance(level, bool) and 0 <= level < 1000 else None
    return Event(learner, kind, exercise, _number(raw.get("ts")), raw.get("answer"), status, _number(raw.get("score")), level)


def _loads(text: str):
    """json.loads that turns every way JSON can fail (depth included) into ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _open_regular(path: Path):
    """Open a regular file without blocking, or say why not (FIFO, device, folder, missing)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None, "does not exist"
    except PermissionError:
        return None, "not readable (permission denied)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "a symbolic link loop"
        return None, f"could not be opened ({exc.strerror})"
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        return None, "not a regular file"
    return os.fdopen(fd, "rb"), info


class RoomReader:
    """Reads a room's files incrementally: each ``refresh`` reads only what is new.

    ``learners`` maps the room's key for a learner to what is known of them; ``skipped``
    maps a file name to why it (or some of its lines) could not be used.
    """

    def __init__(self, paths):
        self.paths = [Path(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
        self.learners: dict[str, Learner] = {}
        self.skipped: dict[str, str] = {}
        self.bad_lines: dict[str, int] = {}
        self.missing: list[str] = []
        self._files: dict[Path, _FileState] = {}
        self.events_read = 0

    # -- which files ---------------------------------------------------------------
    def _files_now(self) -> list[Path]:
        found, self.missing = [], []
        for path in self.paths:
            try:
                if path.is_dir():
                    entries = sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl") and not p.name.startswith("."))
                    found += entries[:MAX_FILES]
                elif path.exists() or path.is_symlink():
                    found.append(path)
                else:
                    self.missing.append(str(path))
            except OSError as exc:
                self.skipped[str(path)] = f"could not be listed ({exc.strerror})"
        return found

    def refresh(self) -> int:
        """Read whatever is new in every file; return how many events were added."""
        before = self.events_read
        for path in self._files_now():
            try:
                self._read(path)
            except (OSError, MemoryError) as exc:  # a file that vanished or broke mid-read
                self._skip(path, f"could not be read ({getattr(exc, 'strerror', None) or type(exc).__name__})")
        return self.events_read - before

    # -- reading ---------------------------------------------------------------------
    def _skip(self, path: Path, why: str) -> None:
        self.skipped[path.name] = why

    def _forget(self, path: Path, state: _FileState) -> None:
        for key in state.keys:
            learner = self.learners.get(key)
            if learner is not None and learner.source == path.name:
                del self.learners[key]
        self._files[path] = _FileState()

    def _read(self, path: Path) -> None:
        handle, info = _open_regular(path)
        if handle is None:
            self._skip(path, info)
            return
        with handle:
            state = self._files.setdefault(path, _FileState())
            identity = (info.st_dev, info.st_ino)
            replaced = state.inode not in (None, identity) or info.st_size < state.offset
            if path.suffix == ".json":
                if state.inode == identity and (info.st_size, info.st_mtime_ns) == (state.size, state.mtime_ns):
                    return
                self._forget(path, state)
                state = self._files[path]
                state.inode, state.size, state.mtime_ns = identity, info.st_size, info.st_mtime_ns
                self._read_export(path, handle, info.st_size, state)
                return
            if replaced:
                self._forget(path, state)
                state = self._files[path]
            state.inode = identity
            self.skipped.pop(path.name, None)  # readable again (it may have been, say, unreadable a minute ago)
            self._read_lines(path, handle, info.st_size, state)

    def _read_export(self, path: Path, handle, size: int, state: _FileState) -> None:
        if size > MAX_FILE_BYTES:
            self._skip(path, f"too large ({size // (1024 * 1024)} MB; an export is at most {MAX_FILE_BYTES // (1024 * 1024)} MB)")
            return
        data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            self._skip(path, "too large")
            return
        try:
            document = _loads(data.decode("utf-8", errors="replace"))
        except ValueError as exc:
            self._skip(path, f"not readable JSON ({str(exc)[:60]})")
            return
        problem = export_problem(document)
        if problem:
            self._skip(path, problem)
            return
        learner_id = _short_string(document.get("learner_id"), MAX_ID_CHARS)
        name = _short_string(document.get("learner"), MAX_NAME_CHARS)
        # Without an id (exports made before ids existed) each file is its own learner:
        # five "jovyan" exports are five learners, never one.
        key = pseudonym(learner_id) if learner_id else pseudonym(f"file:{path.name}")
        events, bad = [], 0
        for raw in document["events"]:
            event = parse_event(raw, key)
            if event is None:
                bad += 1
            else:
                events.append(event)
        if bad:
            self.bad_lines[path.name] = bad
        if not events:
            self._skip(path, "an empty export (no events): not counted as a learner")
            return
        self.skipped.pop(path.name, None)
        existing = self.learners.get(key)
        if existing is not None and existing.source != path.name:
            # The same learner exported twice: keep the export with more events.
            if len(existing.events) >= len(events):
                self._skip(path, f"an older export of the same learner as {existing.source}")
                return
        self.learners[key] = Learner(key=key, name=name, source=path.name, events=events)
        state.keys = {key}
        self.events_read += len(events)

    def _read_lines(self, path: Path, handle, size: int, state: _FileState) -> None:
        if state.offset >= MAX_FILE_BYTES:
            self._skip(path, f"stopped reading at {MAX_FILE_BYTES // (1024 * 1024)} MB")
            return
        if size <= state.offset:
            return
        handle.seek(state.offset)
        data = handle.read(min(size - state.offset, MAX_READ_CHUNK, MAX_FILE_BYTES - state.offset))
        end = data.rfind(b"\n")
        if end < 0:
            if len(data) > MAX_LINE_BYTES:  # one endless line: step over it
                state.offset += len(data)
                self.bad_lines[path.name] = self.bad_lines.get(path.name, 0) + 1
            return  # a line still being written: read it next time, whole
        chunk, state.offset = data[: end + 1], state.offset + end + 1
        key = path.stem[:MAX_ID_CHARS]
        learner = self.learners.get(key)
        if learner is None:
            learner = self.learners[key] = Learner(key=key, source=path.name)
            state.keys.add(key)
        bad = 0
        for line in chunk.split(b"\n"):
            if not line.strip():
                continue
            if len(line) > MAX_LINE_BYTES:
                bad += 1
                continue
            try:
                raw = _loads(line.decode("utf-8", errors="replace"))
            except ValueError:
                bad += 1
                continue
            event = parse_event(raw, key)
            if event is None:
                bad += 1
                continue
            seq = raw.get("seq")
            if isinstance(seq, int) and not isinstance(seq, bool):
                if seq in learner.seen:  # a retried write: counted once
                    continue
                learner.seen.add(seq)
            name = _short_string(raw.get("name"), MAX_NAME_CHARS)
            if name:
                learner.name = name
            learner.events.append(event)
            self.events_read += 1
        if bad:
            self.bad_lines[path.name] = self.bad_lines.get(path.name, 0) + bad

    # -- views -----------------------------------------------------------------------
    def present(self) -> list[Learner]:
        """Learners with at least one event: an empty file is not a learner."""
        return [learner for learner in self.learners.values() if learner.events]

    def problems(self) -> list[str]:
        """Every file skipped and every file with bad lines, one sentence each."""
        lines = [f"{name}: {why}" for name, why in sorted(self.skipped.items())]
        lines += [f"{name}: {count} line(s) or event(s) skipped (not a valid event)" for name, count in sorted(self.bad_lines.items())]
        lines += [f"{path}: does not exist" for path in self.missing]
        return lines


def export_problem(document) -> str | None:
    """Why a parsed JSON value is not a usable export, or None if it is one."""
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        return "not a workshop progress export"
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        return "its version is missing or not a whole number"
    if version > EXPORT_VERSION:
        return f"made by a newer workshop (version {version}); update the workshop to read it"
    if version < 1:
        return f"an unknown version ({version})"
    if not isinstance(document.get("events"), list):
        return "its events are not a list"
    return None
