"""Reading the money amounts people actually type: "$36k", "1.2M", "120,000", "$1.2 million"."""
from __future__ import annotations

import re

from workshop.answers import AnswerProblem, as_number

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "b": 1e9, "billion": 1e9}
_AMOUNT = re.compile(
    r"(?<![\w.])[$€£]?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(k|thousand|mn|m|million|bn|b|billion)\b)?",
    re.IGNORECASE,
)


def parse_amount(value, what: str = "this number") -> float:
    """One amount from a box; raise ``AnswerProblem`` with a sentence that names the box."""
    if isinstance(value, str):
        text = value.strip().lower().replace("us$", "$").replace("a year", "").replace("per year", "").strip()
        match = _AMOUNT.fullmatch(text.strip()) if text else None
        if match:
            return _value(match)
    try:
        return as_number(value)
    except AnswerProblem:
        raise AnswerProblem(f"I couldn't read {str(value)[:40]!r} as an amount in '{what}'. "
                            "Type a number such as 120000, $120,000, $120k or 1.2M.") from None


def amounts_in(text: str) -> list[float]:
    """Every amount a sentence states, with its scale word applied ("$1.2 million" -> 1200000)."""
    if not isinstance(text, str):
        return []
    return [_value(m) for m in _AMOUNT.finditer(text)]


def _value(match: re.Match) -> float:
    number = float(match.group(1).replace(",", ""))
    scale = (match.group(2) or "").lower()
    return number * _SCALE.get(scale, 1)


def close(a: float, b: float, tolerance: float = 0.1) -> bool:
    """Two amounts that a reader would call the same figure (rounded in a headline)."""
    return b != 0 and abs(a - b) <= tolerance * abs(b)
