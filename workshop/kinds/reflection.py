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
        if len(text.split()) < self.min_words:
            return self.result(
                "partial",
                f"That is very short. A sentence or two ({self.min_words} words or more) "
                "will mean more when you read it again.",
                graded=False,
            )
        return self.result(
            "correct",
            "Nobody marks a reflection: it is yours. **Show solution** has one example, "
            "one way of putting it among many.",
            graded=False,
        )

    def key(self) -> str:
        return self.model_answer

    def wrong_answers(self):
        return [("ok", "very short")] if self.min_words > 1 else []

    def solution_markdown(self) -> str:
        return "One possible answer:\n\n> " + self.model_answer


MODEL = Reflection
