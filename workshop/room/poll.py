"""Poll mode: the room's distribution of options, which learners may see after answering.

The facilitator turns it on (``workshop room poll FOLDER on``); the live view then
publishes, for each judgement (choice) question, how many learners chose each option,
into ``FOLDER/.poll.json``. Counts only: never a name or a pseudonym. Learners read that
one file (they cannot read each other's files).
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

POLL_FILE = ".poll.json"
MAX_POLL_BYTES = 1024 * 1024


def _write(folder: Path, document: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".poll-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle)
        os.chmod(tmp, 0o644)
        os.replace(tmp, folder / POLL_FILE)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _read(folder: Path) -> tuple[dict, str | None]:
    """The poll document and, if a file is there but cannot be trusted, why it was ignored.

    Only the room's owner (the facilitator) may have written it, and nobody else may write
    to it: a learner can create ``.poll.json`` in the room (even as a FIFO, which would hang
    every reader), so it is opened without blocking and its owner and mode are checked.
    """
    from workshop.safefile import folder_owners, read_small

    folder = Path(folder)
    data, why = read_small(folder / POLL_FILE, MAX_POLL_BYTES, trusted=folder_owners(folder))
    if data is None:
        return {}, None if why == "does not exist" else f"{POLL_FILE} ignored: {why}"
    try:
        document = json.loads(data.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        return {}, f"{POLL_FILE} ignored: not readable JSON"
    return (document, None) if isinstance(document, dict) else ({}, f"{POLL_FILE} ignored: not a poll")


def read_poll(folder: Path) -> dict:
    return _read(folder)[0]


def poll_notice(folder: Path) -> str | None:
    """One sentence for the facilitator when a poll file is there but was not trusted (None if all is well)."""
    return _read(folder)[1]


def poll_on(folder: Path) -> bool:
    return read_poll(folder).get("on") is True


def set_poll(folder: Path, on: bool, figures=None) -> None:
    document = {"on": bool(on), "updated": time.time(), "exercises": _distributions(figures) if on and figures else {}}
    _write(Path(folder), document)


def publish(folder: Path, figures) -> bool:
    """Refresh the published distributions if the poll is on; False (quietly) otherwise."""
    if not poll_on(folder):
        return False
    try:
        set_poll(folder, True, figures)
        return True
    except OSError:
        return False


def _distributions(figures) -> dict:
    return {f.exercise: {"answered": f.answered, "choices": dict(f.choices)} for f in figures.exercises if f.choices}


def room_distribution(exercise_id: str) -> dict | None:
    """Learner side: {"answered": n, "choices": {key: n}} for this exercise, if the poll is on."""
    from workshop.room.mirror import room_folder

    folder = room_folder()
    if folder is None:
        return None
    document = read_poll(folder)
    if document.get("on") is not True or not isinstance(document.get("exercises"), dict):
        return None
    entry = document["exercises"].get(exercise_id)
    if not isinstance(entry, dict) or not isinstance(entry.get("choices"), dict):
        return None
    choices = {str(k)[:40]: v for k, v in entry["choices"].items() if isinstance(v, int) and not isinstance(v, bool) and v >= 0}
    return {"answered": sum(choices.values()), "choices": choices}


def distribution_html(exercise_id: str, options: dict[str, str] | None = None) -> str:
    """How the room answered, as a small escaped list; '' when there is nothing to show."""
    import html

    data = room_distribution(exercise_id)
    if not data or not data["answered"]:
        return ""
    total = data["answered"]
    counts = data["choices"]
    if options:  # the options as shown ("B. text"), in the room's displayed order; keys stay internal
        rows = [(label, counts[key]) for key, label in options.items() if key in counts]
        rows += [(key, n) for key, n in counts.items() if key not in options]
    else:
        rows = sorted(counts.items(), key=lambda kv: -kv[1])
    items = "".join(f"<li>{html.escape(label)}: {n} of {total} ({n / total:.0%})</li>" for label, n in rows)
    return f"<div class='lwi-poll' role='status'><strong>How the room answered</strong><ul>{items}</ul></div>"


def learner_view(exercise) -> str:
    """After a learner answers a judgement question: the room's distribution, if the poll is on. Never raises."""
    try:
        if exercise.kind not in ("single_choice", "multiple_select"):
            return ""
        from workshop.kinds.options import labelled

        options = {o.key: labelled(i, o.text) for i, o in enumerate(exercise.shown_options)}
        return distribution_html(exercise.id, options)
    except Exception:
        return ""
