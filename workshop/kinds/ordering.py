"""Parsons problems: put the steps in order, leaving out the ones that don't belong."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from workshop.answers import AnswerProblem, as_choice_list, learner
from workshop.kinds.base import KEY_PATTERN, Exercise, Strict


class Step(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    text: str = Field(min_length=1)


class Distractor(Step):
    feedback: str = Field(min_length=1)
    misconception: str = Field(min_length=1)


class Ordering(Exercise):
    kind: Literal["ordering"]
    steps: list[Step] = Field(min_length=2, description="in the correct order")
    distractors: list[Distractor] = []

    @model_validator(mode="after")
    def _unique(self):
        keys = [s.key for s in self.all_steps]
        if len(set(keys)) != len(keys):
            raise ValueError("two steps or distractors share a key; keys must be unique")
        return self

    @property
    def all_steps(self) -> list[Step]:
        return [*self.steps, *self.distractors]

    def text_of(self, key: str) -> str:
        return next(s.text for s in self.all_steps if s.key == key)

    def judge(self, answer):
        order = as_choice_list(answer)
        known = {s.key for s in self.all_steps}
        for key in order:
            if key not in known:
                raise AnswerProblem(f"{learner(repr(key))} is not one of the steps: {sorted(known)}.")
        if len(set(order)) != len(order):
            raise AnswerProblem("A step appears twice; use each step at most once.")
        used_distractors = [d for d in self.distractors if d.key in order]
        order = [k for k in order if k not in {d.key for d in self.distractors}]
        target = [s.key for s in self.steps]
        if not used_distractors and order == target:
            return self.result("correct", "Yes: that's the order.")
        details = [f"\u201c{d.text}\u201d doesn't belong: {d.feedback}" for d in used_distractors]
        missing = [k for k in target if k not in order]
        if missing:
            details.append(f"{len(missing)} step(s) missing, e.g. \u201c{self.text_of(missing[0])}\u201d.")
        in_place = sum(1 for a, b in zip(order, target) if a == b)
        out_of_place = [k for i, k in enumerate(order) if i >= len(target) or target[i] != k]
        if out_of_place:
            details.append("Out of place: " + "; ".join(f"\u201c{self.text_of(k)}\u201d" for k in out_of_place))
        score = max(0.0, (in_place - len(used_distractors)) / len(target))
        status = "partial" if in_place else "incorrect"
        misconception = used_distractors[0].misconception if used_distractors else None
        return self.result(
            status,
            f"{in_place} of {len(target)} steps in the right place.",
            details=tuple(details),
            score=score,
            misconception=misconception,
        )

    def key(self) -> list[str]:
        return [s.key for s in self.steps]

    def wrong_answers(self):
        pairs = [(self.key() + [d.key], d.feedback) for d in self.distractors]
        pairs.append((list(reversed(self.key())), "Out of place"))
        return pairs

    def solution_markdown(self) -> str:
        lines = [f"{n}. {s.text}" for n, s in enumerate(self.steps, 1)]
        if self.distractors:
            lines.append("\nLeft out: " + "; ".join(d.text for d in self.distractors))
        return "\n".join(lines)


MODEL = Ordering
