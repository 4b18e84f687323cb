"""The learner's side of a room: every progress event also goes to the room folder.

``WORKSHOP_ROOM=FOLDER`` (or ``room:`` in the settings file) turns it on. Each learner
appends to one file of their own, ``FOLDER/<pseudonym>.jsonl``, so learners never contend
for a lock. The pseudonym hashes a unique learner id (kept beside the local log; on
Binder and many hubs every user is ``jovyan``) with the room's salt (``FOLDER/.salt``).
``WORKSHOP_LEARNER=NAME`` (or ``name:``) adds a display name the facilitator may show.

The local log stays the record. The room gets what the local log holds past a cursor
(kept in ``<log>.room.json``), so if the room folder is missing, full or unwritable the
learner sees one friendly line once, and the events reach the room when it is back.
Each mirrored line carries ``seq`` (its offset in the local log) and ``epoch`` (a random id
made for each version of the local log), so a retry after a half-finished write cannot count
an event twice, and a log the learner deleted or reset starts a new epoch: its events are
never mistaken for retries of the old log's.
"""
from __future__ import annotations

import errno
import json
import os
import secrets
import stat
import uuid
import warnings
from pathlib import Path

from workshop.room.reader import pseudonym

ROOM_ENV = "WORKSHOP_ROOM"
LEARNER_ENV = "WORKSHOP_LEARNER"
SALT_FILE = ".salt"
FILE_MODE = 0o640  # the learner writes; the facilitator's group reads; nobody else

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

_warned: set[str] = set()


class RoomWarning(UserWarning):
    """The room folder cannot be reached; the learner's own log keeps everything."""

_write = os.write  # the room's own writes (a test makes the room's disk full without touching the local log)
_settings_cache: dict = {"key": None, "data": {}}


def _settings() -> dict:
    """The settings file as a dict (cached by modification time); {} if absent or odd."""
    from workshop.settings import config_path

    path = config_path()
    try:
        info = path.stat()
    except OSError:
        return {}
    key = (str(path), info.st_mtime_ns, info.st_size)
    if _settings_cache["key"] != key:
        try:
            import yaml

            from workshop.settings import read_config

            text, _ = read_config(path)  # never blocks, and only a file that is the learner's own (or root's)
            data = yaml.safe_load(text) if text is not None else None
        except Exception:
            data = None
        _settings_cache.update(key=key, data=data if isinstance(data, dict) else {})
    return _settings_cache["data"]


def room_folder() -> Path | None:
    value = os.environ.get(ROOM_ENV) or _settings().get("room")
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return Path(value.strip()).expanduser()
    except RuntimeError:  # ~nosuchuser
        return Path(value.strip())


def display_name() -> str | None:
    value = os.environ.get(LEARNER_ENV) or _settings().get("name")
    return value.strip()[:80] if isinstance(value, str) and value.strip() else None


def company_name() -> str | None:
    """The company this learner's answers are checked for (a profile's name), or None if it cannot be told."""
    try:
        from workshop.company.profiles import profile_path

        return profile_path().stem[:60]
    except Exception:
        return None


def learner_id(log_path: Path) -> str:
    """This learner's unique id, made once and kept beside the local log."""
    path = log_path.with_name(log_path.stem + ".learner-id")  # one id per log, even when logs share a folder
    try:
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    except OSError:
        pass
    value = uuid.uuid4().hex
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(value + "\n")
    except FileExistsError:  # another notebook made it first: use theirs
        return path.read_text(encoding="utf-8").strip() or value
    except OSError:
        pass
    return value


def _read_salt(path: Path) -> str | None:
    """The salt, read without blocking or following a link (a learner may plant a FIFO there); None if absent."""
    from workshop.safefile import read_small

    data, why = read_small(path, 256)
    if data is None:
        if why == "does not exist":
            return None
        raise OSError(errno.EINVAL, f"the room's {SALT_FILE} is {why}; ask the facilitator to run `workshop room init`")
    return data.decode("utf-8", errors="replace").strip()


def room_salt(folder: Path) -> str:
    """The room's salt: made by the facilitator (``workshop room init``) or the first learner."""
    path = folder / SALT_FILE
    found = _read_salt(path)
    if found is not None:
        return found
    salt = secrets.token_hex(16)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(salt + "\n")
        os.chmod(path, 0o644)
        return salt
    except FileExistsError:
        return _read_salt(path) or ""


