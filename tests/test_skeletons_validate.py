"""Every kind's skeleton (`workshop new exercise`) validates as it is, once shown in a notebook.

The number guard reads what a learner would read: a skeleton whose worked example carried a
literal number (``40 minutes``, ``= 10 hours``) was refused by `workshop validate` as soon as
its cell was pasted into a notebook. Each company's guard must pass the untouched skeletons.
"""
import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from workshop.authoring.new_exercise import add_exercise, available_kinds, notebook_cell
from workshop.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("company", ["larkspur", "northway"])
def test_each_kinds_skeleton_validates_as_it_is_in_a_notebook(tmp_path, monkeypatch, company):
    monkeypatch.setenv("WORKSHOP_COMPANY", company)
    bank, notebooks = tmp_path / "exercises", tmp_path / "notebooks"
    shutil.copytree(ROOT / "exercises", bank)
    shutil.copytree(ROOT / "notebooks", notebooks, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    cells = []  # the shipped bank's own validation is tests/test_bank_validation.py's; here, only with the skeletons
    for kind in available_kinds():
        _, full_id = add_exercise("02", kind, f"my-{kind.replace('_', '-')}", bank_dir=bank)
        cells.append(notebook_cell(kind, full_id))
    path = next(notebooks.glob("02_*.ipynb"))
    nb = json.loads(path.read_text(encoding="utf-8"))
    for number, source in enumerate(cells):  # before the key points, as docs/adapting.md says
        nb["cells"].insert(len(nb["cells"]) - 1, {"cell_type": "code", "execution_count": None, "id": f"skeleton-{number}",
                                                  "metadata": {}, "outputs": [], "source": source})
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", str(bank), "--notebooks", str(notebooks)])
    assert code == 0, err.getvalue()[-3000:]
    assert "OK:" in out.getvalue()
