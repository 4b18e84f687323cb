"""The two editions of every module notebook, from one source."""
from __future__ import annotations

from pathlib import Path

import nbformat

from workshop.bank.loader import Bank, load_bank
from workshop.bank.notebooks.preprocessors import (
    AddFacilitatorNotes,
    ExpectStatus,
    FillAnswers,
    StripOutputs,
    set_kernelspec,
)


def module_notebooks(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))


def participant(nb):
    """What learners open: no stored outputs and no execution counts, so a fresh notebook
    never looks as if it had run. nbval's reference for participant notebooks ('not attempted'
    in each checked cell) is added in memory when the tests collect them: see
    ``expect_not_attempted`` and the root conftest.py."""
    return set_kernelspec(StripOutputs()(nb))


def expect_not_attempted(nb):
    """The participant edition as nbval checks it: each checked cell expecting 'not attempted'.

    Applied in memory only (never written), to a notebook whose checked cells store no output.
    """
    return ExpectStatus("not_attempted")(nb)


def solutions(nb, bank: Bank):
    """The facilitators' answer key: every exercise answered, every check expected correct."""
    for step in (StripOutputs(), FillAnswers(bank), ExpectStatus("correct"), AddFacilitatorNotes(bank)):
        nb = step(nb)
    return set_kernelspec(nb)


def clean(folder: Path) -> list[Path]:
    """Rewrite participant notebooks in place; return those that changed."""
    changed = []
    for path in module_notebooks(folder):
        before = path.read_text(encoding="utf-8")
        nb = participant(nbformat.reads(before, as_version=4))
        after = nbformat.writes(nb) + "\n"
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(path)
    return changed


def build_solutions(src: Path, out: Path, bank: Bank | None = None) -> list[Path]:
    bank = bank or load_bank()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in module_notebooks(src):
        nb = solutions(nbformat.read(path, as_version=4), bank)
        target = out / path.name
        nbformat.write(nb, target)
        written.append(target)
    return written
