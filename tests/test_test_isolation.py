"""The test run's own isolation: no test's progress can leak into a notebook nbval checks."""
import os
from types import SimpleNamespace

import conftest


def test_each_notebook_gets_its_own_empty_progress_log(monkeypatch, tmp_path):
    monkeypatch.setattr(conftest, "_notebook_logs", {})
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "shared.jsonl"))
    seen = []
    for path in ("notebooks/00_welcome.ipynb", "notebooks/00_welcome.ipynb", "build/solutions/00_welcome.ipynb"):
        conftest.pytest_runtest_setup(SimpleNamespace(fspath=path))
        seen.append(os.environ["WORKSHOP_PROGRESS"])
    assert seen[0] == seen[1], "cells of one notebook share its kernel's log"
    assert len({seen[0], seen[2], str(tmp_path / "shared.jsonl")}) == 3, "each notebook starts on a fresh log"
    assert not os.path.exists(seen[2])
    conftest.pytest_runtest_setup(SimpleNamespace(fspath="tests/test_kinds.py"))
    assert os.environ["WORKSHOP_PROGRESS"] == seen[2], "unit tests leave the log alone"


def test_a_chosen_company_reaches_the_notebook_kernels_but_not_the_unit_tests(monkeypatch, tmp_path):
    """`WORKSHOP_COMPANY=northway make test`: notebooks run as Northway, unit tests as Larkspur."""
    monkeypatch.setattr(conftest, "_notebook_logs", {})
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "shared.jsonl"))
    monkeypatch.setattr(conftest, "_company", "northway")
    monkeypatch.delenv("WORKSHOP_COMPANY", raising=False)
    conftest.pytest_runtest_setup(SimpleNamespace(fspath="build/solutions/05_put_a_number_on_it.ipynb"))
    assert os.environ.get("WORKSHOP_COMPANY") == "northway"  # a kernel starts with this environment
    conftest.pytest_runtest_setup(SimpleNamespace(fspath="tests/test_facts_guard.py"))
    assert "WORKSHOP_COMPANY" not in os.environ
    monkeypatch.setattr(conftest, "_company", None)  # no company chosen: nothing is set
    conftest.pytest_runtest_setup(SimpleNamespace(fspath="notebooks/05_put_a_number_on_it.ipynb"))
    assert "WORKSHOP_COMPANY" not in os.environ


def test_a_fresh_log_is_never_one_a_notebook_already_used(monkeypatch, tmp_path):
    """In a full run, nbval has already written progress-notebook-0.jsonl; a later notebook must not inherit it."""
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "shared.jsonl"))
    monkeypatch.setattr(conftest, "_notebook_logs", {})
    conftest.pytest_runtest_setup(SimpleNamespace(fspath="notebooks/01_what_is_leadership.ipynb"))
    first = os.environ["WORKSHOP_PROGRESS"]
    open(first, "w").write('{"answered": true}\n')  # that notebook's kernel logged an answer
    monkeypatch.setattr(conftest, "_notebook_logs", {})  # as another test swapping the registry does
    conftest.pytest_runtest_setup(SimpleNamespace(fspath="notebooks/02_three_hats.ipynb"))
    assert os.environ["WORKSHOP_PROGRESS"] != first
    assert not os.path.exists(os.environ["WORKSHOP_PROGRESS"])
