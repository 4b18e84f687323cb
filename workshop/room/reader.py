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
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from workshop.progress.export import EXPORT_FORMAT, EXPORT_VERSION

EVENTS = ("answer", "check", "hint", "reveal")
STATUSES = ("correct", "partial", "incorrect", "not_attempted")
MAX_FILE_BYTES = 16 * 1024 * 1024  # a full day is well under 1 MB; a 190 MB "export" is an attack
MAX_LINE_BYTES = 256 * 1024  # the progress log caps stored answers far below this
MAX_READ_CHUNK = 4 * 1024 * 1024  # per file per refresh, so one big file cannot stall the view
MAX_FILES = 5000  # files read per refresh, chosen by _rank (never the first 5,000 by name: names are the learners' to choose)
MAX_SCAN = 50_000  # folder entries looked at per refresh; a folder flooded past this is said to be
MAX_PROBLEM_LINES = 40  # problems listed one by one; the rest are counted by reason
LEARNER_FILE = re.compile(r"learner-[0-9a-f]{8}\.jsonl|[^/]{1,200}\.json")
MAX_ID_CHARS = 80
MAX_NAME_CHARS = 80
MAX_TS = 10_000_000_000.0  # seconds since 1970: the year 2286


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
    seen: set = field(default_factory=set, repr=False)  # mirrored (epoch, seq) pairs already counted
    aliases: set[str] = field(default_factory=set, repr=False)  # an export's keys under each room salt
    company: str | None = None  # the company the learner's answers were checked for (live files say)


@dataclass
class _FileState:
    inode: tuple[int, int] | None = None
    offset: int = 0
    size: int = 0
    mtime_ns: int = 0
    keys: set[str] = field(default_factory=set)
    valid: bool = False  # has given at least one event


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
    ts = _number(raw.get("ts"))
    ts = ts if ts is not None and 0 <= ts <= MAX_TS else None  # +-1e308 is no time of day
    return Event(learner, kind, exercise, ts, raw.get("answer"), status, _number(raw.get("score")), level)


