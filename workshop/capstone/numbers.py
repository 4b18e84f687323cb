"""Small, checked helpers for a learner's own numbers, from a table loaded by ``workshop.data.load``."""
from __future__ import annotations


def per_year(table, date_column: str, value_column: str | None = None) -> float:
    """Events a year (or the sum of ``value_column`` a year), scaled by the span of dates the table covers.

    A table covering 18 months with 60 rows gives 40 a year. The span runs from the first
    to the last date plus one day, so a single day's data is not divided by zero.
    """
    import pandas as pd

    if date_column not in table.columns:
        raise ValueError(f"the table has no column {date_column!r}; its columns are {list(table.columns)}")
    dates = pd.to_datetime(table[date_column], errors="coerce").dropna()
    if dates.empty:
        raise ValueError(f"column {date_column!r} has no readable dates")
    days = (dates.max() - dates.min()).days + 1
    if value_column is None:
        total = float(len(dates))
    elif value_column not in table.columns:
        raise ValueError(f"the table has no column {value_column!r}; its columns are {list(table.columns)}")
    else:
        total = float(pd.to_numeric(table[value_column], errors="coerce").fillna(0).sum())
    return total / days * 365.25


def latest_case(exercise_id: str = "10.my-case"):
    """The learner's last checked case, as a page to read (an empty page if there is none yet)."""
    from workshop import progress
    from workshop.answers import AnswerProblem
    from workshop.capstone.case import Case

    answer = progress.last_answer(exercise_id)
    try:
        return Case.from_answer(answer if isinstance(answer, dict) else {})
    except AnswerProblem:
        return Case({})
