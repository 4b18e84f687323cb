"""Options shared by the choice kinds: each wrong one is a diagnostic distractor."""
from __future__ import annotations

from pydantic import Field, model_validator

from workshop.answers import AnswerProblem, learner
from workshop.kinds.base import KEY_PATTERN, Strict


class Option(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    text: str = Field(min_length=1)
    correct: bool = False
    feedback: str | None = None
    misconception: str | None = None

    @model_validator(mode="after")
    def _wrong_options_diagnose(self):
        if not self.correct and not (self.feedback and self.misconception):
            raise ValueError(
                f"option {self.key!r} is wrong, so it needs both 'feedback' (what repairs the idea) "
                "and 'misconception' (the idea this choice reveals)"
            )
        return self


def unique_keys(options: list[Option], what: str = "option") -> None:
    seen = set()
    for option in options:
        if option.key in seen:
            raise ValueError(f"two {what}s share the key {option.key!r}; keys must be unique")
        seen.add(option.key)


def lookup(options: list[Option], key: str) -> Option:
    for option in options:
        if option.key == key.strip().lower():
            return option
    valid = ", ".join(repr(o.key) for o in options)
    raise AnswerProblem(f"{learner(repr(key))} is not one of the options; choose one of {valid}.")
