"""Every notebook in notebooks/, after Run All, as a newcomer's browser shows it.

One Run All per notebook, then every page check: no traceback or broken widget, no
dollar amount typeset as maths, no two option boxes on top of each other, and no
serious or critical accessibility finding from axe-core. Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import pytest

from tests.browser.lab import ROOT
from tests.browser.notebook_page import UNLABELLED_CONTROLS_JS, open_notebook, page_problems, run_all
from tests.browser.page_checks import axe_findings, maths_shown, overlapping_options

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def shown_exercises(name: str) -> int:
    import nbformat

    from workshop.bank.notebooks.cells import SHOW_RE

    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" and SHOW_RE.search(c.source))


def shown_passages(name: str) -> int:
    import nbformat

    from workshop.bank.notebooks.cells import passages_in

    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    return sum(len(passages_in(c)) for c in nb.cells)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_page_after_run_all(page, lab, artifacts, name):
    open_notebook(page, lab, name)
    # A fresh notebook looks unrun: no stored output, no execution count (issue 25.1).
    page.screenshot(path=str(artifacts / f"fresh-{name.split('_')[0]}.png"), full_page=False)
    assert page.locator(".jp-OutputArea-output").count() == 0, "a fresh notebook shows stored outputs"
    assert not [t for t in page.locator(".jp-InputPrompt").all_inner_texts() if any(c.isdigit() for c in t)]
    run_all(page, shown_exercises(name))
    page.wait_for_timeout(500)  # let MathJax, if anything triggered it, finish typesetting
    page.screenshot(path=str(artifacts / f"page-{name.split('_')[0]}.png"), full_page=True)
    problems = {
        "errors on the page": page_problems(page),
        "unlabelled controls": page.evaluate(UNLABELLED_CONTROLS_JS),
        "maths typeset (write money as \\\\$ in Markdown; see docs/exercise-format.md)": maths_shown(page),
        "option boxes overlapping": overlapping_options(page),
        "axe-core findings": axe_findings(page),
        "passages not shown (m.passage cells whose text did not render)":
            [] if page.locator(".lwi-passage").count() == shown_passages(name) else [page.locator(".lwi-passage").count()],
    }
    save_close_ups(page, artifacts, name.split("_")[0])
    failing = {k: v for k, v in problems.items() if v}
    assert not failing, "\n".join(f"{k}:\n  " + "\n  ".join(map(str, v)) for k, v in failing.items())


def save_close_ups(page, artifacts, code: str) -> None:
    """Pictures a person looks at: each exercise, the first paragraph with a dollar amount, each chart."""
    for box in page.locator(".lwi-exercise").all():
        exercise_id = box.locator(".lwi-exercise-title small").inner_text().strip("()")
        box.scroll_into_view_if_needed()
        box.screenshot(path=str(artifacts / f"exercise-{exercise_id}.png"))
    money = page.locator(".jp-MarkdownCell", has_text="$").first
    if money.count():
        money.scroll_into_view_if_needed()
        money.screenshot(path=str(artifacts / f"dollars-{code}.png"))
    for n, passage in enumerate(page.locator(".lwi-passage").all(), 1):  # teaching text from the bank
        passage.scroll_into_view_if_needed()
        passage.screenshot(path=str(artifacts / f"passage-{code}-{n}.png"))
    for n, chart in enumerate(page.locator(".jp-OutputArea-output .js-plotly-plot").all(), 1):
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(artifacts / f"chart-{code}-{n}.png"))
