"""Turning whatever a learner passes into something a checker can judge.

Learners pass anything: None, "", NaN, bytes, a DataFrame, a megabyte of text, an
object whose ``str()`` raises. These helpers never raise on such input; they raise
``AnswerProblem`` with a friendly sentence the checker shows instead.
"""
from __future__ import annotations

import decimal
import math
import numbers
import re

MAX_TEXT_CHARS = 20_000


LEARNER_START, LEARNER_END = "\ue000", "\ue001"  # private-use marks around learner text inside feedback


def learner(text) -> str:
    """Mark text that came from the learner, so results show it escaped, never as Markdown or HTML."""
    text = str(text).replace(LEARNER_START, "").replace(LEARNER_END, "")
    return f"{LEARNER_START}{text}{LEARNER_END}"


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
    return f"{learner(shown)} (a {kind})"


def is_blank(value) -> bool:
    """True for the answers that mean 'not answered yet'; never raises, whatever ``value`` is."""
    if value is None or value is Ellipsis:  # `answer = ...` is the notebooks' blank to fill in
        return True
    try:
        if isinstance(value, float) and math.isnan(value):
            return True
        if isinstance(value, str) and not str.strip(value):
            return True
        if isinstance(value, (list, tuple, set, frozenset, dict)) and len(value) == 0:
            return True
    except Exception:  # a hostile subclass whose __len__ raises is an answer, not a blank
        return False
    return False


def as_text(value, *, limit: int = MAX_TEXT_CHARS) -> str:
    if isinstance(value, (bytes, bytearray)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            raise AnswerProblem(
                "That is raw bytes, not text, so there is nothing to read. Type your answer as text in quotes."
            ) from None
    if not isinstance(value, str):
        raise AnswerProblem(f"I expected some text here, but got {safe_describe(value)}.")
    value = str.__str__(value)  # a plain str: a subclass's own strip() or __len__ is not trusted
    if len(value) > limit:
        raise AnswerProblem(
            f"That answer is {len(value):,} characters long; please keep it under {limit:,}."
        )
    return value.strip()


# Words people put around a number: "about 4", "~4 weeks", "roughly $36k".
_HEDGES = r"(?:about|around|approx(?:imately|\.)?|roughly|circa|ca\.|c\.|some|nearly|almost|~|≈|=)"
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "million": 1e6,
           "b": 1e9, "bn": 1e9, "billion": 1e9}
_NUMBER_RE = re.compile(
    rf"^(?:{_HEDGES}\s*)*"                     # hedges
    r"(?P<sign>[-+−]?)\s*(?:\\?[$€£])?\s*(?P<sign2>[-+−]?)"  # sign and currency, either order
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d[\d_]*)(?:\.\d+)?|\.\d+)"  # 1,150 / 1150 / 1_150 / 12.5 / .5
    r"(?P<exponent>[eE][-+]?\d+)?"
    r"\s*(?P<scale>k|thousand|mm|mn|m|million|bn|b|billion)?(?![a-z])"
    r"\s*(?P<unit>%|[^\d]*)$",
    re.IGNORECASE,
)
MAX_DIGITS = 30  # larger than any answer here, small enough that float() never overflows


def parse_number_text(text: str) -> float | None:
    """A number from the forms people type: '1,150', '$36k', '1.2M', 'about 4', '4 weeks'; None if unreadable."""
    match = _NUMBER_RE.match(text.strip())
    if not match or re.search(r"\d", match.group("unit") or ""):
        return None
    scale = (match.group("scale") or "").lower()
    currency = re.search(r"[$\u20ac\u00a3]", text) is not None
    if match.group("scale") in ("m", "b") and not currency:
        return None  # "36m" may be minutes: refuse rather than guess (36M and $36m are millions)
    sign = -1 if (match.group("sign") + match.group("sign2")).strip("+") in ("-", "−") else 1
    digits = match.group("number").replace(",", "").replace("_", "")
    if len(digits) > MAX_DIGITS:
        raise AnswerProblem(f"That number has {len(digits):,} digits, far more than any answer here; check the calculation.")
    return sign * float(digits + (match.group("exponent") or "")) * _SCALES.get(scale, 1)


def as_number(value) -> float:
    """A real number from an int, float, Decimal, numpy scalar or a string like '$1,150' or 'about 36k'."""
    if isinstance(value, bool):
        raise AnswerProblem("I expected a number, but got True/False.")
    if isinstance(value, (numbers.Real, decimal.Decimal)):
        try:
            number = float(value)
        except OverflowError:
            raise AnswerProblem(
                "That number is too large to be an answer here; check the calculation for a runaway multiplication."
            ) from None
        except Exception:
            raise AnswerProblem(f"I couldn't read {safe_describe(value)} as a number.") from None
    elif isinstance(value, (str, bytes, bytearray)):
        text = as_text(value, limit=100)
        number = parse_number_text(text)
        if number is None:
            raise AnswerProblem(
                f"I couldn't read {learner(repr(text[:40]))} as a number. Type the number, e.g. 1150, 12.5, 36k or 1.2M."
            )
    elif hasattr(value, "item") and getattr(value, "size", None) == 1:
        return as_number(value.item())
    else:
        hint = ""
        if hasattr(value, "shape"):
            hint = " If you computed a table or column, pick out the single value (e.g. with .sum() or .iloc[0])."
        raise AnswerProblem(f"I expected a single number, but got {safe_describe(value)}.{hint}")
    if math.isnan(number):
        raise AnswerProblem("That number is NaN (not a number); check the calculation for a missing value or 0/0.")
    if math.isinf(number):
        raise AnswerProblem("That number is infinite or too large to be an answer here; check the calculation for a division by zero.")
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
