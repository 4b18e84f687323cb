"""Test-wide isolation: no test, and no notebook kernel nbval starts, touches a real learner's files."""
import itertools
import os
import tempfile

import pytest

_scratch = tempfile.mkdtemp(prefix="lwi-tests-")
os.environ["WORKSHOP_PROGRESS"] = os.path.join(_scratch, "progress.jsonl")
os.environ["WORKSHOP_CONFIG"] = os.path.join(_scratch, "settings.yaml")
os.environ["WORKSHOP_OUTPUT_DIR"] = _scratch
os.environ.pop("WORKSHOP_SOLUTIONS", None)
os.environ.pop("WORKSHOP_EXERCISES", None)
_company = os.environ.pop("WORKSHOP_COMPANY", None)  # the unit tests read Larkspur's profile, whatever the shell says

_notebook_logs: dict[str, str] = {}
_log_numbers = itertools.count()  # never reset, unlike the dict a test may swap out: no two notebooks share a file


def _edition_company(path: str) -> str | None:
    """NAME for a notebook under build/companies/NAME/ (a second company's edition), else None."""
    parts = path.replace(os.sep, "/").split("/")
    for i in range(len(parts) - 3):
        if parts[i:i + 2] == ["build", "companies"] and path.endswith(".ipynb"):
            return parts[i + 2]
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Each notebook nbval runs starts its kernel on its own empty progress log.

    A widget restores the learner's last answer from the log, so a participant notebook
    run after anything that logged answers (a solution edition, a subprocess a test
    started) would show "correct" where nbval expects "not attempted".
    """
    path = str(getattr(item, "fspath", ""))
    # A kernel starts with this process's environment. Notebooks under build/companies/NAME/
    # (tests/company_editions.py) run as NAME; `WORKSHOP_COMPANY=northway make test` runs the other
    # notebooks as the company chosen; the unit tests always read Larkspur.
    company = _edition_company(path) or (_company if path.endswith(".ipynb") else None)
    if company:
        os.environ["WORKSHOP_COMPANY"] = company
    else:
        os.environ.pop("WORKSHOP_COMPANY", None)
    if path.endswith(".ipynb") and path not in _notebook_logs:
        _notebook_logs[path] = os.path.join(_scratch, f"progress-notebook-{next(_log_numbers)}.jsonl")
        os.environ["WORKSHOP_PROGRESS"] = _notebook_logs[path]


try:  # property tests are never timed: a shared, loaded machine makes any deadline flaky
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("untimed", deadline=None)
    _hypothesis_settings.load_profile("untimed")
except ImportError:  # hypothesis is a test extra; nbval kernels may not have it
    pass


def pytest_collection_modifyitems(session, config, items):
    """Participant notebooks store no outputs (a fresh notebook must not look as if it had run).

    nbval compares a checked cell's output with the one stored in the notebook, so for a
    notebook whose checked cells store nothing, the reference 'not attempted' is added here,
    in memory, before any cell runs. The solution edition stores its 'correct' references.
    """
    seen = set()
    for item in items:
        notebook = getattr(item.parent, "nb", None)
        if notebook is None or id(notebook) in seen:
            continue
        seen.add(id(notebook))
        from workshop.bank.notebooks.cells import is_checked
        from workshop.bank.notebooks.editions import expect_not_attempted

        if not any(cell.get("outputs") for cell in notebook.cells if is_checked(cell)):
            expect_not_attempted(notebook)
