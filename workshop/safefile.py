"""Opening a file someone else may have planted: never block, never follow a link, never trust the owner.

A room folder is writable by every learner, so any name in it may be a FIFO (opening it
for reading blocks until a writer comes), a symbolic link to ``/dev/zero``, a folder, or
a file written by a learner to look like the facilitator's. Everything the workshop
reads from a shared place goes through here: opened with ``O_NONBLOCK | O_NOFOLLOW``,
checked to be a regular file on the open descriptor (no race), read up to a bound, and,
for the facilitator's own files (poll state), checked to belong to the facilitator.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def open_regular(path: Path, follow: bool = False):
    """``(binary handle, fstat)`` for a regular file, or ``(None, why not)``. Never blocks."""
    flags = FLAGS if not follow else FLAGS & ~getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None, "does not exist"
    except PermissionError:
        return None, "not readable (permission denied)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "not a regular file"  # a symbolic link: never followed
        return None, f"could not be opened ({exc.strerror})"
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        return None, f"could not be opened ({exc.strerror})"
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        return None, "not a regular file"
    return os.fdopen(fd, "rb"), info


def owner_problem(info, trusted: set[int]) -> str | None:
    """Why a file's owner or mode makes it untrustworthy as the facilitator's own, or None."""
    if info.st_uid not in trusted:
        return f"not written by the room's owner (it belongs to user {info.st_uid})"
    if info.st_mode & 0o022:
        return "writable by other users"
    return None


def read_small(path: Path, limit: int, trusted: set[int] | None = None) -> tuple[bytes | None, str | None]:
    """At most ``limit`` bytes of a regular file, or ``(None, why not)``; ``trusted``: uids allowed to own it."""
    handle, info = open_regular(path)
    if handle is None:
        return None, info
    with handle:
        if trusted is not None:
            problem = owner_problem(info, trusted)
            if problem:
                return None, problem
        if info.st_size > limit:
            return None, f"too large ({info.st_size:,} bytes; at most {limit:,})"
        try:
            return handle.read(limit + 1)[:limit], None
        except OSError as exc:
            return None, f"could not be read ({exc.strerror})"


def folder_owners(folder: Path) -> set[int]:
    """The uids trusted to write a room's own files: the folder's owner (the facilitator) and root."""
    try:
        return {os.stat(folder).st_uid, 0}
    except OSError:
        return {os.getuid(), 0}
