"""Whatever a learner passes, every checker answers kindly and never raises."""
import math

import numpy as np
import pandas as pd
import pytest

import workshop
from workshop import check


class Unprintable:
    def __str__(self):
        raise RuntimeError("boom")

    __repr__ = __str__


NASTY = [
    None, "", "   ", math.nan, float("inf"), "x" * 1_000_000, b"bytes", "\u2603\U0001F600",
    pd.DataFrame({"a": [1, 2]}), pd.Series([1.0]), np.float64(3.0), np.array([1, 2]),
    Unprintable(), object(), 3, -1, True, [1, 2], [None], {"a": 1}, {None: None}, ("a",), {1, 2},
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("answer", NASTY, ids=lambda a: type(a).__name__)
def test_every_exercise_answers_any_input_with_a_result(answer):
    for exercise_id in workshop.exercise_ids():
        result = check(exercise_id, answer)
        assert result.status in {"correct", "partial", "incorrect", "not_attempted"}
        assert isinstance(result.feedback, str) and result.feedback
        assert result.text() and result._repr_html_()


@pytest.mark.parametrize("blank", [None, "", "  \n", math.nan, [], {}])
def test_blank_answers_are_not_attempted_with_a_nudge(blank):
    result = check("02.mentor-metric", blank)
    assert result.status == "not_attempted"
    assert "Have a go" in result.feedback


def test_dataframe_for_a_number_explains_how_to_get_one():
    result = check("00.build-wait", pd.DataFrame({"hours": [10]}))
    assert result.status == "not_attempted"  # unreadable is not an attempt
    assert ".sum()" in result.feedback


def test_single_value_series_counts_as_a_number():
    assert check("00.build-wait", pd.Series([10.0])).status == "correct"


def test_learner_text_is_escaped_in_html():
    result = check("02.mentor-metric", "<img src=x onerror=alert(1)>")
    assert "<img" not in result._repr_html_()
    assert "&lt;img" in result._repr_html_()


def test_huge_text_is_refused_politely():
    result = check("01.self-inventory", "word " * 300_000)
    assert result.status == "not_attempted" and "characters long" in result.feedback


def test_unknown_exercise_suggests_the_nearest():
    result = check("02.mentor-metrix", "b")
    assert result.status == "not_attempted" and "02.mentor-metric" in result.feedback
    assert check(None, "b").status == "not_attempted"
