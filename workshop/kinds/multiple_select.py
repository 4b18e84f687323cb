"""Pick every option that applies; each wrong pick and each miss is named."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from workshop.answers import as_choice_list
from workshop.kinds.base import Exercise
from workshop.kinds.options import Option, display_order, labelled, lookup, unique_keys
from workshop.bank.wording import number


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

    @property
    def shown_options(self) -> list[Option]:
        """The options in the order every learner sees them (stable, shuffled: see ``display_order``)."""
        return display_order(self.options, self.id)

    def judge(self, answer):
        picked = {lookup(self.options, key).key for key in as_choice_list(answer)}
        right = {o.key for o in self.options if o.correct}
        wrong_picks = [o for o in self.options if o.key in picked and not o.correct]
        missed = [o for o in self.options if o.correct and o.key not in picked]
        if not wrong_picks and not missed:
            return self.result("correct", "Yes: exactly the ones that apply.")
        details = [f"Not this one: \u201c{o.text}\u201d. {o.feedback}" for o in wrong_picks]
        if missed:
            details.append(f"{self.missed_feedback} ({number(len(missed)).capitalize()} missing.)")
        hits = len(picked & right)
        score = max(0.0, (hits - len(wrong_picks)) / len(right))
        status = "partial" if hits else "incorrect"
        summary = _summary(hits, len(right), len(wrong_picks))
        misconception = wrong_picks[0].misconception if wrong_picks else None
        return self.result(status, summary, details=tuple(details), score=score, misconception=misconception)

    def key(self) -> list[str]:
        return [o.key for o in self.options if o.correct]

    def wrong_answers(self):
        return [(self.key() + [o.key], o.feedback) for o in self.options if not o.correct]

    def solution_markdown(self) -> str:
        return "\n".join(f"- {labelled(i, o.text)}" for i, o in enumerate(self.shown_options) if o.correct)


def _summary(hits: int, wanted: int, wrong: int) -> str:
    """'You found both that apply, but also picked one that doesn't.'"""
    if hits == wanted:
        found = "You found the one that applies" if wanted == 1 else (
            "You found both that apply" if wanted == 2 else f"You found all {number(wanted)} that apply")
    else:
        found = f"You found {number(hits) if hits else 'none'} of the {number(wanted)} that apply"
    if not wrong:
        return found + "."
    also = "one that doesn't" if wrong == 1 else f"{number(wrong)} that don't"
    return f"{found}, but also picked {also}."


MODEL = MultipleSelect
