"""Cost of delay and CD3: which work to do first (D. Reinertsen, 2009)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from workshop.impact import _checks as check


def cd3(cost_of_delay_per_week, duration_weeks) -> float:
    """Cost of delay divided by duration: the value lost per week of work spent waiting.

    D. Reinertsen, The Principles of Product Development Flow (2009); WSJF in SAFe.
    """
    return check.non_negative("cost_of_delay_per_week", cost_of_delay_per_week) / check.positive(
        "duration_weeks", duration_weeks
    )


def _field(item, name: str):
    if isinstance(item, Mapping):
        if name not in item:
            raise ValueError(f"each item needs '{name}'; this one has {sorted(item)}")
        return item[name]
    if not hasattr(item, name):
        raise ValueError(f"each item needs '{name}'; {item!r} has none")
    return getattr(item, name)


def _cd3_of(item) -> float:
    return cd3(_field(item, "cost_of_delay_per_week"), _field(item, "duration_weeks"))


def schedule_by_cd3(items: Iterable) -> list:
    """Items (mappings or objects) ordered highest CD3 first; ties keep their given order."""
    return sorted(list(items), key=_cd3_of, reverse=True)


def delay_cost(items_in_order: Iterable) -> float:
    """Total cost of delay when the items are done one after another in this order.

    Each item waits for everything before it and for itself: cost = Σ CoD_i × finish_i.
    Two items, A (10 a week, 2 weeks) and B (30 a week, 4 weeks): B first costs
    30×4 + 10×6 = 180; A first 10×2 + 30×6 = 200 (Black Swan Farming's worked CD3 example).
    """
    total, finish = 0.0, 0.0
    for item in items_in_order:
        finish += check.positive("duration_weeks", _field(item, "duration_weeks"))
        total += check.non_negative("cost_of_delay_per_week", _field(item, "cost_of_delay_per_week")) * finish
    return total
