"""Pick every option that applies; each wrong pick and each miss is named."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from workshop.answers import as_choice_list
from workshop.kinds.base import Exercise
from workshop.kinds.options import Option, lookup, unique_keys


class MultipleSelect(Exercise):
    kind: Literal["multiple_select"]
    options: list[Option] = Field(min_length=2)
    missed_feedback: str = "You left out at least one that applies."

    @model_validator(mode="after")
    def _some_correct(self):
        unique_keys(self.options)
        if not any(o.correct for o in self.options):
            raise ValueError("a multiple_select needs at least one option with 'correct: true'")
        return self

    def judge(self, answer):
        picked = {lookup(self.options, key).key for key in as_choice_list(answer)}
        right = {o.key for o in self.options if o.correct}
        wrong_picks = [o for o in self.options if o.key in picked and not o.correct]
        missed = [o for o in self.options if o.correct and o.key not in picked]
        if not wrong_picks and not missed:
            return self.result("correct", "Yes: exactly the ones that apply.")
        details = [f"Not this one: \u201c{o.text}\u201d. {o.feedback}" for o in wrong_picks]
        if missed:
            details.append(f"{self.missed_feedback} ({len(missed)} missing)")
        hits = len(picked & right)
        score = max(0.0, (hits - len(wrong_picks)) / len(right))
        status = "partial" if hits else "incorrect"
        summary = f"{hits} of {len(right)} right picks, {len(wrong_picks)} that don't apply."
        misconception = wrong_picks[0].misconception if wrong_picks else None
        return self.result(status, summary, details=tuple(details), score=score, misconception=misconception)

    def key(self) -> list[str]:
        return [o.key for o in self.options if o.correct]

    def wrong_answers(self):
        return [(self.key() + [o.key], o.feedback) for o in self.options if not o.correct]

    def solution_markdown(self) -> str:
        return "\n".join(f"- {o.text}" for o in self.options if o.correct)


MODEL = MultipleSelect
