"""The branching scenario kind: a sound graph or a precise error, and paths scored by their decisions."""
import json

import pytest

import workshop
from workshop import Module
from workshop.bank.loader import BankError, load_bank
from workshop.cli import main as cli
from tests.helpers import write_module

SCENARIO = """\
  - id: 07.fire
    kind: scenario
    title: A small fire
    prompt: Decide.
    hints: [Lead., Roll back., "Worked: lead, then roll back."]
    explanation: Lead, then roll back.
    start: page
    max_steps: {max_steps}
    measures:
      - {{key: minutes, label: Minutes down, better: lower}}
      - {{key: trust, label: Trust, better: higher}}
    nodes:
      page:
        title: The page
        situation: Checkout is failing.
        choices:
          - {{key: lead, text: Lead, next: {lead_next}, feedback: Calm., effects: {{minutes: 5, trust: 1}}, best: true}}
          - {{key: dive, text: Dive in, next: fix, feedback: Chaos., effects: {{minutes: 20}}, misconception: Heroes fix fires.}}
      fix:
        title: Roll back?
        situation: The deploy did it.
        choices:
          - {{key: rollback, text: Roll back, next: {rollback_next}, feedback: Quick., effects: {{minutes: 5}}, best: {rollback_best}}}
          - {{key: forward, text: Fix forward, next: done, feedback: Slow., effects: {{minutes: 40, trust: -1}}, misconception: Small fixes are safe.}}
      done:
        title: Over
        situation: Checkout is back.
        debrief: Judge decisions by what you knew.
"""


def scenario(tmp_path, **changes):
    fields = {"max_steps": 2, "lead_next": "fix", "rollback_next": "done", "rollback_best": "true"}
    fields.update(changes)
    return write_module(tmp_path, body=SCENARIO.format(**fields))


def problems(folder):
    with pytest.raises(BankError) as caught:
        load_bank(folder)
    return caught.value.problems


@pytest.fixture
def bank_of(tmp_path, monkeypatch):
    """Point the learner API at a test bank."""
    def use(**changes):
        path = scenario(tmp_path, **changes)
        monkeypatch.setenv("WORKSHOP_EXERCISES", str(path.parent))
        return load_bank(path.parent)
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "p.jsonl"))
    return use


# -- the graph is proved sound, with errors naming file, line, scenario, node and choice ----

def test_a_sound_graph_loads(tmp_path):
    bank = load_bank(scenario(tmp_path).parent)
    fire = bank.exercises["07.fire"]
    assert fire.key() == ["lead", "rollback"]
    assert sorted(fire.paths()) == [["dive", "forward"], ["dive", "rollback"], ["lead", "forward"], ["lead", "rollback"]]


def test_a_choice_to_nowhere_names_file_line_scenario_node_and_choice(tmp_path):
    scenario(tmp_path, rollback_next="nowhere")
    [problem] = problems(tmp_path)
    assert problem.file == "07_test.yaml" and problem.exercise_id == "07.fire"
    assert problem.line == 28  # the rollback choice's line in the file
    assert "node 'fix', choice 'rollback' leads to 'nowhere'" in problem.message
    assert problem.field == "nodes.fix.choices.0.next"


def test_cli_validate_rejects_a_broken_graph_naming_the_node(tmp_path, capsys):
    scenario(tmp_path, rollback_next="nowhere")
    assert cli(["validate", str(tmp_path)]) != 0
    out = capsys.readouterr()
    assert "node 'fix'" in out.out + out.err and "07_test.yaml, line 28" in out.out + out.err


def test_an_unreachable_node_is_named(tmp_path):
    path = scenario(tmp_path, lead_next="done")  # 'fix' is still reached from 'dive': send dive away too
    path.write_text(path.read_text().replace("next: fix, feedback: Chaos.", "next: done, feedback: Chaos."))
    [problem] = problems(tmp_path)
    assert "node 'fix' cannot be reached" in problem.message and problem.field == "nodes.fix"


def test_an_unmarked_cycle_is_refused_and_a_marked_one_allowed(tmp_path):
    scenario(tmp_path, rollback_next="page")
    [problem] = problems(tmp_path)
    assert "cycle" in problem.message and "choice 'rollback'" in problem.message
    path = scenario(tmp_path, rollback_next="page")
    path.write_text(path.read_text().replace("best: true}}\n          - {key: forward", "best: true, loop: true}\n          - {key: forward")
                    .replace("next: page, feedback: Quick., effects: {minutes: 5}, best: true}",
                             "next: page, feedback: Quick., effects: {minutes: 5}, loop: true, misconception: Again.}")
                    .replace("{key: forward, text: Fix forward, next: done, feedback: Slow., effects: {minutes: 40, trust: -1}, misconception: Small fixes are safe.}",
                             "{key: forward, text: Fix forward, next: done, feedback: Slow., effects: {minutes: 40, trust: -1}, best: true}"))
    fire = load_bank(tmp_path).exercises["07.fire"]
    walked = list(fire.paths())
    assert ["lead", "rollback", "lead", "forward"] in walked and all(len(p) <= 6 for p in walked)


