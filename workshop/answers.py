"""Turning whatever a learner passes into something a checker can judge.

Learners pass anything: None, "", NaN, bytes, a DataFrame, a megabyte of text, an
object whose ``str()`` raises. These helpers never raise on such input; they raise
``AnswerProblem`` with a friendly sentence the checker shows instead.
"""
from __future__ import annotations

import math
import numbers
import re

MAX_TEXT_CHARS = 20_000


class AnswerProblem(Exception):
    """An answer we cannot judge, with a sentence that tells the learner why."""


def safe_describe(value) -> str:
    """Name what the learner passed, without trusting its ``str()``."""
    kind = type(value).__name__
    try:
        shown = repr(value)
    except Exception:
        return f"a {kind} that cannot be displayed"
    shown = " ".join(shown.split())
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} (a {kind})"


def is_blank(value) -> bool:
    """True for the answers that mean 'not answered yet'."""
    if value is None or value is Ellipsis:  # `answer = ...` is the notebooks' blank to fill in
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    if isinstance(value, (list, tuple, set, frozenset, dict)) and len(value) == 0:
        return True
    return False


def as_text(value, *, limit: int = MAX_TEXT_CHARS) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        raise AnswerProblem(f"I expected some text here, but got {safe_describe(value)}.")
    if len(value) > limit:
        raise AnswerProblem(
            f"That answer is {len(value):,} characters long; please keep it under {limit:,}."
        )
    return value.strip()


_NUMBER_RE = re.compile(r"^[\s$€£]*([-+]?[\d,_]*\.?\d+(?:[eE][-+]?\d+)?)\s*(%|[a-zA-Z/ ]*)\s*$")


def as_number(value) -> float:
    """A real number from an int, float, numpy scalar or a string like '$1,150'."""
    if isinstance(value, bool):
        raise AnswerProblem("I expected a number, but got True/False.")
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, (str, bytes)):
        text = as_text(value, limit=100)
        match = _NUMBER_RE.match(text)
        if not match:
            raise AnswerProblem(
                f"I couldn't read {text[:40]!r} as a number. Type just the number, e.g. 1150 or 12.5."
            )
        number = float(match.group(1).replace(",", "").replace("_", ""))
    elif hasattr(value, "item") and getattr(value, "size", None) == 1:
        return as_number(value.item())
    else:
        hint = ""
        if hasattr(value, "shape"):
            hint = " If you computed a table or column, pick out the single value (e.g. with .sum() or .iloc[0])."
        raise AnswerProblem(f"I expected a single number, but got {safe_describe(value)}.{hint}")
    if math.isnan(number) or math.isinf(number):
        raise AnswerProblem("That number is NaN or infinite; check the calculation for a division by zero or a missing value.")
    return number


def as_choice_list(value) -> list[str]:
    """A list of option keys from a single key, a list, a tuple or a set."""
    if isinstance(value, (str, bytes)):
        return [as_text(value, limit=200)]
    if isinstance(value, (list, tuple, set, frozenset)):
        items = []
        for item in value:
            if not isinstance(item, (str, bytes, int)) or isinstance(item, bool):
                raise AnswerProblem(f"Each choice should be an option key, but one was {safe_describe(item)}.")
            items.append(as_text(str(item) if isinstance(item, int) else item, limit=200))
        return items
    raise AnswerProblem(f"I expected a list of option keys, but got {safe_describe(value)}.")
