"""Choice options are shown in a stable shuffled order, the same for the whole room.

Keys are stable ids (answers, the progress log and the room's files hold them); only the
display order changes, and the letters a learner sees (A, B, C...) follow that order.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from workshop.bank.loader import get_bank
from workshop.kinds.options import display_order, labelled, letter
from workshop.widgets import control_for

ROOT = Path(__file__).resolve().parent.parent
CHOICE = ("single_choice", "multiple_select")


def _orders() -> dict[str, list[str]]:
    orders = {}
    for ex in get_bank().exercises.values():
        if ex.kind in CHOICE:
            orders[ex.id] = [o.key for o in ex.shown_options]
        elif ex.kind == "matching":
            orders[ex.id] = [i.key for i in ex.shown_items]
        elif ex.kind == "scenario":
            for node in ex.nodes:
                orders[f"{ex.id}/{node}"] = [c.key for c in ex.shown_choices(node)]
    return orders


def test_the_order_is_the_same_in_every_process_whatever_pythons_hash_seed():
    code = "import json; from tests.test_option_order import _orders; print(json.dumps(_orders()))"
    seen = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        seen.append(json.loads(out.stdout))
    assert seen[0] == seen[1] == _orders()


def test_the_order_is_shuffled_not_the_banks():
    orders = _orders()
    bank = get_bank().exercises
    moved = 0
    for where, keys in orders.items():
        ex_id, _, node = where.partition("/")
        ex = bank[ex_id]
        original = ([c.key for c in ex.nodes[node].choices] if node else
                    [i.key for i in ex.items] if ex.kind == "matching" else [o.key for o in ex.options])
        assert sorted(keys) == sorted(original)  # nothing lost, nothing added
        moved += keys != original
    assert moved >= len(orders) / 2


def test_display_order_depends_on_the_seed_and_keys_only():
    class K:
        def __init__(self, key):
            self.key = key

    a, b, c, d = (K(x) for x in "abcd")
    assert [k.key for k in display_order([a, b, c, d], "02.x")] == [k.key for k in display_order([d, c, b, a], "02.x")]
    without_d = [k.key for k in display_order([a, b, c], "02.x")]
    assert [k for k in (x.key for x in display_order([a, b, c, d], "02.x")) if k != "d"] == without_d
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_letters_follow_the_displayed_order_and_answers_stay_keys():
    for ex in get_bank().exercises.values():
        if ex.kind == "single_choice":
            control = control_for(ex)
            assert control.radio.options == tuple((labelled(i, o.text), o.key) for i, o in enumerate(ex.shown_options))
            assert ex.judge(ex.key()).correct  # answering by key still works
        elif ex.kind == "multiple_select":
            control = control_for(ex)
            assert list(control.boxes) == [o.key for o in ex.shown_options]
            assert [b.description for b in control.boxes.values()] == [labelled(i, o.text) for i, o in enumerate(ex.shown_options)]
            for key in ex.key():
                control.boxes[key].value = True
            assert ex.judge(control.get()).correct
        elif ex.kind == "matching":
            assert [i["key"] for i in control_for(ex).grid.items] == [i.key for i in ex.shown_items]


def test_a_single_choice_answered_by_key_through_the_learner_api():
    from workshop.api import Module

    ex = get_bank().exercises["02.mentor-metric"]
    assert Module("02").check("mentor-metric", ex.key()).correct
    assert Module("02").check("mentor-metric", ex.key().upper()).correct


def test_the_scenario_shows_each_nodes_choices_in_the_displayed_order():
    for ex in get_bank().exercises.values():
        if ex.kind != "scenario":
            continue
        control = control_for(ex)
        for _ in range(ex.max_steps):
            _, here = ex.follow(control.path)
            if ex.nodes[here].ending:
                break
            shown = ex.shown_choices(here)
            assert control.radio.options == tuple((labelled(i, c.text), c.key) for i, c in enumerate(shown))
            best = next(c for c in shown if c.best)
            control.choose(best.key)  # the path holds keys
        assert ex.judge(control.get()).correct


def test_the_solution_edition_names_the_keyed_option_with_its_displayed_letter():
    for ex in get_bank().exercises.values():
        if ex.kind == "single_choice":
            index = next(i for i, o in enumerate(ex.shown_options) if o.correct)
            assert ex.solution_markdown() == f"**{labelled(index, ex.shown_options[index].text)}**"
        elif ex.kind == "multiple_select":
            expected = [labelled(i, o.text) for i, o in enumerate(ex.shown_options) if o.correct]
            assert ex.solution_markdown().splitlines() == [f"- {x}" for x in expected]
        elif ex.kind == "scenario":
            first = ex.key()[0]
            index = next(i for i, c in enumerate(ex.shown_choices(ex.start)) if c.key == first)
            assert f"{letter(index)}. " in ex.solution_markdown().splitlines()[0]


def test_the_rooms_poll_lists_options_as_shown(monkeypatch):
    from workshop.room import poll

    ex = get_bank().exercises["02.mentor-metric"]
    counts = {o.key: n for n, o in enumerate(ex.options, 1)}
    monkeypatch.setattr(poll, "room_distribution", lambda _id: {"answered": sum(counts.values()), "choices": counts})
    shown = poll.learner_view(ex)
    import html

    labels = [html.escape(labelled(i, o.text)) for i, o in enumerate(ex.shown_options)]
    positions = [shown.index(label) for label in labels]
    assert positions == sorted(positions)


def test_the_live_view_labels_bars_with_the_displayed_letters():
    from types import SimpleNamespace

    from workshop.room.live import choice_figure

    ex = get_bank().exercises["02.mentor-metric"]
    figures = SimpleNamespace(exercises=[SimpleNamespace(exercise=ex.id, choices={o.key: 1 for o in ex.options})])
    bars = choice_figure(figures).data[0].y
    assert [y.split()[1] for y in bars] == [letter(i) for i in range(len(ex.options))]
    keyed = next(i for i, o in enumerate(ex.shown_options) if o.correct)
    assert bars[keyed].endswith("(right)")


def test_the_facilitators_room_table_names_options_by_their_displayed_letters():
    from types import SimpleNamespace

    from workshop.kinds.options import as_shown

    ex = get_bank().exercises["02.mentor-metric"]
    counts = {o.key: 1 for o in ex.options}
    assert as_shown(ex.id, counts) == [(letter(i), 1) for i in range(len(ex.options))]
    assert as_shown(ex.id, {"gone": 2, ex.shown_options[1].key: 1}) == [("B", 1), ("gone", 2)]
    assert as_shown("99.nothing", {"a": 1}) == [("a", 1)]
