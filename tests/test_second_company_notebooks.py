"""The second company, Northway Rail Tickets, runs every notebook whose numbers depend on the company.

Both editions (participant notebooks and the solution build, whose checks must all say
correct: the answer keys are facts) run under nbval with ``WORKSHOP_COMPANY=northway``.
Only the notebooks that use company numbers run (their module's YAML has ``{{fact}}``
placeholders, or the notebook loads the data or the facts), to keep CI's cost modest;
the rest cannot differ between companies. The number guard must find the bank and the
notebooks clean for Northway, and no learner may read Larkspur's name or dollars.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.company import factcheck
from workshop.company.drift import explain

ROOT = Path(__file__).resolve().parent.parent
COMPANY_USE = re.compile(r"\{\{\s*[a-z][a-z0-9_]*\s*(?::[^}]*)?\}\}|workshop\.(?:data|facts|company)\b|\bload\(")

def company_dependent_notebooks() -> list[Path]:
    chosen = []
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        module = next(iter((ROOT / "exercises").glob(f"{notebook.name[:2]}_*.yaml")), None)
        text = notebook.read_text(encoding="utf-8") + (module.read_text(encoding="utf-8") if module else "")
        if COMPANY_USE.search(text):
            chosen.append(notebook)
    return chosen


@pytest.fixture
def northway(monkeypatch):
    monkeypatch.setenv("WORKSHOP_COMPANY", "northway")
    for name in [k for k in os.environ if k.startswith("WORKSHOP_DATA_")]:
        monkeypatch.delenv(name)


def test_the_company_dependent_notebooks_are_found():
    names = {p.name[:2] for p in company_dependent_notebooks()}
    assert {"01", "05", "06", "10"} <= names and "09" not in names  # 01 names the company; 09 uses no company fact


def test_both_editions_run_with_northway(tmp_path, northway):
    notebooks = company_dependent_notebooks()
    env = {**os.environ, "WORKSHOP_COMPANY": "northway",
           "WORKSHOP_PROGRESS": str(tmp_path / "progress.jsonl")}  # never the shared test log
    build = tmp_path / "solutions"
    subprocess.run([sys.executable, "-m", "workshop", "build", "--solutions", str(build)], check=True, env=env,
                   capture_output=True, cwd=ROOT)
    # One edition per run: the capstone's progress summary reads the progress the run has made.
    for files in ([str(p) for p in notebooks], [str(build / p.name) for p in notebooks]):
        done = subprocess.run([sys.executable, "-m", "pytest", *files, "--nbval-lax", "--nbval-sanitize-with",
                               str(ROOT / "tests" / "nbval_sanitize.cfg"), "-q", "-p", "no:cacheprovider"],
                              env=env, capture_output=True, text=True, cwd=ROOT, timeout=1800)
        assert done.returncode == 0, done.stdout[-4000:]
        assert " passed" in done.stdout and " failed" not in done.stdout


def test_every_bank_number_follows_northway(northway):
    assert [str(m) for m in explain(factcheck.check_bank())] == []


def test_every_notebook_number_follows_northway(northway):
    """Company numbers in notebook prose live in passages (m.passage), which follow the profile."""
    assert [str(m) for m in explain(factcheck.check_notebooks())] == []


def test_no_learner_reads_larkspurs_name_or_dollars_under_northway(northway):
    assert [str(m) for m in factcheck.check_names()] == []


def test_the_drift_report_says_what_a_switched_number_should_be(northway, tmp_path):
    """An instructor's sentence typed with Larkspur's figures is listed with Northway's value for the same fact."""
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    path = next(notebooks.glob("05_*.ipynb"))
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown" and i > 2)
    nb["cells"][cell]["source"] = "".join(nb["cells"][cell]["source"]) + (
        "\n\nWe count 46 working weeks a year, and the checkout rework costs about \\\\$54,000.")
    path.write_text(json.dumps(nb), encoding="utf-8")
    report = {(m.where, m.number): m.nearest for m in explain(factcheck.check_notebooks(notebooks))}
    where = f"05_put_a_number_on_it.ipynb, cell {cell}"
    assert report[(where, "46")] == "it was Larkspur's working_weeks_per_year; for Northway it is 44"
    assert report[(where, "$54,000")] == "it was Larkspur's checkout_fix_cost; for Northway it is £35,200"
