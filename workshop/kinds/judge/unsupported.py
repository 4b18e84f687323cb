"""Unsupported numbers and a weekly figure called yearly: numbers no given fact supports."""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I, Quantity
from workshop.kinds.judge.matching import matches
from workshop.kinds.judge.findings import Finding, GENERIC
from workshop.kinds.judge.clauses import Context, _claims
from workshop.kinds.judge.roles import invented_share
from workshop.kinds.judge.loss import detect_unsupported_loss

def detect_week_as_year(ctx: Context) -> list[Finding]:
    out = []
    for q in _claims(ctx):
        # A real figure with another period beats a derived number that happens to be near
        # (a yearly saving per engineer can equal the weekly saving).
        if not q.period or matches(q, ctx.ix_given, strict=True) or q in ctx.ranges:
            continue
        other = [k for k in matches(q, ctx.ix_given, any_period=True, strict=True) if k.period and k.period != q.period]
        if not other and matches(q, ctx.ix_support):
            continue
        if other:
            k = other[0]
            out.append(Finding("week_as_year",
                               f"I read \u201c{q.said}\u201d: that is the figure for a {k.period} ({k.text}), called a {q.period}'s.",
                               *GENERIC["week_as_year"]))
    return out


def detect_unsupported(ctx: Context) -> list[Finding]:
    out = []
    symbol = getattr(ctx.facts.get("currency"), "text", "") or ""
    for q in _claims(ctx):
        if q.currency and symbol and q.currency != symbol[-1:]:
            out.append(Finding("unsupported_number", f"I read \u201c{q.said}\u201d: that is not in {symbol}, the company's "
                               "currency, so it is not a figure from our own data.", *GENERIC["unsupported_number"]))
            continue
        if q in ctx.ranges or matches(q, ctx.ix_support) or _computation_factor(ctx.text, q) or _quoted_for_scale(ctx, q) \
                or _named_share(ctx, q) or _own_sourced(ctx, q):
            continue
        if q.period and any(k.period and k.period != q.period for k in
                            matches(q, ctx.ix_given, any_period=True, strict=True)):
            continue  # a real figure with the wrong period: week_as_year says so
        listed = "; ".join(k.described for k in ctx.given if k.kind in ("money", "time"))[:300]
        facts = f" The figures you were given: {listed}." if listed else ""
        out.append(Finding("unsupported_number",
                           f"I read \u201c{q.said}\u201d, and no fact you were given supports it (within honest rounding).{facts}",
                           *GENERIC["unsupported_number"]))
    return out + (_unsupported_chances(ctx) or invented_share(ctx) or (detect_unsupported_loss(ctx) if not out else []))


def _quoted_for_scale(ctx: Context, q: Quantity) -> bool:
    """"Gartner's $5,600 a minute, which is not our number": a published figure quoted as scale, caveat said.

    published_figure still catches it when the same sentence then applies it to us.
    """
    from workshop.kinds.judge.clauses import sentence_of
    from workshop.kinds.judge.published import SCALE_ONLY, SOURCE

    lo, hi = sentence_of(ctx.text, q.start, q.end)
    c_lo, c_hi = max(lo, q.start - 60), min(hi, q.end + 60)
    return bool(SOURCE.search(ctx.text, lo, hi) and SCALE_ONLY.search(ctx.text, c_lo, c_hi))


_SHARE_WORDS = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "two thirds": 2 / 3, "three quarters": 0.75}
NAMED_FRACTION = re.compile(r"\b(?P<n>\d{1,3})[ \t]+(?:of|out[ \t]+of)[ \t]+(?:the|our|those|these|its|their)?[ \t]*(?P<m>\d{1,4})\b"
                            r"|\b(?P<w>half|a[ \t]+third|a[ \t]+quarter|two[ \t]+thirds|three[ \t]+quarters)\b", I)


