"""Notebooks stay small, clean and in step with the exercise bank."""
import re
from pathlib import Path

import nbformat
import pytest

from workshop.bank.loader import get_bank
from workshop.bank.notebooks.cells import exercise_in, is_checked, module_code
from workshop.bank.notebooks.editions import module_notebooks, participant, solutions

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = module_notebooks(ROOT / "notebooks")


def load(path):
    return nbformat.read(path, as_version=4)


def test_there_are_notebooks_for_modules_00_to_03():
    names = {p.name[:2] for p in NOTEBOOKS}
    assert names >= {"00", "01", "02", "03"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_kernelspec_size_and_stripped_outputs(path):
    """A fresh notebook must not look as if it had run: no stored output, no execution count
    (issue 25: "[4]: 04.spot-elements: not attempted" under a cell never run)."""
    assert path.stat().st_size < 100_000
    nb = load(path)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    nbformat.validate(nb)
    stored = [
        (index, cell.source.splitlines()[0] if cell.source else "")
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not stored, f"cells with stored outputs or execution counts (run `workshop clean`): {stored}"


def test_nbval_still_expects_not_attempted_in_participant_checked_cells():
    """The reference nbval compares is added in memory (conftest.py), never stored."""
    from workshop.bank.notebooks.editions import expect_not_attempted

    nb = expect_not_attempted(load(NOTEBOOKS[0]))
    checked = [c for c in nb.cells if is_checked(c) and exercise_in(c, module_code(nb))]
    assert checked
    for cell in checked:
        assert cell.outputs[0]["data"]["text/plain"].endswith(": not attempted")
        assert cell.execution_count is not None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_what_workshop_clean_would_write(path):
    before = path.read_text(encoding="utf-8")
    assert nbformat.writes(participant(nbformat.reads(before, as_version=4))) + "\n" == before, (
        "run `make clean-notebooks` and commit the result"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_exercise_of_the_module_is_shown_once_and_checked(path):
    nb = load(path)
    code = module_code(nb)
    shown = [exercise_in(c, code) for c in nb.cells if exercise_in(c, code)]
    expected = [e.id for e in get_bank().module_exercises(code)]
    assert sorted(shown) == sorted(expected)
    assert all(is_checked(c) for c in nb.cells if exercise_in(c, code))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stated_minutes_match_the_bank_and_structure_is_complete(path):
    nb = load(path)
    spec = get_bank().modules[module_code(nb)]
    header = nb.cells[0].source
    match = re.search(r"\*\*Teaching:\*\* (\d+) min · \*\*Exercises:\*\* (\d+) min", header)
    assert match and (int(match[1]), int(match[2])) == (spec.minutes.teaching, spec.minutes.exercises)
    assert "## Questions" in header and "## Objectives" in header
    assert "## Key points" in nb.cells[-1].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_solution_edition_answers_and_expects_every_check_correct(path):
    nb = solutions(load(path), get_bank())
    code = module_code(nb)
    checked = [c for c in nb.cells if exercise_in(c, code)]
    assert checked
    for cell in checked:
        assert "answer=" in cell.source or "m.check" in cell.source
        assert cell.outputs[0]["data"]["text/plain"] == f"{exercise_in(cell, code)}: correct"
    assert "Facilitator notes" in nb.cells[1].source
