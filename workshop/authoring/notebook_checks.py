"""The notebooks, checked against the bank: what ``workshop validate`` adds to the YAML checks.

An instructor who renames an exercise, deletes one, or changes a module's minutes hears
about every notebook that no longer agrees, by file and cell, before the session rather
than from a learner's "There is no exercise ..." in the middle of it.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from workshop.bank.loader import Bank, Problem

HEADER_MINUTES = re.compile(r"\*\*Teaching:\*\*\s*(\d+)\s*min\s*·\s*\*\*Exercises:\*\*\s*(\d+)\s*min")


def default_notebooks_dir(bank_dir: Path) -> Path:
    """Notebooks sit beside the bank: ``exercises/`` and ``notebooks/`` share a parent."""
    return Path(bank_dir).parent / "notebooks"


def check_notebooks(bank: Bank, notebooks_dir: str | Path) -> list[Problem]:
    """Every problem between the notebooks in ``notebooks_dir`` and ``bank``; empty when all agree."""
    import nbformat

    from workshop.bank.notebooks.cells import exercise_in, module_code, passages_in
    from workshop.bank.notebooks.editions import module_notebooks

    notebooks_dir = Path(notebooks_dir)
    problems: list[Problem] = []
    shown_anywhere: set[str] = set()
    passages_shown: set[tuple[str, str]] = set()
    modules_with_notebook: set[str] = set()
    for path in module_notebooks(notebooks_dir):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as exc:  # any unreadable notebook is one problem, not a crash
            problems.append(Problem(path.name, f"could not be read as a notebook ({type(exc).__name__}: {exc})."))
            continue
        code = module_code(nb)
        if code is None:
            problems.append(Problem(path.name, 'has no cell with m = Module("NN"), so its exercises cannot be found.'))
            continue
        modules_with_notebook.add(code)
        if not path.name.startswith(code + "_"):
            problems.append(Problem(path.name, f"shows module {code}, so its name should start with '{code}_'."))
        spec = bank.modules.get(code)
        if spec is None:
            problems.append(Problem(path.name, f"uses module {code}, which the bank does not have."))
        else:
            problems.extend(_minutes_problems(path.name, nb, spec))
        for index, cell in enumerate(nb.cells):  # from 0, as the number guard counts
            for passage_id in passages_in(cell):
                passages_shown.add((code, passage_id))
                if spec is not None and spec.passage(passage_id) is None:
                    known = [p.id for p in spec.passages]
                    guess = difflib.get_close_matches(passage_id, known, n=1)
                    tip = f" Did you mean {guess[0]!r}?" if guess else " Add it under passages: in the module's YAML or remove the call."
                    problems.append(Problem(f"{path.name}, cell {index}", f"shows passage {passage_id!r}, which module {code} does not have.{tip}"))
            exercise_id = exercise_in(cell, code)
            if exercise_id is None:
                continue
            shown_anywhere.add(exercise_id)
            if exercise_id not in bank.exercises:
                guess = difflib.get_close_matches(exercise_id, list(bank.exercises), n=1)
                tip = f" Did you mean {guess[0]!r}?" if guess else " Add it to the YAML or remove the cell."
                problems.append(Problem(f"{path.name}, cell {index}", f"shows exercise {exercise_id}, which is not in the bank.{tip}"))
    for exercise_id, exercise in bank.exercises.items():
        if exercise_id not in shown_anywhere and exercise.module in modules_with_notebook:
            problems.append(Problem(
                f"module {exercise.module}", "is in the bank but no notebook shows it; add a cell "
                f"m.show(\"{exercise.short_id}\") (or m.check for a code answer) to the module's notebook.",
                exercise_id=exercise_id,
            ))
    for code in sorted(modules_with_notebook):
        spec = bank.modules.get(code)
        for passage in spec.passages if spec else []:
            if (code, passage.id) not in passages_shown:
                problems.append(Problem(f"module {code}", f"has passage {passage.id!r} but no notebook shows it; add a "
                                        f"code cell m.passage(\"{passage.id}\") where it belongs, or delete it."))
    for code in sorted(set(bank.modules) - modules_with_notebook):
        problems.append(Problem(f"module {code}", f"has no notebook in {notebooks_dir}; make one with `workshop new module`."))
    return problems


def _minutes_problems(name: str, nb, spec) -> list[Problem]:
    header = nb.cells[0].source if nb.cells else ""
    match = HEADER_MINUTES.search(header)
    stated = (spec.minutes.teaching, spec.minutes.exercises)
    if not match:
        return [Problem(f"{name}, cell 0", f"the header should state '**Teaching:** {stated[0]} min · **Exercises:** {stated[1]} min'.")]
    found = (int(match[1]), int(match[2]))
    if found != stated:
        return [Problem(
            f"{name}, cell 0",
            f"the header states {found[0]} teaching and {found[1]} exercise minutes, but the module's YAML says "
            f"{stated[0]} and {stated[1]}; make them agree.",
        )]
    return []
