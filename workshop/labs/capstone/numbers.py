"""Small, checked helpers for a learner's own numbers: their own CSV, counted over a window they state."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

# Below this, a yearly rate is mostly noise: one incident seen in one day is not 365 a year.
MIN_WINDOW_DAYS = 28


def read_own(path, *columns: str):
    """The learner's own CSV, needing only the columns the count uses (say which are missing, and what the file has)."""
    import pandas as pd

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"there is no file {path.name!r} beside this notebook; save your CSV there first")
    table = pd.read_csv(path)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{path.name} has no column {', '.join(repr(c) for c in missing)}; its columns are "
                         f"{list(table.columns)}. Rename yours, or pass the names your file uses.")
    return table


def _date(value, what: str) -> dt.date:
    import pandas as pd

    stamp = pd.to_datetime(value, errors="coerce")
    if pd.isna(stamp):
        raise ValueError(f"{what} must be a date such as '2025-01-01' (got {value!r})")
    return stamp.date()


def per_year(table, date_column: str, value_column: str | None = None, *, since=None, until=None) -> float:
    """Events a year (or the sum of ``value_column`` a year) over the window you observed.

    The window is yours to state, because the data can't say how long you were watching: one
    incident in a file is not 365 a year. ``since`` and ``until`` are the first and last day you
    were watching (both included); rows outside them are left out. A window shorter than four
    weeks is refused: a yearly rate from it would be mostly noise.

        per_year(incidents, "started_at", since="2024-10-01", until="2025-09-30")  # 12 months
    """
    import pandas as pd

    if since is None or until is None:
        raise ValueError("say the window you observed: per_year(table, column, since='2024-10-01', until='2025-09-30'). "
                         "The rows alone can't tell how long you were watching.")
    start, end = _date(since, "since"), _date(until, "until")
    days = (end - start).days + 1
    if days < MIN_WINDOW_DAYS:
        raise ValueError(f"a window of {days} day{'s' if days != 1 else ''} is too short to scale to a year "
                         f"(at least {MIN_WINDOW_DAYS} days); count the events instead, or watch longer")
    if date_column not in table.columns:
        raise ValueError(f"the table has no column {date_column!r}; its columns are {list(table.columns)}")
    dates = pd.to_datetime(table[date_column], errors="coerce")
    if dates.dropna().empty:
        raise ValueError(f"column {date_column!r} has no readable dates")
    inside = (dates.dt.date >= start) & (dates.dt.date <= end)
    if value_column is None:
        total = float(inside.sum())
    elif value_column not in table.columns:
        raise ValueError(f"the table has no column {value_column!r}; its columns are {list(table.columns)}")
    else:
        total = float(pd.to_numeric(table.loc[inside, value_column], errors="coerce").fillna(0).sum())
    return total / days * 365.25


def latest_case(exercise_id: str = "10.my-case"):
    """The learner's last checked case, as a page to read (an empty page if there is none yet)."""
    from workshop.progress import log as progress
    from workshop.answers import AnswerProblem
    from workshop.labs.capstone.case import Case

    answer = progress.last_answer(exercise_id)
    try:
        return Case.from_answer(answer if isinstance(answer, dict) else {})
    except AnswerProblem:
        return Case({})
