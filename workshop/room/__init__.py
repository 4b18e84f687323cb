"""The facilitator's room: what learners answered, live during the session and as a report after.

``reader`` reads learners' files (untrusted) incrementally, ``mirror`` is the learner's side
that appends events to a room folder, ``summary`` computes the figures, ``terminal`` prints
them, ``live`` is the dashboard, ``report`` the self-contained HTML report and ``poll`` the
room's answer distribution a learner may see.
"""
from __future__ import annotations

from workshop.room.reader import RoomReader


def read_exports(paths) -> RoomReader:
    """Read a room's files (exports and live mirrors) once; bad ones are listed, never fatal."""
    reader = RoomReader(paths)
    reader.read_all()  # a one-off summary reads each file to its end (or its cap), not one refresh's share
    return reader


def summary_table(reader: RoomReader):
    """One row per exercise, grouped by module: answered, statuses, not attempted, top misconception."""
    import pandas as pd

    from workshop.room.summary import compute

    figures = compute(reader.present())
    rows = []
    for f in figures.exercises:
        top = f.misconceptions.most_common(1)
        rows.append({
            "module": f.module, "exercise": f.exercise, "answered": f.answered, "correct": f.correct,
            "partial": f.partial, "incorrect": f.incorrect, "not attempted": f.not_attempted,
            "most common misconception": f"{top[0][0]} ({top[0][1]})" if top else "",
        })
    columns = ["module", "exercise", "answered", "correct", "partial", "incorrect", "not attempted", "most common misconception"]
    return pd.DataFrame(rows, columns=columns)
