"""The ordering list, the matching grid and code-cell Hint/Solution, driven as a learner
would: keyboard first, then the mouse, then a kernel restart."""
from __future__ import annotations

import re

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests, saying why
    expect = None

from tests.browser.notebook_page import exercise, open_notebook, restart_and_run_all, run_all
from tests.browser.test_every_notebook import shown_exercises

pytestmark = pytest.mark.browser

NB03 = "03_manager_and_leader.ipynb"


def press(box, key: str) -> None:
    box.get_by_role("button", name=re.compile(rf"^\W*{key}$")).click()


def answer_list(box) -> list[str]:
    return box.locator(".lwi-order-col.answer .lwi-order-item .lwi-order-text").all_inner_texts()


def test_ordering_by_keyboard_and_drag_survives_a_restart(page, lab, artifacts):
    from workshop.bank.loader import get_bank

    steps = [step.text for step in get_bank().exercises["03.server-on-fire"].steps]  # the keyed order
    first, second, third, fourth, *rest = steps  # four or more steps: the walk needs the first four
    open_notebook(page, lab, NB03)
    run_all(page, shown_exercises(NB03))
    box = exercise(page, "03.server-on-fire")
    box.scroll_into_view_if_needed()
    expect(box).to_contain_text("Not every step belongs")
    # Keyboard only: Tab to a step's Add button, press Enter; focus stays on that step.
    add = box.get_by_role("button", name=f"Add \u201c{third}\u201d to the end of your order")
    add.focus()
    page.keyboard.press("Enter")
    for text in (first, second):
        box.get_by_role("button", name=f"Add \u201c{text}\u201d to the end of your order").click()
    assert answer_list(box)[0] == third
    # Alt+ArrowDown on a focused step's button moves it; focus follows the step.
    box.get_by_role("button", name=f"Move \u201c{third}\u201d down").focus()
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("Alt+ArrowDown")
    expect(box.locator(".lwi-order-col.answer .lwi-order-item").last).to_contain_text(third)
    assert third in page.evaluate("document.activeElement.getAttribute('aria-label')")
    # The mouse: drag the fourth step into the order, onto the third (it lands before it).
    dragged = box.locator(".lwi-order-col.pool .lwi-order-item", has_text=fourth)
    dragged.drag_to(box.locator(".lwi-order-col.answer .lwi-order-item", has_text=third),
                    target_position={"x": 20, "y": 2})
    expect(box.locator(".lwi-order-col.answer .lwi-order-item").nth(2)).to_contain_text(fourth)
    box.get_by_role("button", name=f"Move \u201c{fourth}\u201d down").focus()  # and back after the third, by keyboard
    page.keyboard.press("Alt+ArrowDown")
    for text in rest:
        box.get_by_role("button", name=f"Add \u201c{text}\u201d to the end of your order").click()
    assert answer_list(box) == steps
    press(box, "Check")
    expect(box.locator(".lwi-result")).to_contain_text("Correct")
    box.screenshot(path=str(artifacts / "ordering-answered.png"))

    grid = exercise(page, "03.manager-or-leader")
    first = grid.get_by_role("radio").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # arrow keys move along one item's row
    chosen = grid.locator("input[type=radio]:checked")
    expect(chosen).to_have_count(1)
    picked = chosen.get_attribute("aria-labelledby")
    press(grid, "Check")
    expect(grid.locator(".lwi-result")).to_contain_text("placed correctly")

    restart_and_run_all(page, shown_exercises(NB03))
    box = exercise(page, "03.server-on-fire")
    expect(box).to_contain_text("Restored your last answer", timeout=30_000)
    assert answer_list(box) == steps
    grid = exercise(page, "03.manager-or-leader")
    restored = grid.locator("input[type=radio]:checked").get_attribute("aria-labelledby")
    cell = lambda labelledby: [part.rsplit("-", 1)[1] for part in labelledby.split()]  # ["r0", "c1"]
    assert cell(restored) == cell(picked)


def test_code_cell_check_has_hint_and_solution(page, lab):
    name = "05_put_a_number_on_it.ipynb"
    open_notebook(page, lab, name)
    run_all(page, shown_exercises(name))
    cell = page.locator(".jp-CodeCell", has_text='m.check("hours-waited"').first
    controls = cell.locator(".lwi-code-check")
    controls.get_by_role("button", name="Hint").click()
    expect(controls).to_contain_text("Hint 1 of")
    assert controls.get_by_role("button", name="Show solution").is_disabled()  # not attempted yet
