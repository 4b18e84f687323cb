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
    saved: int = 0  # ungraded answers (reflections, the baseline): kept, never counted as correct
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
        return {k: sum(getattr(f, k) for f in self.exercises) for k in ("answered", "correct", "partial", "incorrect", "saved")}


MAX_CHECK_CHARS = 2_000  # of each text in an answer the room checks: a headline or a case box is far shorter
MAX_CHECK_ITEMS = 100  # items of a list or mapping in an answer the room checks
CHECK_OVERHEAD = 50  # any check costs about what reading 50 characters does
MAX_CHECK_COST_PER_LEARNER = 40_000  # characters of answers re-checked per learner (a real day: about 25,000)
MAX_MODULE_MINUTES = 12 * 60  # a module "taking" longer than a day's session is a clock, not a learner


def bounded(answer, depth: int = 0):
    """An answer cut to what the room checks, so one learner's 5,000-character answer costs what a real one does."""
    if isinstance(answer, str):
        return answer[:MAX_CHECK_CHARS]
    if depth > 4:
        return None
    if isinstance(answer, list):
        return [bounded(item, depth + 1) for item in answer[:MAX_CHECK_ITEMS]]
    if isinstance(answer, dict):
        return {str(k)[:200]: bounded(v, depth + 1) for k, v in list(answer.items())[:MAX_CHECK_ITEMS]}
    return answer


def _cost(answer) -> int:
    """What checking an answer costs, roughly: its characters (a choice costs next to nothing)."""
    if isinstance(answer, str):
        return min(len(answer), MAX_CHECK_CHARS) + CHECK_OVERHEAD
    if isinstance(answer, dict):
        return sum(_cost(v) for v in list(answer.values())[:MAX_CHECK_ITEMS]) + 1
    if isinstance(answer, list):
        return sum(_cost(v) for v in answer[:MAX_CHECK_ITEMS]) + 1
    return CHECK_OVERHEAD


class Checker:
    """``workshop.check`` with a memory: the same answer to the same exercise is checked once.

    It also keeps each learner's running tally, so a refresh looks only at new events.
    """

    def __init__(self):
        self._cache: dict[tuple[str, str], object] = {}
        self.tallies: dict[str, "_Tally"] = {}
        self.over_budget: dict[str, int] = {}  # learner -> earlier answers not checked again (over their budget)

    @staticmethod
    def _key(exercise_id: str, answer) -> tuple[str, str]:
        try:
            return (exercise_id, json.dumps(answer, sort_keys=True, ensure_ascii=False)[:20000])
        except (TypeError, ValueError, RecursionError):
            return (exercise_id, repr(type(answer)))

    def has(self, exercise_id: str, answer) -> bool:
        return self._key(exercise_id, bounded(answer)) in self._cache

    def notes(self) -> list[str]:
        """What the room did not check again, and why, one sentence per learner."""
        return [f"{key}: {n} earlier answer(s) not checked again (over the {MAX_CHECK_COST_PER_LEARNER:,} characters "
                "checked per learner); the last answer to each exercise was" for key, n in sorted(self.over_budget.items())]

    def __call__(self, exercise_id: str, answer):
        answer = bounded(answer)
        key = self._key(exercise_id, answer)
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
        self.spent = 0  # characters of answers checked so far (the per-learner budget)
        self.pending: set[str] = set()  # exercises whose last answer is still to check

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
                self.attempts[exercise_id] += 1
                self.answers[exercise_id] = event.answer
                cost = _cost(event.answer)
                if self.spent + cost > MAX_CHECK_COST_PER_LEARNER and not checker.has(exercise_id, event.answer):
                    # Over this learner's budget: an earlier answer is not checked again (its own
                    # claim stands for "ever correct"); the last answer of each exercise still is.
                    self.pending.add(exercise_id)
                    checker.over_budget[self.learner.key] = checker.over_budget.get(self.learner.key, 0) + 1
                    if event.status == "correct":
                        self.ever_correct.add(exercise_id)
                    continue
                self.spent += cost
                self.pending.discard(exercise_id)
                result = checker(exercise_id, event.answer)
                self.last[exercise_id] = result
                if exercise_id not in self.first and result.status != "not_attempted":
                    self.first[exercise_id] = result
                    self.first_answers[exercise_id] = event.answer
                if result.status == "correct":
                    self.ever_correct.add(exercise_id)
        for exercise_id in sorted(self.pending):
            result = self.last[exercise_id] = checker(exercise_id, self.answers[exercise_id])
            if result.status == "correct":
                self.ever_correct.add(exercise_id)
        self.pending.clear()
        self.done = len(self.learner.events)


MAX_UNKNOWN_SHOWN = 30  # unknown exercise ids listed; a learner can send a hundred thousand


def _few(unknown: Counter) -> dict[str, int]:
    """The most common unknown ids, in order, and one line counting the rest."""
    shown = dict(sorted(unknown.most_common(MAX_UNKNOWN_SHOWN)))
    rest = [k for k in unknown if k not in shown]
    if rest:
        shown[f"\u2026 and {len(rest):,} other unknown ids"] = max(unknown[k] for k in rest)
    return shown


def _same(a, b) -> bool:
    try:
        return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)
    except (TypeError, ValueError, RecursionError):
        return a is b


def _bank():
    try:
        from workshop.bank.loader import get_bank

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
            if getattr(result, "graded", True) is False and result.status in ("correct", "partial"):
                figures.saved += 1  # a reflection or the baseline: saved, nobody marked it "correct"
            else:
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
                keys = {key.strip().lower() for key in (answer if isinstance(answer, list) else [answer])
                        if isinstance(key, str) and len(key) <= 40}
                for key in keys:  # ["mentor"] * 500 is one learner choosing "mentor" once
                    figures.choices[key] += 1
        for exercise_id, count in tally.attempts.items():
            if count >= STUCK_ATTEMPTS and exercise_id not in tally.ever_correct:
                stuck.append((labels[learner.key], exercise_id, count))
        if tally.latest is not None:
            pace[tally.latest[1]] += 1
        touched_modules.update(tally.times)
        for module, (first, last) in tally.times.items():
            if 0 < last - first <= MAX_MODULE_MINUTES * 60:
                spans[module].append((last - first) / 60)
        if baseline in scores and capstone in scores:
            # Like for like, as the learner's own view (labs/capstone/growth.py): the FIRST baseline
            # (a re-check after the afternoon must not overwrite the "before") and the last rewrite,
            # both through the capstone's full judge. The baseline's own check is saved, not marked.
            before = checker(capstone, tally.first_answers.get(baseline, tally.answers[baseline]))
            after = checker(capstone, tally.answers[capstone])
            growth.append((labels[learner.key], before.score, after.score))

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
        unknown=_few(unknown),
        pace=dict(sorted(pace.items())),
        stuck=sorted(stuck, key=lambda s: (s[1], -s[2], s[0])),
        minutes=minutes,
        growth=sorted(growth),
        baseline=baseline,
        capstone=capstone,
        names=labels,
    )
