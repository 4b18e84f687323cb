"""Module 10 in a real JupyterLab: a learner fills the capstone case, checks it, saves it, and sees the growth."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests, saying why
    expect = None

from tests.browser.notebook_page import UNLABELLED_CONTROLS_JS, exercise, open_notebook, page_problems, run_all

pytestmark = pytest.mark.browser

SHOWN_IN_10 = 4  # saving-or-problem, my-case, finance-review, baseline-again


def test_capstone_filled_checked_saved_and_compared(page, lab, artifacts):
    from workshop.bank.loader import get_bank
    from workshop.labs.capstone import FIELDS
    from workshop.labs.capstone.case import field_label

    model = get_bank().exercises["10.my-case"].key()
    out = Path(os.environ["WORKSHOP_OUTPUT_DIR"])  # the lab inherits the tests' scratch output folder
    for old in out.glob("my-case.*"):
        old.unlink()

    from workshop.progress import log as progress

    # This morning, in module 00 (the lab's own progress log): the baseline the growth cell compares with.
    progress.record("check", "00.baseline-messy-code", path=lab.workdir / "progress.jsonl",
                    answer="The checkout code is messy and slows us down.", status="correct")
    open_notebook(page, lab, "10_capstone.ipynb")
    run_all(page, SHOWN_IN_10)
    assert page_problems(page) == []
    assert page.evaluate(UNLABELLED_CONTROLS_JS) == []
    assert not list(out.glob("my-case.*")), "Run All must not write the case"

    dictionary = page.locator(".lwi-data-dictionary").first  # cell 4's columns, shown where the learner is
    expect(dictionary).to_contain_text("minutes_to_restore")

    case = exercise(page, "10.my-case")
    case.scroll_into_view_if_needed()
    # First a case with the classic mistake: the whole problem typed as the saving.
    for name, value in {**model, "saving_per_year": model["problem_per_year"]}.items():
        if name != "options":
            case.get_by_label(field_label(name) + ":", exact=True).fill(value)
    fill_options(case, model["options"])
    save = case.get_by_role("button", name="Save my case")
    check = case.get_by_role("button", name="Check my case")
    assert save.bounding_box()["y"] > check.bounding_box()["y"], "Save sits below Check"
    save.click()  # saving before the checks pass says so
    expect(case).to_contain_text("checks still fail", timeout=30_000)
    check.click()
    result = case.locator(".lwi-result").first
    expect(result).to_contain_text("Partly right")
    expect(result).to_contain_text("whole problem")
    assert save.bounding_box()["y"] > result.bounding_box()["y"], "Save sits below the checks' feedback"
    page.screenshot(path=str(artifacts / "capstone-checks.png"), full_page=False)

    case.get_by_label(field_label("saving_per_year") + ":", exact=True).fill(model["saving_per_year"])
    check.click()
    expect(case.locator(".lwi-result").first).to_contain_text(re.compile(r"All \d+ (of this case's own )?checks pass"))
    save.click()
    expect(case).to_contain_text(re.compile(r"Saved again at \d\d:\d\d in .*: my-case\.md, my-case\.html and my-case\.pdf"),
                                 timeout=30_000)  # a busy machine
    assert "::" not in (out / "my-case.md").read_text(encoding="utf-8")
    saved = sorted(p.name for p in out.glob("my-case.*"))
    assert saved == ["my-case.html", "my-case.md", "my-case.pdf"]
    assert model["headline"] in (out / "my-case.md").read_text(encoding="utf-8")
    case.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "capstone-case.png"), full_page=False)
    case.screenshot(path=str(artifacts / "capstone-form.png"))

    again = exercise(page, "10.baseline-again")
    again.get_by_label("Your rewrite:").fill(get_bank().exercises["10.baseline-again"].key())
    again.get_by_role("button", name="Check").click()
    expect(again.locator(".lwi-result").first).to_contain_text("Strong")
    growth_cell = page.locator(".jp-CodeCell", has_text="growth()").first
    growth_cell.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    table = growth_cell.locator(".lwi-growth")
    expect(table).to_contain_text("This morning (module 00)")
    expect(table).to_contain_text("The checkout code is messy and slows us down.")
    expect(table).to_contain_text("Now (module 10)")
    expect(table).to_contain_text("-> capstone 100/100")
    growth_cell.scroll_into_view_if_needed()
    assert page_problems(page) == []
    page.screenshot(path=str(artifacts / "capstone-growth.png"), full_page=False)

    exported = page.context.new_page()
    exported.goto((out / "my-case.html").as_uri())
    expect(exported.locator("h1")).to_contain_text(model["title"])
    exported.screenshot(path=str(artifacts / "capstone-exported.png"), full_page=True)
    exported.close()


def fill_options(case, text: str) -> None:
    """The options as the form asks for them: a name, a pro and a con per row."""
    from workshop.labs.capstone.case import Case, parse_option

    for n, line in enumerate(Case({"options": text}).lines("options")):
        option = parse_option(line)
        case.get_by_label(f"Option {n + 1}:", exact=True).fill(option.name)
        case.get_by_label("pro:", exact=True).nth(n).fill("; ".join(option.pros) or option.note)
        case.get_by_label("con:", exact=True).nth(n).fill("; ".join(option.cons) or "it costs something")


def test_leading_explorer_moves_with_the_keyboard(page, lab, artifacts):
    open_notebook(page, lab, "09_leading_without_permission.ipynb")
    run_all(page, 5)
    assert page_problems(page) == []
    headline = page.locator(".lwi-headline").first
    assert "team output 5.58" in headline.inner_text()
    native = page.get_by_label("Lead's time spent coding (%)")  # the workshop's labelled range input, where it has one
    handle = native if native.count() else \
        page.locator(".widget-slider", has_text="Lead's time spent coding").locator(".noUi-handle").first
    handle.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    expect(headline).to_contain_text("team output 5.25")  # four steps of 5%: from 80% to 100% coding
    headline.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "module-09-what-if.png"), full_page=False)