def test_a_path_longer_than_max_steps_is_refused(tmp_path):
    scenario(tmp_path, max_steps=1)
    [problem] = problems(tmp_path)
    assert "takes 2 decisions, more than max_steps (1)" in problem.message
    assert problem.field == "max_steps"


def test_a_decision_without_a_best_choice_is_refused(tmp_path):
    scenario(tmp_path, rollback_best="false, misconception: Never roll back")
    messages = [p.message for p in problems(tmp_path)]
    assert any("node 'fix' has no choice marked 'best: true'" in m for m in messages)


def test_a_wrong_choice_must_name_its_misconception(tmp_path):
    path = scenario(tmp_path)
    path.write_text(path.read_text().replace(", misconception: Heroes fix fires.", ""))
    [problem] = problems(tmp_path)
    assert "choice 'dive'" in problem.message and "misconception" in problem.message


def test_effects_on_an_unknown_measure_are_refused(tmp_path):
    path = scenario(tmp_path)
    path.write_text(path.read_text().replace("{minutes: 20}", "{minuets: 20}"))
    [problem] = problems(tmp_path)
    assert "unknown measure" in problem.message and "minuets" in problem.message


# -- scoring paths ------------------------------------------------------------------------

def test_best_path_is_correct_and_a_good_decision_is_not_judged_by_its_outcome(bank_of):
    bank_of()
    assert workshop.check("07.fire", ["lead", "rollback"]).status == "correct"
    # same outcome measure ("rollback" costs 5 minutes) but the decision is judged against the node's best
    result = workshop.check("07.fire", ["dive", "rollback"])
    assert result.status == "partial" and result.score == 0.5
    assert "costliest decision was at \u201cThe page\u201d" in result.feedback
    assert "Minutes down +15" in result.feedback and "Trust -1" in result.feedback
    assert result.misconception == "Heroes fix fires."


def test_the_costliest_decision_is_named_with_what_it_cost(bank_of):
    bank_of()
    result = workshop.check("07.fire", ["dive", "forward"])
    assert result.status == "incorrect" and result.score == 0
    assert "over \u201cRoll back\u201d cost Minutes down +35, Trust -1" in result.feedback
    assert "Judge decisions by what you knew" in result.feedback  # the ending's debrief


@pytest.mark.parametrize("garbage, phrase", [
    (42, "list of option keys"),
    ("teleport", "not one of them"),
    (["lead", "rollback", "extra"], "Leave out the extra choices"),
    ([None], "option key"),
    ([["lead"]], "option key"),
    (["lead"] * 500, "ends within"),
    ({"lead": 1}, "list of option keys"),
    (b"\xff\xfe", "bytes"),
])
def test_garbage_paths_get_a_friendly_result(bank_of, garbage, phrase):
    bank_of()
    result = workshop.check("07.fire", garbage)
    assert result.status in ("incorrect", "not_attempted") and phrase in result.feedback


def test_an_unfinished_path_says_where_you_are(bank_of):
    bank_of()
    result = workshop.check("07.fire", ["lead"])
    assert result.status == "not_attempted" and "Roll back?" in result.feedback and "'rollback'" in result.feedback
    assert workshop.check("07.fire", []).status == "not_attempted"


# -- the widget -----------------------------------------------------------------------------

def test_widget_walks_one_node_at_a_time_logs_every_step_and_scores_at_the_end(bank_of, tmp_path):
    bank_of()
    view = Module("07").show("fire")
    control = view.control
    assert "The page" in control.situation.value and "Minutes down" in control.measures.value
    control.decide.click()  # nothing chosen yet
    assert "Pick one of the choices first" in control.note.value
    control.radio.value = "dive"
    control.decide.click()
    assert "Roll back?" in control.situation.value and "Chaos." in control.story.value
    assert "20" in control.measures.value
    control.radio.value = "forward"
    control.decide.click()
    assert "The end" in control.situation.value and control.radio.layout.display == "none"
    assert "costliest decision" in view.feedback.value  # scored on reaching the ending
    view.control.restart.click()
    assert view.feedback.value == "" and "The page" in control.situation.value  # a new path, no stale score
    log = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    steps = [e["answer"] for e in log if e["event"] == "answer"]
    assert steps == [["dive"], ["dive", "forward"], []]
    assert [e["status"] for e in log if e["event"] == "check"] == ["incorrect"]


def test_start_again_and_restore_after_a_kernel_restart(bank_of):
    bank_of()
    view = Module("07").show("fire")
    view.control.choose("lead")
    fresh = Module("07").show("fire")  # a restarted kernel runs the cell again
    assert fresh.control.get() == ["lead"] and "Roll back?" in fresh.control.situation.value
    assert "Restored your last answer" in fresh.feedback.value
    fresh.control.restart.click()
    assert fresh.control.get() == [] and "The page" in fresh.control.situation.value
    assert Module("07").show("fire").control.get() == []


def test_a_saved_path_that_no_longer_fits_starts_again(bank_of):
    bank_of()
    view = Module("07").show("fire")
    view.control.set(["lead", "gone"])
    assert view.control.get() == [] and "The page" in view.control.situation.value
    view.control.set("not a list")
    assert view.control.get() == []


