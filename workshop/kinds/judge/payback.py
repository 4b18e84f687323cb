"""A payback the answer's own cost and saving (or the given facts) contradict."""
from __future__ import annotations

import math
import re

from workshop.kinds.judge.quantities import I, Quantity, _singular
from workshop.kinds.judge.known import Known, _UNIT_WEEKS, _weeks_a_year, convert_rate
from workshop.kinds.judge.matching import close, matches
from workshop.kinds.judge.findings import Finding, GENERIC, number
from workshop.kinds.judge.roles import return_claim
from workshop.kinds.judge.clauses import Context, clause_of

def _paybacks(ctx: Context, q: Quantity) -> list[float]:
    """Paybacks in ``q``'s unit that the answer's own cost and saving (or, failing those, the given ones) imply."""
    unit = _singular(q.unit) or "week"
    weeks = _weeks_a_year(ctx.facts)
    costs = [o for o in ctx.quantities if o.kind == "money" and not o.period and o.value > 0]
    savings = [o for o in ctx.quantities if o.kind == "money" and o.period and o.value > 0]
    if ctx.given:
        fix = ctx.by_role("fix_cost") + [k for k in ctx.given if k.role == "running_cost" and not k.period]
        costs = [o for o in costs if matches(o, fix)] or costs
        good = [k for k in ctx.given + ctx.derived if k.role == "saving"]
        stated = [o for o in savings if matches(o, good)]
        savings = stated or [o for o in savings if not matches(o, ctx.by_role("whole_problem") + ctx.by_role("revenue"))]
    out = []
    for c in costs[:3]:
        for s in savings[:3]:
            for per in convert_rate(s.value, s.period, unit, weeks):
                if per > 0:
                    out.append(c.value / per)
    return out


HEDGED = re.compile(r"\b(?:half|a[ \t]+third|a[ \t]+quarter|sceptic\w*|skeptic\w*|low[ \t]+case|worst[ \t]+case|pessimistic\w*"
                    r"|conservative\w*|if[ \t]+only|even[ \t]+if|even[ \t]+at|at[ \t]+worst|only[ \t]+\d+[ \t]?%|\d+[ \t]?%[ \t]+of)\b", I)


def detect_payback_contradiction(ctx: Context) -> list[Finding]:
    for q in ctx.quantities:
        if q.kind != "time" or not q.payback or q.value <= 0:
            continue
        implied = _paybacks(ctx, q)
        source = "your own cost and saving"
        if not implied and ctx.given:
            implied = [_in_unit(k, q.unit) for k in ctx.by_role("payback")]
            implied = [v for v in implied if v]
            source = "the cost and saving you were given"
        if not implied:
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        if HEDGED.search(ctx.text, max(0, lo - 200), hi):  # the sceptic's case: only part of the saving counted
            implied = implied + [p * f for p in implied for f in (4 / 3, 1.5, 2.0, 3.0, 4.0)]
        implied = implied + [v for v in (_in_unit(k, q.unit) for k in ctx.by_role("payback")) if v]
        if q.bound:
            ok = any(p <= q.value * 1.1 for p in implied)
        else:
            ok = any(close(q.value, p, 0.25) or close(p, q.value, 0.25) for p in implied)
        if not ok:
            best = min(implied, key=lambda p: abs(math.log(p / q.value)) if p > 0 else math.inf)
            return [Finding("payback_contradiction",
                            f"I read a payback of \u201c{q.said}\u201d, but {source} give about {number(best)} {q.unit or 'weeks'}.",
                            *GENERIC["payback_contradiction"])]
    return return_claim(ctx)


def _in_unit(k: Known, unit: str) -> float | None:
    if k.kind != "time":
        return None
    if not k.unit or not unit or k.unit == unit:
        return k.value
    if k.unit in _UNIT_WEEKS and unit in _UNIT_WEEKS:
        return k.value * _UNIT_WEEKS[k.unit] / _UNIT_WEEKS[unit]
    return None
