"""An instructor's mistake in YAML is reported precisely, and never half-loads."""
import pytest

from workshop.bank.loader import BankError, load_bank
from workshop.cli import main as cli
from tests.helpers import write_module


def problems(folder):
    with pytest.raises(BankError) as caught:
        load_bank(folder)
    return caught.value.problems


def test_a_valid_bank_loads(tmp_path):
    bank = load_bank(write_module(tmp_path).parent)
    assert list(bank.exercises) == ["07.pick"]


def test_the_real_bank_validates():
    bank = load_bank()
    assert set(bank.modules) >= {"00", "01", "02", "03"}


def test_broken_yaml_names_file_and_line(tmp_path):
    write_module(tmp_path, body="  - id: 07.x\n    title: Warm-up: oops\n")
    [problem] = problems(tmp_path)
    assert problem.file == "07_test.yaml" and problem.line == 7
    assert "quotes" in problem.message


def test_missing_field_names_id_field_and_line(tmp_path):
    body = """\
      - id: 07.pick
        kind: single_choice
        title: Pick one
        hints: [Think.]
        explanation: Because.
        options:
          - {key: a, text: Right, correct: true}
          - {key: b, text: Wrong, feedback: Not that., misconception: An idea.}
    """
    [problem] = problems(write_module(tmp_path, body=body).parent)
    assert (problem.exercise_id, problem.field) == ("07.pick", "prompt")
    assert problem.line == 6 and "required" in problem.message
    assert "07_test.yaml, line 6: exercise 07.pick field 'prompt'" in str(problem)


def test_wrong_option_without_misconception_is_pointed_at(tmp_path):
    body = """\
      - id: 07.pick
        kind: single_choice
        title: Pick one
        prompt: Which?
        hints: [Think.]
        explanation: Because.
        options:
          - {key: a, text: Right, correct: true}
          - {key: b, text: Wrong, feedback: Not that.}
    """
    [problem] = problems(write_module(tmp_path, body=body).parent)
    assert problem.field == "options.1" and problem.line == 14
    assert "misconception" in problem.message


def test_typo_in_field_name_and_unknown_kind(tmp_path):
    body = """\
      - id: 07.pick
        kind: single_choise
        title: Pick one
      - id: 07.num
        kind: numeric
        title: A number
        prompt: How many?
        hints: [Count.]
        explanation: Counted.
        answer: 3
        unit: days
        tolerence: {absolute: 1}
    """
    found = problems(write_module(tmp_path, body=body).parent)
    assert any(p.field == "kind" and "single_choice" in p.message for p in found)
    assert any(p.field == "tolerence" and "spelling" in p.message for p in found)


def test_duplicate_ids_and_wrong_module_prefix(tmp_path):
    from tests.helpers import SINGLE
    write_module(tmp_path, body=SINGLE.format(code="07") * 2 + SINGLE.format(code="08"))
    messages = [p.message for p in problems(tmp_path)]
    assert any("already used" in m for m in messages)
    assert any("should start with '07.'" in m for m in messages)


def test_a_bank_with_one_bad_file_does_not_half_load(tmp_path):
    write_module(tmp_path, code="07")
    write_module(tmp_path, code="08", body="  - just a string\n")
    with pytest.raises(BankError):
        load_bank(tmp_path)


def test_missing_folder_and_empty_folder(tmp_path):
    assert "no such file" in problems(tmp_path / "nope")[0].message
    assert "no module files" in problems(tmp_path)[0].message


def test_cli_validate_exit_codes(tmp_path, capsys):
    good = write_module(tmp_path / "good")
    assert cli(["validate", str(good)]) == 0
    assert "OK: 1 exercises" in capsys.readouterr().out
    bad = write_module(tmp_path / "bad", body="  - id: 07.x\n    kind: numeric\n")
    assert cli(["validate", str(bad)]) == 1
    assert "07_test.yaml" in capsys.readouterr().err


def test_a_weak_model_answer_is_refused_with_the_reason(tmp_path):
    body = """\
      - id: 07.rewrite
        kind: framing
        title: Rewrite
        prompt: Rewrite it.
        hints: [Think.]
        explanation: Because.
        model_answers: ["We should refactor the code."]
    """
    [problem] = problems(write_module(tmp_path, body=body).parent)
    assert problem.exercise_id == "07.rewrite"
    assert "not strong" in problem.message and "missing outcome" in problem.message and "refactor" in problem.message


def test_bank_error_shows_in_a_notebook_without_a_traceback(tmp_path):
    write_module(tmp_path, body="  - id: 07.x\n    kind: numeric\n")
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    lines = caught.value._render_traceback_()
    assert lines[0].startswith("The exercise bank has") and not any("Traceback" in line for line in lines)


def test_cli_build_refuses_a_broken_bank(tmp_path, monkeypatch, capsys):
    write_module(tmp_path / "bank", body="  - id: 07.x\n    kind: numeric\n")
    monkeypatch.setenv("WORKSHOP_EXERCISES", str(tmp_path / "bank"))
    assert cli(["build", "--solutions", str(tmp_path / "out")]) == 1
    assert "07_test.yaml" in capsys.readouterr().err


def test_a_kernels_bank_skips_the_model_answer_bar_that_validate_keeps(tmp_path, monkeypatch):
    """Scoring every model answer is a check for the author (`workshop validate`), not for each kernel start."""
    body = """\
      - id: 07.rewrite
        kind: framing
        title: Rewrite
        prompt: Rewrite it.
        hints: [Think.]
        explanation: Because.
        model_answers: ["We should refactor the code."]
    """
    folder = write_module(tmp_path, body=body).parent
    with pytest.raises(BankError, match="not strong"):
        load_bank(folder)
    import workshop.kinds.framing as framing_kind

    scored = []
    monkeypatch.setattr(framing_kind, "assess", lambda text: scored.append(text))
    bank = load_bank(folder, quality=False)
    assert list(bank.exercises) == ["07.rewrite"] and scored == []