def _warn_once(folder: Path, why: str) -> None:
    if str(folder) in _warned:
        return
    _warned.add(str(folder))
    # One line a learner can read: no file name and line of our code, no source line under it.
    warnings.warn_explicit(
        f"The room folder {folder} can't be reached right now ({why}). Your progress is saved on your "
        "own machine and will reach the room when it is back.",
        RoomWarning, filename="workshop room", lineno=0, module="workshop.room", registry={},
    )


def forward(log_path: Path) -> bool:
    """Send the room whatever the local log holds that the room has not had; never raises."""
    folder = room_folder()
    if folder is None:
        return False
    try:
        return _forward(folder, Path(log_path))
    except OSError as exc:
        _warn_once(folder, exc.strerror or type(exc).__name__)
    except Exception as exc:  # the notebook must never see the room fail
        _warn_once(folder, type(exc).__name__)
    return False


def _forward(folder: Path, log_path: Path) -> bool:
    if not folder.is_dir():
        raise FileNotFoundError(2, "the folder does not exist")
    state_path = log_path.with_name(log_path.name + ".room.json")
    with open(state_path, "a+", encoding="utf-8") as state_handle:
        if fcntl is not None:
            fcntl.flock(state_handle.fileno(), fcntl.LOCK_EX)
        state_handle.seek(0)
        try:
            state = json.loads(state_handle.read() or "{}")
        except ValueError:
            state = {}
        if not isinstance(state, dict) or state.get("room") != str(folder.resolve()):
            state = {"room": str(folder.resolve()), "offset": 0}
        if not isinstance(state.get("file"), str):
            state["file"] = pseudonym(learner_id(log_path), room_salt(folder)) + ".jsonl"
        offset = state.get("offset") if isinstance(state.get("offset"), int) and state["offset"] >= 0 else 0
        with open(log_path, "rb") as log:
            info = os.fstat(log.fileno())
            identity = [info.st_dev, info.st_ino]
            tail = bytes.fromhex(state["tail"]) if _is_hex(state.get("tail")) else b""
            replaced = offset > info.st_size or state.get("log") not in (None, identity) or (
                bool(tail) and offset >= len(tail) and os.pread(log.fileno(), len(tail), offset - len(tail)) != tail)
            if replaced or not isinstance(state.get("epoch"), str):
                # A new log (deleted, reset or rewritten): its byte offsets start again from 0, so
                # they are told apart from the old log's by a new epoch, and nothing new is dropped
                # as a "retry" of an old event.
                state["epoch"] = secrets.token_hex(6)
                if replaced:
                    offset = 0
            state["log"] = identity
            log.seek(offset)
            data = log.read()
        end = data.rfind(b"\n")
        if end < 0:
            return True
        lines, name, position = [], display_name(), offset
        company = company_name()
        for raw in data[: end + 1].split(b"\n")[:-1]:
            seq, position = position, position + len(raw) + 1
            try:
                entry = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(entry, dict):
                continue
            entry["seq"], entry["epoch"] = seq, state["epoch"]
            if name:
                entry["name"] = name
            if company:
                entry["company"] = company  # so the facilitator's view can say when it checks for another company
            lines.append(json.dumps(entry, ensure_ascii=False))
        _append(folder / state["file"], ("\n".join(lines) + "\n").encode("utf-8") if lines else b"")
        state["offset"] = offset + end + 1
        state["tail"] = data[max(0, end + 1 - 32): end + 1].hex()
        state_handle.seek(0)
        state_handle.truncate()
        state_handle.write(json.dumps(state))
    return True


def _is_hex(value) -> bool:
    try:
        return isinstance(value, str) and len(value) <= 64 and bytes.fromhex(value) is not None
    except ValueError:
        return False


def _append(path: Path, payload: bytes) -> None:
    if not payload:
        return
    # Never block on, or write through, something planted under our name: a FIFO or a link.
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, FILE_MODE)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENXIO):
            raise OSError(errno.EINVAL, "your room file is not a regular file") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "your room file is not a regular file")
        if info.st_size:
            # A write cut short (disk full) left a partial line: start ours on a fresh one.
            try:
                last = os.pread(fd, 1, info.st_size - 1)
            except OSError:  # opened write-only: read the last byte through a second, safe descriptor
                from workshop.safefile import open_regular

                mine, _ = open_regular(path)
                last = b"\n"
                if mine is not None:
                    with mine:
                        mine.seek(info.st_size - 1)
                        last = mine.read(1)
            if last != b"\n":
                payload = b"\n" + payload
        view = memoryview(payload)
        while view:
            written = _write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)
