"""A number within a tolerance, with diagnosis of the usual slips.

Off by a factor of 10, 100 or 1,000, a flipped sign, a ratio divided the wrong way round
and a year of 52 weeks where the company works fewer are caught for every numeric
exercise; authors add the slips of their own exercise (per day vs per year, a
forgotten context switch) as ``slips``.

Feedback never shows more digits than the tolerance means: "about 2.8 weeks", not
"about 2.812 weeks" (``about``).
"""
from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, model_validator

from workshop.company.currency import number as currency_number, with_unit
from workshop.answers import as_number
from workshop.kinds.base import Exercise, Strict


class Tolerance(Strict):
    """How far an answer may be from the key.

    ``absolute`` or ``relative`` (exactly one) is the width for an answer typed in full.
    ``rounding`` is for questions that ask for "about" a number: an answer the learner
    rounded honestly is also accepted when it is within half a unit of the last digit they
    typed *and* within this fraction of the key. With ``rounding: 0.1``, "3 weeks" for a
    payback of 2.81 is accepted (typed to the unit, 0.19 off, 7%), as is "$590k" for
    $586,649; "2.6" is not (typed to a tenth, it claims 2.6 ± 0.05), nor "100" for 140
    (29%). Leave it out where the arithmetic is exact (a weighted score, a sum of products).
    """

    absolute: float | None = Field(default=None, ge=0)
    relative: float | None = Field(default=None, ge=0, lt=1)
    rounding: float | None = Field(default=None, gt=0, le=0.25, description="accept honest rounding within this fraction (e.g. 0.1)")

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.absolute is None) == (self.relative is None):
            raise ValueError("give exactly one of 'absolute' (e.g. 0.5) or 'relative' (e.g. 0.01 for 1%)")
        return self

    def width(self, target: float) -> float:
        return self.absolute if self.absolute is not None else self.relative * abs(target)

    def allows(self, given: float, target: float) -> bool:
        return abs(given - target) <= self.width(target) + 1e-12

    def accepts(self, given: float, target: float, step: float | None) -> bool:
        """Within the tolerance, or (with ``rounding``) an honest rounding at the learner's last digit ``step``."""
        if self.allows(given, target):
            return True
        if self.rounding is None or step is None:
            return False
        off = abs(given - target)
        return off <= step / 2 + 1e-9 * max(1.0, abs(target)) and off <= self.rounding * abs(target) + 1e-12


class SlipText(Strict):
    feedback: str = Field(min_length=1)
    misconception: str = Field(min_length=1)


class Slip(SlipText):
    """A specific wrong answer an author expects, with its own repair."""

    value: float


class Numeric(Exercise):
    kind: Literal["numeric"]
    answer: float
    unit: str = Field(min_length=1)
    tolerance: Tolerance = Tolerance(relative=0.01)
    slips: list[Slip] = []

    @model_validator(mode="after")
    def _slips_are_wrong(self):
        for slip in self.slips:
            if self.tolerance.allows(slip.value, self.answer):
                raise ValueError(f"slip value {slip.value} is within the tolerance of the answer, so it can never be reached")
        return self

    def judge(self, answer):
        return judge_number(self, as_number(answer), self.answer, [(s.value, s) for s in self.slips], shown_step(answer))

    def key(self) -> float:
        return self.answer

    def wrong_answers(self):
        named = {s.value for s in self.slips}  # an author's slip at ten times off speaks for itself
        return [(s.value, s.feedback) for s in self.slips] + [p for p in magnitude_probes(self.answer) if p[0] not in named]

    def solution_markdown(self) -> str:
        return f"**{about(self.answer, self.tolerance)} {self.unit}**"


def magnitude_probes(target: float) -> list[tuple[float, str]]:
    """Wrong answers every number kind must diagnose: ten times too big, and the wrong sign."""
    return [(target * 10, "factor of 10"), (-target, "sign")] if target else []


