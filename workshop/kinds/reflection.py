"""Free text that is saved, never graded: the point is to write it down."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from workshop.answers import as_text
from workshop.kinds.base import Exercise


class Reflection(Exercise):
    kind: Literal["reflection"]
    model_answer: str = Field(min_length=1, description="an example a facilitator can show")
    min_words: int = Field(default=3, ge=1)

    def judge(self, answer):
        text = as_text(answer)
        words = len(text.split())
        if words < self.min_words:
            return self.result(
                "partial",
                f"Saved, but {words} word(s) is a bit short: try a full sentence of at least {self.min_words} words.",
            )
        return self.result("correct", f"Saved ({words} words). Reflections aren't graded; you'll come back to this one.")

    def key(self) -> str:
        return self.model_answer

    def wrong_answers(self):
        return [("ok", "a bit short")] if self.min_words > 1 else []

    def solution_markdown(self) -> str:
        return "One possible answer:\n\n> " + self.model_answer


MODEL = Reflection
