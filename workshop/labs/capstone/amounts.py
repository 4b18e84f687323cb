"""Reading the money amounts people actually type: "$36k", "1.2M", "120,000", "$1.2 million"."""
from __future__ import annotations

import re

from workshop.answers import AnswerProblem, as_number

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "b": 1e9, "billion": 1e9}
_AMOUNT = re.compile(
    r"(?<![\w.])[$€£]?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(k|thousand|mn|m|million|bn|b|billion)\b)?",
    re.IGNORECASE,
)


# Words that make a number something other than money: "400 hours" is time, and shown as money it
# would read "$400". A box that wants money refuses them; a sentence's amounts leave them out.
_NOT_MONEY = re.compile(
    r"^\s*(%|per\s?cent\b|percent\b|h\b|hrs?\b|hours?\b|mins?\b|minutes?\b|days?\b|weeks?\b|months?\b|years?\b"
    r"|engineers?\b|people\b|persons?\b|person-\w+|engineer-\w+|incidents?\b|failures?\b|outages?\b|builds?\b"
    r"|runs?\b|deploys?\b|orders?\b|customers?\b|users?\b|tickets?\b|times\b|x\b|×)",
    re.IGNORECASE,
)


def not_money(text: str) -> str | None:
    """The unit word that makes a typed amount something other than money ("hours" in "400 hours"), or None."""
    match = _AMOUNT.search(text) if isinstance(text, str) else None
    if not match:
        return None
    unit = _NOT_MONEY.match(text[match.end():])
    return unit.group(1).strip() if unit else None


def parse_amount(value, what: str = "this number") -> float:
    """One amount from a box; raise ``AnswerProblem`` with a sentence that names the box.

    A box of money refuses time, counts and shares ("400 hours", "24 failures", "40%"): shown as
    money they would read "$400". The sentence says how to turn them into money.
    """
    if isinstance(value, str):
        unit = not_money(value)
        if unit:
            raise AnswerProblem(
                f"'{what}' is an amount of money, and {value.strip()[:40]!r} is counted in {unit}. "
                "Turn it into money first (for hours: hours × what an hour costs, e.g. 400 hours × 75 = 30,000), "
                "and type that.")
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
    """Every amount of money a sentence states, with its scale word applied ("$1.2 million" -> 1200000).

    Numbers counted in something else ("400 hours", "24 failures", "40%") are left out: they are not money.
    """
    if not isinstance(text, str):
        return []
    return [_value(m) for m in _AMOUNT.finditer(text) if not _NOT_MONEY.match(text[m.end():])]


def _value(match: re.Match) -> float:
    number = float(match.group(1).replace(",", ""))
    scale = (match.group(2) or "").lower()
    return number * _SCALE.get(scale, 1)


def close(a: float, b: float, tolerance: float = 0.1) -> bool:
    """Two amounts that a reader would call the same figure (rounded in a headline)."""
    return b != 0 and abs(a - b) <= tolerance * abs(b)
