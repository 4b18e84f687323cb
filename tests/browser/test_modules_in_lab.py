"""Modules 00-03 in a real JupyterLab and Chromium, driven as a learner would."""
from __future__ import annotations

import re

import pytest
try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests, saying why
    expect = None

from tests.browser.notebook_page import (
    exercise,
    open_notebook,
    page_problems,
    restart_and_run_all,
    run_all,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = {
    "00": "00_welcome.ipynb",
    "01": "01_what_is_leadership.ipynb",
    "02": "02_three_hats.ipynb",
    "03": "03_manager_and_leader.ipynb",
    "04": "04_business_impact_framing.ipynb",
    "05": "05_put_a_number_on_it.ipynb",
    "06": "06_tech_debt_as_risk.ipynb",
    "09": "09_leading_without_permission.ipynb",
    "10": "10_capstone.ipynb",
}


def count(module: str) -> int:
    """Exercise widgets the notebook shows (code-answered exercises have none)."""
    import nbformat

    from tests.browser.lab import ROOT
    from workshop.bank.notebooks.cells import SHOW_RE

    nb = nbformat.read(ROOT / "notebooks" / NOTEBOOKS[module], as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" and SHOW_RE.search(c.source))


# Every notebook's Run All, unlabelled controls, maths, overlaps and axe-core: test_every_notebook.py


def check(box, expected: str) -> None:
    # exactly Check or Save (the icon's glyph may lead the name): not a step's "... can check out" button
    box.get_by_role("button", name=re.compile(r"^\W*(Check|Save)$")).click()
    result = box.locator(".lwi-result").first
    expect(result).to_contain_text(expected)
    # announced to screen readers, and right or wrong said in words and an icon, not colour alone
    assert result.get_attribute("role") == "status" and result.get_attribute("aria-live") == "polite"
    assert any(word in result.inner_text() for word in ("Correct", "Not yet", "Partly right", "Not attempted", "Saved"))


def test_each_kind_answered_through_the_page(page, lab, artifacts):
    """One exercise of each kind, answered by clicking and typing; every text comes from the bank,
    so rewording the content never breaks the walk, and a changed kind or label does."""
    numeric_id = of_kind("00", "numeric")
    open_notebook(page, lab, NOTEBOOKS["00"])
    run_all(page, count("00"))
    numeric = exercise(page, numeric_id)
    numeric.get_by_label(f"Your answer ({bank(numeric_id).unit}):").fill(str(bank(numeric_id).answer * 60))
    check(numeric, "Not yet")  # a unit slip (minutes for hours) is not credited
    baseline = exercise(page, of_kind("00", "framing", baseline=True))
    baseline.get_by_label("Your rewrite:").fill("If checkout fails on Black Friday we could lose $50,000 an hour.")
    check(baseline, "Baseline saved")
    open_notebook(page, lab, NOTEBOOKS["01"])
    run_all(page, count("01"))
    single_id = of_kind("01", "single_choice")
    single = exercise(page, single_id)
    single.get_by_label(keyed_text(single_id)).check()
    check(single, "Correct")
    single.get_by_role("button", name="Hint").click()
    expect(single).to_contain_text(f"Hint 1 of {len(bank(single_id).hints)}")
    single.get_by_role("button", name="Show solution").click()
    expect(single).to_contain_text("Solution")
    reflection = exercise(page, of_kind("01", "reflection"))
    reflection.get_by_label("Your answer:").fill("I explain our deploy scripts; next week I will map the billing job.")
    check(reflection, "Saved")
    open_notebook(page, lab, NOTEBOOKS["04"])
    run_all(page, count("04"))
    multi_id = of_kind("04", "multiple_select")
    multi = exercise(page, multi_id)
    multi.get_by_label(wrong_text(multi_id)).check()
    check(multi, "Not yet")
    rewrite_id = "04.rewrite-library"
    rewrite = exercise(page, rewrite_id)
    rewrite.get_by_label("Your rewrite:").fill("This library is technically superior.")
    check(rewrite, "Not yet")
    sound = bank(rewrite_id).sound[0]  # an answer the exercise itself says must pass
    rewrite.get_by_label("Your rewrite:").fill(sound)
    check(rewrite, "Correct")
    assert rewrite.locator("mark").count() >= 1  # the parts the checker found are highlighted in the answer
    page.screenshot(path=str(artifacts / "framing-feedback.png"), full_page=True)
    open_notebook(page, lab, NOTEBOOKS["03"])
    run_all(page, count("03"))
    matching = exercise(page, of_kind("03", "matching"))
    matching.get_by_role("radio").first.check()  # the radio grid: one row per item, one column per category
    check(matching, "placed correctly")
    ordering_id = of_kind("03", "ordering")
    ordering = exercise(page, ordering_id)
    stray = bank(ordering_id).distractors[0].text
    ordering.get_by_role("button", name=f"Add \u201c{stray}\u201d to the end of your order").click()
    check(ordering, "doesn't belong")
    page.screenshot(path=str(artifacts / "kinds-answered.png"), full_page=True)


def bank(exercise_id: str):
    from workshop.bank.loader import get_bank

    return get_bank().exercises[exercise_id]


def of_kind(module: str, kind: str, **attributes) -> str:
    """The first exercise of a kind in a module, by the bank's order (the notebook's)."""
    from workshop.bank.loader import get_bank

    return next(i for i, e in get_bank().exercises.items() if i.startswith(f"{module}.") and e.kind == kind
                and all(getattr(e, name, None) == value for name, value in attributes.items()))


def wrong_text(exercise_id: str) -> str:
    return next(o.text for o in bank(exercise_id).options if not o.correct)


def keyed_text(exercise_id: str) -> str:
    """The keyed option's text, from the bank: a reworded option must not break the walk."""
    from workshop.bank.loader import get_bank

    return next(o.text for o in get_bank().exercises[exercise_id].options if o.correct)


def test_last_answer_is_back_after_a_kernel_restart(page, lab):
    open_notebook(page, lab, NOTEBOOKS["02"])
    run_all(page, count("02"))
    box = exercise(page, "02.mentor-metric")
    box.get_by_label(keyed_text("02.mentor-metric")).check()
    check(box, "Correct")
    restart_and_run_all(page, count("02"))
    box = exercise(page, "02.mentor-metric")
    expect(box).to_contain_text("Restored your last answer", timeout=30_000)  # only a new widget says this
    assert box.get_by_label(keyed_text("02.mentor-metric")).is_checked()


def test_number_modules_compute_in_code_and_move_a_slider(page, lab, artifacts):
    open_notebook(page, lab, NOTEBOOKS["05"])
    run_all(page, count("05"))
    cell = page.locator(".jp-CodeCell", has_text='m.check("hours-waited"').first
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type('hours_waited = (ci["queue_minutes"] + ci["build_minutes"]).sum() / 60\nm.check("hours-waited", hours_waited)')
    page.keyboard.press("Shift+Enter")
    expect(cell.locator(".lwi-result")).to_contain_text("Correct")

    headline = page.locator(".lwi-headline").first
    before = headline.inner_text()
    slider = page.get_by_role("slider").first  # the explorer's first control: a labelled native range input
    expect(slider).to_have_accessible_name(re.compile(r"\w{3}"))
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("b => document.querySelector('.lwi-headline').innerText !== b", arg=before)
    assert "$" in headline.inner_text() and headline.inner_text() != before
    assert page.locator(".js-plotly-plot").count() >= 2  # plotly rendered by its mimetype renderer
    assert page_problems(page) == []
    page.screenshot(path=str(artifacts / "module-05-what-if.png"), full_page=True)

    open_notebook(page, lab, NOTEBOOKS["06"])
    run_all(page, count("06"))
    assert "of simulated years" in page.locator(".lwi-headline").first.inner_text()
    assert page_problems(page) == []


def test_proposal_form_and_a_rounded_payback_in_05(page, lab, artifacts):
    """05: "3 weeks" for a payback of 2.8 is accepted, by pressing Enter; the proposal is a form, saved on request."""
    open_notebook(page, lab, NOTEBOOKS["05"])
    run_all(page, count("05"))
    payback = exercise(page, "05.payback")
    payback.scroll_into_view_if_needed()
    box = payback.get_by_label("Your answer (weeks):")
    box.fill("3 weeks")
    box.press("Enter")
    expect(payback.locator(".lwi-result").first).to_contain_text("Correct")
    expect(payback.locator(".lwi-result").first).to_contain_text("honestly rounded")
    payback.screenshot(path=str(artifacts / "payback-rounded.png"))

    form = page.locator(".lwi-prose", has=page.get_by_role("button", name="Save my proposal")).first
    form.scroll_into_view_if_needed()
    form.get_by_label("Title:").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "proposal-form-top.png"), full_page=False)
    form.get_by_label("The problem:").fill("Thirty engineers wait for builds, hours a week each.")
    form.get_by_label("Payback of the fix:").fill("about 3 weeks")
    for n, (name, pro, con) in enumerate([("Do nothing", "costs nothing now", "the waiting goes on"),
                                          ("Faster builds", "saves engineer time", "three weeks of work")]):
        form.get_by_label(f"Option {n + 1}:", exact=True).fill(name)
        form.get_by_label("pro:", exact=True).nth(n).fill(pro)
        form.get_by_label("con:", exact=True).nth(n).fill(con)
    form.get_by_label("The ask:").fill("Two engineers for three weeks, from Monday.")
    form.get_by_label("Title:").click()  # leaving a box updates the page under the form
    page_view = form.locator(".lwi-proposal")
    expect(page_view).to_contain_text("Pro: costs nothing now")
    assert "(yours to write))" not in page_view.inner_text()
    form.get_by_role("button", name="Save my proposal").click()
    expect(form).to_contain_text("my-proposal.md", timeout=30_000)
    assert page_problems(page) == []
    form.get_by_label("The ask:").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "proposal-form.png"), full_page=False)
