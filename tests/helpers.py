"""Small builders for tests that need their own exercise bank."""
from __future__ import annotations

import signal
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest

MODULE_HEADER = """\
module: "{code}"
title: A test module
minutes: {{teaching: 5, exercises: 5}}
facilitator_notes: ["Run it."]
exercises:
"""

SINGLE = """\
  - id: {code}.pick
    kind: single_choice
    title: Pick one
    prompt: Which?
    hints: [Think.]
    explanation: Because.
    options:
      - {{key: a, text: Right, correct: true}}
      - {{key: b, text: Wrong, feedback: Not that., misconception: A wrong idea.}}
"""


def write_module(folder: Path, code: str = "07", body: str | None = None, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{code}_test.yaml")
    text = MODULE_HEADER.format(code=code) + (SINGLE.format(code=code) if body is None else textwrap.dedent(body))
    path.write_text(text, encoding="utf-8")
    return path


@contextmanager
def no_hang(seconds=10):
    """Fail, rather than hang the suite, if a read blocks (a FIFO opened for reading does)."""
    def fail(*_):
        raise AssertionError(f"blocked for {seconds} s")
    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(params=("larkspur", "northway"))
def company(request, monkeypatch):
    """Each shipped company in turn, with no data-folder override left over from the shell."""
    from workshop.company.data import SCHEMAS

    monkeypatch.setenv("WORKSHOP_COMPANY", request.param)
    for name in ("WORKSHOP_DATA_DIR", *(f"WORKSHOP_DATA_{n.upper()}" for n in SCHEMAS)):
        monkeypatch.delenv(name, raising=False)
    return request.param


_BANKS: dict = {}


def check_example(company: str, exercise_id: str, answer):
    """The learner's check of ``answer``, completed as the self-test completes examples, on ``company``'s bank
    (loaded once per company per process: a bank load is most of a judge test's time)."""
    from workshop.bank.loader import load_bank
    from workshop.kinds import check_safely
    from workshop.kinds import judge as J

    if company not in _BANKS:
        _BANKS[company] = load_bank("exercises").exercises
    exercise = _BANKS[company][exercise_id]
    return check_safely(exercise, J.complete_example(exercise, answer))
