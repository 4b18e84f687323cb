"""``workshop new module NN "Title"``: a module's YAML and notebook, ready to fill in.

Both files follow the design rules every module keeps (questions and objectives, stated
minutes, one exercise cell, key points), so ``workshop validate`` and the notebook tests
pass from the first minute and the instructor only replaces placeholder text.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from workshop.authoring.new_exercise import AuthoringError, normalise_ids, skeleton
from workshop.bank.loader import default_bank_dir
from workshop.bank.minutes import DEBRIEF_MINUTES, allowances

FIRST_EXERCISE = "first-reflection"
TEACHING_MINUTES = 10
EXERCISE_MINUTES = allowances()["reflection"].minutes + DEBRIEF_MINUTES  # one reflection and its debrief

MODULE_HEADER = '''\
# Module {code}. Field reference: docs/exercise-format.md
module: "{code}"
title: {title}
# The notebook header states the same minutes; `workshop validate` checks both.
minutes: {{teaching: {teaching}, exercises: {exercises}}}
# Shown at the top of the solution edition: what to say, what to watch for, timings.
facilitator_notes:
  - "What the facilitator should do first, and how long to allow."
exercises:
'''

NOTEBOOK_HEADER = """\
# {code} · {title}

**Teaching:** {teaching} min · **Exercises:** {exercises} min

## Questions
- The question this module answers (write one to three).

## Objectives
By the end of this module you can:
- do something a facilitator can see (one measurable objective per line)."""

KEY_POINTS = """\
## Key points

- The one idea to remember (write two to four)."""


def slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    if not words:
        raise AuthoringError("The title needs at least one word, for example \"Incident reviews\".")
    return "_".join(words)[:40].rstrip("_")


def create_module(code: str, title: str, bank_dir: str | Path | None = None,
                  notebooks_dir: str | Path | None = None) -> tuple[Path, Path]:
    """Write ``NN_slug.yaml`` and ``NN_slug.ipynb``; refuse to overwrite an existing module."""
    bank_dir = Path(bank_dir) if bank_dir else default_bank_dir()
    notebooks_dir = Path(notebooks_dir) if notebooks_dir else bank_dir.parent / "notebooks"
    code, first_id = normalise_ids(code, FIRST_EXERCISE)
    title = " ".join(str(title).split())
    if "{{" in title or "}}" in title:
        raise AuthoringError("A module title can't contain {{ or }}: in the bank they mark a company number. "
                             "Write the title in words.")
    name = f"{code}_{slug(title)}"
    existing = sorted(bank_dir.glob(f"{code}_*.yaml")) + sorted(notebooks_dir.glob(f"{code}_*.ipynb"))
    if existing:
        raise AuthoringError(f"Module {code} already exists ({existing[0]}); choose another number.")
    if not notebooks_dir.is_dir():
        raise AuthoringError(f"There is no notebooks folder at {notebooks_dir}.")
    yaml_path, nb_path = bank_dir / f"{name}.yaml", notebooks_dir / f"{name}.ipynb"
    minutes = {"teaching": TEACHING_MINUTES, "exercises": EXERCISE_MINUTES}
    # JSON is YAML's double-quoted style: quotes, backslashes and '#' in a title stay text.
    header = MODULE_HEADER.format(code=code, title=json.dumps(title, ensure_ascii=False), **minutes)
    block = "".join("  " + line if line.strip() else line
                    for line in skeleton("reflection", first_id, "Your first exercise").splitlines(keepends=True))
    _validated(yaml_path.name, header + block)  # nothing is written unless the new module loads
    yaml_path.write_text(header + block, encoding="utf-8")
    nbformat.write(_notebook(code, title, minutes), nb_path)
    return yaml_path, nb_path


def _validated(name: str, text: str) -> None:
    import tempfile

    from workshop.bank.loader import BankError, load_bank

    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / name
        trial.write_text(text, encoding="utf-8")
        try:
            load_bank(trial)
        except BankError as exc:
            raise AuthoringError(f"The new module would not validate, so nothing was written:\n{exc}") from None


def _notebook(code: str, title: str, minutes: dict) -> nbformat.NotebookNode:
    from workshop.bank.notebooks.cells import CHECK_TAG
    from workshop.bank.notebooks.editions import participant

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(NOTEBOOK_HEADER.format(code=code, title=title, **minutes)),
        nbformat.v4.new_code_cell(f'from workshop import Module\n\nm = Module("{code}")'),
        nbformat.v4.new_markdown_cell("## Your first exercise\n\nTeach the idea here, then ask about it."),
        nbformat.v4.new_code_cell(f'm.show("{FIRST_EXERCISE}")', metadata={"tags": [CHECK_TAG]}),
        nbformat.v4.new_markdown_cell(KEY_POINTS),
    ]
    return participant(nb)
