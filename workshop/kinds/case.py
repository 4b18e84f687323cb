"""The learner's own one-page case, judged by the capstone's checks (``workshop.capstone.checks``).

The answer is the case as a mapping of its fields (what the form sends and the progress log
keeps). The bank's ``model_case`` is an example that must pass every check; the self-test
walks the classic mistakes made from it (the whole problem as the saving, no do-nothing
option, no low case).
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from workshop.kinds.judgement import Judged
from workshop.kinds.base import Exercise
from workshop.minutes import register

register("case", 20, "the capstone case: twelve boxes, about 1.5 minutes each, then the checks and one round of fixes")


class CaseExercise(Judged, Exercise):
    kind: Literal["case"]
    model_case: dict[str, str] = Field(description="an example case that passes every check (fields: workshop.capstone.FIELDS)")

    @field_validator("model_case")
    @classmethod
    def _model_passes(cls, case):
        from workshop.capstone import FIELDS, check_case

        unknown = [k for k in case if k not in FIELDS]
        if unknown:
            raise ValueError(f"model_case has unknown field(s) {unknown}; use: {', '.join(FIELDS)}")
        result = check_case(case)
        if not result.correct:
            raise ValueError("model_case should pass every check; it does not: "
                             + "; ".join(d for d in result.details if d.startswith("to do")))
        return case

    def judge(self, answer):
        from workshop.capstone import check_case

        r = check_case(answer, self.id)
        return self.result(r.status, r.feedback, misconception=r.misconception, score=r.score, details=r.details)

    def key(self) -> dict[str, str]:
        return dict(self.model_case)

    def wrong_answers(self):
        from workshop.capstone.checks import DO_NOTHING

        case = self.key()
        whole = {**case, "saving_per_year": case["problem_per_year"]}
        no_nothing = {**case, "options": "\n".join(line for line in case["options"].splitlines() if not DO_NOTHING.search(line))}
        no_low = {k: v for k, v in case.items() if k != "low_saving_per_year"}
        return [(whole, "whole problem"), (no_nothing, "doing nothing"), (no_low, "sceptic")]

    def solution_markdown(self) -> str:
        from workshop.capstone import Case

        import re

        page = Case.from_answer(self.model_case).markdown()
        page = re.sub(r"^#+ (.+)$", r"**\1**", page, flags=re.M)  # no headings inside the exercise box
        return "An example case (a made-up team, not Larkspur), passing every check:\n\n" + page


MODEL = CaseExercise
