"""Facts as the judge sees them: the given facts with their roles, numbers derived from them, company facts."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable

from workshop.kinds.judge.quantities import _singular

ROLE_WORDS = {
    "whole_problem": "the whole problem", "saving": "the saving the fix buys", "fix_cost": "the fix's cost",
    "running_cost": "the fix's running cost", "payback": "the payback", "revenue": "revenue", "margin": "margin",
    "per_week": "a weekly figure", "per_year": "a yearly figure", "deadline": "the deadline",
    "context": "a fact you were given",
}


@dataclass(frozen=True)
class Known:
    """A number the answer may state: a given fact, a fact derived from them, or another company fact."""

    name: str
    value: float
    text: str
    kind: str
    unit: str = ""
    period: str | None = None
    role: str | None = None   # the role the exercise gives it (None: a company fact it did not give)
    how: str = ""             # for a derived number: how it follows from the given facts
    given: bool = False       # declared by the exercise (a period it leaves unknown is not held against it)

    @property
    def described(self) -> str:
        what = ROLE_WORDS.get(self.role or "", "")
        return f"{self.text} ({what})" if what else self.text


def _fact_kind(name: str, fact) -> tuple[str, str, str | None]:
    """(kind, unit, period) of a company fact, from its text and its name."""
    text = getattr(fact, "text", "") or ""
    unit = getattr(fact, "unit", "") or ""
    lowered = name.lower()
    period = None
    for marker, p in (("per_year", "year"), ("a_year", "year"), ("per_week", "week"), ("per_hour", "hour"),
                      ("per_minute", "minute"), ("per_month", "month"), ("per_day", "day"), ("cost_of_delay", "week"),
                      ("hourly", "hour"), ("sim_saving", "year"), ("last_quarter", "quarter"), ("yearly", "year"),
                      ("weekly", "week"), ("_saving_year", "year")):
        if marker in lowered:
            period = p
            break
    if text[:1] in "$£€" or text.startswith(("US$", "C$", "A$")) or lowered in ("loaded_hourly_cost", "average_order_value"):
        return "money", "", period
    if lowered.endswith("_pct") or text.endswith("%"):
        return "percent", "", None
    if not unit and re.search(r"(?:^|_)hours(?:_|$)", lowered) and text[:1].isdigit():
        unit = "hours"  # "ci_hours_per_week": a count of hours is a time, so "362 hours a week" is read against it
    if "payback" in lowered:
        unit = unit or ("weeks" if "weeks" in lowered else "months" if "months" in lowered else "years")
    if unit in ("seconds", "minutes", "hours", "days", "weeks", "months", "years"):
        return "time", unit, period
    return "count", "", period


def known_facts(given: Iterable, facts: dict) -> list[Known]:
    """The given facts with their values for the company in use (unknown or non-numeric names are skipped)."""
    out = []
    for g in given:
        fact = facts.get(g.fact)
        if fact is None or not isinstance(fact.value, (int, float)) or not math.isfinite(fact.value):
            continue
        kind, unit, period = _fact_kind(g.fact, fact)
        if g.role == "per_week":
            period = "week"
        elif g.role == "per_year":
            period = "year"
        out.append(Known(g.fact, float(fact.value), fact.text, kind, unit, period, g.role, given=True))
    return out


def company_facts(facts: dict) -> list[Known]:
    """Every numeric company fact, with no role: the company's own numbers, even where an exercise did not give them."""
    out = []
    for name, fact in facts.items():
        value = getattr(fact, "value", math.nan)
        if not isinstance(value, (int, float)) or not math.isfinite(value) or "slip" in name or "whole_problem" in name:
            continue
        kind, unit, period = _fact_kind(name, fact)
        role = "revenue" if "revenue" in name else "margin" if "margin" in name else None
        out.append(Known(name, float(value), fact.text, kind, unit, period, role if role else None))
    return out


WEEKS_A_YEAR = (52.0, 50.0, 48.0, 46.0, 44.0)
_PER_YEAR = {"year": 1.0, "quarter": 4.0, "month": 12.0, "week": None, "day": 260.0, "hour": 260.0 * 8,
             "minute": 260.0 * 8 * 60}
_UNIT_WEEKS = {"weeks": 1.0, "months": 52 / 12, "years": 52.0, "days": 1 / 7, "quarters": 13.0}


def _weeks_a_year(facts: dict) -> tuple[float, ...]:
    ww = facts.get("working_weeks_per_year")
    extra = (float(ww.value),) if ww is not None and isinstance(ww.value, (int, float)) else ()
    return tuple(sorted(set(WEEKS_A_YEAR + extra)))


