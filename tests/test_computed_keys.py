"""A broken answer key is the instructor's to hear about (validate names it) and never blames the learner."""
import pytest

from tests.helpers import write_module
from workshop.bank.loader import load_bank
from workshop.cli import main
from workshop.kinds import check_safely
from workshop.kinds import computed

BROKEN = {
    "raises": 'ci["nope"].sum()',
    "text": '"twelve"',
    "numeric-text": '"12"',
    "nan": 'float("nan")',
    "table": 'ci',
    "loops": '[0 for _ in iter(int, 1)]',
    "exits": '__import__("sys").exit(3)',
}

EXERCISE = """\
  - id: 07.{name}
    kind: computed
    title: A key that {name}
    datasets: {{ci: ci_runs}}
    prompt: Compute it.
    hints: [Think.]
    explanation: Because.
    solution_code: '{code}'
    unit: hours
"""
GOOD = EXERCISE.format(name="fine", code='ci["build_minutes"].sum() / 60') + """\
    slips:
      - code: 'ci["nope"].sum()'
        feedback: Not that.
        misconception: A wrong idea.
"""


@pytest.fixture
def broken_bank(tmp_path, monkeypatch):
    monkeypatch.setattr(computed, "KEY_SECONDS", 0.5)
    monkeypatch.setattr(computed, "_cache", {})
    body = "".join(EXERCISE.format(name=name, code=code.replace("'", "''")) for name, code in BROKEN.items()) + GOOD
    write_module(tmp_path, body=body)
    return tmp_path


def test_validate_runs_every_key_and_names_file_line_and_id(broken_bank, capsys):
    assert main(["validate", str(broken_bank)]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip().startswith("- ")]
    for name in BROKEN:
        line = next((row for row in lines if f"exercise 07.{name}" in row), None)
        assert line, f"07.{name} not reported:\n{err}"
        assert "07_test.yaml, line " in line and "solution_code" in line
    assert any("07.fine" in row and "slips.0.code" in row for row in lines)
    assert "did not finish" in err and "KeyError" in err and "SystemExit" in err and "not a number" in err


@pytest.mark.parametrize("name", BROKEN)
def test_at_check_time_a_broken_key_says_so_and_never_blames_the_learner(broken_bank, name):
    exercise = load_bank(broken_bank).exercises[f"07.{name}"]
    result = check_safely(exercise, 12)
    assert result.status == "not_attempted"
    assert "answer key failed" in result.feedback and "tell your facilitator" in result.feedback
    assert "couldn't read" not in result.feedback and "couldn't check" not in result.feedback  # the old blame
    assert "not your answer's fault" in result.feedback


def test_a_broken_slip_only_loses_its_diagnosis(broken_bank):
    exercise = load_bank(broken_bank).exercises["07.fine"]
    assert check_safely(exercise, exercise.key()).status == "correct"
    assert check_safely(exercise, exercise.key() * 3).status == "incorrect"


def test_the_real_bank_keys_all_run():
    assert main(["validate"]) == 0


def test_a_key_that_loops_is_stopped_off_the_main_thread_too(monkeypatch):
    import threading
    import time

    outcome = {}

    def run():
        try:
            computed.run_limited(lambda: time.sleep(3), 0.3)  # ends by itself: no thread left spinning
        except BaseException as exc:  # noqa: BLE001
            outcome["error"] = type(exc).__name__

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(10)
    assert outcome == {"error": "_TimeUp"}