def _loads(text: str):
    """json.loads that turns every way JSON can fail (depth included) into ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _open_regular(path: Path):
    """Open a regular file without blocking or following a link, or say why not (FIFO, device, folder, missing)."""
    from workshop.safefile import open_regular

    return open_regular(path)


def _rank(name: str, known: bool, size: int, mtime_ns: int) -> tuple:
    """Which files to read first when a room holds more than MAX_FILES: learners already seen,
    then files named as the workshop names them, then non-empty, then the most recently changed."""
    return (known, bool(LEARNER_FILE.fullmatch(name)), size > 0, mtime_ns)


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
        self._salts: dict[Path, str | None] = {}
        self.notes: dict[str, str] = {}  # files left out by the scan, counted by reason
        self.partial: dict[str, str] = {}  # files read only in part this refresh (the rest comes next time)
        self.events_read = 0

    # -- which files ---------------------------------------------------------------
    def _files_now(self) -> list[Path]:
        """The files to read this refresh: a bounded scan of each folder, best files first.

        A learner can fill the room with files (5,000 empty ones named to sort first, FIFOs,
        links), so no folder is listed whole or sorted by name: at most MAX_SCAN entries are
        looked at (``lstat`` only, nothing opened), empty files are counted and left alone,
        and when more than MAX_FILES remain the ones read are chosen by ``_rank``. Every
        file left out is counted in ``notes`` and said in ``problems()``.
        """
        found, self.missing, self.notes = [], [], {}
        candidates: list[tuple[tuple, Path]] = []
        for path in self.paths:
            try:
                if path.is_dir():
                    self._scan(path, candidates)
                elif path.exists() or path.is_symlink():
                    found.append(path)
                else:
                    self.missing.append(str(path))
            except OSError as exc:
                self.skipped[str(path)] = f"could not be listed ({exc.strerror})"
        if len(candidates) > MAX_FILES:
            import heapq

            kept = heapq.nlargest(MAX_FILES, candidates, key=lambda c: c[0])
            self.notes["beyond"] = (f"{len(candidates) - MAX_FILES} file(s) beyond the first {MAX_FILES:,} not read "
                                    "this time (learners already seen, named as the workshop names them, and the most "
                                    "recently written are read first)")
            candidates = kept
        return found + [path for _, path in candidates]

    def _scan(self, folder: Path, candidates: list) -> None:
        from workshop.room.mirror import SALT_FILE

        if folder not in self._salts:
            self._salts[folder] = _room_salt(folder / SALT_FILE)
        empty = irregular = looked = 0
        with os.scandir(folder) as entries:
            for entry in entries:
                looked += 1
                if looked > MAX_SCAN:
                    self.notes["scan"] = (f"{folder.name}: holds more than {MAX_SCAN:,} entries; only the first "
                                          f"{MAX_SCAN:,} were looked at")
                    break
                name = entry.name
                if name.startswith(".") or not (name.endswith(".json") or name.endswith(".jsonl")):
                    continue
                path = Path(entry.path)
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if not stat.S_ISREG(info.st_mode):
                    irregular += 1
                    self._skip(path, "not a regular file")
                    continue
                state = self._files.get(path)
                if info.st_size == 0 and state is None:
                    empty += 1  # nothing to read yet; it is looked at again next time
                    continue
                candidates.append((_rank(name, bool(state and state.valid), info.st_size, info.st_mtime_ns), path))
        if empty:
            self.notes[f"empty:{folder}"] = f"{empty} empty file(s) in {folder.name} ignored (nothing in them yet)"

    def refresh(self) -> int:
        """Read whatever is new in every file; return how many events were added."""
        before = self.events_read
        self.partial = {}
        for path in self._files_now():
            try:
                self._read(path)
            except (OSError, MemoryError) as exc:  # a file that vanished or broke mid-read
                self._skip(path, f"could not be read ({getattr(exc, 'strerror', None) or type(exc).__name__})")
        return self.events_read - before

    def read_all(self, rounds: int = MAX_FILE_BYTES // MAX_READ_CHUNK + 1) -> int:
        """Refresh until every file is read to its end (or its cap): what a one-off summary needs."""
        added = self.refresh()
        for _ in range(rounds):
            if not self.partial:
                break
            added += self.refresh()
        return added

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
        aliases = {pseudonym(learner_id, salt) for salt in self._salts.values() if salt} if learner_id else set()
        self.learners[key] = Learner(key=key, name=name, source=path.name, events=events, aliases=aliases)
        state.keys = {key}
        state.valid = True
        self.events_read += len(events)

    def _read_lines(self, path: Path, handle, size: int, state: _FileState) -> None:
        if state.offset >= MAX_FILE_BYTES:
            self._skip(path, f"stopped reading at {MAX_FILE_BYTES // (1024 * 1024)} MB")
            return
        if size <= state.offset:
            return
        handle.seek(state.offset)
        want = min(size, MAX_FILE_BYTES) - state.offset
        data = handle.read(min(want, MAX_READ_CHUNK))
        if want > MAX_READ_CHUNK:
            self.partial[path.name] = (f"read {(state.offset + len(data)) / 2**20:.0f} MB of {size / 2**20:.0f} MB so far; "
                                       "the rest on the next refresh")
        if size > MAX_FILE_BYTES and state.offset + len(data) >= MAX_FILE_BYTES - MAX_LINE_BYTES:
            self._skip(path, f"stopped reading at {MAX_FILE_BYTES // (1024 * 1024)} MB (the file has {size / 2**20:.0f} MB)")
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
                epoch = raw.get("epoch")
                mark = (epoch[:40] if isinstance(epoch, str) else None, seq)
                if mark in learner.seen:  # a retried write: counted once
                    continue
                learner.seen.add(mark)
            name = _short_string(raw.get("name"), MAX_NAME_CHARS)
            if name:
                learner.name = name
            company = _short_string(raw.get("company"), 60)
            if company:
                learner.company = company
            learner.events.append(event)
            state.valid = True
            self.events_read += 1
        if bad:
            self.bad_lines[path.name] = self.bad_lines.get(path.name, 0) + bad

    # -- views -----------------------------------------------------------------------
    def present(self) -> list[Learner]:
        """Learners with at least one event, each once: an empty file is not a learner, and a
        learner's export and their live file (the same learner id) are one learner."""
        learners = [learner for learner in self.learners.values() if learner.events]
        live = {learner.key: learner for learner in learners if not learner.aliases}
        dropped: set[int] = set()
        self.duplicates = {}
        for learner in learners:
            twin = next((live[a] for a in learner.aliases if a in live), None)
            if twin is None or id(twin) in dropped:
                continue
            # Keep whichever holds more (the live file grows; an export is a snapshot).
            loser, winner = (twin, learner) if len(learner.events) > len(twin.events) else (learner, twin)
            dropped.add(id(loser))
            self.duplicates[loser.source] = winner.source
        return [learner for learner in learners if id(learner) not in dropped]

    def problems(self) -> list[str]:
        """Every file skipped and every file with bad lines, one sentence each (a flood: counted by reason)."""
        lines = list(self.notes.values())
        lines += [f"{name}: {why}" for name, why in sorted(self.partial.items())]
        lines += [f"{name}: the same learner as {other} (an export and a live file): counted once"
                  for name, other in sorted(getattr(self, "duplicates", {}).items())]
        skipped = [f"{name}: {why}" for name, why in sorted(self.skipped.items())]
        skipped += [f"{name}: {count} line(s) or event(s) skipped (not a valid event)" for name, count in sorted(self.bad_lines.items())]
        skipped += [f"{path}: does not exist" for path in self.missing]
        if len(skipped) > MAX_PROBLEM_LINES:
            from collections import Counter

            rest = Counter(line.split(": ", 1)[-1] if not line[-1:].isdigit() else "" for line in skipped[MAX_PROBLEM_LINES:])
            reasons = "; ".join(f"{n} {why}" for why, n in rest.most_common(5))
            skipped = skipped[:MAX_PROBLEM_LINES] + [f"... and {len(skipped) - MAX_PROBLEM_LINES} more file(s) skipped ({reasons})"]
        return lines + skipped


def company_notice(learners) -> str | None:
    """A warning when learners answered for another company than the one this process checks for."""
    from collections import Counter

    try:
        from workshop.company.profiles import profile_path

        mine = profile_path().stem
    except Exception:
        return None
    others = Counter(l.company for l in learners if l.company and l.company != mine)
    if not others:
        return None
    theirs, count = others.most_common(1)[0]
    return (f"{count} learner(s) answered for the company {theirs!r}, but this view checks answers for {mine!r}, so "
            f"their right answers may show as wrong: run it with WORKSHOP_COMPANY={theirs}.")


def _room_salt(path: Path) -> str | None:
    """A room folder's salt (to recognise a learner's export beside their live file), or None."""
    from workshop.safefile import read_small

    data, _ = read_small(path, 256)
    return data.decode("utf-8", errors="replace").strip() or None if data else None


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
