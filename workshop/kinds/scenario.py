"""A branching scenario: a graph of situations, the learner's answer is the path they take.

Leadership is choices under pressure, so the situation unfolds: each node shows what
the learner sees now (and, optionally, what was just revealed), each choice moves the
story on and changes named measures (customer-minutes lost, stakeholder trust...).
Endings carry a debrief.

The path is judged by its *decisions*, not its outcome: every decision node has at
least one choice marked ``best``, and a path is correct when every choice on it was a
best one. A non-best choice costs the difference between its effects and those of
the best choice at the same node, so a good decision that meets bad luck (the best
choice with bad effects) costs nothing. Feedback names the costliest decision and
what it cost.

The graph is proved sound when the bank loads (``graph_problems``): every choice
leads to an existing node, every node is reachable from the start, no cycle unless
its edge is marked ``loop``, every path ends within ``max_steps``, and a best path
exists. Each problem names the node and choice, and the bank adds file and line.
"""
from __future__ import annotations

import html
from typing import Iterator, Literal

from pydantic import Field, model_validator

from workshop.answers import AnswerProblem, as_choice_list, learner
from workshop.kinds.base import KEY_PATTERN, Exercise, Strict

LOOP_WALK_LIMIT = 1
"""How often ``paths()`` may take each marked loop edge: enough to walk it, never forever."""


