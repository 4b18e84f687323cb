"""Module 09's stated model of the lead's week, its explorer, and the exercise built on it."""
from __future__ import annotations

import pytest

import workshop
from workshop.bank.loader import get_bank
from workshop.labs.leading import ASSUMPTIONS, best_share, team_output
from workshop.labs.leading.explorer import coding_share_explorer, output_by_coding_share


def test_the_solo_heros_week_by_the_model():
    week = team_output(1.0)
    assert (week.own, week.others, week.total) == pytest.approx((1.5, 3.75, 5.25))


def test_leading_beyond_what_the_team_needs_adds_nothing():
    assert team_output(0.6).others == team_output(0.0).others == 5
    assert team_output(0.0).total == pytest.approx(5.0)


def test_the_best_share_with_the_stated_assumptions():
    best = best_share()
    assert best.coding_share == pytest.approx(0.6) and best.total == pytest.approx(5.9)


def test_the_best_share_moves_with_the_assumptions():
    # A lead who barely blocks anyone should code all week; one who blocks a lot should lead more.
    assert best_share(blocked_share=0.0).coding_share == pytest.approx(1.0)
    assert best_share(leading_needed=0.6).coding_share == pytest.approx(0.4)


@pytest.mark.parametrize("kwargs, phrase", [
    ({"coding_share": 1.2}, "between 0 and 1"),
    ({"coding_share": 0.5, "blocked_share": -0.1}, "between 0 and 1"),
    ({"coding_share": 0.5, "engineers": -2}, "cannot be negative"),
    ({"coding_share": "most"}, "must be a number"),
])
def test_impossible_input_says_what_is_wrong(kwargs, phrase):
    with pytest.raises(ValueError, match=phrase):
        team_output(**kwargs)


def test_the_exercise_and_its_slips_come_from_the_model():
    exercise = get_bank().exercises["09.team-output"]
    defaults = {name: value for name, (value, _) in ASSUMPTIONS.items()}
    hero, led = team_output(1.0, **defaults), team_output(1 - defaults["leading_needed"], **defaults)
    assert exercise.answer == pytest.approx(led.total - hero.total)  # the gain over the solo hero, not a sum
    slips = {round(s.value, 6): s.misconception for s in exercise.slips}
    assert slips[round(led.total, 6)] == "The better option's total is the same as its gain."
    assert slips[round(led.others - hero.others, 6)] == "Leading is free; the lead's own output doesn't drop."
    assert slips[round(hero.own - led.own, 6)] == "My output is the team's output."
    for value in ("5 engineers", "25%", "40%", "1.5 times"):
        assert value in exercise.prompt


def test_the_flip_point_is_the_models_and_the_exercise_asks_for_it():
    from workshop.labs.leading import hero_wins_below

    flip = hero_wins_below()
    assert flip == pytest.approx(0.12)
    assert best_share(blocked_share=flip - 0.01).coding_share == pytest.approx(1.0)  # the solo hero wins below it
    assert best_share(blocked_share=flip + 0.01).coding_share == pytest.approx(0.6)
    assert get_bank().exercises["09.hero-wins"].answer == pytest.approx(100 * flip)


def test_the_notebook_says_it_is_a_model_and_states_every_assumption():
    from pathlib import Path

    import nbformat

    nb = nbformat.read(Path(__file__).resolve().parent.parent / "notebooks" / "09_leading_without_permission.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "This is a model, not data" in text
    for phrase in ("1.5 times", "5 engineers", "25%", "40%"):
        assert phrase in text
    before = text[: text.index("try one week by hand")]
    assert "5.25" not in before  # no answer before the question


def test_explorer_headline_and_chart_follow_a_slider():
    box = coding_share_explorer(coding_share=0.8)
    sliders = {s.description: s for s in box.children if hasattr(s, "min")}
    assert set(sliders) >= {"Lead's time spent coding (%)", "Engineers besides the lead"}
    headline = next(c for c in box.children if "lwi-headline" in c._dom_classes)
    assert "team output 5.58" in headline.value and "best in this model 5.90 at 60% coding" in headline.value
    sliders["Lead's time spent coding (%)"].value = 100
    assert "team output 5.25" in headline.value


def test_chart_states_the_models_finding_with_labelled_axes():
    fig = output_by_coding_share(0.8)
    assert fig.layout.title.text == "In this model, team output peaks at about 60% coding"
    assert "coding" in fig.layout.xaxis.title.text and "engineer-weeks" in fig.layout.yaxis.title.text
    assert [t.name for t in fig.data] == ["team output (model)", "the lead's own coding", "your choice"]
    assert fig.data[1].line.dash == "dash"  # told apart by line style, not colour alone


def test_week_triage_keys_and_feedback():
    result = workshop.check("09.triage-week", {"payment-ticket": "defer"})
    assert result.status == "partial" or result.status == "incorrect"
    exercise = get_bank().exercises["09.triage-week"]
    wrong = {i.key: next(c for c in ("unblock", "focus", "defer") if c != i.category and c not in (i.also or ()))
             for i in exercise.items}
    assert workshop.check("09.triage-week", wrong).status == "incorrect"
    # Three items accept a second category, with the reason shown: the retry decision made with the two
    # engineers, Priya's review answered today (by pairing), and the logging helper as a newcomer's paired
    # first task.
    both = workshop.check("09.triage-week", {**exercise.key(), "retry-decision": "pair", "logging-helper": "pair"})
    assert both.status == "correct" and "fits too" in both.text()
    priya = workshop.check("09.triage-week", {**exercise.key(), "priya-pr": "unblock"})
    assert priya.status == "correct" and "first duty" in priya.text()
    assert workshop.check("09.triage-week", {**exercise.key(), "priya-pr": "defer"}).status != "correct"
    assert workshop.check("09.triage-week", {**exercise.key(), "payment-ticket": "unblock"}).misconception == \
        "Doing it myself is faster, so it is better."


def test_explorer_axis_holds_still_when_the_team_shrinks():
    box = coding_share_explorer()
    sliders = {s.description: s for s in box.children if hasattr(s, "min")}
    start = list(box.figures[-1].layout.yaxis.range)
    sliders["Engineers besides the lead"].value = 12
    grown = list(box.figures[-1].layout.yaxis.range)
    sliders["Engineers besides the lead"].value = 2
    assert grown[1] > start[1] and list(box.figures[-1].layout.yaxis.range) == grown
