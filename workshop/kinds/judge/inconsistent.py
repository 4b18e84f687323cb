"""An answer's own numbers that disagree with each other."""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.matching import close, matches
from workshop.kinds.judge.findings import Finding, GENERIC, number
from workshop.kinds.judge.roles import MINIMUM_SAID, breakeven_horizon, invented_share
from workshop.kinds.judge.clauses import Context, SENTENCE_BREAK, sentence_of
from workshop.kinds.judge.payback import detect_payback_contradiction
from workshop.kinds.judge.products import gross_as_net, rate_product

EQUIVALENT = re.compile(r"^(?:[ \t]+(?:of|in|for)(?:[ \t]+[\w'-]+){1,4})?[ \t]*(?:,|\(|\u2014|\u2013|-|:)?[ \t]*(?:or|i\.?e\.?,?|that'?s|that[ \t]+is|which[ \t]+is|which[ \t]+comes"
                        r"[ \t]+to|making|totall?ing|adding[ \t]+up[ \t]+to|=|so)?[ \t]*(?:about|roughly|around|nearly|some|almost"
                        r"|approximately|over|~)?[ \t]*$", I)
_PERIOD_FACTORS = {("week", "year"): (40.0, 53.0), ("month", "year"): (11.5, 12.5), ("day", "year"): (200.0, 366.0),
                   ("day", "week"): (4.5, 7.5), ("week", "month"): (3.9, 4.6), ("minute", "hour"): (55.0, 65.0),
                   ("hour", "day"): (7.0, 25.0), ("quarter", "year"): (3.8, 4.2)}


def detect_inconsistent_numbers(ctx: Context) -> list[Finding]:
    """The answer's own numbers: a weekly figure and "or about X a year" must agree (the payback is checked too)."""
    qs = [q for q in ctx.quantities if q.kind in ("money", "time") and q.period]
    for a, b in zip(qs, qs[1:]):
        if a.kind != b.kind or a.period == b.period or (a.kind == "time" and a.unit != b.unit):
            continue
        between = ctx.text[a.end:b.start]
        if len(between) > 60 or not EQUIVALENT.match(between):
            continue
        key, value_small, value_big = (a.period, b.period), a.value, b.value
        if key not in _PERIOD_FACTORS:
            key, value_small, value_big = (b.period, a.period), b.value, a.value
        if key not in _PERIOD_FACTORS or value_small <= 0:
            continue
        low, high = _PERIOD_FACTORS[key]
        ratio = value_big / value_small
        if not (low * 0.9 <= ratio <= high * 1.1):
            return [Finding("inconsistent_numbers",
                            f"I read \u201c{a.said}\u201d and \u201c{b.said}\u201d as the same figure, but "
                            f"a {key[0]}'s figure times {number(low)} to {number(high)} is not {number(value_big)}.",
                            *GENERIC["inconsistent_numbers"])]
    product = (_product_disagrees(ctx) or rate_product(ctx) or _share_for_another_horizon(ctx) or breakeven_horizon(ctx)
               or gross_as_net(ctx))
    if product:
        return product
    if ctx.given:  # with given facts, payback_contradiction checks the payback against them
        return []
    share = invented_share(ctx)  # with no facts, a near-total share removed is an overclaim on its face
    if share:
        return share
    return [Finding("inconsistent_numbers", f.saw, *GENERIC["inconsistent_numbers"])
            for f in detect_payback_contradiction(ctx)][:1]


HORIZONS = (("quarter", re.compile(r"\bquarter\b|\b(?:3|three)[ \t]+months\b|\b13[ \t]+weeks\b", I)),
            ("year", re.compile(r"\byear\b|\b12[ \t]+months\b|\btwelve[ \t]+months\b", I)))


