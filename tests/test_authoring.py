"""The instructor's authoring commands, on a copy of the repo: every kind, every refusal."""
from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from workshop.authoring import AuthoringError, add_exercise, check_notebooks, create_module, notebook_cell
from workshop.authoring.new_exercise import insert_exercise
from workshop.bank.loader import load_bank
from workshop.cli import main
from workshop.kinds import models
from workshop.bank.notebooks.cells import CHECK_TAG

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path):
    """A copy of the bank and notebooks an instructor can break freely."""
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return tmp_path


def only_insertions(before: str, after: str) -> bool:
    ops = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False).get_opcodes()
    return all(tag in {"equal", "insert"} for tag, *_ in ops)


def add_cell(notebook: Path, source: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.insert(-1, nbformat.v4.new_code_cell(source, metadata={"tags": [CHECK_TAG]}))
    nbformat.write(nb, notebook)


def test_the_repository_notebooks_agree_with_the_bank():
    assert check_notebooks(load_bank(ROOT / "exercises"), ROOT / "notebooks") == []


@pytest.mark.parametrize("kind", list(models()))
def test_a_new_exercise_of_every_kind_validates_and_keeps_the_file(repo, kind, monkeypatch):
    bank_dir = repo / "exercises"
    target = next(bank_dir.glob("03_*.yaml"))
    before = target.read_text(encoding="utf-8")
    path, full_id = add_exercise("3", kind, "brand-new", bank_dir=bank_dir)
    after = path.read_text(encoding="utf-8")
    assert path == target and full_id == "03.brand-new"
    assert only_insertions(before, after), "every comment and line of the file must survive"
    assert after.count("#") > before.count("#"), "the skeleton explains its fields in comments"
    bank = load_bank(bank_dir)
    assert bank.exercises[full_id].kind == kind
    # The skeleton's own key checks correct: it is a working exercise, not just valid YAML.
    from workshop.api import check

    monkeypatch.setenv("WORKSHOP_EXERCISES", str(bank_dir))
    assert check(full_id, bank.exercises[full_id].key()).status == "correct"
    # With the printed cell added to the notebook, the notebooks agree with the bank again.
    assert any("03.brand-new" in p.exercise_id for p in check_notebooks(bank, repo / "notebooks") if p.exercise_id)
    add_cell(next((repo / "notebooks").glob("03_*.ipynb")), notebook_cell(kind, full_id))
    assert check_notebooks(bank, repo / "notebooks") == []


def test_refusals_leave_the_file_untouched(repo):
    bank_dir = repo / "exercises"
    target = next(bank_dir.glob("02_*.yaml"))
    before = target.read_text(encoding="utf-8")
    existing = load_bank(bank_dir).module_exercises("02")[0].id
    cases = [
        (("02", "single_choice", existing), "already exists"),
        (("02", "essay", "new-one"), "no exercise kind 'essay'"),
        (("2x", "single_choice", "new-one"), "two-digit code"),
        (("02", "single_choice", "New One!"), "not a usable id"),
        (("42", "single_choice", "new-one"), "There is no module 42"),
    ]
    for args, message in cases:
        with pytest.raises(AuthoringError, match=message):
            add_exercise(*args, bank_dir=bank_dir)
    assert target.read_text(encoding="utf-8") == before


def test_a_skeleton_that_would_not_validate_writes_nothing(repo, monkeypatch):
    bank_dir = repo / "exercises"
    target = next(bank_dir.glob("01_*.yaml"))
    before = target.read_text(encoding="utf-8")
    monkeypatch.setattr("workshop.authoring.new_exercise.skeleton", lambda kind, i, t: f"- id: {i}\n  kind: {kind}\n")
    with pytest.raises(AuthoringError, match="nothing was written"):
        add_exercise("01", "single_choice", "broken", bank_dir=bank_dir)
    assert target.read_text(encoding="utf-8") == before


def test_insertion_lands_in_the_exercises_list_even_when_keys_follow_it():
    text = (
        'module: "09"\nexercises:\n    - id: 09.one\n      kind: reflection\n\n'
        "# notes for later\nextra: 1  # keep me\n"
    )
    result = insert_exercise(text, "- id: 09.two\n  kind: reflection\n")
    assert result.index("09.two") < result.index("# notes for later")
    assert "    - id: 09.two\n      kind: reflection\n" in result, "matches the file's own indentation"
    assert only_insertions(text, result)


def test_a_broken_bank_is_reported_before_adding(repo):
    bank_dir = repo / "exercises"
    broken = next(bank_dir.glob("01_*.yaml"))
    broken.write_text(broken.read_text(encoding="utf-8").replace("kind: single_choice", "kind: single_choise", 1))
    with pytest.raises(AuthoringError, match="Fix the bank's problems first"):
        add_exercise("02", "reflection", "new-one", bank_dir=bank_dir)


def test_new_module_makes_a_valid_module_whose_notebook_runs(repo):
    yaml_path, nb_path = create_module("11", "Incident reviews", bank_dir=repo / "exercises")
    assert yaml_path.name == "11_incident_reviews.yaml" and nb_path.name == "11_incident_reviews.ipynb"
    bank = load_bank(repo / "exercises")
    assert "11" in bank.modules and bank.module_exercises("11")
    assert check_notebooks(bank, repo / "notebooks") == []
    header = nbformat.read(nb_path, as_version=4).cells[0].source
    assert "## Questions" in header and "## Objectives" in header
    with pytest.raises(AuthoringError, match="already exists"):
        create_module("11", "Another", bank_dir=repo / "exercises")
    with pytest.raises(AuthoringError, match="at least one word"):
        create_module("12", "!!!", bank_dir=repo / "exercises")
    # The participant edition of the new notebook passes nbval, as the repo's do.
    env = {**os.environ, "WORKSHOP_EXERCISES": str(repo / "exercises"), "WORKSHOP_PROGRESS": str(repo / "progress.jsonl")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), str(nb_path)],
        capture_output=True, text=True, env=env, cwd=repo, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:]


def test_validate_names_the_file_and_cell_of_a_drifted_notebook(repo, capsys):
    nb_path = next((repo / "notebooks").glob("02_*.ipynb"))
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells[0].source = re.sub(r"\*\*Teaching:\*\* \d+", "**Teaching:** 99", nb.cells[0].source)
    shown = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "m.show(" in c.source)
    nb.cells[shown].source = nb.cells[shown].source.replace('m.show("', 'm.show("x', 1)
    nbformat.write(nb, nb_path)
    assert main(["validate", str(repo / "exercises")]) == 1
    err = capsys.readouterr().err
    assert f"{nb_path.name}, cell 0" in err and "states 99 teaching" in err  # counted from 0, as the number guard counts
    assert f"{nb_path.name}, cell {shown}" in err and "Did you mean" in err
    assert "no notebook shows it" in err


def test_cli_new_prints_the_cell_and_refuses_without_a_traceback(repo, capsys):
    assert main(["new", "exercise", "04", "numeric", "my-number", "--bank", str(repo / "exercises")]) == 0
    out = capsys.readouterr().out
    assert 'm.show("my-number")' in out
    assert main(["new", "exercise", "04", "nope", "x", "--bank", str(repo / "exercises")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Kinds:" in err
