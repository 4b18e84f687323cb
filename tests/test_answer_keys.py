"""The answer-key self-test: the bank's keys and distractors behave as their authors said."""
import pytest

import workshop
from workshop.bank.loader import get_bank

IDS = workshop.exercise_ids()


def test_the_bank_is_not_empty():
    assert len(IDS) >= 12
    assert {e.kind for e in get_bank().exercises.values()} >= {
        "single_choice", "multiple_select", "numeric", "matching", "ordering", "reflection"
    }


@pytest.mark.parametrize("exercise_id", IDS)
def test_key_checks_correct(exercise_id):
    exercise = get_bank().exercises[exercise_id]
    assert workshop.check(exercise_id, exercise.key()).status == "correct"


@pytest.mark.parametrize("exercise_id", IDS)
def test_each_wrong_answer_gets_its_own_feedback(exercise_id):
    exercise = get_bank().exercises[exercise_id]
    for answer, phrase in exercise.wrong_answers():
        result = workshop.check(exercise_id, answer)
        shown = " ".join([result.feedback, *result.details]).lower()
        assert result.status != "correct", answer
        assert phrase.lower() in shown, (answer, phrase, shown)


@pytest.mark.parametrize("exercise_id", [i for i in IDS if get_bank().exercises[i].kind == "numeric"])
def test_numeric_ten_times_off_gets_the_magnitude_message(exercise_id):
    """Ten times off gets the magnitude message, unless the author named that very number as a slip of its own."""
    exercise = get_bank().exercises[exercise_id]
    named = {slip.value for slip in exercise.slips}
    for off in (exercise.answer * 10, exercise.answer / 10):
        feedback = workshop.check(exercise_id, off).feedback
        expected = next((s.feedback for s in exercise.slips if s.value == off), None) or "factor of 10"
        assert expected in feedback, (off, feedback)
    assert named != {exercise.answer * 10, exercise.answer / 10}, "at least one side still shows the generic message"


def test_every_wrong_option_has_distinct_feedback():
    for exercise in get_bank().exercises.values():
        feedback = [o.feedback for o in getattr(exercise, "options", []) if not o.correct]
        assert len(feedback) == len(set(feedback)), exercise.id


SCENARIOS = [i for i in IDS if get_bank().exercises[i].kind == "scenario"]


@pytest.mark.parametrize("exercise_id", SCENARIOS)
def test_every_path_of_every_scenario_ends_and_gets_feedback(exercise_id):
    """Not only the best path: every path the graph allows reaches an ending and is scored."""
    scenario = get_bank().exercises[exercise_id]
    paths = list(scenario.paths())
    assert paths and len(paths) >= len(scenario.nodes) - 1
    for path in paths:
        assert len(path) <= scenario.max_steps, path
        steps, here = scenario.follow(path)
        assert scenario.nodes[here].ending, path
        result = workshop.check(exercise_id, path)
        assert result.status in ("correct", "partial", "incorrect"), (path, result.feedback)
        assert scenario.nodes[here].debrief.split()[0] in result.feedback, path
        best = all(step.choice.best for step in steps)
        assert (result.status == "correct") == best, path
        if not best:
            assert "costliest decision" in result.feedback and "cost " in result.feedback, path


def test_the_scenario_self_test_walks_many_paths():
    walked = sum(len(list(get_bank().exercises[i].paths())) for i in SCENARIOS)
    assert walked >= 2 * len(SCENARIOS)
