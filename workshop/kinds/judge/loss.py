"""The loss an answer states: the problem's size must be a fact, not a share nobody named.

"Checkout outages cost us about $53,000 of margin a year": a loss stated as the whole problem
("cost us", "we lose") is checked against the given facts alone. The derived numbers (a share of
one fact, a difference of two) support a number only when the sentence names the share ("7 of the
11 outages", "about half", "40%"); otherwise almost any round number is some fact times some share.
A loss priced at the year's average minute, when the exercise gives the season's, gets its own words.
"""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.matching import matches
from workshop.kinds.judge.findings import Finding, GENERIC
from workshop.kinds.judge.clauses import Context, _claims, clause_of, sentence_of

STATED_LOSS = re.compile(r"\b(?:cost(?:s|ing)?|los(?:e|es|t|ing)|burn(?:s|ed|ing)?|wast(?:e|es|ed|ing))[ \t]+(?:us[ \t]+|the[ \t]+"
                         r"business[ \t]+)?(?:about[ \t]+|around[ \t]+|roughly[ \t]+|some[ \t]+|nearly[ \t]+|~)?$", I)
NAMED_SHARE = re.compile(r"\d[ \t]*(?:%|percent|per[ \t]cent)|\b(?:half|a[ \t]+third|a[ \t]+quarter|two[ \t]+thirds|three[ \t]+quarters"
                         r"|most|some[ \t]+of|part[ \t]+of|share)\b|\b\d+[ \t]+(?:of|out[ \t]+of)[ \t]+(?:the|our|those|these)?[ \t]*\d+\b"
                         r"|\b(?:peak|season|black[ \t]+friday|cyber|last[ \t]+year'?s?|this[ \t]+year'?s?|one[ \t]+outage|each|per)\b", I)
COSTS = ("fix_cost", "saving", "running_cost", "payback")  # a loss is none of these, however near
AVERAGE = (
    "A minute of outage costs the same all year.",
    "Most of the outage minutes fall in the peak season, when a minute costs several times the year's average. "
    "Price each outage at the margin of its own season (the incident log does), not the average minute, or the "
    "loss, and every saving taken from it, comes out far too small.")


def detect_unsupported_loss(ctx: Context) -> list[Finding]:
    if not ctx.given:
        return []
    for q in _claims(ctx):
        if q.kind != "money":
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        average = [k for k in ctx.company if "average_minute" in k.name and matches(q, [k], strict=True)]
        if average and re.search(r"\baverage\b", ctx.text[lo:hi], I) and not any(
                matches(q, [k], strict=True) for k in ctx.given if k.role not in COSTS):
            return [Finding("unsupported_number", f"I read \u201c{q.said}\u201d as the loss: that prices every outage "
                            f"minute at the year's average ({average[0].text}), not at the season's.", *AVERAGE)]
        if not STATED_LOSS.search(ctx.text[max(lo, q.start - 40):q.start]):
            continue
        if any(k.role not in COSTS for k in matches(q, ctx.ix_given)) or any(matches(q, [k]) for k in ctx.stated):
            continue
        s_lo, s_hi = sentence_of(ctx.text, q.start, q.end)
        if NAMED_SHARE.search(ctx.text, lo, hi):
            continue
        average = [k for k in ctx.company if "average_minute" in k.name and matches(q, [k], strict=True)]
        if average:
            return [Finding("unsupported_number", f"I read \u201c{q.said}\u201d as the loss: that prices every outage "
                            f"minute at the year's average ({average[0].text}), not at the season's.", *AVERAGE)]
        listed = "; ".join(k.described for k in ctx.given if k.kind == "money" and k.role in ("whole_problem", "context"))[:200]
        return [Finding("unsupported_number", f"I read \u201c{q.said}\u201d as the loss, and no fact you were given is that "
                        f"loss{(': the loss you were given is ' + listed) if listed else ''}.", *GENERIC["unsupported_number"])]
    return []
