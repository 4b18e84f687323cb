"""What a learner does in JupyterLab, as Playwright steps."""
from __future__ import annotations

import re

RUN_TIMEOUT_MS = 90_000


def open_notebook(page, lab, name: str) -> None:
    page.goto(lab.url(name))
    page.locator(".jp-Notebook").first.wait_for(timeout=RUN_TIMEOUT_MS)
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text=name).first.wait_for(timeout=RUN_TIMEOUT_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(t => t.textContent.includes('| Idle'))",
        timeout=RUN_TIMEOUT_MS,
    )


def menu(page, top: str, command: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').click()


def wait_until_run(page, exercises: int) -> None:
    """All cells executed: no '[*]' prompt left and every exercise widget drawn."""
    try:
        _wait_for_run(page, exercises)
    except Exception:
        from tests.browser.lab import ROOT

        (ROOT / "test-artifacts").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "test-artifacts" / "failed-run.png"), full_page=True)
        raise


def _wait_for_run(page, exercises: int) -> None:
    page.wait_for_function(
        """n => document.querySelectorAll('.jp-InputPrompt').length > 0
              && ![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))
              && [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(t => t.textContent.includes('| Idle'))
              && document.querySelectorAll('.lwi-exercise').length >= n""",
        arg=exercises,
        timeout=RUN_TIMEOUT_MS,
    )


def run_all(page, exercises: int) -> None:
    menu(page, "Run", "runmenu:run-all")
    wait_until_run(page, exercises)


def restart_and_run_all(page, exercises: int) -> None:
    menu(page, "Kernel", "runmenu:restart-and-run-all")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_timeout(1000)
    wait_until_run(page, exercises)


def exercise(page, exercise_id: str):
    return page.locator(".lwi-exercise", has_text=f"({exercise_id})")


def page_problems(page) -> list[str]:
    """Kernel dialogs, tracebacks and broken widgets visible on the page."""
    problems = []
    if page.locator(".jp-Dialog", has_text="Select Kernel").count():
        problems.append("a kernel-choice dialog is open")
    text = page.locator(".jp-Notebook").inner_text()
    for marker in ("Error displaying widget", "Traceback", "Error:"):
        if marker in text:
            problems.append(f"the page shows {marker!r}")
    if page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count():
        problems.append("a cell wrote to stderr")
    return problems


UNLABELLED_CONTROLS_JS = r"""
() => [...document.querySelectorAll('.lwi-exercise input, .lwi-exercise select, .lwi-exercise textarea, .lwi-exercise button')]
  .filter(el => {
    const named = (el.labels && [...el.labels].some(l => l.textContent.trim()))
      || (el.getAttribute('aria-label') || '').trim()
      || (el.getAttribute('aria-labelledby') || '').split(/\s+/).map(id => document.getElementById(id)?.textContent || '').join('').trim()
      || (el.getAttribute('title') || '').trim()
      || (el.tagName === 'BUTTON' && el.textContent.trim());
    return !named;
  })
  .map(el => el.outerHTML.slice(0, 120))
"""
