"""A number within a tolerance, with diagnosis of the usual slips.

Off by a factor of 10, 100 or 1,000 and a flipped sign are caught for every numeric
exercise; authors add the slips of their own exercise (per day vs per year, a
forgotten context switch) as ``slips``.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from workshop.answers import as_number
from workshop.currency import number as currency_number, with_unit
from workshop.kinds.base import Exercise, Strict


class Tolerance(Strict):
    absolute: float | None = Field(default=None, ge=0)
    relative: float | None = Field(default=None, ge=0, lt=1)

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.absolute is None) == (self.relative is None):
            raise ValueError("give exactly one of 'absolute' (e.g. 0.5) or 'relative' (e.g. 0.01 for 1%)")
        return self

    def allows(self, given: float, target: float) -> bool:
        if self.absolute is not None:
            return abs(given - target) <= self.absolute + 1e-12
        return abs(given - target) <= self.relative * abs(target) + 1e-12


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
        return judge_number(self, as_number(answer), self.answer, [(s.value, s) for s in self.slips])

    def key(self) -> float:
        return self.answer

    def wrong_answers(self):
        return [(s.value, s.feedback) for s in self.slips] + magnitude_probes(self.answer)

    def solution_markdown(self) -> str:
        return f"**{_fmt(self.answer)} {self.unit}**"


def magnitude_probes(target: float) -> list[tuple[float, str]]:
    """Wrong answers every number kind must diagnose: ten times too big, and the wrong sign."""
    return [(target * 10, "factor of 10"), (-target, "sign")] if target else []


def judge_number(exercise, given: float, target: float, slips: list[tuple[float, Slip]]):
    """The shared judgement of every number kind: tolerance, the author's slips, then magnitude."""
    if exercise.tolerance.allows(given, target):
        return exercise.result("correct", f"Yes: about {with_unit(target, exercise.unit)}.")
    for value, slip in slips:
        if exercise.tolerance.allows(given, value):
            return exercise.result("incorrect", slip.feedback, misconception=slip.misconception)
    magnitude = _magnitude_slip(given, target, exercise.tolerance)
    if magnitude:
        return exercise.result("incorrect", magnitude, misconception="a slip of units or of a factor of ten")
    direction = "high" if given > target else "low"
    return exercise.result("incorrect", f"{_fmt(given)} is too {direction}. Check each factor and its unit ({exercise.unit}).")


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
    """Separators, never scientific notation ("1,249,725", not "1.25e+06"): workshop.currency.number."""
    return currency_number(number)


MODEL = Numeric
