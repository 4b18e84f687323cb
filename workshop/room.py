"""What the room answered: learners' exported progress files, summarised per exercise.

Each learner's last answer is checked again, so the summary can name the
misconception most of the room hit: the thing to discuss after the exercise.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from workshop.export import EXPORT_FORMAT, EXPORT_VERSION


@dataclass
class Room:
    learners: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files that could not be read, with why
    last_answers: dict[str, dict[str, object]] = field(default_factory=dict)  # exercise -> learner -> answer


def read_exports(paths) -> Room:
    """Read export files (or folders of them); unreadable ones are listed, never fatal."""
    room = Room()
    files = []
    for path in map(Path, paths):
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    for file in files:
        try:
            document = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            room.skipped.append(f"{file.name}: not readable JSON ({exc.__class__.__name__})")
            continue
        if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
            room.skipped.append(f"{file.name}: not a workshop progress export")
            continue
        if document.get("version", 0) > EXPORT_VERSION:
            room.skipped.append(f"{file.name}: made by a newer workshop (version {document.get('version')})")
            continue
        learner = str(document.get("learner") or file.stem)
        room.learners.append(learner)
        for event in document.get("events", []):
            if isinstance(event, dict) and event.get("event") == "check" and isinstance(event.get("exercise"), str):
                room.last_answers.setdefault(event["exercise"], {})[learner] = event.get("answer")
    return room


def summary(room: Room):
    """One row per exercise: how many answered, how they did, and the most common misconception."""
    import pandas as pd

    from workshop import check

    rows = []
    for exercise_id in sorted(room.last_answers):
        results = [check(exercise_id, answer) for answer in room.last_answers[exercise_id].values()]
        statuses = Counter(r.status for r in results)
        misconceptions = Counter(r.misconception for r in results if r.misconception)
        top = misconceptions.most_common(1)
        rows.append({
            "exercise": exercise_id,
            "answered": len(results),
            "correct": statuses["correct"],
            "partial": statuses["partial"],
            "incorrect": statuses["incorrect"],
            "most common misconception": f"{top[0][0]} ({top[0][1]})" if top else "",
        })
    return pd.DataFrame(rows, columns=["exercise", "answered", "correct", "partial", "incorrect", "most common misconception"])
