"""Widget callbacks driven as a learner would, without a kernel: set values, click, read."""
import pytest

from workshop import Module
from workshop.api import _Html


@pytest.fixture(autouse=True)
def fresh_log(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "p.jsonl"))
    monkeypatch.delenv("WORKSHOP_SOLUTIONS", raising=False)


def feedback_text(view):
    return view.feedback.value


def test_single_choice_check_shows_icon_and_words():
    view = Module("02").show("mentor-metric")
    view.control.radio.value = "c"
    view.check_button.click()
    assert "Not yet" in feedback_text(view) and "\u2716" in feedback_text(view)
    assert "A number you produce yourself" in feedback_text(view)
    view.control.radio.value = "b"
    view.check_button.click()
    assert "Correct" in feedback_text(view)
    assert repr(view) == "02.mentor-metric: correct"


def test_unanswered_check_is_a_gentle_nudge():
    view = Module("02").show("mentor-metric")
    view.check_button.click()
    assert "Not attempted" in feedback_text(view) and "Have a go" in feedback_text(view)


def test_each_kind_through_its_control():
    m = Module("01")
    multi = Module("04").show("spot-elements")
    for key in ("no-ask", "idle"):
        multi.control.boxes[key].value = True
    multi.check_button.click()
    assert "Correct" in multi.feedback.value

    matching = m.show("hero-or-multiplier")
    placed = {item.key: item.category for item in matching.exercise.items}
    placed["runbook-link"], placed["night-pages"] = "hero", "multiplier"  # two misplaced (all in one column is 'not yet')
    matching.control.grid.value = placed
    matching.check_button.click()
    assert "Partly right" in matching.feedback.value and "6 of 8" in matching.feedback.value

    numeric = Module("00").show("build-wait")
    numeric.control.text.value = "600"
    numeric.check_button.click()
    assert "minutes" in numeric.feedback.value

    ordering = Module("03").show("server-on-fire")
    ordering.control.list.value = ["coordinate", "first-update", "safest-fix", "apply", "root-cause", "updates", "review"]
    ordering.check_button.click()
    assert "Correct" in ordering.feedback.value

    reflection = Module("01").show("self-inventory")
    assert reflection.check_button.description == "Save"
    reflection.control.area.value = "I explain our deploy scripts; next week I will map the billing job."
    reflection.check_button.click()
    assert "Saved" in reflection.feedback.value

    framing = Module("04").show("rewrite-messy")
    framing.control.area.value = "We need to <b>refactor</b> checkout."
    framing.check_button.click()
    assert "Not yet" in framing.feedback.value and "[jargon]" in framing.feedback.value
    assert "<b>refactor" not in framing.feedback.value
    framing.control.area.value = framing.exercise.sound[0]  # a sound answer, in the company's own numbers
    framing.check_button.click()
    assert "Strong" in framing.feedback.value and "Correct" in framing.feedback.value


def test_hint_button_climbs_the_ladder_and_stops():
    view = Module("02").show("which-hat-now")
    for _ in range(5):
        view.hint_button.click()
    assert "Hint 3 of 3" in view.hints.value and "last hint" in view.hints.value
    assert view.hints.value.count("<li>") == 3


def test_solution_opens_only_after_an_attempt():
    view = Module("02").show("mentor-metric")
    assert view.solution_button.disabled
    view.control.radio.value = "a"
    view.check_button.click()
    assert not view.solution_button.disabled
    view.solution_button.click()
    assert "can now do without you" in view.solution.value


def test_facilitator_can_lock_and_open_solutions(monkeypatch):
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "locked")
    view = Module("02").show("mentor-metric")
    view.control.radio.value = "a"
    view.check_button.click()
    assert view.solution_button.disabled
    assert "locked" in Module("02").solution_html("mentor-metric")
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "open")
    assert not Module("02").show("mentor-metric").solution_button.disabled


def test_solution_setting_from_config_file(tmp_path, monkeypatch):
    config = tmp_path / "settings.yaml"
    config.write_text("solutions: locked\n")
    monkeypatch.setenv("WORKSHOP_CONFIG", str(config))
    assert "locked" in Module("02").solution_status("mentor-metric")
    config.write_text("solutions: [not, valid\n")
    assert "first attempt" in Module("02").solution_status("mentor-metric")
    from workshop.progress import log as progress

    assert any("could not be read" in told for told in progress.notices())  # told once, in the next result


def test_last_answer_comes_back_after_a_restart():
    view = Module("02").show("which-hat-now")
    first = view.exercise.items[0]
    view.control.grid.value = {first.key: first.category}
    view.check_button.click()
    restarted = Module("02").show("which-hat-now")  # a new kernel: new objects, same log
    assert restarted.control.grid.value == {first.key: first.category}
    assert "Restored your last answer" in restarted.feedback.value
    assert repr(restarted) == "02.which-hat-now: partial"


def test_solution_edition_prefills_and_checks():
    view = Module("03").show("pm-in-disguise", answer="both-asked")
    assert view.control.radio.value == "both-asked" and repr(view) == "03.pm-in-disguise: correct"


