"""Modules 07 and 08 in a real JupyterLab: a branching scenario walked through the page, by keyboard."""
from __future__ import annotations

import pytest
try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests, saying why
    expect = None

from tests.browser.notebook_page import (
    UNLABELLED_CONTROLS_JS,
    exercise,
    open_notebook,
    page_problems,
    restart_and_run_all,
    run_all,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = {"07": "07_deciding_with_incomplete_information.ipynb", "08": "08_stakeholders_and_disagreements.ipynb"}
WIDGETS = {"07": 6, "08": 4}  # exercises shown as .lwi-exercise widgets


def _options_in_the_agreed_table() -> int:
    """How many options the bank's options table lists, so the page is held to the content, not to a copy of it."""
    from workshop.bank.loader import get_bank

    situation = get_bank().exercises["08.stakeholder-diagnosis"].nodes["agreed"].situation
    rows = [line for line in situation.splitlines() if line.strip().startswith("|")]
    return len(rows) - 2  # less the header and its |---| rule


def decide(box, choice_text: str) -> None:
    """Pick a choice by its label and press Decide, all from the keyboard."""
    choice = box.get_by_label(choice_text)
    choice.focus()
    box.page.keyboard.press("Space")
    expect(choice).to_be_checked()
    box.get_by_role("button", name="Decide").focus()
    box.page.keyboard.press("Enter")


@pytest.mark.parametrize("module", sorted(NOTEBOOKS))
def test_notebook_runs_clean_with_labelled_widgets(page, lab, artifacts, module):
    open_notebook(page, lab, NOTEBOOKS[module])
    run_all(page, WIDGETS[module])
    assert page_problems(page) == []
    assert page.evaluate(UNLABELLED_CONTROLS_JS) == []
    assert page.locator(".jp-RenderedHTMLCommon .MathJax, .jp-RenderedHTMLCommon mjx-container").count() == 0
    page.screenshot(path=str(artifacts / f"module-{module}.png"), full_page=True)


def test_walk_the_black_friday_incident_then_start_again_and_restore(page, lab, artifacts):
    open_notebook(page, lab, NOTEBOOKS["07"])
    run_all(page, WIDGETS["07"])
    box = exercise(page, "07.black-friday-incident")
    box.scroll_into_view_if_needed()
    expect(box).to_contain_text("Decision 1 of at most 4: The page")
    expect(box.locator(".lwi-measures")).to_contain_text("Minutes of failing checkout")

    score = box.get_by_role("button", name="Score my path")
    assert "mod-primary" in box.get_by_role("button", name="Decide").get_attribute("class")
    assert "mod-primary" not in score.get_attribute("class")  # secondary until the story ends
    score.click()  # pressed too early: "Not attempted", then gone after the next Decide
    expect(box.locator(".lwi-result")).to_contain_text("Not attempted")
    decide(box, "Open the logs yourself; you approved this change")
    expect(box).to_contain_text("Decision 2 of at most 4: The VP has already escalated")
    expect(box.locator(".lwi-result")).to_have_count(0)
    decide(box, "Finish the diagnosis first")
    expect(box).to_contain_text("Decision 3 of at most 4: Roll back or fix forward?")
    decide(box, "Roll back now; fix forward once checkout is healthy")
    expect(box.locator(".lwi-reveal")).to_contain_text("payment provider")
    decide(box, "Hold off until it's fully fixed")
    result = box.locator(".lwi-result").first
    expect(result).to_contain_text("costliest decision")
    assert "Not yet" in result.inner_text() or "Partly right" in result.inner_text()  # said in words, not colour
    assert result.get_attribute("role") == "status"
    assert "mod-primary" in score.get_attribute("class")
    expect(result).to_contain_text("Running total")
    assert result.locator("li").first.inner_text().startswith("Decision 1, ")  # the path list is numbered once
    result.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "scenario-ending.png"), full_page=False)
    box.screenshot(path=str(artifacts / "scenario-ending-box.png"))

    box.get_by_role("button", name="Start again").click()
    expect(box).to_contain_text("Decision 1 of at most 4: The page")
    expect(box.locator(".lwi-result")).to_have_count(0)  # the old path's score is gone
    decide(box, "Take incident command: name an operations lead")
    expect(box).to_contain_text("Decision 2 of at most 4: Roll back or fix forward?")
    page.screenshot(path=str(artifacts / "scenario-midway.png"), full_page=False)

    restart_and_run_all(page, WIDGETS["07"])
    box = exercise(page, "07.black-friday-incident")
    expect(box).to_contain_text("Restored your last answer", timeout=30_000)
    expect(box).to_contain_text("Decision 2 of at most 4: Roll back or fix forward?")
    decide(box, "Roll back now; fix forward once checkout is healthy")
    decide(box, "Reply now: what we know, what we're doing")
    expect(box.locator(".lwi-result").first).to_contain_text("Correct")
    assert page_problems(page) == []


def test_the_stakeholder_diagnosis_ends_in_an_options_table(page, lab, artifacts):
    open_notebook(page, lab, NOTEBOOKS["08"])
    run_all(page, WIDGETS["08"])
    box = exercise(page, "08.stakeholder-diagnosis")
    box.scroll_into_view_if_needed()
    decide(box, "Reply that a rewrite can't be built and tested before the freeze, and explain why")
    expect(box).to_contain_text("The VP goes quiet")
    decide(box, "Go and see the VP, say your reply was too short")
    expect(box.locator(".lwi-reveal")).to_contain_text("blindsided")
    decide(box, "Bring the incident log for the last two peak seasons")
    decide(box, "An options table: what each option protects and risks, what it costs, and which one you recommend")
    table = box.locator(".lwi-node table")
    expect(table).to_contain_text("Do nothing")
    expect(table).to_contain_text("recommended")
    assert table.locator("tr").count() == 1 + _options_in_the_agreed_table()  # a header, then each option
    expect(box.locator(".lwi-result").first).to_contain_text("Partly right")
    box.locator(".lwi-node").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "scenario-options-table.png"), full_page=False)
    assert page_problems(page) == []
