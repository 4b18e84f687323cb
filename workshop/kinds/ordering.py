"""Parsons problems: put the steps in order, leaving out the ones that don't belong.

Good practice rarely fixes one strict sequence: in an incident, stakeholder updates run on
a cadence from the first minutes, not after the fix. So an exercise states only the
precedence that matters: each step may list the steps that must come ``after`` it is
allowed (``after: [coordinate]``), with a ``why`` that is shown when the learner breaks
it. A step with ``after: []`` that no other step depends on may go anywhere. When no
step lists ``after``, the steps form one strict chain, in the order written.

Scoring counts the steps that already sit in a workable order (the largest set of the
learner's steps that breaks no precedence); every other step is named, with its why.
"""
from __future__ import annotations

from itertools import combinations
from typing import Literal

from pydantic import Field, model_validator

from workshop.answers import AnswerProblem, as_choice_list, learner
from workshop.kinds.base import KEY_PATTERN, Exercise, Strict


class Step(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    text: str = Field(min_length=1)
    after: list[str] | None = Field(
        default=None,
        description="steps that must come before this one; omit on every step for one strict chain",
    )
    why: str = Field(min_length=1, description="why this step sits where it does; shown when it is misplaced")


class Distractor(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    text: str = Field(min_length=1)
    feedback: str = Field(min_length=1)
    misconception: str = Field(min_length=1)


class Ordering(Exercise):
    kind: Literal["ordering"]
    steps: list[Step] = Field(min_length=2, description="in one correct order")
    distractors: list[Distractor] = []

    @model_validator(mode="after")
    def _consistent(self):
        keys = [s.key for s in self.all_steps]
        if len(set(keys)) != len(keys):
            raise ValueError("two steps or distractors share a key; keys must be unique")
        step_keys = [s.key for s in self.steps]
        declared = [s for s in self.steps if s.after is not None]
        if declared and len(declared) != len(self.steps):
            missing = [s.key for s in self.steps if s.after is None]
            raise ValueError(
                f"some steps list 'after' and some don't ({missing}); give every step an 'after' "
                "(use [] for a step with nothing before it), or none for one strict chain"
            )
        for position, step in enumerate(self.steps):
            for before in step.after or ():
                if before not in step_keys:
                    raise ValueError(f"step {step.key!r} comes after {before!r}, which is not one of the steps {step_keys}")
                if step_keys.index(before) >= position:
                    raise ValueError(
                        f"step {step.key!r} must come after {before!r}, so list {before!r} first: "
                        "the steps as written are the model order"
                    )
        return self

    @property
    def all_steps(self) -> list[Step | Distractor]:
        return [*self.steps, *self.distractors]

    @property
    def strict(self) -> bool:
        """True when the steps form one chain, in the order written."""
        return all(s.after is None for s in self.steps)

    def text_of(self, key: str) -> str:
        return next(s.text for s in self.all_steps if s.key == key)

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    def must_precede(self) -> set[tuple[str, str]]:
        """Every (earlier, later) pair good practice fixes, closed under transitivity."""
        keys = [s.key for s in self.steps]
        if self.strict:
            return {(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]}
        pairs = {(before, s.key) for s in self.steps for before in s.after or ()}
        changed = True
        while changed:
            extra = {(a, d) for a, b in pairs for c, d in pairs if b == c} - pairs
            pairs |= extra
            changed = bool(extra)
        return pairs

    def in_workable_order(self, order: list[str]) -> list[str]:
        """The largest subsequence of ``order`` that breaks no precedence (earliest steps kept on ties)."""
        rules = self.must_precede()
        for size in range(len(order), 0, -1):
            for chosen in combinations(range(len(order)), size):
                kept = [order[i] for i in chosen]
                if not any((b, a) in rules for i, a in enumerate(kept) for b in kept[i + 1:]):
                    return kept
        return []

    def _why_misplaced(self, key: str, order: list[str]) -> str:
        rules = self.must_precede()
        position = order.index(key)
        direct = set(self.step(key).after or ()) if not self.strict else set(self.key()[: self.key().index(key)][-1:])
        # Name a direct prerequisite first (apply needs the safest fix, not just coordination).
        needs_before = sorted((b for b in order[position + 1:] if (b, key) in rules), key=lambda b: b not in direct)
        needs_after = [a for a in order[:position] if (key, a) in rules]
        if needs_before:
            where = f" (it comes after \u201c{self.text_of(needs_before[0])}\u201d)"
        elif needs_after:
            where = f" (it comes before \u201c{self.text_of(needs_after[0])}\u201d)"
        else:
            where = ""
        return f"\u201c{self.text_of(key)}\u201d is out of place{where}: {self.step(key).why}"

    def judge(self, answer):
        order = as_choice_list(answer)
        known = {s.key for s in self.all_steps}
        for key in order:
            if key not in known:
                raise AnswerProblem(f"{learner(repr(key))} is not one of the steps: {sorted(known)}.")
        if len(set(order)) != len(order):
            raise AnswerProblem("A step appears twice; use each step at most once.")
        distractor_keys = {d.key for d in self.distractors}
        used_distractors = [d for d in self.distractors if d.key in order]
        order = [k for k in order if k not in distractor_keys]
        target = [s.key for s in self.steps]
        kept = self.in_workable_order(order)
        misplaced = [k for k in order if k not in kept]
        missing = [k for k in target if k not in order]
        if not used_distractors and not missing and not misplaced:
            return self.result("correct", "Yes: that order works.")
        details = [f"\u201c{d.text}\u201d doesn't belong: {d.feedback}" for d in used_distractors]
        details += [self._why_misplaced(k, order) for k in misplaced]
        if missing:
            names = "; ".join(f"\u201c{self.text_of(k)}\u201d" for k in missing)
            details.append(f"Still to place: {names}.")
        score = max(0.0, (len(kept) - len(used_distractors)) / len(target))
        status = "partial" if kept else "incorrect"
        misconception = used_distractors[0].misconception if used_distractors else None
        in_order = "step is" if len(kept) == 1 else "steps are"
        return self.result(
            status,
            f"{len(kept)} of {len(target)} {in_order} placed in a workable order.",
            details=tuple(details),
            score=score,
            misconception=misconception,
        )

    def key(self) -> list[str]:
        return [s.key for s in self.steps]

    def wrong_answers(self):
        pairs = [(self.key() + [d.key], d.feedback) for d in self.distractors]
        reversed_key = list(reversed(self.key()))
        misplaced = [k for k in reversed_key if k not in self.in_workable_order(reversed_key)]
        pairs.append((reversed_key, self.step(misplaced[0]).why))
        return pairs

    def solution_markdown(self) -> str:
        if self.strict:
            lines = [f"{n}. {s.text}" for n, s in enumerate(self.steps, 1)]
        else:
            lines = ["One order that works; any order that keeps each step's reason works too:", ""]
            lines += [f"{n}. {s.text}\n   - {s.why}" for n, s in enumerate(self.steps, 1)]
        if self.distractors:
            lines.append("\nLeft out: " + "; ".join(d.text for d in self.distractors))
        return "\n".join(lines)

    def placing_note(self) -> str:
        """The one line a control shows above the steps, true for this exercise."""
        if self.distractors:
            return "Not every step belongs: leave out the ones that don't."
        return "Every step belongs: put them all in order."


MODEL = Ordering