def test_every_control_has_a_label():
    import ipywidgets as w
    def walk(widget):
        yield widget
        for child in getattr(widget, "children", ()):
            yield from walk(child)
    m = Module("02")
    for short_id in m.exercises:
        for widget in walk(m.show(short_id)):
            if isinstance(widget, (w.RadioButtons, w.Checkbox, w.Dropdown, w.Text, w.Textarea)):
                assert widget.description.strip(), (short_id, widget)
            if isinstance(widget, w.Button):
                assert widget.description.strip() and widget.tooltip, (short_id, widget)


def test_unknown_exercise_and_module_are_friendly():
    shown = Module("02").show("nope")
    assert isinstance(shown, _Html) and "no exercise" in shown._repr_html_()
    missing = Module("42")
    assert "There is no module &#x27;42&#x27;" in missing.show("x")._repr_html_()


def test_broken_bank_shows_a_message_not_a_traceback(tmp_path, monkeypatch):
    from workshop.bank.loader import _cached_bank
    from tests.helpers import write_module
    write_module(tmp_path, code="02", body="  - id: 02.x\n    kind: numeric\n")
    monkeypatch.setenv("WORKSHOP_EXERCISES", str(tmp_path))
    _cached_bank.cache_clear()
    m = Module("02")
    html = m.show("x")._repr_html_()
    assert "could not load its exercises" in html and "02_test.yaml" in html
    assert m.check("x", 3).status == "not_attempted"


def test_matching_grid_restores_only_known_items_and_categories():
    view = Module("03").show("manager-or-leader")
    item = view.exercise.items[0]
    view.control.set({item.key: item.category, "ghost": item.category, view.exercise.items[1].key: "nope"})
    assert view.control.get() == {item.key: item.category}
    assert {"key": item.key, "text": item.text} in view.control.grid.items  # the full text, never cut off
    assert [c["label"] for c in view.control.grid.categories] == [c.label for c in view.exercise.categories]


def test_ordering_list_offers_each_step_once_and_restores_a_clean_order():
    view = Module("03").show("server-on-fire")
    shown = [s["key"] for s in view.control.list.steps]
    assert sorted(shown) == sorted(s.key for s in view.exercise.all_steps)  # each step once, pickable once
    view.control.set(["coordinate", "coordinate", 7, "ghost", "safest-fix"])
    assert view.control.get() == ["coordinate", "safest-fix"]
    assert "Not every step belongs" in view.control.list.note and "Alt+Up" in view.control.list.note
    view.check_button.click()
    assert "Partly right" in view.feedback.value and "Still to place" in view.feedback.value
    restarted = Module("03").show("server-on-fire")
    assert restarted.control.get() == ["coordinate", "safest-fix"]
    assert "Restored your last answer" in restarted.feedback.value


def test_ordering_note_does_not_claim_a_distractor_when_every_step_belongs():
    view = Module("04").show("rank-framings")
    assert "Every step belongs" in view.control.list.note and "Not every" not in view.control.list.note


def test_long_options_wrap_instead_of_overlapping():
    """ipywidgets gives each radio and checkbox label one fixed-height line; the frame's style lets it wrap."""
    view = Module("02").show("settle-the-debate")
    style = view.children[0].value
    assert "<style>" in style and "white-space: normal" in style and "height: auto" in style


# --- issue 25.11 and 25.12: inputs and repeats ------------------------------------------------

def test_enter_in_a_number_box_checks():
    view = Module("00").show("build-wait")
    view.control.text.value = "10"
    view.control.text._handle_custom_msg({"event": "submit"}, [])  # what the browser sends on Enter
    assert view.last_result.status == "correct" and "Correct" in view.feedback.value


def test_the_why_is_shown_once_after_a_correct_answer(monkeypatch):
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "after-attempt")
    view = Module("02").show("mentor-metric")
    view.control.radio.value = "b"
    view.check_button.click()
    assert "Why:" in view.feedback.value
    view.solution_button.click()
    assert "Solution" in view.solution.value and "Why:" not in view.solution.value
    wrong = Module("02").show("mentor-metric")
    wrong.control.radio.value = "c"
    wrong.check_button.click()
    wrong.solution_button.click()
    assert "Why:" in wrong.solution.value  # not yet in the feedback, so the solution says it
    wrong.control.radio.value = "b"
    wrong.check_button.click()
    assert "Why:" in wrong.feedback.value and "Why:" not in wrong.solution.value


def test_multiple_select_instructions_are_printed_once():
    view = Module("04").show("spot-elements")  # its prompt already says to tick every option that applies
    assert "applies" in view.exercise.prompt.lower()
    texts = [c.value for c in view.control.widget.children if hasattr(c, "value") and isinstance(c.value, str)]
    assert not any("Tick every option" in t for t in texts)


def test_prose_boxes_use_the_body_font_and_controls_have_room():
    from workshop.widgets.view import FRAME_STYLE

    assert ".lwi-exercise textarea" in FRAME_STYLE and "--jp-content-font-family" in FRAME_STYLE
    assert ".widget-checkbox .widget-label-basic { display: flex; align-items: flex-start; gap: 8px; }" in FRAME_STYLE
