"""The room's figures, computed from the reader's learners: one pure function of the events.

Every learner's last answer to an exercise is checked again (cached by answer), so the
figures name the misconception behind each wrong answer and the feedback that repairs it,
whatever the learner's file claims about its own status.

The first answer is kept too: what the room believed before any feedback is what a debrief
needs, and a misconception everyone has since repaired would otherwise vanish from the figures.
"""
from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from workshop.room.reader import Learner

STUCK_ATTEMPTS = 3
DEFAULT_BASELINE = "00.baseline-messy-code"
CHOICE_KINDS = ("single_choice", "multiple_select")


@dataclass
class ExerciseFigures:
    exercise: str
    module: str
    title: str = ""
    kind: str = ""
    answered: int = 0
    correct: int = 0
    partial: int = 0
    incorrect: int = 0
    not_attempted: int = 0  # out of the learners present
    choices: Counter = field(default_factory=Counter)  # option key -> learners whose last answer chose it
    misconceptions: Counter = field(default_factory=Counter)  # misconception -> learners
    repairs: dict[str, str] = field(default_factory=dict)  # misconception -> the feedback that repairs it
    first_misconceptions: Counter = field(default_factory=Counter)  # misconception of first answers -> learners
    changed_mind: int = 0  # learners whose last answer differs from their first
    repaired: int = 0  # learners whose first answer held a misconception and whose last answer is correct


@dataclass
class RoomFigures:
    learners: int
    exercises: list[ExerciseFigures]
    unknown: dict[str, int]  # exercise ids not in the bank -> learners who sent them
    pace: dict[str, int]  # module -> learners whose latest event is in it
    stuck: list[tuple[str, str, int]]  # (learner label, exercise, attempts)
    minutes: dict[str, dict]  # module -> {median, q1, q3, learners, planned}
    growth: list[tuple[str, float, float]]  # (learner label, baseline score, capstone score)
    baseline: str = DEFAULT_BASELINE
    capstone: str | None = None
    names: dict[str, str] = field(default_factory=dict)

    @property
    def misconceptions(self) -> list[tuple[str, str, int, str]]:
        """(exercise, misconception, learners, repairing feedback), most common first."""
        rows = [(f.exercise, m, n, f.repairs.get(m, "")) for f in self.exercises for m, n in f.misconceptions.items()]
        return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))

    @property
    def first_answers(self) -> list[tuple[str, str, int, int, str]]:
        """(exercise, misconception, learners whose first answer held it, learners whose last answer still
        does, repairing feedback): what the room believed before the feedback, most common first."""
        by_exercise = {f.exercise: f for f in self.exercises}
        rows = []
        for f in self.exercises:
            for m in set(f.first_misconceptions) | set(f.misconceptions):
                rows.append((f.exercise, m, f.first_misconceptions.get(m, 0), f.misconceptions.get(m, 0),
                             by_exercise[f.exercise].repairs.get(m, "")))
        return sorted(rows, key=lambda r: (-r[2], -r[3], r[0], r[1]))

    @property
    def median_growth(self) -> float | None:
        return statistics.median(c - b for _, b, c in self.growth) if self.growth else None

    def totals(self) -> dict[str, int]:
        return {k: sum(getattr(f, k) for f in self.exercises) for k in ("answered", "correct", "partial", "incorrect")}


class Checker:
    """``workshop.check`` with a memory: the same answer to the same exercise is checked once.

    It also keeps each learner's running tally, so a refresh looks only at new events.
    """

    def __init__(self):
        self._cache: dict[tuple[str, str], object] = {}
        self.tallies: dict[str, "_Tally"] = {}

    def __call__(self, exercise_id: str, answer):
        try:
            key = (exercise_id, json.dumps(answer, sort_keys=True, ensure_ascii=False)[:20000])
        except (TypeError, ValueError, RecursionError):
            key = (exercise_id, repr(type(answer)))
        result = self._cache.get(key)
        if result is None:
            from workshop import check

            result = self._cache[key] = check(exercise_id, answer)
        return result

    def tally(self, learner: Learner, known) -> "_Tally":
        tally = self.tallies.get(learner.key)
        if tally is None or tally.learner is not learner or tally.done > len(learner.events):
            tally = self.tallies[learner.key] = _Tally(learner)
        tally.update(self, known)
        return tally


class _Tally:
    """One learner's standing, updated with the events added since the last refresh."""

    def __init__(self, learner: Learner):
        self.learner = learner
        self.done = 0
        self.last: dict[str, object] = {}  # exercise -> the result of the last answer
        self.answers: dict[str, object] = {}  # exercise -> the last answer
        self.first: dict[str, object] = {}  # exercise -> the result of the first answer
        self.first_answers: dict[str, object] = {}  # exercise -> the first answer
        self.attempts: Counter = Counter()
        self.ever_correct: set[str] = set()
        self.times: dict[str, list[float]] = {}  # module -> [first, last]
        self.latest: tuple[float, str] | None = None
        self.unknown: set[str] = set()

    def update(self, checker: Checker, known) -> None:
        for event in self.learner.events[self.done:]:
            exercise_id = event.exercise
            if exercise_id not in known:
                self.unknown.add(exercise_id)
                continue
            module = exercise_id.split(".", 1)[0]
            if event.ts is not None:
                span = self.times.get(module)
                if span is None:
                    self.times[module] = [event.ts, event.ts]
                else:
                    span[0], span[1] = min(span[0], event.ts), max(span[1], event.ts)
                if self.latest is None or event.ts >= self.latest[0]:
                    self.latest = (event.ts, module)
            if event.kind == "check" and event.answer is not None:
                result = checker(exercise_id, event.answer)
                self.attempts[exercise_id] += 1
                self.last[exercise_id] = result
                self.answers[exercise_id] = event.answer
                if exercise_id not in self.first and result.status != "not_attempted":
                    self.first[exercise_id] = result
                    self.first_answers[exercise_id] = event.answer
                if result.status == "correct":
                    self.ever_correct.add(exercise_id)
        self.done = len(self.learner.events)


