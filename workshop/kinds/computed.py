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
from workshop.kinds.numeric import SlipText, Tolerance, about, judge_number, magnitude_probes, shown_step


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


KEY_SECONDS = 5.0  # an answer key over this data takes milliseconds; anything near this is a loop
KEY_FAILED_MESSAGE = ("This exercise's answer key failed, so your answer can't be checked yet (it is not your answer's "
                      "fault, and your answer is kept); tell your facilitator.")


class KeyFailed(Exception):
    """An answer key (or slip) that failed on the data: the author's problem, never the learner's."""


class _TimeUp(BaseException):
    """Raised inside key code that runs past ``KEY_SECONDS`` (a BaseException, so key code cannot swallow it)."""


def run_limited(fn, seconds: float):
    """``fn()``, stopped after ``seconds``: by a timer signal on the main thread, else by waiting on a thread."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer") \
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0:
        def stop(_signum, _frame):
            raise _TimeUp()

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return fn()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    outcome: dict = {}

    def work():
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller below
            outcome["error"] = exc

    worker = threading.Thread(target=work, daemon=True, name="workshop-answer-key")
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise _TimeUp()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _key_value(code: str, namespace: dict) -> float:
    import numbers

    from workshop.company.data import DataError

    try:
        value = run_limited(lambda: eval(code, dict(namespace)), KEY_SECONDS)
    except _TimeUp:
        raise KeyFailed(f"did not finish within {KEY_SECONDS:g} seconds (a loop that never ends?)") from None
    except DataError:
        raise
    except (Exception, SystemExit) as exc:
        raise KeyFailed(f"raised {type(exc).__name__}: {str(exc)[:200]}") from None
    if hasattr(value, "item") and getattr(value, "size", None) == 1:
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        shown = repr(value) if isinstance(value, (str, bytes, bool)) else type(value).__name__
        raise KeyFailed(f"gave {shown[:60]}, not a number")
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise KeyFailed(f"gave {number}, not a finite number")
    return number


def key_problems(bank) -> list:
    """Run every computed exercise's key and slips on the current data: each failure as a ``Problem``."""
    from workshop.bank.loader import Problem
    from workshop.company.data import DataError

    problems = []
    for exercise in bank.exercises.values():
        if not isinstance(exercise, Computed):
            continue
        file, line = bank.sources.get(exercise.id, ("?", None))
        for field, code in [("solution_code", exercise.solution_code)] + [
                (f"slips.{n}.code", slip.code) for n, slip in enumerate(exercise.slips)]:
            try:
                exercise.evaluate(code)
            except (KeyFailed, DataError) as exc:
                problems.append(Problem(file, f"the answer key {exc}" if isinstance(exc, KeyFailed) else
                                        f"its data could not be loaded: {exc}", exercise.id, field, line))
    return problems


class Computed(Exercise):
    kind: Literal["computed"]
    datasets: dict[str, str] = Field(min_length=1, description="variable name -> table from workshop.company.data, e.g. {ci: ci_runs}")
    solution_code: str = Field(min_length=1, description="an expression computing the answer from the data")
    unit: str = Field(min_length=1)
    tolerance: Tolerance = Tolerance(relative=0.01)
    slips: list[CodeSlip] = []

    @field_validator("datasets")
    @classmethod
    def _known(cls, names):
        from workshop.company.data import SCHEMAS

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
        from workshop.company.data import load

        return {"pd": pd, "np": np, "impact": impact, **{var: load(table) for var, table in self.datasets.items()}}

    def evaluate(self, code: str) -> float:
        """The value of an expression over this exercise's data, cached per data files (failures too).

        Raises ``DataError`` for data that cannot be loaded and ``KeyFailed`` for key code
        that raises, exits, loops past the time limit, or gives anything but one finite number.
        """
        from workshop.company.data import data_path

        files = tuple((str(p), p.stat().st_mtime) for p in map(data_path, self.datasets.values()) if p.is_file())
        key = (code, tuple(sorted(self.datasets.items())), files)
        if key not in _cache:
            tables = (tuple(sorted(self.datasets.items())), files)
            if tables not in _namespaces:  # load each set of tables once, however many slips use them
                _namespaces[tables] = self._namespace()
            try:
                _cache[key] = _key_value(code, _namespaces[tables])  # authored in the bank, not by learners
            except KeyFailed as failure:
                _cache[key] = failure
        if isinstance(_cache[key], KeyFailed):
            raise _cache[key]
        return _cache[key]

    def judge(self, answer):
        given = as_number(answer)
        from workshop.company.data import DataError

        try:
            target = self.evaluate(self.solution_code)
        except DataError as exc:
            return self.result("not_attempted", f"This exercise's data could not be loaded, so it can't be checked: {exc}")
        except KeyFailed:
            return self.result("not_attempted", KEY_FAILED_MESSAGE)
        slips = []
        for slip in self.slips:  # a broken slip only loses its diagnosis; `workshop validate` reports it
            try:
                slips.append((self.evaluate(slip.code), slip))
            except Exception:
                continue
        return judge_number(self, given, target, slips, shown_step(answer))

    def key(self) -> float:
        return self.evaluate(self.solution_code)

    def wrong_answers(self):
        return [(self.evaluate(s.code), s.feedback) for s in self.slips] + magnitude_probes(self.key())

    def solution_markdown(self) -> str:
        return f"```python\n{self.solution_code}\n```\n\n= **about {about(self.key(), self.tolerance)} {self.unit}** with the current data."


MODEL = Computed
