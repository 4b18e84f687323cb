"""Browser fixtures: skip with one clear reason when Chromium or Playwright is missing."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.lab import CHROMIUM, CHROMIUM_ARGS, ROOT, Lab

ARTIFACTS = ROOT / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    reason = None
    if CHROMIUM is None:
        reason = "browser tests skipped: Debian's chromium is not installed (apt-get install chromium; .ci/run does this)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "browser tests skipped: the Python package playwright is not installed (pip install -e '.[test]')"
    if reason:
        browser = [i for i in items if "tests/browser" in str(i.fspath).replace("\\", "/")]
        items[:] = [i for i in items if i not in browser]
        config.hook.pytest_deselected(items=browser)
        config._lwi_browser_skip = f"{len(browser)} {reason}"


def pytest_terminal_summary(terminalreporter, config):
    """One line, never silence, when the browser tests could not run."""
    note = getattr(config, "_lwi_browser_skip", None)
    if note:
        terminalreporter.write_line(note, yellow=True, bold=True)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("lab")
    server = Lab(workdir, {"WORKSHOP_PROGRESS": str(workdir / "progress.jsonl"), "WORKSHOP_SOLUTIONS": "after-attempt"})
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def new_learner(request):
    """Every browser test that uses the lab starts with no kernels and no answers logged."""
    if "lab" in request.fixturenames:
        request.getfixturevalue("lab").forget_learner()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
