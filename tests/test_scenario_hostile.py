"""Issue 23, finding 12: a hostile scenario graph validates in linear time and never recurses."""
import time

import pytest

from workshop.kinds.scenario import Scenario

MEASURES = [{"key": "m", "label": "Minutes", "better": "lower"}]


def _choice(key, nxt, best, **extra):
    choice = {"key": key, "text": key, "next": nxt, "feedback": "ok", "effects": {"m": 1}, "best": best}
    if not best:
        choice["misconception"] = "it seemed quicker"
    return {**choice, **extra}


def _scenario(nodes, start="n0", max_steps=20):
    return Scenario.model_validate({"id": "07.hostile", "kind": "scenario", "title": "Hostile", "prompt": "Go.",
                                    "hints": ["a", "b", "c"], "explanation": "x", "start": start,
                                    "max_steps": max_steps, "measures": MEASURES, "nodes": nodes})


def _end():
    return {"title": "End", "situation": "Over.", "debrief": "Done."}


def test_a_1500_node_chain_is_judged_without_recursion_error():
    count = 1500
    nodes = {f"n{i}": {"title": f"Step {i}", "situation": "Go on.", "choices": [_choice("go", f"n{i + 1}", True)]}
             for i in range(count)}
    nodes[f"n{count}"] = _end()
    start = time.perf_counter()
    problems = _scenario(nodes).graph_problems()
    assert time.perf_counter() - start < 1
    assert [loc for loc, _ in problems] == [("max_steps",)]  # too long, said as such
    assert "1500 decisions" in problems[0][1]


def _lattice(layers):
    """Two nodes a layer, every choice best, each leading to both nodes of the next layer; the last
    layer's best choice loops back to the start, so no best path reaches the ending: a search that
    backtracks tries all 2**layers paths before it can say so."""
    nodes = {}
    for layer in range(layers):
        for side in "ab":
            if layer + 1 < layers:
                choices = [_choice("x", f"l{layer + 1}a", True), _choice("y", f"l{layer + 1}b", True)]
            else:
                choices = [_choice("x", "end", False), _choice("back", "l0a", True, loop=True)]
            nodes[f"l{layer}{side}"] = {"title": f"Layer {layer}", "situation": "Choose.", "choices": choices}
    nodes["l0a"]["choices"].append(_choice("quit", "end", False))
    nodes["end"] = _end()
    return _scenario(nodes, start="l0a")


def test_a_24_layer_lattice_validates_in_well_under_a_second():
    import signal

    def fail(*_):
        raise AssertionError("validation took over 10 s")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(10)
    try:
        start = time.perf_counter()
        problems = _lattice(24).graph_problems()
        elapsed = time.perf_counter() - start
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert elapsed < 1, f"{elapsed:.1f} s"
    messages = " ".join(message for _, message in problems)
    assert "max_steps" in messages and "uses best choices only" in messages


def _old_best_path(scenario):
    """The search best_path() used before (depth first, choices in order): the path it must still find."""
    def walk(key, seen):
        node = scenario.nodes[key]
        if node.ending:
            return []
        for choice in node.choices:
            if choice.best and choice.next not in seen:
                rest = walk(choice.next, seen | {choice.next})
                if rest is not None:
                    return [choice.key, *rest]
        return None
    return walk(scenario.start, frozenset({scenario.start}))


def test_the_shipped_scenarios_keep_their_best_paths():
    from workshop.bank.loader import get_bank

    scenarios = [e for e in get_bank().exercises.values() if e.kind == "scenario"]
    assert scenarios
    for scenario in scenarios:
        assert scenario.best_path() == _old_best_path(scenario), scenario.id
        assert scenario.longest <= scenario.max_steps


def test_the_best_path_is_the_first_best_choice_that_leads_to_an_ending():
    nodes = {
        "n0": {"title": "Start", "situation": "s", "choices": [_choice("a", "dead", True), _choice("b", "n1", True)]},
        "dead": {"title": "Dead", "situation": "s", "choices": [_choice("x", "end", False), _choice("y", "n0", True, loop=True)]},
        "n1": {"title": "One", "situation": "s", "choices": [_choice("c", "end", True)]},
        "end": _end(),
    }
    assert _scenario(nodes).best_path() == ["b", "c"]
