"""Counts in words a person would write: "one step is missing", not "1 step(s) missing"."""
from __future__ import annotations

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number(n: int) -> str:
    """'one' to 'ten' in words, larger numbers in digits."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'one option', 'two options', 'no options'."""
    return f"{number(n)} {singular if n == 1 else plural or singular + 's'}"
