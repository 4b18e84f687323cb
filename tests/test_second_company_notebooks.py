"""The second company, Northway Rail Tickets, runs every notebook whose numbers depend on the company.

Both editions (participant notebooks and the solution build, whose checks must all say
correct: the answer keys are facts) run under nbval with ``WORKSHOP_COMPANY=northway``:
`make test` builds them into build/companies/northway (tests/company_editions.py) and collects
them beside Larkspur's, so xdist spreads them over the workers. Only the notebooks that use
company numbers run; the rest cannot differ between companies. The number guard must find the bank and the
notebooks clean for Northway, and no learner may read Larkspur's name or dollars.
"""
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from workshop.company import factcheck
from workshop.company.drift import explain
from tests.company_editions import company_dependent_notebooks

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def northway(monkeypatch):
    monkeypatch.setenv("WORKSHOP_COMPANY", "northway")
    for name in [k for k in os.environ if k.startswith("WORKSHOP_DATA_")]:
        monkeypatch.delenv(name)


def test_the_company_dependent_notebooks_are_found():
    names = {p.name[:2] for p in company_dependent_notebooks()}
    assert {"01", "05", "06", "09", "10"} <= names  # 01 names the company; 09 quotes the deploy log's median


def test_make_test_runs_both_editions_for_northway():
    """The editions are built by `make test` (tests/company_editions.py) and collected beside Larkspur's,
    so each notebook is one nbval file on any worker; conftest.py runs them as Northway."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = re.search(r"^test:.*?(?=^\S)", makefile, flags=re.M | re.S).group(0)
    assert "company-editions" in test_rule.splitlines()[0] and "$(COMPANY_EDITIONS)" in test_rule
    assert re.search(r"^COMPANY_EDITIONS\s*:=\s*build/companies/northway\s*$", makefile, flags=re.M)
    assert "tests.company_editions northway $(COMPANY_EDITIONS)" in makefile


def test_the_company_editions_hold_both_editions_of_each_dependent_notebook(tmp_path, monkeypatch):
    from tests import company_editions

    built = []

    def fake_build(argv, **kwargs):  # the real `workshop build` runs in make; here, only the layout
        out = Path(argv[argv.index("--solutions") + 1])
        out.mkdir(parents=True)
        for notebook in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"):
            shutil.copy2(notebook, out / notebook.name)
        built.append(kwargs["env"]["WORKSHOP_COMPANY"])

    monkeypatch.setattr(company_editions.subprocess, "run", fake_build)
    written = company_editions.build("northway", tmp_path / "northway")
    names = sorted(p.name for p in company_dependent_notebooks())
    assert built == ["northway"]
    assert sorted(p.name for p in written if p.parent.name == "participant") == names
    assert sorted(p.name for p in written if p.parent.name == "solutions") == names


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
        "\n\nThe checkout rework costs about \\\\$54,000.")
    path.write_text(json.dumps(nb), encoding="utf-8")
    report = {(m.where, m.number): m.nearest for m in explain(factcheck.check_notebooks(notebooks))}
    where = f"05_put_a_number_on_it.ipynb, cell {cell}"
    assert report[(where, "$54,000")] == "it was Larkspur's checkout_fix_cost; for Northway it is £35,200"