def test_solution_edition_prefills_the_best_path(bank_of):
    bank_of()
    view = Module("07").show("fire", answer=["lead", "rollback"])
    assert repr(view) == "07.fire: correct" and "The end" in view.control.situation.value


def test_controls_are_labelled():
    view = Module("07").show("black-friday-incident")
    control = view.control
    assert control.radio.description == "Your decision:"
    assert control.decide.description == "Decide" and control.restart.description == "Start again"
    assert control.decide.tooltip and control.restart.tooltip


# -- issue 25.8: the widget's loose ends --------------------------------------------------------

def test_decide_is_primary_and_score_secondary_until_the_end(bank_of):
    bank_of()
    view = Module("07").show("fire")
    assert view.control.decide.button_style == "primary" and view.check_button.button_style == ""
    view.control.choose("lead")
    assert view.check_button.button_style == ""
    view.control.choose("rollback")
    assert view.check_button.button_style == "primary"
    view.control.start_again()
    assert view.check_button.button_style == ""


def test_no_not_attempted_stays_under_the_story_after_decide(bank_of):
    bank_of()
    view = Module("07").show("fire")
    view.check_button.click()  # "Score my path" too early: Not attempted, where you are
    assert "Not attempted" in view.feedback.value
    view.control.radio.value = "lead"
    view.control.decide.click()
    assert "Not attempted" not in view.feedback.value
    fresh = Module("07").show("fire")  # a restart on an unfinished path
    assert "Not attempted" not in fresh.feedback.value and "Restored" in fresh.feedback.value


def test_the_ending_lists_each_decision_once_with_its_cost_and_the_running_total(bank_of):
    bank_of()
    result = workshop.check("07.fire", ["dive", "forward"])
    assert result.details[0].startswith("Decision 1, The page:") and not result.details[0][0].isdigit()
    assert "This decision: Minutes down +20 min" not in result.details[0]  # no unit on this measure
    assert "This decision: Minutes down +20. Running total: Minutes down 20; Trust 0." in result.details[0]
    assert "This decision: Minutes down +40, Trust -1. Running total: Minutes down 60; Trust -1." in result.details[1]
    assert "Totals at the end: Minutes down 60; Trust -1." in result.feedback
    html = result._repr_html_()
    assert "<li>1." not in html and "<li>Decision 1, " in html


def test_a_costliest_decision_never_lists_a_gain_as_its_cost():
    """08's lucky path once read "cost Checkout down -75 min": a gain shown as a cost. Gains are named as gains."""
    from workshop import check
    from workshop.bank.loader import get_bank

    for exercise in (e for e in get_bank().exercises.values() if e.kind == "scenario"):
        for path in exercise.paths():
            text = str(check(exercise.id, path))  # a path is its choice keys
            if "costliest decision" not in text:
                continue
            cost = text.split("\u201d cost ", 1)[1].split(" compared with", 1)[0].split(" (it did better on", 1)[0]
            for measure in exercise.measures:
                wrong_way = "-" if measure.better == "lower" else "+"
                assert f"{measure.label} {wrong_way}" not in cost, (exercise.id, cost)


COMMON_OUTAGE = """\
  - id: 07.common
    kind: scenario
    title: An outage every path meets
    prompt: Decide.
    hints: [Plan., Ask., "Worked: plan, then ask."]
    explanation: Plan, then ask.
    start: first
    max_steps: 2
    measures:
      - {key: minutes, label: Minutes down, better: lower}
      - {key: trust, label: Trust, better: higher}
    nodes:
      first:
        title: The request
        situation: The VP asks for a rewrite.
        choices:
          - {key: plan, text: Plan, next: later, feedback: Calm., effects: {trust: 1}, best: true}
          - {key: rush, text: Rush, next: done, feedback: "The provider fails anyway, and so does the rush.", effects: {minutes: 225, trust: -1}, misconception: Speed beats planning.}
      later:
        title: The plan
        situation: The VP waits.
        choices:
          - {key: ask, text: Ask, next: done, feedback: "The provider fails on Monday.", effects: {minutes: 150, trust: 1}, best: true}
          - {key: guess, text: Guess, next: done, feedback: "The provider fails on Monday.", effects: {minutes: 150}, misconception: A guess is as good as asking.}
      done:
        title: Over
        situation: The peak is over.
        debrief: A good decision can meet a bad outcome.
"""


def test_an_outage_every_path_meets_is_not_charged_to_the_choice_that_meets_it_sooner(tmp_path, monkeypatch):
    """Round 7 (08): "+225 min" against the better choice, whose path met the same 150-minute outage a step later."""
    path = write_module(tmp_path, body=COMMON_OUTAGE)
    monkeypatch.setenv("WORKSHOP_EXERCISES", str(path.parent))
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "p.jsonl"))
    result = workshop.check("07.common", ["rush"])
    assert "over \u201cPlan\u201d cost Minutes down +75, Trust -3" in result.feedback, result.feedback
