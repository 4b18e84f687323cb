"""What the judge reports: findings, the verdict, and the generic beliefs and repairs."""
from __future__ import annotations

from dataclasses import dataclass

from workshop.kinds.judge.quantities import Quantity

@dataclass(frozen=True)
class Finding:
    """One reason a finance director would stop: what was seen, the belief behind it, and its repair."""

    detector: str               # a Detector name, or "pattern" for an exercise's own patterns
    saw: str                    # "I read “$1.2 million a year” as the whole problem, not the saving"
    belief: str
    repair: str
    misconception: str | None = None  # the exercise misconception's id, when one claims it

    def line(self) -> str:
        return mistaken_belief(self.belief, f"{self.saw} {self.repair}".strip() if self.saw else self.repair)


def mistaken_belief(belief: str, why: str | None = None) -> str:
    """How every misconception is printed: as a belief, never a bare sentence a skimming reader takes as advice."""
    from workshop.result import belief_line

    return belief_line(belief, why)


@dataclass(frozen=True)
class Verdict:
    """What the judge saw in one answer: the numbers it read, what they matched, and the findings."""

    quantities: tuple[Quantity, ...] = ()
    readings: tuple[str, ...] = ()     # "I read “$587,000 a year” as the saving the fix buys."
    findings: tuple[Finding, ...] = ()
    checked_facts: bool = False        # whether the answer was read against given facts

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def first(self) -> Finding | None:
        return self.findings[0] if self.findings else None

    def names(self) -> set[str]:
        return {f.misconception or f.detector for f in self.findings}


# Generic beliefs and repairs, used when no exercise misconception claims the detector.
GENERIC = {
    "unsupported_number": (
        "Any plausible number will do, whether or not it comes from our own data.",
        "A finance director asks where each number came from, and one number nobody can trace discredits the rest. "
        "Quote the figure from our own data (or say how you estimated it); a published average is someone else's company."),
    "whole_problem": (
        "The fix saves the whole cost of the problem.",
        "A fix buys back only the part it removes, and the rest of the problem stays. Credit the fix with the saving it buys; "
        "a budget holder who spots the whole problem credited to a partial fix discounts everything else you say."),
    "revenue_as_margin": (
        "Revenue lost is what the business loses.",
        "An order that never happens costs the business its margin, not its revenue: the goods were never bought, "
        "packed or shipped. Quote the margin lost."),
    "week_as_year": (
        "A figure's period can change without converting it.",
        "A weekly figure is about 45 to 52 times smaller than the yearly one (and a minute's is 60 times smaller than "
        "an hour's). Convert it, or keep the period it was measured in."),
    "payback_contradiction": (
        "A payback can be stated without checking it against the cost and the saving.",
        "Payback is the cost divided by the saving per period; a finance director does that division first, and a "
        "payback that does not follow from your own numbers sinks the page."),
    "before_deadline": (
        "The full fix can land before the deadline.",
        "The fix takes longer than the weeks left before the freeze. Promise only what can land before it (a "
        "mitigation) and schedule the fix after; a date the plan cannot meet is the first thing a sceptic checks."),
    "inconsistent_numbers": (
        "Numbers in the same case don't have to agree with each other.",
        "A finance director multiplies your numbers out; when a weekly figure and its yearly total disagree, "
        "or a payback does not follow from the cost and saving, they stop trusting all of them."),
}

def number(value: float) -> str:
    """A number for feedback, never in scientific notation: 1,249,725; 2.8; 0.061."""
    from workshop.company.currency import number as fmt

    return fmt(value)
