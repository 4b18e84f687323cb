"""Modules 00-03 in a real JupyterLab and Chromium, driven as a learner would."""
from __future__ import annotations

import pytest

from tests.browser.notebook_page import (
    UNLABELLED_CONTROLS_JS,
    exercise,
    open_notebook,
    page_problems,
    restart_and_run_all,
    run_all,
)
from workshop.bank import get_bank

pytestmark = pytest.mark.browser

NOTEBOOKS = {
    "00": "00_welcome.ipynb",
    "01": "01_what_is_leadership.ipynb",
    "02": "02_three_hats.ipynb",
    "03": "03_manager_and_leader.ipynb",
    "04": "04_business_impact_framing.ipynb",
}


def count(module: str) -> int:
    return len(get_bank().module_exercises(module))


@pytest.mark.parametrize("module", sorted(NOTEBOOKS))
def test_notebook_runs_clean_with_labelled_widgets(page, lab, artifacts, module):
    open_notebook(page, lab, NOTEBOOKS[module])
    run_all(page, count(module))
    assert page_problems(page) == []
    assert page.evaluate(UNLABELLED_CONTROLS_JS) == []
    page.screenshot(path=str(artifacts / f"module-{module}.png"), full_page=True)


def check(box, expected: str) -> None:
    box.get_by_role("button", name="Check").or_(box.get_by_role("button", name="Save")).click()
    feedback = box.locator("[role=status]").first
    feedback.wait_for()
    assert expected in feedback.inner_text()


def test_each_kind_answered_through_the_page(page, lab, artifacts):
    open_notebook(page, lab, NOTEBOOKS["00"])
    run_all(page, count("00"))
    numeric = exercise(page, "00.build-wait")
    numeric.get_by_label("Your answer (hours a day):").fill("600")
    check(numeric, "minutes")
    baseline = exercise(page, "00.baseline-messy-code")
    baseline.get_by_label("Your rewrite:").fill("If checkout fails on Black Friday we could lose $50,000 an hour.")
    check(baseline, "Baseline saved")

    open_notebook(page, lab, NOTEBOOKS["01"])
    run_all(page, count("01"))
    multi = exercise(page, "01.already-practising")
    multi.get_by_label("Closing the most tickets in the sprint").check()
    check(multi, "Not yet")
    single = exercise(page, "01.rower-or-navigator")
    single.get_by_label("Reads the weather and steers, so that everyone reaches the destination").check()
    check(single, "Correct")
    single.get_by_role("button", name="Hint").click()
    assert "Hint 1 of 2" in single.inner_text()
    single.get_by_role("button", name="Show solution").click()
    assert "Solution" in single.inner_text()

    reflection = exercise(page, "01.self-inventory")
    reflection.get_by_label("Your answer:").fill("I explain our deploy scripts; next week I will map the billing job.")
    check(reflection, "Saved")

    open_notebook(page, lab, NOTEBOOKS["04"])
    run_all(page, count("04"))
    rewrite = exercise(page, "04.rewrite-library")
    rewrite.get_by_label("Your rewrite:").fill("This library is technically superior.")
    check(rewrite, "Not yet")
    rewrite.get_by_label("Your rewrite:").fill("This library would cut development time by 20%, so we beat competitors to market.")
    check(rewrite, "Strong")
    assert rewrite.locator("mark", has_text="20%").count() >= 1
    page.screenshot(path=str(artifacts / "framing-feedback.png"), full_page=True)

    open_notebook(page, lab, NOTEBOOKS["03"])
    run_all(page, count("03"))
    matching = exercise(page, "03.manager-or-leader")
    matching.get_by_label('"How do we do this?"').select_option(label="Technical manager")
    check(matching, "1 of 10")
    ordering = exercise(page, "03.server-on-fire")
    ordering.get_by_label("Step 1:").select_option(value=None, label="Find out whose change caused it")
    check(ordering, "doesn't belong")
    page.screenshot(path=str(artifacts / "kinds-answered.png"), full_page=True)


def test_last_answer_is_back_after_a_kernel_restart(page, lab):
    open_notebook(page, lab, NOTEBOOKS["02"])
    run_all(page, count("02"))
    box = exercise(page, "02.mentor-metric")
    box.get_by_label("Team growth").check()
    check(box, "Correct")
    restart_and_run_all(page, count("02"))
    box = exercise(page, "02.mentor-metric")
    assert box.get_by_label("Team growth").is_checked()
    assert "Restored your last answer" in box.inner_text()
