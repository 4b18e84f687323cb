"""A number the learner computes in code from data; the key is computed from the same data.

Because the key is code, not a constant, an instructor who swaps in their own CSV
gets correct keys without touching anything else. Slips are code too ("per day
instead of per year") so their values follow the data as well.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from workshop.answers import as_number
from workshop.kinds.base import Exercise
from workshop.kinds.numeric import SlipText, Tolerance, _fmt, judge_number, magnitude_probes


class CodeSlip(SlipText):
    code: str = Field(min_length=1, description="an expression giving the slipped value")


def _compiles(code: str, what: str) -> str:
    try:
        compile(code, what, "eval")
    except SyntaxError as exc:
        raise ValueError(f"{what} is not a valid Python expression ({exc.msg})") from None
    return code


_cache: dict[tuple, float] = {}
_namespaces: dict[tuple, dict] = {}


class Computed(Exercise):
    kind: Literal["computed"]
    datasets: dict[str, str] = Field(min_length=1, description="variable name -> table from workshop.data, e.g. {ci: ci_runs}")
    solution_code: str = Field(min_length=1, description="an expression computing the answer from the data")
    unit: str = Field(min_length=1)
    tolerance: Tolerance = Tolerance(relative=0.01)
    slips: list[CodeSlip] = []

    @field_validator("datasets")
    @classmethod
    def _known(cls, names):
        from workshop.data import SCHEMAS

        unknown = [n for n in names.values() if n not in SCHEMAS]
        if unknown:
            raise ValueError(f"unknown dataset(s) {unknown}; choose from {sorted(SCHEMAS)}")
        bad = [v for v in names if not v.isidentifier()]
        if bad:
            raise ValueError(f"{bad} can't be used as variable names; use letters, digits and _")
        return names

    @model_validator(mode="after")
    def _code_compiles(self):
        _compiles(self.solution_code, "solution_code")
        for n, slip in enumerate(self.slips):
            _compiles(slip.code, f"slips.{n}.code")
        return self

    def _namespace(self) -> dict:
        import numpy as np
        import pandas as pd

        from workshop import impact
        from workshop.data import load

        return {"pd": pd, "np": np, "impact": impact, **{var: load(table) for var, table in self.datasets.items()}}

    def evaluate(self, code: str) -> float:
        """The value of an expression over this exercise's data, cached per data files."""
        from workshop.data import data_path

        files = tuple((str(p), p.stat().st_mtime) for p in map(data_path, self.datasets.values()) if p.exists())
        key = (code, tuple(sorted(self.datasets.items())), files)
        if key not in _cache:
            tables = (tuple(sorted(self.datasets.items())), files)
            if tables not in _namespaces:  # load each set of tables once, however many slips use them
                _namespaces[tables] = self._namespace()
            _cache[key] = float(as_number(eval(code, dict(_namespaces[tables]))))  # authored in the bank, not by learners
        return _cache[key]

    def judge(self, answer):
        given = as_number(answer)
        from workshop.data import DataError

        try:
            target = self.evaluate(self.solution_code)
            slips = [(self.evaluate(s.code), s) for s in self.slips]
        except DataError as exc:
            return self.result("not_attempted", f"This exercise's data could not be loaded, so it can't be checked: {exc}")
        return judge_number(self, given, target, slips)

    def key(self) -> float:
        return self.evaluate(self.solution_code)

    def wrong_answers(self):
        return [(self.evaluate(s.code), s.feedback) for s in self.slips] + magnitude_probes(self.key())

    def solution_markdown(self) -> str:
        return f"```python\n{self.solution_code}\n```\n\n= **{_fmt(self.key())} {self.unit}** with the current data."


MODEL = Computed