def _share_for_another_horizon(ctx: Context) -> list[Finding]:
    """"Pays back within a quarter if only 9%": a break-even share given for one horizon, stated for another."""
    for q in ctx.quantities:
        if q.kind != "percent":
            continue
        facts = [k for k in ctx.given if k.kind == "percent" and close(q.value, k.value, 0.06)]
        horizon_of = {k: next((h for h, _ in HORIZONS if f"_{h}" in k.name), None) for k in facts}
        if not facts or not any(horizon_of.values()):
            continue
        lo, _ = sentence_of(ctx.text, q.start, q.end)
        before = ctx.text[max(lo, q.start - 90):q.start]
        said = [h for h, rx in HORIZONS if rx.search(before)]
        if len(said) != 1 or any(horizon_of[k] == said[0] or horizon_of[k] is None for k in facts):
            continue
        k = facts[0]
        right = [g for g in ctx.given if g.kind == "percent" and f"_{said[0]}" in g.name and "_pct" in g.name
                 and g.name.replace(f"_{said[0]}", f"_{horizon_of[k]}") == k.name]
        if right and q.value >= right[0].value and not MINIMUM_SAID.search(ctx.text, max(lo, q.start - 30), q.start):
            continue  # "within a year if 28%": more than the year needs, so true; "if only 28%" says it is the minimum
        fix = f" Within a {said[0]} it is {right[0].text}." if right else ""
        return [Finding("inconsistent_numbers",
                        f"I read \u201c{q.said}\u201d with \u201c{said[0]}\u201d, but {k.text} is the share for a "
                        f"{horizon_of[k]}, not a {said[0]}.{fix}",
                        "A break-even share holds for any horizon.",
                        "The shorter the horizon, the more of the saved time must become work to pay the fix back. "
                        "Quote the share for the horizon you name.")]
    return []


EACH = re.compile(r"\beach\b|\bapiece\b|\ba[ \t]+(?:head|piece|pop|time|go)\b|\b(?:per|an?)[ \t]+(?:ticket|call|order|incident|outage|"
                  r"deploy|build|run|person|engineer|head|item|case|customer|user|release|failure|request)\b", I)
TOTAL = re.compile(r"\b(?:in[ \t]+total|total(?:ling|ing|s)?|altogether|all[ \t]+told|combined|overall|in[ \t]+all|together)\b", I)


def _product_disagrees(ctx: Context) -> list[Finding]:
    """"300 tickets at $12 each cost $36,000": a count times an amount each must be the total it states."""
    for lo, hi in _sentences(ctx.text):
        qs = [q for q in ctx.quantities if lo <= q.start < hi]
        if len(qs) < 3 or len(qs) > 8:
            continue
        counts = [q for q in qs if q.kind == "count" and q.value >= 2 and not q.period]
        counts += [q for q in qs if q.kind == "count" and q.value >= 2 and q.period]
        each = [q for q in qs if q.kind in ("money", "time")
                and EACH.search(ctx.text, max(lo, q.start - 45), min(hi, q.end + 14))]
        for e in each:
            same = [t for t in qs if t is not e and t.kind == e.kind and (t.unit == e.unit or _minutes(t) and _minutes(e))]
            # the total usually follows the each-figure; "cost $36,000 at $12 a ticket" puts it first
            totals = [t for t in same if t.start > e.start] or \
                [t for t in same if t.start < e.start and e.kind == "money"
                 and EACH.match(ctx.text[e.end:e.end + 14].lstrip())][-1:]
            totals = [t for t in totals if t.period == e.period or not e.period or not t.period
                      or (counts and t.period == counts[0].period)]
            # a given fact quoted after it is not its total ("each hour down costs $7,000, so $12,000 of work")
            totals = [t for t in totals if t not in ctx.ranges and not (ctx.given and matches(t, ctx.ix_given, strict=True))]
            if not totals or not counts:
                continue
            t = totals[-1] if TOTAL.search(ctx.text, lo, hi) else totals[0]
            products = [c.value * e.value for c in counts if c is not t]
            # "44 builds, each 27 minutes, some 200 hours": compare the total in the each-figure's unit
            t_value = t.value * _minutes(t) / _minutes(e) if t.unit != e.unit else t.value
            if not products or any(close(p, t_value, 0.15) or close(t_value, p, 0.15) for p in products):
                continue
            c = counts[0]
            shown = number(c.value * e.value) if t.unit == e.unit else \
                f"{number(c.value * e.value * _minutes(e) / _minutes(t))} {t.unit}"
            return [Finding("inconsistent_numbers",
                            f"I read \u201c{c.said}\u201d \u00d7 \u201c{e.said}\u201d, which is about {shown}, "
                            f"but the answer says \u201c{t.said}\u201d.", *GENERIC["inconsistent_numbers"])]
    return []


_UNIT_MINUTES = {"minute": 1.0, "minutes": 1.0, "min": 1.0, "mins": 1.0, "hour": 60.0, "hours": 60.0, "hr": 60.0, "hrs": 60.0}


def _minutes(q) -> float:
    """Minutes in one of the quantity's time unit; 0 when it is not a unit this check converts."""
    return _UNIT_MINUTES.get((q.unit or "").lower(), 0.0) if q.kind == "time" else 0.0


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in SENTENCE_BREAK.finditer(text):
        out.append((start, m.start()))
        start = m.end()
        if len(out) > 60:
            break
    out.append((start, len(text)))
    return out