def convert_rate(value: float, from_period: str, to_period: str, weeks: tuple[float, ...] = WEEKS_A_YEAR) -> list[float]:
    """The values a rate per ``from_period`` takes per ``to_period`` (several: weeks a year differ by who counts)."""
    if from_period == to_period:
        return [value]
    if {from_period, to_period} == {"hour", "minute"}:
        return [value * 60] if from_period == "minute" else [value / 60]
    if {from_period, to_period} == {"hour", "day"} and "hour" in (from_period, to_period):
        return [value * 24, value * 8] if from_period == "day" else [value / 24, value / 8]
    yearly = []
    if from_period == "week":
        yearly = [value * w for w in weeks]
    elif _PER_YEAR.get(from_period):
        yearly = [value * _PER_YEAR[from_period]]
        if from_period == "day":
            yearly.append(value * 365)
    out = []
    for y in yearly:
        if to_period == "week":
            out += [y / w for w in weeks]
        elif _PER_YEAR.get(to_period):
            out.append(y / _PER_YEAR[to_period])
            if to_period == "day":
                out.append(y / 365)
    return out


def _variants(a: str, b: str) -> bool:
    """Two estimates of one thing ("mitigation_saving", "mitigation_saving_low"): adding them counts it twice."""
    def stem(name: str) -> str:
        return re.sub(r"_(?:low|high|low_case|high_case|if_half|net|gross)(?=_|$)", "", name)
    return a.startswith(b) or b.startswith(a) or stem(a) == stem(b)


def derived_facts(known: list[Known], facts: dict) -> list[Known]:
    """Numbers an honest answer computes from the given facts: other periods, sums, differences, shares, paybacks."""
    weeks = _weeks_a_year(facts)
    out: list[Known] = []
    money = [k for k in known if k.kind == "money"]
    for k in known:
        if k.period and k.kind in ("money", "time", "count"):
            for to in ("week", "year", "month", "day", "hour", "minute"):
                if to == k.period:
                    continue
                for v in convert_rate(k.value, k.period, to, weeks):
                    out.append(Known(k.name, v, k.text, k.kind, k.unit, to, k.role, f"{k.text} converted to a {to}"))
    hourly = facts.get("loaded_hourly_cost")
    for k in known:
        if k.kind == "time" and k.unit == "hours" and hourly is not None:
            out.append(Known(k.name, k.value * hourly.value, k.text, "money", "", k.period, "context",
                             f"{k.text} hours at {hourly.text} an hour"))
    for i, a in enumerate(money):
        for b in money[i + 1:]:
            if a.period == b.period:
                if (a.role == b.role or "context" in (a.role, b.role)) and not _variants(a.name, b.name):
                    # two savings, two costs; never problem + saving, nor a saving's low case plus its high case
                    out.append(Known(f"{a.name}+{b.name}", a.value + b.value, "", "money", "", a.period, "context", "a sum"))
                out.append(Known(f"{a.name}-{b.name}", abs(a.value - b.value), "", "money", "", a.period, "context",
                                 "a difference"))
            if a.period is None or b.period is None:  # a cost against a yearly saving: net of the first year
                out.append(Known(f"{a.name}-{b.name}", abs(a.value - b.value), "", "money", "", a.period or b.period,
                                 "context", "a difference"))
    people = facts.get("engineers")
    for k in known:  # per person: "each engineer gets back about 6 hours a week", "about 2.4 hours a day"
        if k.kind in ("money", "time") and k.period in ("week", "year", "month") and people is not None and people.value \
                and k.role not in ("revenue", "margin", "payback", "deadline"):
            each = k.value / people.value
            out.append(Known(k.name, each, "", k.kind, k.unit, k.period, "context", "per person"))
            for to in ("week", "year", "month", "day"):
                if to != k.period:
                    out += [Known(k.name, v, "", k.kind, k.unit, to, "context", "per person")
                            for v in convert_rate(each, k.period, to, weeks)]
    for a in known:  # a duration times a rate of the same unit: 148 minutes x $150 a minute
        if a.kind != "time" or a.period or a.unit not in ("minutes", "hours"):
            continue
        for b in money:
            if b.period == _singular(a.unit):
                out.append(Known(f"{a.name}*{b.name}", a.value * b.value, "", "money", "", None, "context", "a product"))
    for m in money:  # the sceptic's case and its kin: half, a third, a quarter, three quarters, double
        for share in (0.5, 1 / 3, 0.25, 2 / 3, 0.75):
            out.append(Known(f"{m.name}*{share:.2f}", m.value * share, "", "money", "", m.period, "context", "a share"))
    for pct in (k for k in known if k.kind == "percent"):
        for m in money:
            out.append(Known(f"{pct.name}*{m.name}", m.value * pct.value / 100, "", "money", "", m.period, "context",
                             "a share"))
    return out


# --- Matching ---------------------------------------------------------------------------------
