"""Revenue (sales, lost orders) presented as what the business loses or saves."""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I, MONEY_AFTER, NUMBER, Quantity
from workshop.kinds.judge.matching import best_role, matches
from workshop.kinds.judge.findings import Finding, GENERIC
from workshop.kinds.judge.red_flags import _quote
from workshop.kinds.judge.clauses import Context, LOSS_WORDS, MARGIN_WORDS, SAVING_WORDS, _claims, clause_of, sentence_of

# Money labelled as takings, not what the business keeps: "$585,000 of sales", "$450,000 of lost orders".
REVENUE_AFTER = re.compile(r"^[ \t]*(?:a[ \t]+(?:year|week|month|day|peak|season)[ \t]+)?(?:\(?[ \t]*)?(?:(?:of|in)[ \t]+"
                           r"(?:\w+[ \t]+){0,2}?|worth[ \t]+of[ \t]+)(?:sales|revenue|turnover|takings|bookings|gmv|orders"
                           r"|order[ \t]+value|purchases|baskets?|checkouts?|top[ \t-]+line|payments|carts)\b", I)
REVENUE_BEFORE = re.compile(r"\b(?:sales|revenue|turnover|takings|bookings|gmv|orders|top[ \t-]+line)[ \t]+(?:\w+[ \t]+)?(?:of|worth|totall?ing)"
                            r"[ \t]+(?:about[ \t]+|around[ \t]+|roughly[ \t]+|some[ \t]+|nearly[ \t]+)?$", I)
MARGIN_AFTER = re.compile(r"^[ \t]*(?:a[ \t]+(?:year|week|month|day|hour|minute)[ \t]+)?(?:of|in)[ \t]+(?:\w+[ \t]+){0,2}?"
                          r"(?:margin|profit|gross[ \t]+profit)\b", I)
MARGIN_BEFORE = re.compile(r"\b(?:margin|profit)[ \t]+(?:\w+[ \t]+)?(?:of|worth|totall?ing)[ \t]+(?:about[ \t]+|around[ \t]+)?$", I)


def _labelled(ctx: Context, q: Quantity, after: re.Pattern, before: re.Pattern) -> bool:
    """Whether the words right after the amount (or right before it) name what it is: "$35,000 of margin"."""
    m = NUMBER.match(ctx.text, q.start)
    end = m.end() if m else q.end
    word = MONEY_AFTER.match(ctx.text, end, end + 40)
    end = word.end() if word else end
    return bool(after.match(ctx.text[end:end + 60]) or after.match(ctx.text[q.end:q.end + 60])
                or before.search(ctx.text, max(0, q.start - 40), q.start))


def detect_revenue_as_margin(ctx: Context) -> list[Finding]:
    found = _revenue_labelled(ctx)
    if found:
        return found
    for q in _claims(ctx):
        if q.kind != "money" or q in ctx.ranges:  # an honest range's end is the saving, whatever fact it equals
            continue
        k = best_role(q, ctx)
        if k is None or k.role != "revenue" or not matches(q, [k], strict=not k.given):
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        slo, shi = sentence_of(ctx.text, q.start, q.end)
        if not LOSS_WORDS.search(ctx.text, lo, hi) or MARGIN_WORDS.search(ctx.text, slo, shi):
            continue
        return [Finding("revenue_as_margin", f"I read \u201c{q.said}\u201d as revenue ({k.text}) presented as what we lose.",
                        *GENERIC["revenue_as_margin"])]
    return []


def _revenue_labelled(ctx: Context) -> list[Finding]:
    """Revenue called margin ("$35,000 of margin an hour" when that is the revenue), and sales or lost orders
    counted as the loss or the saving ("$585,000 of sales a year", "$450,000 a year of lost orders"), when the
    exercise's facts give a margin or a revenue. A sentence that also gives the margin ("$15,000 of sales,
    about $6,000 of margin") is honest."""
    if not any(k.role in ("margin", "revenue") for k in ctx.given):
        return []
    revenue = [k for k in ctx.given if k.role == "revenue"]
    margin = [k for k in ctx.given if k.role == "margin"]
    money = [q for q in _claims(ctx) if q.kind == "money"]
    for q in money:
        slo, shi = sentence_of(ctx.text, q.start, q.end)
        margin_beside = any(o is not q and slo <= o.start < shi and _labelled(ctx, o, MARGIN_AFTER, MARGIN_BEFORE)
                            for o in money)
        if _labelled(ctx, q, MARGIN_AFTER, MARGIN_BEFORE):
            if q in ctx.ranges:  # an honest range's end is the saving, whatever revenue fact it equals
                continue
            said_revenue = [k for k in matches(q, revenue, strict=True)]
            if said_revenue and not matches(q, margin, strict=True):
                k = said_revenue[0]
                return [Finding("revenue_as_margin", f"I read \u201c{q.said}\u201d called margin, but {k.text} is revenue "
                                "(what customers pay), not the margin we keep.", *GENERIC["revenue_as_margin"])]
            continue
        if not _labelled(ctx, q, REVENUE_AFTER, REVENUE_BEFORE) or margin_beside:
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        if LOSS_WORDS.search(ctx.text, lo, hi) or SAVING_WORDS.search(ctx.text, lo, hi) or \
                LOST_ORDERS.search(ctx.text, max(lo, q.start - 40), min(hi, q.end + 50)):
            return [Finding("revenue_as_margin", f"I read \u201c{_quote(ctx.text[q.start:min(hi, q.end + 30)])}\u201d: "
                            "sales counted as what we lose or what the fix saves.", *GENERIC["revenue_as_margin"])]
    return []


LOST_ORDERS = re.compile(r"\blost[ \t]+(?:orders|sales|revenue|bookings)\b|\b(?:orders|sales)[ \t]+(?:we[ \t]+)?(?:lost|lose|miss\w*)\b", I)
