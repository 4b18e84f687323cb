"""One right option among diagnostic distractors."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from workshop.answers import as_text
from workshop.kinds.base import Exercise
from workshop.kinds.options import Option, display_order, labelled, lookup, unique_keys


class SingleChoice(Exercise):
    kind: Literal["single_choice"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _exactly_one_correct(self):
        unique_keys(self.options)
        right = [o.key for o in self.options if o.correct]
        if len(right) != 1:
            raise ValueError(f"a single_choice needs exactly one option with 'correct: true', found {len(right)}")
        return self

    @property
    def shown_options(self) -> list[Option]:
        """The options in the order every learner sees them (stable, shuffled: see ``display_order``)."""
        return display_order(self.options, self.id)

    def judge(self, answer):
        chosen = lookup(self.options, as_text(answer, limit=200))
        if chosen.correct:
            return self.result("correct", chosen.feedback or "Yes, that's it.")
        return self.result("incorrect", chosen.feedback, misconception=chosen.misconception)

    def key(self) -> str:
        return next(o.key for o in self.options if o.correct)

    def wrong_answers(self):
        return [(o.key, o.feedback) for o in self.options if not o.correct]

    def solution_markdown(self) -> str:
        index, option = next((i, o) for i, o in enumerate(self.shown_options) if o.correct)
        return f"**{labelled(index, option.text)}**"


MODEL = SingleChoice
