"""The second company, Northway Rail Tickets, runs every notebook whose numbers depend on the company.

Both editions (participant notebooks and the solution build, whose checks must all say
correct: the answer keys are facts) run under nbval with ``WORKSHOP_COMPANY=northway``.
Only the notebooks that use company numbers run (their module's YAML has ``{{fact}}``
placeholders, or the notebook loads the data or the facts), to keep CI's cost modest;
the rest cannot differ between companies. The number guard must find the bank clean
for Northway, and the notebook prose that still states Larkspur's figures may only shrink.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import factcheck
from workshop.drift import explain

ROOT = Path(__file__).resolve().parent.parent
COMPANY_USE = re.compile(r"\{\{\s*[a-z][a-z0-9_]*\s*(?::[^}]*)?\}\}|workshop\.(?:data|facts|company)\b|\bload\(")

# Notebook sentences that still type Larkspur's figures (found by the guard under
# Northway). Fix one, then delete it here; a new one fails the test.
KNOWN_PROSE_DRIFT = {
    ("04_business_impact_framing.ipynb, cell 5", "$60,000"),
    ("05_put_a_number_on_it.ipynb, cell 8", "46"),
    ("05_put_a_number_on_it.ipynb, cell 8", "$75"),
    ("06_tech_debt_as_risk.ipynb, cell 4", "3.8"),
    ("06_tech_debt_as_risk.ipynb, cell 10", "70%"),
    ("06_tech_debt_as_risk.ipynb, cell 10", "$90,000"),
    ("06_tech_debt_as_risk.ipynb, cell 10", "6"),
    ("06_tech_debt_as_risk.ipynb, cell 10", "5"),
    # Modules 09-10 landed after the second company.
    ("09_leading_without_permission.ipynb, cell 4", "5"),
}


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
    assert {"05", "06"} <= names and "01" not in names


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


# Modules whose bank text still has numbers that match no Northway fact (07-10 landed
# after the second company: generic numbers such as "5% of visitors" that coincide with a
# Larkspur fact need an allowlist entry, company figures a {{fact}}). Only shrinks.
KNOWN_BANK_DRIFT_MODULES = {"07", "08", "09", "10"}


def test_every_bank_number_follows_northway(northway):
    drifted = explain(factcheck.check_bank())
    modules = {m.where[:2] for m in drifted}
    assert modules <= KNOWN_BANK_DRIFT_MODULES, [str(m) for m in drifted if m.where[:2] not in KNOWN_BANK_DRIFT_MODULES]
    assert modules == KNOWN_BANK_DRIFT_MODULES, f"fixed, so delete from KNOWN_BANK_DRIFT_MODULES: {KNOWN_BANK_DRIFT_MODULES - modules}"


def test_notebook_prose_drift_under_northway_only_shrinks(northway):
    found = {(m.where, m.number) for m in factcheck.check_notebooks()}
    assert found <= KNOWN_PROSE_DRIFT, f"new sentences that type a company number: {sorted(found - KNOWN_PROSE_DRIFT)}"
    assert found == KNOWN_PROSE_DRIFT, f"fixed, so delete from KNOWN_PROSE_DRIFT: {sorted(KNOWN_PROSE_DRIFT - found)}"


def test_the_drift_report_says_what_a_switched_number_should_be(northway):
    report = {(m.where, m.number): m.nearest for m in explain(factcheck.check_notebooks())}
    assert report[("05_put_a_number_on_it.ipynb, cell 8", "46")] == "it was Larkspur's working_weeks_per_year; for Northway it is 44"
    assert report[("06_tech_debt_as_risk.ipynb, cell 10", "$90,000")] == "it was Larkspur's checkout_fix_cost; for Northway it is £70,400"
