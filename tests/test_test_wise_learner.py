"""No test-taking tricks: a learner who never reads the question must score near chance.

Three test-wise learners play every single choice, every multiple select and every
scenario decision in the bank, without reading the question:

* **longest**: picks the longest option;
* **shortest**: picks the shortest (a bank that over-corrects the length tell has the opposite one);
* **first**: picks the first option as displayed (the room's stable shuffled order);
* **hedged**: picks the option with the most hedging words ("usually", "it depends", "balance"...).

Each question (and each scenario decision node) is one trial. A trial's hit is the chance
the pick is a keyed option (for a multiple select: one of the options that apply; for a
scenario: a best choice); ties are split evenly, so "longest" and "hedged" never fall back
on position. Chance is the share of keyed options in the trial. A learner fails the bank
when its mean hit rate beats the mean chance by more than ``MARGIN`` points.

Run as a script for the numbers: ``python -m tests.test_test_wise_learner`` prints each
learner's score before (the bank's own order) and after (the displayed order), and the
questions where the keyed option is the longest, per module.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pytest

from workshop.bank.loader import get_bank

MARGIN = 10.0  # percentage points above chance that a test-wise learner may reach

HEDGES = re.compile(
    r"\b(usually|often|sometimes|generally|typically|probably|depends|it depends|depending|balance[sd]?|balancing|"
    r"both|carefully|careful|may|might|tends? to|trade-?offs?|weigh(?:s|ing)?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Trial:
    """One question or one scenario decision: the options in an order, and which are keyed."""

    where: str          # "02.mentor-metric" or "07.black-friday/page"
    kind: str
    texts: tuple[str, ...]
    keyed: tuple[bool, ...]

    @property
    def chance(self) -> float:
        return sum(self.keyed) / len(self.keyed)

    def hit(self, scores: list[float]) -> float:
        """The chance of a keyed pick when the learner takes (evenly) any option with the top score."""
        top = max(scores)
        tied = [k for s, k in zip(scores, self.keyed) if s == top]
        return sum(tied) / len(tied)


def trials(displayed: bool = True) -> list[Trial]:
    """Every choice trial in the bank; ``displayed=False`` keeps the bank's own order (the old behaviour)."""
    found = []
    for ex in get_bank().exercises.values():
        if ex.kind in ("single_choice", "multiple_select"):
            options = ex.shown_options if displayed else ex.options
            found.append(Trial(ex.id, ex.kind, tuple(o.text for o in options), tuple(o.correct for o in options)))
        elif ex.kind == "scenario":
            for node_key, node in ex.nodes.items():
                if node.ending or len(node.choices) < 2:
                    continue
                choices = ex.shown_choices(node_key) if displayed else node.choices
                found.append(Trial(f"{ex.id}/{node_key}", "scenario", tuple(c.text for c in choices),
                                   tuple(c.best for c in choices)))
    return found


def hedges(text: str) -> int:
    return len(HEDGES.findall(text))


STRATEGIES = {
    "longest": lambda t: [float(len(x)) for x in t.texts],
    "shortest": lambda t: [-float(len(x)) for x in t.texts],  # the over-correction: keyed options written short
    "first": lambda t: [1.0] + [0.0] * (len(t.texts) - 1),
    "hedged": lambda t: [float(hedges(x)) for x in t.texts],
}


def score(strategy: str, displayed: bool = True) -> tuple[float, float, dict[str, tuple[float, float, int]]]:
    """(hit %, chance %, per kind {kind: (hit %, chance %, trials)}) for one learner."""
    pick = STRATEGIES[strategy]
    by_kind: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for t in trials(displayed):
        by_kind[t.kind].append((t.hit(pick(t)), t.chance))
    every = [pair for pairs in by_kind.values() for pair in pairs]

    def pct(pairs):
        return (100 * sum(h for h, _ in pairs) / len(pairs), 100 * sum(c for _, c in pairs) / len(pairs))

    return (*pct(every), {kind: (*pct(pairs), len(pairs)) for kind, pairs in sorted(by_kind.items())})


def longest_is_keyed() -> dict[str, list[str]]:
    """Per module, the questions (and scenario decisions) where a longest option is a keyed one."""
    found: dict[str, list[str]] = defaultdict(list)
    for t in trials():
        top = max(len(x) for x in t.texts)
        if any(k for x, k in zip(t.texts, t.keyed) if len(x) == top):
            found[t.where[:2]].append(t.where)
    return dict(sorted(found.items()))


def test_the_bank_has_trials_of_every_kind():
    kinds = {t.kind for t in trials()}
    assert {"single_choice", "multiple_select", "scenario"} <= kinds
    assert all(len(t.texts) >= 2 and any(t.keyed) for t in trials())


def test_hedge_counting_reads_words_not_parts_of_words():
    assert hedges("It depends: usually both, carefully balanced") == 5
    assert hedges("Maybe a bothersome mayor") == 0


@pytest.mark.parametrize("strategy", ["first", "longest", "shortest", "hedged"])
def test_a_learner_who_never_reads_the_question_scores_near_chance(strategy):
    hit, chance, kinds = score(strategy)
    offenders = ""
    if strategy == "longest":
        offenders = "\nThe keyed option is (one of) the longest in:\n" + "\n".join(
            f"  {module}: {', '.join(ids)}" for module, ids in longest_is_keyed().items())
    per_kind = "; ".join(f"{k} {h:.0f}% vs {c:.0f}% ({n})" for k, (h, c, n) in kinds.items())
    assert hit - chance <= MARGIN, (
        f"A learner who picks the {strategy} option scores {hit:.0f}% against {chance:.0f}% by chance "
        f"(more than {MARGIN:.0f} points above): {per_kind}.{offenders}")


def report() -> str:
    lines = []
    for displayed, name in ((False, "BEFORE (the bank's order)"), (True, "AFTER (the displayed order)")):
        lines.append(name)
        for strategy in STRATEGIES:
            hit, chance, kinds = score(strategy, displayed)
            per_kind = "; ".join(f"{k} {h:.0f}%/{c:.0f}% ({n})" for k, (h, c, n) in kinds.items())
            lines.append(f"  {strategy:8s} {hit:5.1f}% vs chance {chance:5.1f}%  ({hit - chance:+.1f})  [{per_kind}]")
    lines.append("Keyed option is (one of) the longest:")
    total = len(trials())
    offenders = longest_is_keyed()
    for module, ids in offenders.items():
        lines.append(f"  {module} ({len(ids)}): {', '.join(ids)}")
    lines.append(f"  {sum(map(len, offenders.values()))} of {total} trials")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
