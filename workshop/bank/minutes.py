"""The budget rule for honest minutes: how long a room of 30 needs for each exercise.

A module states ``minutes: {teaching, exercises}``; this rule says what its exercises
need, so a test can hold every module (including ones not written yet) to it. The
numbers are for a facilitated room, where the slowest third sets the pace: reading the
prompt, answering, pressing Check, reading the feedback, and sometimes a second try.

A new kind joins with ``register("scenario", 6, "why")`` in its own module, or with a
function of the exercise when its length varies (``lambda ex: 2 * len(ex.steps)``).
A kind with no allowance is an error, never a silent zero.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Union

if TYPE_CHECKING:  # kinds register here, so the registry must not import them
    from workshop.kinds.base import Exercise

PerExercise = Union[int, Callable[["Exercise"], int]]

DEBRIEF_MINUTES = 3
"""Every module ends with a debrief: the room's most common wrong answer, discussed."""


@dataclass(frozen=True)
class Allowance:
    minutes: PerExercise
    why: str

    def for_exercise(self, exercise: Exercise) -> int:
        return self.minutes(exercise) if callable(self.minutes) else self.minutes


_ALLOWANCES: dict[str, Allowance] = {}


class UnbudgetedKind(LookupError):
    """An exercise kind the rule has no minutes for: add it with ``register``."""


def register(kind: str, minutes: PerExercise, why: str) -> None:
    """Give a kind its minutes; registering a kind twice replaces its allowance."""
    if not callable(minutes) and (not isinstance(minutes, int) or minutes <= 0):
        raise ValueError(f"minutes for {kind!r} must be a positive whole number or a function, not {minutes!r}")
    _ALLOWANCES[kind] = Allowance(minutes, why)


CHOICE = "a choice question: read, choose, check, read the feedback"
FREE_TEXT = "a free-text rewrite or reflection: think, write two sentences, read the checker"
DATA_TASK = "a data task: read a table, write one to five lines of pandas, check"
CALCULATION = "a worked calculation from numbers in the prompt: one or two steps, then type the result"

for _kind in ("single_choice", "multiple_select", "matching", "ordering"):
    register(_kind, 2, CHOICE)
register("framing", 5, FREE_TEXT)
register("reflection", 5, FREE_TEXT)
register("computed", 6, DATA_TASK)
register("numeric", 3, CALCULATION)
SCENARIO = "a branching scenario: 2 minutes a decision on its longest path, plus 3 to read the debrief and replay one choice"
register("scenario", lambda ex: 2 * ex.longest + 3, SCENARIO)
RECORD = "a written record (decision record, decision comment): 5 minutes a written part, as a free-text answer"
register("record", lambda ex: 5 * len(ex.parts), RECORD)


def allowances() -> dict[str, Allowance]:
    """Kind name -> its allowance (a copy: change it with ``register``)."""
    return dict(_ALLOWANCES)


def minutes_for(exercise: Exercise) -> int:
    """The minutes the rule gives one exercise."""
    try:
        allowance = _ALLOWANCES[exercise.kind]
    except KeyError:
        raise UnbudgetedKind(
            f"exercise kind {exercise.kind!r} has no minutes in the budget rule; "
            f"add it with workshop.bank.minutes.register({exercise.kind!r}, MINUTES, WHY)"
        ) from None
    return allowance.for_exercise(exercise)


@dataclass(frozen=True)
class Budget:
    """What a module's exercises need by the rule, line by line."""

    module: str
    lines: tuple[tuple[str, str, int], ...]  # (exercise id, kind, minutes)
    debrief: int = DEBRIEF_MINUTES

    @property
    def total(self) -> int:
        return sum(minutes for _, _, minutes in self.lines) + self.debrief

    def text(self) -> str:
        rows = [f"  {ex_id:<32} {kind:<16} {minutes:>3} min" for ex_id, kind, minutes in self.lines]
        rows.append(f"  {'debrief':<32} {'':<16} {self.debrief:>3} min")
        return "\n".join([f"module {self.module}: {self.total} min of exercises by the rule", *rows])


def module_budget(module: str, exercises: Iterable[Exercise]) -> Budget:
    """The rule applied to one module's exercises, plus its debrief."""
    return Budget(module, tuple((e.id, e.kind, minutes_for(e)) for e in exercises))


__all__ = [
    "Allowance", "Budget", "DEBRIEF_MINUTES", "UnbudgetedKind",
    "allowances", "minutes_for", "module_budget", "register",
]
