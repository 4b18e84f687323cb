"""Whatever a learner types appears in results as escaped plain text: never an image, link or HTML."""
import re

import pytest

import workshop
from workshop import Module

PAYLOADS = [
    "![t](https://evil.example/x.png)",
    "[click me](https://evil.example/)",
    "<https://evil.example/auto>",
    "<img src=https://evil.example/y.png>",
    "**loud** _and_ `code` # heading",
]
SHAPES = [lambda p: p, lambda p: [p], lambda p: {p: p}, lambda p: {"x": p}]


def _active(markup: str) -> list[str]:
    return re.findall(r"<(?:img|a)\b[^>]*evil\.example[^>]*>", markup) + re.findall(r"<(?:strong|em|h\d)>loud", markup)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_exercise_renders_learner_markdown(payload):
    for exercise_id in workshop.exercise_ids():
        for shape in SHAPES:
            markup = workshop.check(exercise_id, shape(payload))._repr_html_()
            assert not _active(markup), (exercise_id, markup)


def test_the_learner_text_is_still_shown_plainly():
    result = workshop.check("02.mentor-metric", PAYLOADS[0])
    assert "![t](https://evil.example/x.png)" in result.feedback  # text output: exactly what was typed
    assert "![t](https://evil.example/x.png)" in result._repr_html_()  # HTML: the same characters, escaped


def test_unknown_exercise_ids_are_escaped_too():
    assert not _active(workshop.check("![t](https://evil.example/x.png)", "a")._repr_html_())


def test_the_widget_feedback_is_escaped(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "p.jsonl"))
    view = Module("00").show("build-wait")
    view.control.text.value = PAYLOADS[1]
    view.check_button.click()
    assert not _active(view.feedback.value) and "evil.example" in view.feedback.value
