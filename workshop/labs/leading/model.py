"""A deliberately simple model of a lead's week: their own coding plus what unblocking does for others.

It is a model, not data: every number is an assumption the learner can move, and the notebook
says so. Output is counted in engineer-weeks: 1 is what an average engineer ships in a week
when nobody is waiting on anyone.

    own output      = lead's coding speed × coding share
    leading time    = 1 - coding share                (reviews, decisions, pairing, unblocking)
    others' blocked = blocked share × max(0, 1 - leading time / leading time the team needs)
    others' output  = engineers × (1 - others' blocked)
    team output     = own output + others' output

Leading beyond what the team needs adds nothing in this model, so its best share is always one
of two: exactly the leading the team needs (1 - leading needed, an input you set) or all
coding. Which of the two wins is the model's real lesson, and it turns on one condition:

    the solo hero wins when  blocked share < lead's speed × leading needed ÷ engineers

(what the lead's coding in that time is worth, against what the others lose waiting). With the
stated assumptions: 1.5 × 0.4 ÷ 5 = 12% of a week. The model ignores what compounds over months:
people you pair with get faster. Both limits are stated in the notebook.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from workshop.impact._checks import non_negative, number


def between(name: str, value, low: float, high: float) -> float:
    value = number(name, value)
    if not low <= value <= high:
        raise ValueError(f"{name} is a share of a week, so it must be between {low:g} and {high:g} (got {value:g}); write 40% as 0.4")
    return value

ASSUMPTIONS = {
    "engineers": (5, "engineers on the team besides the lead"),
    "blocked_share": (0.25, "share of their week the others lose waiting when the lead only codes"),
    "leading_needed": (0.4, "share of the lead's week the team needs for reviews, decisions and unblocking"),
    "lead_speed": (1.5, "how much the lead ships in a week of coding, in average engineer-weeks"),
}


@dataclass(frozen=True)
class TeamOutput:
    coding_share: float
    own: float
    others: float

    @property
    def total(self) -> float:
        return self.own + self.others


def team_output(coding_share: float, engineers: float = 5, blocked_share: float = 0.25,
                leading_needed: float = 0.4, lead_speed: float = 1.5) -> TeamOutput:
    """The team's output in engineer-weeks for one week, by the model above."""
    between("coding_share", coding_share, 0, 1)
    between("blocked_share", blocked_share, 0, 1)
    between("leading_needed", leading_needed, 0, 1)
    non_negative("engineers", engineers)
    non_negative("lead_speed", lead_speed)
    leading = 1 - coding_share
    unmet = max(0.0, 1 - leading / leading_needed) if leading_needed > 0 else 0.0
    others = engineers * (1 - blocked_share * unmet)
    return TeamOutput(coding_share, lead_speed * coding_share, others)


def hero_wins_below(engineers: float = 5, leading_needed: float = 0.4, lead_speed: float = 1.5, **_) -> float:
    """The blocked share below which the solo hero's week (all coding) beats leading what the team needs.

    All coding gains the lead's speed × leading needed of own output; the others lose engineers ×
    blocked share. The two are equal at blocked share = lead_speed × leading_needed / engineers.
    """
    non_negative("engineers", engineers)
    non_negative("lead_speed", lead_speed)
    between("leading_needed", leading_needed, 0, 1)
    return math.inf if engineers == 0 else lead_speed * leading_needed / engineers


def best_share(step: float = 0.01, **assumptions) -> TeamOutput:
    """The coding share with the most team output (the highest share on a tie: the lead stays hands-on)."""
    shares = [round(i * step, 10) for i in range(int(round(1 / step)) + 1)]
    return max((team_output(s, **assumptions) for s in shares), key=lambda t: (round(t.total, 9), t.coding_share))