def _named_share(ctx: Context, q: Quantity) -> bool:
    """"7 of the 11 outages ... roughly $64,000", "perhaps half, about $32,000": a share the answer names,
    of a given fact or of a number it stated before, is supported (the share itself is checked elsewhere)."""
    from workshop.kinds.judge.clauses import sentence_of
    from workshop.kinds.judge.matching import close

    lo, hi = sentence_of(ctx.text, q.start, q.end)
    from workshop.kinds.judge.roles import _supported_shares, claims_saving

    counted, worded = [], []
    for m in NAMED_FRACTION.finditer(ctx.text, lo, hi):
        if m.group("w"):
            worded.append(_SHARE_WORDS[" ".join(m.group("w").lower().split())])
        elif 0 < int(m.group("n")) < int(m.group("m")):
            counted.append(int(m.group("n")) / int(m.group("m")))
    worded += [p.value / 100 for p in ctx.quantities if p.kind == "percent" and lo <= p.start < hi and 0 < p.value < 100]
    if worded and claims_saving(ctx, q):  # "prevent half, $58,000": the share a fix removes must be one the facts give
        supported = [s / 100 for s in _supported_shares(ctx)]
        worded = [w for w in worded if any(abs(w - s) <= max(0.03, 0.08 * s) for s in supported)]
    shares = counted + worded
    if not shares:
        return False
    bases = [k.value for k in ctx.given if k.kind == q.kind and k.value > 0 and (k.role not in ("fix_cost", "running_cost"))]
    bases += [o.value for o in ctx.quantities if o.kind == q.kind and o.end <= q.start and o is not q
              and (o.period == q.period or not o.period or not q.period)]
    return any(close(q.value, share * base, strict=True) for share in shares for base in bases)


OWN_SOURCE = re.compile(
    r"\b(?:the[ \t]+|a[ \t]+|their[ \t]+)?(?:vendor|supplier|agency|contractor|consultancy|provider|seller)(?:'s)?[ \t]+"
    r"(?:quoted?|quotes|quoting|price[ \t]+list|prices?|offer(?:ed|s)?|proposal|contract|invoice|charges?|asks?|wants?)\b"
    r"|\b(?:quoted|invoiced)[ \t]+(?:us|by)\b|\b(?:our|my|the[ \t]+team'?s|team)[ \t]+(?:own[ \t]+)?(?:rough[ \t]+)?estimates?\b"
    r"|\b(?:we|i|the[ \t]+team)[ \t]+estimated?\b|\bby[ \t]+(?:our|my)[ \t]+(?:own[ \t]+)?(?:estimate|count|reckoning|timesheets?)\b"
    r"|\b(?:our|my)[ \t]+(?:own[ \t]+)?(?:timesheets?|tracker|jira|budget|count|sizing)\b|\bquote[ \t]+(?:of|for|from)\b", I)


def _own_sourced(ctx: Context, q: Quantity) -> bool:
    """In an own-figures exercise, a number whose source its sentence states is the learner's own, not invented.

    A number near a given fact is still that fact (it is matched first, and the other detectors check it)."""
    if not getattr(ctx, "own_figures", False):
        return False
    from workshop.kinds.judge.clauses import sentence_of

    lo, hi = sentence_of(ctx.text, q.start, q.end)
    return bool(OWN_SOURCE.search(ctx.text, lo, hi))


CHANCE_WORDS = re.compile(r"\b(?:chance|probability|likel(?:y|ihood)|odds|confiden\w*|certain\w*|sure)\b", I)


def _unsupported_chances(ctx: Context) -> list[Finding]:
    """"A 95% chance of paying back": a probability is a claim like any other, and must come from the data."""
    out = []
    for q in ctx.quantities:
        if q.kind != "percent" or not CHANCE_WORDS.search(ctx.text[q.end:q.end + 16] + " " + ctx.text[max(0, q.start - 30):q.start]):
            continue
        if any(k.kind == "percent" and abs(q.value - k.value) <= max(1.5, 0.03 * k.value) for k in ctx.given + ctx.derived + ctx.stated):
            continue
        out.append(Finding("unsupported_number", f"I read \u201c{q.said}\u201d as a probability, and no fact you were given "
                           "supports it.", *GENERIC["unsupported_number"]))
        break
    return out


def _computation_factor(text: str, q: Quantity) -> bool:
    """"3 engineers × 2 weeks × $75": a factor written out in a calculation is checked by its result."""
    near = text[max(0, q.start - 3):q.start] + text[q.end:q.end + 3]
    return any(sign in near for sign in ("×", " x ", "*", "=", "÷", "/"))
