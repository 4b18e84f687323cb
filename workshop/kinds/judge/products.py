"""Two sums a finance director redoes first: hours x weeks x rate, and a gross saving called net.

* "170 hours a week x 46 weeks x $75 an hour = $620,000 a year": the product of the factors
  written out must be the money claimed (within honest rounding). With no weeks written, a yearly
  figure must lie between 40 and 53 weeks of the weekly one.
* "$586,000 a year after running costs": a saving stated as net (after running costs, net of the
  runners' bill) must be the net fact, not the gross one the exercise also gives.
"""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.matching import close, round_sig
from workshop.kinds.judge.findings import Finding, GENERIC, number
from workshop.kinds.judge.clauses import Context, clause_of, sentence_of

NET_WORDS = re.compile(r"\b(?:after|net[ \t]+of|less|minus|once[ \t]+you[ \t]+take[ \t]+off|taking[ \t]+off)[ \t]+"
                       r"(?:the[ \t]+|its[ \t]+|our[ \t]+)?(?:[\w'-]+[ \t]+){0,2}?(?:running[ \t]+costs?|runners?'?s?[ \t]+"
                       r"(?:bill|costs?)|costs?|bill)\b|\bnet\b", I)
NOT_NET = re.compile(r"\b(?:before|gross|not[ \t]+counting|excluding)\b", I)


def _rounds_to(said: float, product: float) -> bool:
    """Honest rounding of a product: within 3%, or the product to one or two significant figures."""
    return abs(said - product) <= 0.03 * product or any(abs(said - round_sig(product, n)) <= 1e-9 * max(1.0, said)
                                                       for n in (1, 2))


def rate_product(ctx: Context) -> list[Finding]:
    """Hours a week x weeks x an hourly rate, written out, must give the money the sentence claims."""
    seen: set[int] = set()
    for h in ctx.quantities:
        if h.kind != "time" or h.unit != "hours" or h.period != "week" or h.start in seen:
            continue
        lo, hi = sentence_of(ctx.text, h.start, h.end)
        seen.add(h.start)
        qs = [q for q in ctx.quantities if lo <= q.start < hi]
        rates = [q for q in qs if q.kind == "money" and q.period == "hour" and q.start > h.start]
        if not rates:
            continue
        r = rates[0]
        weeks = [q for q in qs if q.kind == "time" and q.unit == "weeks" and not q.period and not q.payback
                 and h.end <= q.start < r.start + 60 and 20 <= q.value <= 53]
        results = [q for q in qs if q.kind == "money" and q.start > max(r.end, *(w.end for w in weeks[:1]))
                   and q.period in ("year", None)]
        if not results:
            continue
        t = results[0]
        if weeks:
            product = h.value * weeks[0].value * r.value
            if _rounds_to(t.value, product):
                continue
            what = f"\u201c{h.said}\u201d \u00d7 \u201c{weeks[0].said}\u201d \u00d7 \u201c{r.said}\u201d is about {r.currency}{number(round(product, -3))}"
        else:
            low, high = h.value * r.value * 40, h.value * r.value * 53
            if 0.9 * low <= t.value <= 1.1 * high:
                continue
            what = (f"\u201c{h.said}\u201d \u00d7 \u201c{r.said}\u201d over a working year is {number(round(low, -3))} to "
                    f"{number(round(high, -3))}")
        return [Finding("inconsistent_numbers", f"I read {what}, but the answer says \u201c{t.said}\u201d.",
                        *GENERIC["inconsistent_numbers"])]
    return []


def gross_as_net(ctx: Context) -> list[Finding]:
    """"$586,000 a year after running costs": the gross saving called net, when the net one was given."""
    savings = [k for k in ctx.given if k.role == "saving" and k.kind == "money" and k.value > 0]
    nets = {k.name: k for k in savings if "_net_" in k.name}
    if not nets:
        return []
    for q in ctx.quantities:
        if q.kind != "money":
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        s_lo, s_hi = sentence_of(ctx.text, q.start, q.end)
        after = ctx.text[q.end:min(s_hi, q.end + 90)]
        # the words after it, up to the next number, say what it is: "a year of engineering time after running costs"
        nxt = [o.start for o in ctx.quantities if o.start > q.end]
        if nxt:
            after = after[:max(0, nxt[0] - q.end)]
        window = ctx.text[max(lo, q.start - 30):q.start] + " " + after
        if not NET_WORDS.search(window) or NOT_NET.search(window):
            continue
        for k in savings:
            if "_net_" in k.name:
                continue
            net = nets.get(k.name.replace("ci_fix_", "ci_fix_net_").replace("_saving", "_net_saving", 1)
                           if "_net_" not in k.name else k.name) or nets.get(k.name.replace("saving", "net_saving", 1))
            if net is None or (q.period and k.period and q.period != k.period):
                continue
            if abs(q.value - k.value) < abs(q.value - net.value) and close(q.value, k.value, 0.02):
                return [Finding("inconsistent_numbers",
                                f"I read \u201c{q.said}\u201d as the saving after running costs, but that is the saving "
                                f"before them ({k.text}); after running costs it is {net.text}.",
                                "The gross saving and the saving after running costs are the same number.",
                                "A finance director nets off what the fix keeps costing: the saving after running costs "
                                "is the gross saving less the running cost. Say which one you quote, and quote the fact "
                                "that goes with it.")]
    return []