def shown_step(answer) -> float | None:
    """The place value of the last digit the learner typed: 1 for "3", 0.1 for "2.8", 10,000 for "$590k".

    Trailing zeros of a whole number are read as rounding ("590k", "1,200"), as people mean them.
    None when it cannot be told (then only the tolerance applies).
    """
    from decimal import Decimal, InvalidOperation

    from workshop.answers import _NUMBER_RE, _SCALES

    if isinstance(answer, bool):
        return None
    if hasattr(answer, "item") and getattr(answer, "size", None) == 1:
        answer = answer.item()
    scale = 1.0
    if isinstance(answer, str):
        match = _NUMBER_RE.match(answer.strip())
        if not match:
            return None
        text = match.group("number").replace(",", "").replace("_", "") + (match.group("exponent") or "")
        scale = _SCALES.get((match.group("scale") or "").lower(), 1)
    elif isinstance(answer, float):
        if not math.isfinite(answer):
            return None
        text = repr(answer)
        if answer == int(answer) and "e" not in text:
            text = str(int(answer))
    elif isinstance(answer, (int, Decimal)):
        text = str(answer)
    else:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or number == 0:
        return None
    if "." not in text and "e" not in text.lower():
        number = number.normalize()  # "590" -> 5.9E+2: trailing zeros are rounding
    exponent = number.as_tuple().exponent
    return float(Decimal(1).scaleb(exponent)) * scale


def about(number: float, tolerance: Tolerance | None = None) -> str:
    """A key as feedback shows it: the fewest digits (at least 2, at most 4 significant) that stay
    within half the tolerance, so typing it back is accepted with room to spare.

    about(2.8125, 2%) is "2.8"; about(586_649, 1%) is "587,000"; about(5.25, ±0.01) is "5.25".
    """
    if not math.isfinite(number):
        return str(number)
    if number == 0:
        return "0"
    half = tolerance.width(number) / 2 if tolerance is not None else 0.0
    if tolerance is not None and tolerance.rounding:  # an 'about' answer: shown as honestly rounded as it may be typed
        half = max(half, tolerance.rounding * abs(number) / 2)
    magnitude = math.floor(math.log10(abs(number)))
    # Money and counts in the thousands read as the modules print them: "$586,000", never "$590,000".
    first = 3 if abs(number) >= 1000 and tolerance is not None and tolerance.rounding else 2
    for figures in range(first, 5):
        places = figures - 1 - magnitude
        shown = round(number, places)
        if abs(shown - number) <= half + 1e-12 or figures == 4:
            break
    if places <= 0:
        return f"{int(round(shown)):,}"
    return f"{shown:,.{places}f}".rstrip("0").rstrip(".")


def _how_far(given: float, target: float) -> str:
    """How far off, in words that carry no false precision: "about 30% too high"."""
    if target == 0:
        return "too high" if given > target else "too low"
    share = abs(given - target) / abs(target)
    word = "high" if given > target else "low"
    ratio = given / target
    if ratio < 0:
        return f"too {word}, and of the wrong sign"
    if share >= 1.5:
        return f"about {ratio:,.0f} times too {word}" if ratio < 20 else f"far too {word}, more than 20 times the answer"
    if ratio < 0.5:
        return f"too {word}, less than half the answer"
    percent = max(1, int(round(share * 100, -1) if share >= 0.15 else round(share * 100)))
    return f"about {percent}% too {word}"


def _is_ratio(number: float) -> bool:
    """Small enough, both ways up, to be a ratio someone could have divided the wrong way round."""
    return number != 0 and 1e-3 <= abs(number) <= 1e3


FLIPPED = ("You divided the other way round: that is 1 ÷ the answer. Swap the two numbers: "
           "put the one the question asks about (the cost, the total) on top.")
FLIPPED_MISCONCEPTION = "A ratio divided the wrong way round."
CALENDAR_WEEKS = 52


def _working_weeks() -> float | None:
    try:
        from workshop.company.profiles import profile

        weeks = float(profile()["working_weeks_per_year"])
    except Exception:  # noqa: BLE001 - a company without the parameter simply gets no such diagnosis
        return None
    return weeks if 0 < weeks < CALENDAR_WEEKS else None