def _same(a, b) -> bool:
    try:
        return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)
    except (TypeError, ValueError, RecursionError):
        return a is b


def _bank():
    try:
        from workshop.bank import get_bank

        return get_bank()
    except Exception:
        return None


def default_capstone(bank) -> str | None:
    """The last framing exercise of the last module: module 10's capstone once it exists."""
    if bank is None:
        return None
    framing = [e.id for e in bank.exercises.values() if e.kind == "framing" and e.id != DEFAULT_BASELINE]
    return sorted(framing)[-1] if framing else None


def compute(learners: list[Learner], checker: Checker | None = None, baseline: str = DEFAULT_BASELINE,
            capstone: str | None = None, show_names: bool = False) -> RoomFigures:
    """Every figure the live view and the report show."""
    checker = checker or Checker()
    bank = _bank()
    known = bank.exercises if bank else {}
    capstone = capstone or default_capstone(bank)
    learners = [learner for learner in learners if learner.events]
    labels = {l.key: (l.name if show_names and l.name else l.key) for l in learners}

    per_exercise: dict[str, ExerciseFigures] = {}
    touched_modules: set[str] = set()
    unknown: Counter = Counter()
    pace: Counter = Counter()
    stuck, growth = [], []
    spans: dict[str, list[float]] = defaultdict(list)

    for learner in learners:
        tally = checker.tally(learner, known)
        for exercise_id in tally.unknown:
            unknown[exercise_id] += 1
        scores = {}
        for exercise_id, result in tally.last.items():
            exercise = known[exercise_id]
            figures = per_exercise.get(exercise_id)
            if figures is None:
                figures = per_exercise[exercise_id] = ExerciseFigures(exercise_id, exercise.module, exercise.title, exercise.kind)
            if result.status == "not_attempted":
                continue
            figures.answered += 1
            setattr(figures, result.status, getattr(figures, result.status) + 1)
            scores[exercise_id] = result.score
            if result.misconception:
                figures.misconceptions[result.misconception] += 1
                figures.repairs.setdefault(result.misconception, result.feedback)
            first = tally.first.get(exercise_id)
            if first is not None:
                if first.misconception:
                    figures.first_misconceptions[first.misconception] += 1
                    figures.repairs.setdefault(first.misconception, first.feedback)
                    if result.status == "correct":
                        figures.repaired += 1
                if _same(tally.first_answers[exercise_id], tally.answers[exercise_id]) is False:
                    figures.changed_mind += 1
            if exercise.kind in CHOICE_KINDS:
                answer = tally.answers[exercise_id]
                for key in answer if isinstance(answer, list) else [answer]:
                    if isinstance(key, str) and len(key) <= 40:
                        figures.choices[key.strip().lower()] += 1
        for exercise_id, count in tally.attempts.items():
            if count >= STUCK_ATTEMPTS and exercise_id not in tally.ever_correct:
                stuck.append((labels[learner.key], exercise_id, count))
        if tally.latest is not None:
            pace[tally.latest[1]] += 1
        touched_modules.update(tally.times)
        for module, (first, last) in tally.times.items():
            if last > first:
                spans[module].append((last - first) / 60)
        if baseline in scores and capstone in scores:
            growth.append((labels[learner.key], scores[baseline], scores[capstone]))

    # Every exercise of every module anyone has touched, so "not attempted" is visible.
    present = len(learners)
    for exercise in known.values():
        if exercise.module in touched_modules and exercise.id not in per_exercise:
            per_exercise[exercise.id] = ExerciseFigures(exercise.id, exercise.module, exercise.title, exercise.kind)
    for figures in per_exercise.values():
        figures.not_attempted = present - figures.answered

    minutes = {}
    for module in sorted(set(spans) | touched_modules):
        values = sorted(spans.get(module, []))
        spec = bank.modules.get(module) if bank else None
        planned = spec.minutes.teaching + spec.minutes.exercises if spec else None
        if values:
            q = statistics.quantiles(values, n=4) if len(values) >= 2 else [values[0]] * 3
            minutes[module] = {"median": statistics.median(values), "q1": q[0], "q3": q[2], "learners": len(values), "planned": planned}
        else:
            minutes[module] = {"median": None, "q1": None, "q3": None, "learners": 0, "planned": planned}

    return RoomFigures(
        learners=present,
        exercises=sorted(per_exercise.values(), key=lambda f: f.exercise),
        unknown={k: v for k, v in sorted(unknown.items()) if v},
        pace=dict(sorted(pace.items())),
        stuck=sorted(stuck, key=lambda s: (s[1], -s[2], s[0])),
        minutes=minutes,
        growth=sorted(growth),
        baseline=baseline,
        capstone=capstone,
        names=labels,
    )
