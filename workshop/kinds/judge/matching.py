"""Matching a quantity to the facts it may state, within honest rounding."""
from __future__ import annotations

import math
from typing import Iterable

from workshop.kinds.judge.quantities import Quantity
from workshop.kinds.judge.known import Known, _UNIT_WEEKS

def round_sig(value: float, figures: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, figures - 1 - int(math.floor(math.log10(abs(value)))))


def close(said: float, fact: float, relative: float = 0.05, strict: bool = False) -> bool:
    """Honest rounding: within 5%, or the fact rounded to one or two significant figures ("about $1.2 million").

    ``strict`` (a derived number, another company fact, or a detector that accuses): within 5%,
    the fact to two significant figures, or a one-figure number within 10% ("about 6 hours" for 5.7).
    """
    if not (math.isfinite(said) and math.isfinite(fact)):
        return False
    if fact == 0:
        return said == 0
    if not 0.6 <= said / fact <= 1.7:  # no honest rounding moves a number further
        return False
    if abs(said - fact) <= relative * abs(fact):
        return True
    if abs(said - round_sig(fact, 2)) <= 1e-9 * max(1.0, abs(said)):
        return True
    if strict:
        return abs(said - round_sig(said, 1)) <= 1e-9 * max(1.0, abs(said)) and abs(said - fact) <= 0.1 * abs(fact)
    return abs(said - round_sig(fact, 1)) <= 1e-9 * max(1.0, abs(said))


def _same_unit(q: Quantity, k: Known) -> float | None:
    """The quantity's value in the fact's time unit, or None when they count different things."""
    if q.kind != k.kind:
        return None
    if q.kind != "time":
        return q.value
    if q.unit == k.unit or not k.unit or not q.unit:
        return q.value
    small = {"seconds": 1 / 60, "minutes": 1.0, "hours": 60.0}
    if q.unit in small and k.unit in small:
        return q.value * small[q.unit] / small[k.unit]
    if q.unit in _UNIT_WEEKS and k.unit in _UNIT_WEEKS:
        return q.value * _UNIT_WEEKS[q.unit] / _UNIT_WEEKS[k.unit]
    return None


class Index:
    """Known numbers sorted by value within each kind, so a lookup reads only the few near the quantity.

    An answer can state dozens of numbers and a company has a hundred facts (and more derived
    from them); comparing every pair would make a wall of digits slow. Honest rounding never
    moves a number by more than a factor of 1.6, so only that window is read.
    """

    def __init__(self, items: Iterable[Known]):
        from bisect import bisect_left, bisect_right

        self._left, self._right = bisect_left, bisect_right
        self.items = list(items)
        self._sorted: dict[tuple[str, str], tuple[list[float], list[Known]]] = {}
        groups: dict[tuple[str, str], list[Known]] = {}
        for k in self.items:  # one pass: grouping by scanning every item for each key was most of a check's time
            groups.setdefault((k.kind, k.unit if k.kind == "time" else ""), []).append(k)
        for key, group in groups.items():
            ks = sorted(group, key=lambda k: k.value)
            self._sorted[key] = ([k.value for k in ks], ks)

    def near(self, q: Quantity) -> list[Known]:
        out: list[Known] = []
        for (kind, unit), (values, ks) in self._sorted.items():
            if kind != q.kind:
                continue
            value = q.value if kind != "time" else _same_unit(q, Known("", 1.0, "", "time", unit))
            if value is None:
                continue
            if value <= 0:
                out += [k for k in ks if k.value <= 0]
            else:
                out += ks[self._left(values, value / 1.8):self._right(values, value * 1.8)]
        return out


def matches(q: Quantity, pool, *, any_period: bool = False, strict: bool = False) -> list[Known]:
    """The facts the quantity states, closest first.

    Same kind, value within honest rounding, and the same period: a rate ("$5,600 a minute")
    only matches a fact with that period, or a given fact whose period is unknown; a figure
    without a period matches any. ``any_period`` drops the period test (to find a weekly fact
    called yearly); ``strict`` allows only close values (5% or the fact's two-figure rounding),
    for detectors that accuse rather than support.
    """
    found = []
    for k in (pool.near(q) if isinstance(pool, Index) else pool):
        value = _same_unit(q, k)
        if value is None:
            continue
        # A derived number or another company fact must be near: with a hundred of them, one-figure
        # rounding would let almost any round number through.
        company = not k.given and not k.how
        if not close(value, k.value, strict=strict or not k.given, relative=0.05) or (
                company and not _near_enough(value, k.value)):
            continue
        if not any_period:
            if not k.given and q.period != k.period:
                continue  # a derived number or another company fact matches only a figure stated for its period
            if q.period and k.period != q.period and k.period is not None:
                continue
            if q.period in ("hour", "minute", "day", "week") and k.period is None and k.kind == "money":
                continue  # a total with no period ("$50,000") is not an hourly or weekly rate
        found.append(k)
    return sorted(found, key=lambda k: abs(math.log(max(_same_unit(q, k) or 1e-12, 1e-12) / k.value)) if k.value > 0 else 0)


def _near_enough(said: float, fact: float) -> bool:
    """Another company fact, not one the exercise gave: within 5%, or the fact to two figures (no one-figure leeway)."""
    return abs(said - fact) <= 0.05 * abs(fact) or abs(said - round_sig(fact, 2)) <= 1e-9 * max(1.0, abs(said))


def best_role(q: Quantity, ctx: "Context") -> Known | None:
    """The fact that best explains the quantity: the closest given (or derived) fact, else the closest company fact."""
    key = (q.start, q.value)
    if key not in ctx.cache:
        ctx.cache[key] = next((found[0] for pool in (ctx.ix_given, ctx.ix_derived, ctx.ix_company)
                               for found in [matches(q, pool)] if found), None)
    return ctx.cache[key]


# --- Findings ---------------------------------------------------------------------------------
