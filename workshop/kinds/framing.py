"""Rewrite a technical statement for a business listener; the framing checker and the judge read it.

The framing checker scores the five elements; strong (outcome and magnitude, no jargon)
is necessary but not enough. "Correct" also needs the judge (``workshop.kinds.judge``):
no red flag, numbers the given facts support, none of the exercise's misconceptions.
An outcome without the rest is partial. A baseline exercise is saved and scored but never marked wrong: it is the
"before" picture the capstone compares with.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from workshop.answers import as_text
from workshop.framing import assess
from workshop.framing.render import CROSS, TICK, highlighted
from workshop.kinds import judge
from workshop.kinds.judgement import Judged
from workshop.kinds.base import Exercise, holds_quality


UNREADABLE = ("Those bytes are not readable text, so there is nothing to judge yet. "
              "Write your statement as a string in quotes, e.g. \"Checkout outages cost us $40,000 last quarter.\"")
NO_WORDS = ("There are no words in that answer yet. Write your statement as a sentence: "
            "who gains or loses what, and how much?")


class Framing(Judged, Exercise):
    kind: Literal["framing"]
    statement: str | None = Field(default=None, description="the technical statement to rewrite; none for the learner's own")
    model_answers: list[str] = Field(min_length=1)
    baseline: bool = False

    @model_validator(mode="after")
    def _model_answers_are_strong(self, info: ValidationInfo):
        if not holds_quality(info):
            return self
        for number, text in enumerate(self.model_answers, 1):
            a = assess(text)
            if not a.strong:
                missing = [name for name in ("outcome", "magnitude") if not a.elements[name]]
                why = ", ".join([f"missing {m}" for m in missing] + [f"jargon {t!r}" for t in a.jargon])
                raise ValueError(f"model answer {number} is not strong by the framing checker ({why}); "
                                 f"try `workshop framing \"...\"` to test a rewrite")
        return self

    def judge(self, answer):
        if isinstance(answer, (bytes, bytearray)):
            try:
                answer = bytes(answer).decode("utf-8")
            except UnicodeDecodeError:
                return self.result("not_attempted", UNREADABLE)
        text = as_text(answer, limit=5_000)
        if not any(ch.isalnum() for ch in text):  # "???", or the replacement marks left of undecodable bytes
            return self.result("not_attempted", NO_WORDS)
        a = assess(text)
        extra = f"<blockquote>{highlighted(text, a.spans)}</blockquote>"
        marks = ", ".join(f"{name} {TICK if found else CROSS}" for name, found in a.elements.items())
        summary = f"Score {a.score}/100 ({marks}" + (f"; jargon: {', '.join(a.jargon)})" if a.jargon else ")")
        verdict = judge.for_exercise(self, text)
        details = tuple(a.feedback)
        if self.baseline:  # the "before" picture: saved and scored for the end of the day, no score shown now (issue 19)
            return self.result("correct", "Baseline saved. You'll see it scored at the end of the day, "
                               "beside your rewrite.", score=a.score / 100, graded=False)
        return framing_result(self, a, verdict, summary, extra)

    def key(self) -> str:
        return self.model_answers[0]

    def wrong_answers(self):
        if self.statement and not assess(self.statement).strong and not self.baseline:
            from workshop.kinds.judge import for_exercise

            # the exercise's own misconception speaks first when it catches the tempting sentence
            caught = not for_exercise(self, self.statement).ok
            return [(self.statement, "finance director would stop here" if caught else "business listener")]
        return []

    def solution_markdown(self) -> str:
        if self.baseline:  # the "before" stays blind: its model answer is shown at the end of the day (issue 19)
            return ("No model answer yet: this is your \"before\". You will see a model answer at the end of the day, "
                    "beside your rewrite and both scores.")
        answers = "\n".join(f"- {text}" for text in self.model_answers)
        return f"Model answers (strong by the checker):\n\n{answers}"


def elements_phrase(a) -> str:
    """What the element check found, said as what it is: parts of a statement, not a verdict on the argument."""
    if all(a.elements.values()) and not a.jargon:
        return "Has all five elements (outcome, size, time, evidence, no jargon)"
    return "Has an outcome and a size, with no jargon"


def framing_result(exercise, a, verdict, summary: str, extra: str):
    """Correct only when the elements are there AND the exercise's own checks pass (facts, red flags, misconceptions).

    The element check is honest about what it is: "has all five elements", "Score N/100". It
    never says a business listener can act on the answer; only the judge's checks (numbers
    against the facts, red flags, the exercise's misconceptions) earn "Correct".
    """
    details = tuple(a.feedback)
    readings = verdict.readings
    if a.strong and verdict.ok:
        checked = " Its numbers match the facts you were given." if verdict.checked_facts and readings else ""
        return exercise.result("correct", f"Strong framing: {elements_phrase(a).lower()}.{checked} {summary}.",
                               details=readings + details, score=a.score / 100, extra_html=extra)
    if verdict.findings:
        first = verdict.first
        lead = ("The framing is strong, but a finance director would stop here. " if a.strong else
                "A finance director would stop here. ")
        others = tuple(f.line() for f in verdict.findings[1:])
        # No "Score 100/100" beside "a finance director would stop here": the parts are listed, not scored.
        parts = summary.split("(", 1)[1].rstrip(")")
        feedback = f"{lead}{first.saw} The statement's parts: {parts}.".replace("  ", " ")
        status = "partial" if a.elements["outcome"] or a.strong else "incorrect"
        return exercise.result(status, feedback, details=others + details, score=min(a.score / 100, 0.5),
                               extra_html=extra, misconception=first.belief, repair=first.repair)
    status = "partial" if a.elements["outcome"] else "incorrect"
    lead = "A business outcome is there; now make it strong." if status == "partial" else \
        "A business listener would not yet hear what is at stake."
    misconception = "Technical terms are self-explanatory to a business listener." if a.jargon else (
        None if a.elements["outcome"] else "Describing the code is the same as describing its impact.")
    return exercise.result(status, f"{lead} {summary}.", details=details, score=a.score / 100,
                           extra_html=extra, misconception=misconception)


MODEL = Framing