class Measure(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    label: str = Field(min_length=1)
    better: Literal["lower", "higher"] = Field(description="which direction is good for the business")
    unit: str = ""
    start: float = 0


class Choice(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    text: str = Field(min_length=1)
    next: str = Field(min_length=1)
    feedback: str = Field(min_length=1, description="what happens, shown once the choice is made")
    effects: dict[str, float] = {}
    best: bool = False
    misconception: str | None = None
    loop: bool = Field(default=False, description="marks an edge back to an earlier node on purpose")


class Node(Strict):
    title: str = Field(min_length=1, description="a short name the feedback uses, e.g. 'The first page'")
    situation: str = Field(min_length=1)
    reveal: str | None = Field(default=None, description="new information shown with the situation")
    choices: list[Choice] = []
    debrief: str | None = Field(default=None, description="endings only: what this ending teaches")

    @property
    def ending(self) -> bool:
        return not self.choices


class Step:
    """One decision on a path: where it was taken, what was chosen, and what it cost."""

    def __init__(self, node_key: str, node: Node, choice: Choice, best: Choice):
        self.node_key, self.node, self.choice, self.best = node_key, node, choice, best


class Scenario(Exercise):
    kind: Literal["scenario"]
    start: str = Field(min_length=1)
    max_steps: int = Field(ge=1, le=20, description="the longest path's number of decisions may not exceed this")
    measures: list[Measure] = Field(min_length=1)
    nodes: dict[str, Node] = Field(min_length=2)

    @model_validator(mode="after")
    def _parts_fit(self):
        measure_keys = {m.key for m in self.measures}
        if len(measure_keys) != len(self.measures):
            raise ValueError("two measures share a key; keys must be unique")
        for node_key, node in self.nodes.items():
            if node.ending and not node.debrief:
                raise ValueError(f"node {node_key!r} has no choices, so it is an ending and needs a 'debrief'")
            if not node.ending and node.debrief:
                raise ValueError(f"node {node_key!r} has choices, so it is not an ending; move its 'debrief' to an ending")
            keys = [c.key for c in node.choices]
            if len(set(keys)) != len(keys):
                raise ValueError(f"node {node_key!r}: two choices share a key; keys must be unique within a node")
            for choice in node.choices:
                unknown = sorted(set(choice.effects) - measure_keys)
                if unknown:
                    raise ValueError(f"node {node_key!r}, choice {choice.key!r}: effects on unknown measure(s) "
                                     f"{unknown}; measures are {sorted(measure_keys)}")
                if not choice.best and not choice.misconception:
                    raise ValueError(f"node {node_key!r}, choice {choice.key!r} is not a best choice, so it needs "
                                     "a 'misconception': the belief that makes people choose it")
        return self

    # -- proving the graph sound (the bank adds file and line) -------------------------
    def graph_problems(self) -> list[tuple[tuple, str]]:
        """(path inside the exercise, message) for every way the graph is unsound."""
        problems: list[tuple[tuple, str]] = []
        if self.start not in self.nodes:
            return [(("start",), f"the start node {self.start!r} is not a node; nodes are {list(self.nodes)}")]
        for node_key, node in self.nodes.items():
            for index, choice in enumerate(node.choices):
                if choice.next not in self.nodes:
                    problems.append(((
                        "nodes", node_key, "choices", index, "next"),
                        f"node {node_key!r}, choice {choice.key!r} leads to {choice.next!r}, which is not a node; "
                        f"nodes are {list(self.nodes)}"))
            if not node.ending and not any(c.best for c in node.choices):
                problems.append((("nodes", node_key, "choices"),
                                 f"node {node_key!r} has no choice marked 'best: true'; every decision needs "
                                 "a best choice so a path through it can be scored"))
        if problems:
            return problems
        reachable = self._reachable()
        for node_key in self.nodes:
            if node_key not in reachable:
                problems.append((("nodes", node_key),
                                 f"node {node_key!r} cannot be reached from the start node {self.start!r}"))
        cycle = self._find_cycle()
        if cycle:
            node_key, index = cycle
            choice = self.nodes[node_key].choices[index]
            problems.append((("nodes", node_key, "choices", index, "next"),
                             f"node {node_key!r}, choice {choice.key!r} leads back to {choice.next!r} and makes a "
                             "cycle; mark the choice 'loop: true' if the learner may really go round"))
            return problems
        longest, via = self._longest()
        if longest > self.max_steps:
            problems.append((("max_steps",), f"the path through {via} takes {longest} decisions, more than "
                                             f"max_steps ({self.max_steps}); raise max_steps or shorten the path"))
        if self.best_path() is None:
            problems.append((("start",), f"no path from {self.start!r} to an ending uses best choices only; "
                                         "mark the choices of at least one full path 'best: true'"))
        return problems

    def _reachable(self) -> set[str]:
        seen, todo = {self.start}, [self.start]
        while todo:
            for choice in self.nodes[todo.pop()].choices:
                if choice.next in self.nodes and choice.next not in seen:
                    seen.add(choice.next)
                    todo.append(choice.next)
        return seen

    def _find_cycle(self) -> tuple[str, int] | None:
        """The first unmarked edge that closes a cycle (a depth-first search's back edge).

        Iterative, with an explicit stack: a 1,500-node chain is no deeper for it than a short one.
        """
        state: dict[str, int] = {}  # 1 on the stack, 2 done
        for root in [self.start, *self.nodes]:
            if root in state:
                continue
            state[root] = 1
            stack = [(root, 0)]  # (node, index of the next choice to look at)
            while stack:
                key, index = stack[-1]
                choices = self.nodes[key].choices
                if index == len(choices):
                    state[key] = 2
                    stack.pop()
                    continue
                stack[-1] = (key, index + 1)
                choice = choices[index]
                if choice.loop:
                    continue
                if state.get(choice.next) == 1:
                    return key, index
                if choice.next not in state:
                    state[choice.next] = 1
                    stack.append((choice.next, 0))
        return None

    def _order(self) -> list[str]:
        """The nodes reachable from the start, each after every node its unmarked choices lead to
        (a post-order; the graph without its marked loops has no cycle once ``_find_cycle`` passed)."""
        order, seen, stack = [], {self.start}, [(self.start, 0)]
        while stack:
            key, index = stack[-1]
            choices = [c for c in self.nodes[key].choices if not c.loop]
            if index == len(choices):
                order.append(key)
                stack.pop()
                continue
            stack[-1] = (key, index + 1)
            nxt = choices[index].next
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, 0))
        return order

    def _longest(self) -> tuple[int, str]:
        """The most decisions on any path (marked loops not taken) and the nodes it passes."""
        best: dict[str, tuple[int, str | None]] = {}  # node -> (decisions from here, the next node on the way)
        for key in self._order():
            length, via = 0, None
            for choice in self.nodes[key].choices:
                if not choice.loop and choice.next in best and best[choice.next][0] + 1 > length:
                    length, via = best[choice.next][0] + 1, choice.next
            best[key] = (length, via)
        route, key = [], self.start
        while key is not None and len(route) <= len(self.nodes):
            route.append(key)
            key = best[key][1]
        shown = route if len(route) <= 12 else [*route[:5], "\u2026", *route[-5:]]
        return best[self.start][0], " \u2192 ".join(shown)

    @property
    def longest(self) -> int:
        """Decisions on the longest path (marked loops not taken): what the minutes rule counts."""
        return self._longest()[0]

    def best_path(self) -> list[str] | None:
        """A path of best choices only from the start to an ending, if there is one.

        Linear, never backtracking: first the nodes from which an ending can be reached by best
        choices (working back from the endings), then the walk from the start takes, at each
        node, its first best choice that leads to one of them and has not been visited. That is
        the path a depth-first search trying choices in order finds, without its exponential
        worst case (a 24-layer lattice whose best choices all dead-end took 24 s).
        """
        for marked_loops in (False, True):  # a path without marked loops if there is one
            steps = self._steps_to_ending(marked_loops)
            if self.start not in steps:
                continue
            path, here, seen = [], self.start, {self.start}
            while not self.nodes[here].ending:
                usable = [c for c in self.nodes[here].choices
                          if c.best and c.next in steps and (marked_loops or not c.loop)]
                choice = next((c for c in usable if c.next not in seen), None)
                if choice is None or marked_loops:  # through loops, the shortest way (it always exists)
                    choice = next(c for c in usable if steps[c.next] == steps[here] - 1)
                path.append(choice.key)
                here = choice.next
                seen.add(here)
                if len(path) > 2 * len(self.nodes):  # only an unvalidated, cyclic graph gets here
                    return None
            return path
        return None

    def _steps_to_ending(self, marked_loops: bool) -> dict[str, int]:
        """node -> fewest best decisions from it to an ending (only nodes that can reach one), found
        breadth first backwards from the endings; marked loop edges used only if ``marked_loops``."""
        into: dict[str, list[str]] = {key: [] for key in self.nodes}
        for key, node in self.nodes.items():
            for choice in node.choices:
                if choice.best and choice.next in into and (marked_loops or not choice.loop):
                    into[choice.next].append(key)
        steps = {key: 0 for key, node in self.nodes.items() if node.ending}
        queue = list(steps)
        for key in queue:
            for before in into[key]:
                if before not in steps:
                    steps[before] = steps[key] + 1
                    queue.append(before)
        return steps

    def paths(self) -> Iterator[list[str]]:
        """Every complete path (each marked loop taken at most LOOP_WALK_LIMIT times): the self-test walks them."""
        def walk(key: str, path: list[str], loops: dict) -> Iterator[list[str]]:
            node = self.nodes[key]
            if node.ending:
                yield path
                return
            for choice in node.choices:
                edge = (key, choice.key)
                if choice.loop:
                    if loops.get(edge, 0) >= LOOP_WALK_LIMIT:
                        continue
                    yield from walk(choice.next, [*path, choice.key], {**loops, edge: loops.get(edge, 0) + 1})
                else:
                    yield from walk(choice.next, [*path, choice.key], loops)

        yield from walk(self.start, [], {})

    def shown_choices(self, node_key: str) -> list[Choice]:
        """A node's choices in the order every learner sees them (stable, shuffled per node: ``display_order``)."""
        from workshop.kinds.options import display_order

        return display_order(self.nodes[node_key].choices, self.id, node_key)

    # -- walking a learner's path ------------------------------------------------
    def follow(self, path) -> tuple[list[Step], str]:
        """The steps a path takes and the node it stops at; AnswerProblem for a path that can't be walked."""
        keys = as_choice_list(path)
        limit = self.max_steps * 3
        if len(keys) > limit:
            raise AnswerProblem(f"That path has {len(keys)} decisions; this scenario ends within {self.max_steps}. "
                                "Press \u201cStart again\u201d, or pass the list of choice keys you took.")
        steps, here = [], self.start
        for number, key in enumerate(keys, 1):
            node = self.nodes[here]
            if node.ending:
                raise AnswerProblem(f"The scenario ended after decision {number - 1} (\u201c{node.title}\u201d), "
                                    f"but the path goes on with {learner(repr(key[:40]))}. Leave out the extra choices.")
            choice = next((c for c in node.choices if c.key == key), None)
            if choice is None:
                offered = ", ".join(repr(c.key) for c in self.shown_choices(here))
                raise AnswerProblem(f"At decision {number} (\u201c{node.title}\u201d) the choices are {offered}; "
                                    f"{learner(repr(key[:40]))} is not one of them.")
            steps.append(Step(here, node, choice, self._best_at(node, choice)))
            here = choice.next
        return steps, here

    def _best_at(self, node: Node, chosen: Choice) -> Choice:
        """The best choice to compare ``chosen`` with: itself if it is best, else the node's first best."""
        return chosen if chosen.best else next(c for c in node.choices if c.best)

    def totals(self, steps: list[Step]) -> dict[str, float]:
        totals = {m.key: m.start for m in self.measures}
        for step in steps:
            for key, value in step.choice.effects.items():
                totals[key] += value
        return totals

    def _scales(self) -> dict[str, float]:
        """The largest effect on each measure anywhere in the graph: puts measures on one scale."""
        scales = {m.key: 0.0 for m in self.measures}
        for node in self.nodes.values():
            for choice in node.choices:
                for key, value in choice.effects.items():
                    scales[key] = max(scales[key], abs(value))
        return {k: v or 1.0 for k, v in scales.items()}

    def _best_onward(self, node_key: str) -> dict[str, float]:
        """The effects of playing the best choices from ``node_key`` to an ending (first best choice not yet visited)."""
        total: dict[str, float] = {}
        here, seen = node_key, {node_key}
        while here in self.nodes and not self.nodes[here].ending:
            best = [c for c in self.nodes[here].choices if c.best]
            choice = next((c for c in best if c.next not in seen), None)
            if choice is None:
                break
            for key, value in choice.effects.items():
                total[key] = total.get(key, 0.0) + value
            here = choice.next
            seen.add(here)
        return total

    def regret(self, step: Step) -> dict[str, float]:
        """What a choice cost against the best choice at its node, per measure (positive = worse).

        Each side is the choice plus the best play after it: an outage every path meets, which the best
        path meets a decision later, is not charged to the choice that meets it sooner (08 said +225
        minutes where the choices really differed by 75).
        """
        cost = {}
        mine_onward = self._best_onward(step.choice.next) if step.choice.next != step.node_key else {}
        best_onward = self._best_onward(step.best.next) if step.best.next != step.node_key else {}
        for measure in self.measures:
            mine = step.choice.effects.get(measure.key, 0.0) + mine_onward.get(measure.key, 0.0)
            best = step.best.effects.get(measure.key, 0.0) + best_onward.get(measure.key, 0.0)
            worse = mine - best if measure.better == "lower" else best - mine
            if worse:
                cost[measure.key] = worse
        return cost

    def _weight(self, cost: dict[str, float]) -> float:
        """How much worse a choice was: only what it lost counts (a lucky gain elsewhere is not a saving)."""
        scales = self._scales()
        return sum(value / scales[key] for key, value in cost.items() if value > 0)

    def describe(self, measure_key: str, value: float, signed: bool = False) -> str:
        measure = next(m for m in self.measures if m.key == measure_key)
        number = f"{value:+,.0f}" if signed else f"{value:,.0f}"
        return f"{measure.label} {number}" + (f" {measure.unit}" if measure.unit else "")

    def _cost_text(self, cost: dict[str, float]) -> str:
        """What the choice lost, then (never as a negative cost) what it happened to gain."""
        lost, gained = [], []
        for measure in self.measures:
            if measure.key in cost:
                value = cost[measure.key]
                shown = self.describe(measure.key, value if measure.better == "lower" else -value, signed=True)
                (lost if value > 0 else gained).append(shown)
        text = ", ".join(lost) if lost else "nothing you could measure, this time"
        return text + (f" (it did better on {', '.join(gained)}, this time)" if gained else "")

    def _step_lines(self, steps: list[Step]) -> tuple[str, ...]:
        """One line per decision, numbered once (the page's list adds no numbers of its own): what was
        chosen, what happened, what this decision changed, and the running total after it."""
        lines, running = [], {m.key: m.start for m in self.measures}
        for n, step in enumerate(steps, 1):
            for key, value in step.choice.effects.items():
                running[key] += value
            changed = ", ".join(self.describe(m.key, step.choice.effects[m.key], signed=True)
                                for m in self.measures if step.choice.effects.get(m.key))
            lines.append(f"Decision {n}, {step.node.title}: \u201c{step.choice.text}\u201d. {step.choice.feedback} "
                         f"This decision: {changed or 'no change'}. Running total: {self.measures_text(running)}.")
        return tuple(lines)

    def measures_text(self, totals: dict[str, float]) -> str:
        return "; ".join(self.describe(m.key, totals[m.key]) for m in self.measures)

    def judge(self, answer):
        steps, here = self.follow(answer)
        node = self.nodes[here]
        totals = self.totals(steps)
        if not node.ending:
            offered = "; ".join(f"{c.key!r}: {c.text}" for c in self.shown_choices(here))
            return self.result(
                "not_attempted",
                f"Not finished yet: after {_decisions(len(steps))} you are at \u201c{node.title}\u201d. "
                f"Choose one of {offered}.",
            )
        details = self._step_lines(steps)
        ending = f"You reached \u201c{node.title}\u201d. Totals at the end: {self.measures_text(totals)}. {node.debrief}"
        missed = [s for s in steps if not s.choice.best]
        if not missed:
            return self.result("correct", f"Every decision was a sound one. {ending}", details=details)
        costliest = max(missed, key=lambda s: self._weight(self.regret(s)))
        cost = self._cost_text(self.regret(costliest))
        lead = (f"Your costliest decision was at \u201c{costliest.node.title}\u201d: choosing "
                f"\u201c{costliest.choice.text}\u201d over \u201c{costliest.best.text}\u201d cost {cost} "
                f"compared with that better choice.")
        score = round(1 - len(missed) / len(steps), 2)
        status = "partial" if score > 0 else "incorrect"
        return self.result(status, f"{lead} {ending}", details=details, score=score,
                           misconception=costliest.choice.misconception)

    def key(self) -> list[str]:
        path = self.best_path()
        assert path is not None, "graph_problems() guarantees a best path"
        return path

    def wrong_answers(self):
        return [(path, "costliest decision") for path in self.paths()
                if not all(s.choice.best for s in self.follow(path)[0])]

    def solution_markdown(self) -> str:
        steps, here = self.follow(self.key())
        from workshop.kinds.options import labelled

        lines = []
        for n, s in enumerate(steps, 1):
            index = next(i for i, c in enumerate(self.shown_choices(s.node_key)) if c.key == s.choice.key)
            lines.append(f"{n}. **{html.escape(s.node.title)}**: {labelled(index, s.choice.text)}. {s.choice.feedback}")
        totals = self.totals(steps)
        lines.append(f"\nEnding: **{self.nodes[here].title}** ({self.measures_text(totals)}). {self.nodes[here].debrief}")
        return "\n".join(lines)


def _decisions(count: int) -> str:
    return f"{count} decision" + ("" if count == 1 else "s")


MODEL = Scenario