def _calendar_weeks_slip(exercise, given: float, target: float, step: float | None) -> str | None:
    """52 weeks where the company works fewer: the answer is off by exactly 52 ÷ working weeks."""
    words = f"{exercise.unit} {getattr(exercise, 'prompt', '')} {getattr(exercise, 'solution_code', '')}".lower()
    if "year" not in words:  # only answers that scale a week up to a year
        return None
    weeks = _working_weeks()
    if weeks is None:
        return None
    if exercise.tolerance.accepts(given, target * CALENDAR_WEEKS / weeks, step):
        return (
            f"That looks like a year of {CALENDAR_WEEKS} weeks. People work about {weeks:g} weeks a year "
            "(holidays, leave, public holidays): use the working weeks, as the prompt does."
        )
    return None


def judge_number(exercise, given: float, target: float, slips: list[tuple[float, Slip]], step: float | None = None):
    """The shared judgement of every number kind: tolerance (and honest rounding), the author's slips,
    a flipped ratio, 52 calendar weeks, then magnitude."""
    tolerance = exercise.tolerance
    if tolerance.accepts(given, target, step):
        shown = about(target, tolerance)
        if not tolerance.allows(given, target):
            return exercise.result("correct", f"Yes: about {with_unit(shown, exercise.unit)}; {_fmt(given)} is that, honestly rounded.")
        return exercise.result("correct", f"Yes: about {with_unit(shown, exercise.unit)}.")
    # a slip typed exactly wins over another one it merely rounds to (100 is not 120), and of two slips
    # within tolerance the nearer speaks (102.7, the average-minute slip, is not the "100%" one)
    near = [(abs(given - value), i) for i, (value, _) in enumerate(slips) if tolerance.allows(given, value)]
    if near:
        slip = slips[min(near)[1]][1]
        return exercise.result("incorrect", slip.feedback, misconception=slip.misconception)
    magnitude = _magnitude_slip(given, target, tolerance)
    for value, slip in slips:
        if magnitude:  # "1" for 10 is a factor of ten typed exactly, not the 1.25 engineer-days slip rounded down
            break
        # A slip typed as honestly rounded ("0.06" for a yearly payback of 0.063) is still that slip.
        rounded = step is not None and abs(given - value) <= step / 2 + 1e-12 and abs(given - value) <= 0.2 * abs(value)
        if tolerance.accepts(given, value, step) or rounded:
            return exercise.result("incorrect", slip.feedback, misconception=slip.misconception)
    calendar = _calendar_weeks_slip(exercise, given, target, step)
    if calendar:
        return exercise.result("incorrect", calendar, misconception="A year has 52 working weeks.")
    if magnitude:
        return exercise.result("incorrect", magnitude, misconception="a slip of units or of a factor of ten")
    if _is_ratio(target) and _is_ratio(given) and not 0.8 < abs(target) < 1.25 \
            and tolerance.accepts(given, 1 / target, step):
        return exercise.result("incorrect", FLIPPED, misconception=FLIPPED_MISCONCEPTION)
    return exercise.result("incorrect", f"That is {_how_far(given, target)}. Check each factor and its unit ({exercise.unit}).")


def _magnitude_slip(given: float, target: float, tolerance: Tolerance) -> str | None:
    if target == 0 or given == 0:
        return None
    if tolerance.allows(-given, target):
        return "The size is right but the sign is wrong: is this a gain or a loss?"
    for power in (1, 2, 3):
        factor = 10**power
        for scaled, word in ((given / factor, "high"), (given * factor, "low")):
            if tolerance.allows(scaled, target) or tolerance.allows(-scaled, target):
                return (
                    f"Close, but off by a factor of {factor:,} (too {word}). "
                    "Check the units: minutes vs hours, per day vs per year, percent vs fraction."
                )
    return None


def _fmt(number: float) -> str:
    """Separators, never scientific notation ("1,249,725", not "1.25e+06"): workshop.company.currency.number."""
    return currency_number(number)


MODEL = Numeric
