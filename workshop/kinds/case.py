"""The learner's own one-page case, judged by the capstone's checks (``workshop.labs.capstone.checks``).

The answer is the case as a mapping of its fields (what the form sends and the progress log
keeps). The bank's ``model_case`` is an example that must pass every check; the self-test
walks the classic mistakes made from it (the whole problem as the saving, no do-nothing
option, no low case) and every example answer in the exercise's ``misconceptions`` and ``sound``.

The learner's own problem has no company facts, so a case's misconceptions are caught by the
capstone's consistency checks, not by a detector or patterns: each misconception's ``id`` is
one of ``workshop.labs.capstone.checks.MISCONCEPTIONS`` (for example ``headline-not-the-saving``,
``payback-contradiction``), and each ``caught`` example must fail the check that names it.
Examples are whole cases; the YAML writes them as the model case with a field or two changed
(``{<<: *model, headline: ...}``).
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from workshop.kinds.judgement import Judged, Misconception
from workshop.kinds.base import Exercise, holds_quality
from workshop.bank.minutes import register

register("case", 20, "the capstone case: twelve boxes, about 1.5 minutes each, then the checks and one round of fixes")


class CaseMisconception(Misconception):
    """A capstone mistake: its id names the check that catches it (``workshop.labs.capstone.checks.MISCONCEPTIONS``)."""

    @model_validator(mode="after")
    def _detectable(self):
        from workshop.labs.capstone.checks import MISCONCEPTIONS

        if self.id not in MISCONCEPTIONS:
            raise ValueError(f"a case's misconception id names the capstone check that catches it; {self.id!r} is not one of: "
                             + ", ".join(MISCONCEPTIONS))
        if self.detect or self.patterns or self.unless or self.part:
            raise ValueError(f"misconception {self.id!r}: a case's mistakes are caught by the capstone's checks; "
                             "leave out 'detect', 'patterns', 'unless' and 'part'")
        for example in self.caught:
            if not isinstance(example, dict):
                raise ValueError(f"misconception {self.id!r}: each caught example is a case (a mapping of field -> text)")
        return self


class CaseExercise(Judged, Exercise):
    kind: Literal["case"]
    model_case: dict[str, str] = Field(description="an example case that passes every check (fields: workshop.labs.capstone.FIELDS)")
    misconceptions: list[CaseMisconception] = Field(default_factory=list)

    @field_validator("model_case")
    @classmethod
    def _model_passes(cls, case, info: ValidationInfo):
        from workshop.labs.capstone import FIELDS, check_case

        unknown = [k for k in case if k not in FIELDS]
        if unknown:
            raise ValueError(f"model_case has unknown field(s) {unknown}; use: {', '.join(FIELDS)}")
        if not holds_quality(info):
            return case
        result = check_case(case)
        if not result.correct:
            raise ValueError("model_case should pass every check; it does not: "
                             + "; ".join(d for d in result.details if d.startswith("to do")))
        return case

    @model_validator(mode="after")
    def _examples_are_cases(self):
        from workshop.labs.capstone import FIELDS

        for example in [*self.sound, *(c for m in self.misconceptions for c in m.caught)]:
            if not isinstance(example, dict) or any(k not in FIELDS for k in example):
                raise ValueError("each example case is a mapping of the case's fields -> text; fields: " + ", ".join(FIELDS))
        return self

    def failing(self, answer) -> list[tuple[str, str | None]]:
        """(check title, misconception id) for each check a case fails, in page order."""
        from workshop.labs.capstone import Case
        from workshop.labs.capstone.checks import misconception_id, results

        return [(r.exercise_id, misconception_id(r)) for r in results(Case.from_answer(answer)) if not r.correct]

    def caught_by(self, answer) -> list[str]:
        """The ids of the misconceptions a case's failing checks name, in page order."""
        return [m for _, m in self.failing(answer) if m]

    def judge(self, answer):
        from workshop.labs.capstone import check_case

        r = check_case(answer, self.id)
        misconception, feedback = r.misconception, r.feedback
        if not r.correct:  # the first check to do, in this exercise's own words when it declares that mistake
            first = self.failing(answer)[0][1]
            declared = next((m for m in self.misconceptions if m.id == first), None)
            if declared is not None:
                misconception, feedback = declared.belief, f"{r.feedback} {declared.feedback}"
        return self.result(r.status, feedback, misconception=misconception, score=r.score, details=r.details)

    def key(self) -> dict[str, str]:
        return dict(self.model_case)

    def wrong_answers(self):
        from workshop.labs.capstone.checks import DO_NOTHING

        case = self.key()
        whole = {**case, "saving_per_year": case["problem_per_year"]}
        no_nothing = {**case, "options": "\n".join(line for line in case["options"].splitlines() if not DO_NOTHING.search(line))}
        no_low = {k: v for k, v in case.items() if k != "low_saving_per_year"}
        found = [(whole, "whole problem"), (no_nothing, "doing nothing"), (no_low, "sceptic")]
        for m in self.misconceptions:  # each caught example is refused, naming the check that catches its mistake
            for example in m.caught:
                title = next((t for t, i in self.failing(example) if i == m.id), f"(no check names {m.id})")
                found.append((example, title))
        return found

    def solution_markdown(self) -> str:
        from workshop.labs.capstone import Case

        import re

        page = Case.from_answer(self.model_case).markdown()
        page = re.sub(r"^#+ (.+)$", r"**\1**", page, flags=re.M)  # no headings inside the exercise box
        return "An example case (a made-up team, not Larkspur), passing every check:\n\n" + page


MODEL = CaseExercise
