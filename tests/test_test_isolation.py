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
