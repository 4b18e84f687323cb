"""What every exercise has, whatever its kind, and the safe path into a checker."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from pydantic import BaseModel, ConfigDict, Field, field_validator

from workshop.answers import AnswerProblem, is_blank, safe_describe
from workshop.result import Result

# Validation context key: hold model answers to the framing checker's bar (bank.load_bank's ``quality``).
QUALITY = "quality"


def holds_quality(info) -> bool:
    """Whether this validation should score model answers: yes unless the loader said not (a kernel)."""
    context = getattr(info, "context", None)
    return not isinstance(context, dict) or context.get(QUALITY, True) is not False


ID_PATTERN = r"^\d{2}\.[a-z0-9]+(?:-[a-z0-9]+)*$"
KEY_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"


class Strict(BaseModel):
    """Unknown fields are typos: reject them so an instructor hears about it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Exercise(Strict):
    id: str = Field(pattern=ID_PATTERN, description="module-qualified, e.g. 02.hat-for-situation")
    kind: str
    title: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    hints: list[str] = Field(min_length=1, max_length=3)
    explanation: str = Field(min_length=1)

    @field_validator("hints")
    @classmethod
    def _hints_not_blank(cls, hints: list[str]) -> list[str]:
        if any(not h.strip() for h in hints):
            raise ValueError("every hint needs some text; remove empty hints")
        return hints

    @property
    def module(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def short_id(self) -> str:
        return self.id.split(".", 1)[1]

    # Each kind fills these in.
    def judge(self, answer: Any) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    def key(self) -> Any:  # pragma: no cover - abstract
        """The answer the solution edition fills in; it must check correct."""
        raise NotImplementedError

    def wrong_answers(self) -> Iterable[tuple[Any, str]]:
        """(answer, a phrase its feedback must contain): the answer-key self-test walks these."""
        return ()

    # Helpers for the kinds.
    def result(self, status: str, feedback: str, **extra) -> Result:
        if status == "correct":
            extra.setdefault("explanation", self.explanation)
            extra.setdefault("score", 1.0)
        return Result(exercise_id=self.id, status=status, feedback=feedback, **extra)


def check_safely(exercise: Exercise, answer: Any) -> Result:
    """Blank answers nudge, unreadable ones explain, and nothing a learner passes can raise."""
    try:
        if is_blank(answer):
            return exercise.result(
                "not_attempted", "No answer yet. Have a go: a wrong answer teaches more than none."
            )
        return exercise.judge(answer)
    except AnswerProblem as problem:  # unreadable is not an attempt: nothing is judged, nothing is marked wrong
        return exercise.result("not_attempted", str(problem))
    except Exception:  # last resort: the learner must never see our traceback, nor its name
        return exercise.result(
            "not_attempted",
            f"I couldn't check {safe_describe(answer)}. Try answering in the form the exercise asks for.",
        )


Checker = Callable[[Exercise, Any], Result]
