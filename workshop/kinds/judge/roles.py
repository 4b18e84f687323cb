"""Numbers judged by the role they claim, not by the phrase around them.

Each number in an answer claims to be something: a saving ("saves", "worth", "protects",
"recoups", "buys back"), a share of the problem ("prevent 90% of"), a return ("a 4x return",
"pays for itself six times over", "a 150% return"). The words just before it say which. The
claim is then held to the facts with THAT role, whatever the wording:

* a saving above the most any saving fact allows (its high end, in its period) is overstated,
  and so is one as large as the whole problem;
* a share of the problem no given fact (or the ratio of a saving to the problem) supports is
  invented; with no facts at all, a fix that removes 90% or more is still an overclaim;
* a return is the saving over the cost it is said of (gross for "N times", net for "N% return"),
  and may not exceed the central case by more than honest rounding.
"""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I, Quantity
from workshop.kinds.judge.known import Known, _variants
from workshop.kinds.judge.matching import close, matches
from workshop.kinds.judge.findings import Finding, GENERIC, number
from workshop.kinds.judge.clauses import NEGATED, PART_OF, RANGE_JOIN, Context, _claims, clause_of, sentence_of
from workshop.kinds.judge.red_flags import _quote

# What a number claims to be, read from the words right before it (within its clause).
SAVING_CUE = re.compile(
    r"\b(?:sav(?:e|es|ed|ing|ings)|worth|avoid\w*|recover\w*|recoup\w*|protect\w*|prevent\w*|keep(?:s|ing)?|kept"
    r"|(?:buy|buys|buying|get|gets|getting|win|wins|bring|brings|give|gives)[ \t]+(?:us[ \t]+)?back|preserv\w*"
    r"|safeguard\w*|shield\w*|(?:cut|cuts|cutting|reduc\w*|lower\w*)[ \t]+(?:[\w'-]+[ \t]+){0,4}?by)\b[^.;:!?\d]{0,45}$", I)
# "costs us about $117,000": the problem's size, not a claim of what the fix buys.
LOSS_CUE = re.compile(r"\b(?:cost(?:s|ing)?|los(?:e|es|t|ing)|burn(?:s|ed|ing)?|wast(?:e|es|ed|ing)|bleed\w*)[ \t]+"
                      r"(?:us[ \t]+|the[ \t]+business[ \t]+)?(?:about[ \t]+|around[ \t]+|roughly[ \t]+|some[ \t]+|nearly[ \t]+|~)?$"
                      r"|\bof[ \t]+(?:the|our|that|this)[ \t]+(?:[\w'-]+[ \t]+){0,2}?$", I)
SHARE_CUE = re.compile(
    r"\b(?:prevent\w*|avoid\w*|cut\w*|reduc\w*|lower\w*|remov\w*|eliminat\w*|stop\w*|sav(?:e|es|ed|ing)|protect\w*"
    r"|recover\w*|fix\w*|shrink\w*|trim\w*)\b[^.;:!?\d%]{0,40}$", I)
SHARE_AFTER = re.compile(r"^[ \t]*(?:of[ \t]+(?:the|our|that|this|those|these|them|it|its|all)\b|fewer\b|less\b)", I)
RETURN = re.compile(
    r"\b(?P<x>\d+(?:\.\d+)?)[ \t]?(?:x|×|-fold|[ \t]+times)[ \t]+(?:(?:its|the|our)[ \t]+)?(?:return|over|payback|roi|the[ \t]+"
    r"(?:cost|money|investment|outlay))\b"
    r"|\b(?P<w>two|three|four|five|six|seven|eight|nine|ten|twenty)[ \t]+times[ \t]+(?:over|(?:its|the|our)[ \t]+(?:cost|money"
    r"|investment))\b"
    r"|\b(?P<p>\d+(?:\.\d+)?)[ \t]?(?:%|percent|per[ \t]cent)[ \t]+(?:return|roi|return[ \t]+on[ \t]+investment)\b"
    r"|\b(?:return|roi)[ \t]+of[ \t]+(?:about[ \t]+|around[ \t]+)?(?P<p2>\d+(?:\.\d+)?)[ \t]?(?:%|percent)", I)
PARTITIVE = re.compile(r"^[ \t]*(?:a[ \t]+year[ \t]+)?(?:of|out[ \t]+of)[ \t]+(?:the|our|that|this)?[ \t]*(?:[\w'-]+[ \t]+){0,2}$", I)
TOGETHER = re.compile(r"\b(?:together|combined|both|in[ \t]+total|altogether|between[ \t]+them)\b", I)
WORD_TIMES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "twenty": 20}
HIGH_END = re.compile(r"_(?:high|p90|best)(?:_|$)", I)  # a saving's top end: not the central case


def _window_before(ctx: Context, q: Quantity, lo: int, reach: int = 80) -> str:
    """The words before ``q`` in its clause, back to the previous number (a range's start counts as one)."""
    start = max(lo, q.start - reach)
    earlier = [o for o in ctx.quantities if o.end <= q.start and o.end > start]
    if earlier:
        prev = earlier[-1]
        if RANGE_JOIN.match(ctx.text[prev.end:q.start]):  # "$30,000 to $100,000": read the words before the range
            return ctx.text[max(lo, prev.start - reach):prev.start]
        return ctx.text[prev.end:q.start]
    return ctx.text[start:q.start]


def claims_saving(ctx: Context, q: Quantity) -> bool:
    """Whether the words before ``q`` say it is what the fix saves, protects, recovers or is worth."""
    lo, _ = clause_of(ctx.text, q.start, q.end)
    before = _window_before(ctx, q, lo)
    if not SAVING_CUE.search(before) or LOSS_CUE.search(before) or PART_OF.search(before):
        return False
    return not NEGATED.search(before)


def _savings(ctx: Context) -> list[Known]:
    return [k for k in ctx.given + ctx.derived if k.role == "saving" and k.kind == "money" and k.value > 0]


def _pair_sums(savings: list[Known]) -> list[float]:
    """Two different savings together ("the mitigation and the rework save about $132,000")."""
    own = [k for k in savings if not k.how]
    return [a.value + b.value for i, a in enumerate(own) for b in own[i + 1:] if not _variants(a.name, b.name)]


def overstated_saving(ctx: Context) -> list[Finding]:
    """A number claimed as the saving that is above every saving fact (or as large as the whole problem)."""
    savings = _savings(ctx)
    if not savings:
        return []
    whole = [k for k in ctx.given if k.role == "whole_problem" and k.kind == "money"]
    for q in _claims(ctx):
        if q.kind != "money" or q in ctx.ranges or not claims_saving(ctx, q):
            continue
        if any(matches(o, savings) for o in ctx.quantities if o.kind == "money" and o.end <= q.start
               and PARTITIVE.match(ctx.text[o.end:q.start])):
            continue  # "saves $82,000 of the $117,000": the saving is beside it, and this is the whole
        same = [k for k in savings if q.period is None or k.period in (q.period, None)] or savings
        top = max(same, key=lambda k: k.value)
        lo, hi = clause_of(ctx.text, q.start, q.end)
        together = TOGETHER.search(ctx.text, lo, hi)
        if q.value <= 1.1 * top.value or matches(q, same) or (
                together and any(close(q.value, s, strict=True) for s in _pair_sums(same))):
            continue
        problem = next((w for w in whole if q.value >= 0.9 * w.value), None)
        what = f", as much as the whole problem ({problem.text})" if problem else ""
        return [Finding("whole_problem", f"I read \u201c{q.said}\u201d as what the fix saves{what}; the most the facts "
                        f"support is about {top.text or number(top.value)}.", *GENERIC["whole_problem"])]
    return []


def _supported_shares(ctx: Context) -> list[float]:
    shares = [k.value for k in ctx.given + ctx.derived + ctx.stated if k.kind == "percent"]
    savings = [k for k in _savings(ctx) if not k.how]
    problems = [k for k in ctx.given if k.kind == "money" and k.role in ("whole_problem", "context", "margin")]
    shares += [100 * s.value / p.value for s in savings for p in problems if p.value > 0 and s.value <= p.value]
    return shares


def invented_share(ctx: Context) -> list[Finding]:
    """"Would prevent 95% of them": a share of the problem no given fact supports.

    With facts, the share must be one of them (or a saving over the problem they give); with none,
    a fix said to remove 90% or more of a problem is an overclaim on its face.
    """
    shares = _supported_shares(ctx) if ctx.given else []
    for q in ctx.quantities:
        if q.kind != "percent" or not 0 < q.value <= 100:
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        before = ctx.text[max(lo, q.start - 60):q.start]
        if not (SHARE_CUE.search(before) and (SHARE_AFTER.match(ctx.text[q.end:q.end + 20])
                                             or re.search(r"\bby(?:[ \t]+(?:about|around|some))?[ \t]*$", before, I))):
            continue
        if re.search(r"\b(?:if|unless|whether|at[ \t]+least|only|threshold)\b", before, I) or \
                re.match(r"^[ \t]*or[ \t]+(?:more|better)\b", ctx.text[q.end:q.end + 20], I):
            continue  # a condition or a bar to clear ("if it cuts lead time by 20% or more"), not a forecast
        if ctx.given:
            if any(abs(q.value - s) <= max(3.0, 0.08 * s) for s in shares):
                continue
            listed = ", ".join(sorted({f"{round(s)}%" for s in shares}))[:120]
            return [Finding("unsupported_number", f"I read \u201c{q.said}\u201d as the share of the problem the fix "
                            "removes, and no fact you were given supports it" + (f" (the facts give {listed})." if listed else "."),
                            *GENERIC["unsupported_number"])]
        if q.value >= 90:
            return [Finding("unsupported_number", f"I read \u201c{q.said}\u201d as the share of the problem the fix "
                            "removes: almost all of it, with nothing measured behind it.", *GENERIC["unsupported_number"])]
    return []


def _amounts_near(ctx: Context, pool: list[Known], lo: int, hi: int) -> list[Known]:
    """The fact of ``pool`` stated nearest before ``hi`` in the sentence (the cost or saving a return is said of)."""
    for q in reversed([q for q in ctx.quantities if lo <= q.start < hi and q.kind == "money"]):
        found = matches(q, pool)
        if found:
            return found[:1]
    return []


def return_claim(ctx: Context) -> list[Finding]:
    """"A 150% return", "a 10x return", "pays for itself six times over": the saving over the cost, checked."""
    costs = [k for k in ctx.given if k.role == "fix_cost" and k.kind == "money" and k.value > 0]
    savings = [k for k in _savings(ctx) if not k.how]
    if not costs or not savings:
        return []
    for m in RETURN.finditer(ctx.text):
        lo, hi = sentence_of(ctx.text, m.start(), m.end())
        near_costs = _amounts_near(ctx, costs, lo, m.start()) or _amounts_near(ctx, costs, lo, hi) or costs
        near_savings = _amounts_near(ctx, savings, lo, m.start()) or _amounts_near(ctx, savings, lo, hi) or savings
        central = [s for s in near_savings if not HIGH_END.search(s.name)] or [  # a range's top: its central case
            s for s in savings if not HIGH_END.search(s.name) and _variants(s.name, near_savings[0].name)] or near_savings
        if m.group("x") or m.group("w"):
            said = float(m.group("x")) if m.group("x") else WORD_TIMES[m.group("w").lower()]
            allowed = [s.value / c.value for s in central for c in near_costs]
            ok = any(said <= a * 1.2 for a in allowed)
            shown = max(allowed)
            what = f"{number(round(shown, 1))} times"
        else:
            said = float(m.group("p") or m.group("p2"))
            allowed = [100 * (s.value - c.value) / c.value for s in central for c in near_costs]
            ok = any(abs(said - a) <= max(10.0, 0.2 * abs(a)) or said <= a for a in allowed)
            shown = max(allowed)
            what = f"about {number(round(shown))}% (the saving less the cost, over the cost)"
        if not ok:
            return [Finding("payback_contradiction", f"I read \u201c{_quote(m.group(0))}\u201d, but the saving over its "
                            f"cost gives {what}.", "A return can be stated without dividing the saving by the cost.",
                            "A finance director divides the saving by the cost first: a return is net of the cost, "
                            "counted on the central case, not the best one. Say the payback, or the return the facts give.")]
    return []


def detect_claimed_roles(ctx: Context) -> list[Finding]:
    """Every number judged by the role its words claim: saving, share of the problem, return."""
    return overstated_saving(ctx) or invented_share(ctx) or return_claim(ctx)


# --- A break-even share said for a horizon ----------------------------------------------------

HORIZON = re.compile(r"\b(?:within|in|inside|under|in[ \t]+under|before)[ \t]+(?:about[ \t]+)?(?P<n>a|an|one|two|three|four|six|\d+)"
                     r"[ \t]+(?P<unit>weeks?|months?|quarters?|years?)\b", I)
SHARE_CONDITION = re.compile(r"\b(?:if[ \t]+(?:only|just|at[ \t]+least)|even[ \t]+if(?:[ \t]+only)?|as[ \t]+long[ \t]+as|provided"
                             r"|needs?[ \t]+only|only[ \t]+needs?)\b[^.;\d%]{0,30}$", I)
# "if only 28%", "as little as", "at least": the share is said to be the minimum, so it must be the break-even itself.
MINIMUM_SAID = re.compile(r"\b(?:only|just|as[ \t]+little[ \t]+as|mere(?:ly)?|at[ \t]+least|minimum|no[ \t]+more[ \t]+than)\b[^.;\d%]{0,20}$", I)
_HORIZON_WEEKS = {"week": 1.0, "month": 52 / 12, "quarter": 13.0, "year": 52.0}
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "six": 6}
BREAKEVEN = re.compile(r"breakeven_share_(?P<h>quarter|year)(?P<low>_low_case)?_pct$")


def _share_curves(ctx: Context) -> list[tuple[float, float]]:
    """(a, b) with share(h) = a + b / weeks, fitted to the quarter and year break-even shares of each case."""
    found: dict[bool, dict[str, float]] = {}
    for k in ctx.given:
        m = BREAKEVEN.search(k.name)
        if m:
            found.setdefault(bool(m.group("low")), {})[m.group("h")] = k.value
    curves = []
    for shares in found.values():
        if {"quarter", "year"} <= set(shares):
            b = (shares["quarter"] - shares["year"]) / (1 / 13 - 1 / 52)
            curves.append((shares["year"] - b / 52, b))
    return curves


def breakeven_horizon(ctx: Context) -> list[Finding]:
    """"Pays for itself within a week if only 28%": the share that breaks even depends on the horizon named.

    The given break-even shares (a quarter, a year; base and low case) fix how the share grows as the
    horizon shortens; a share stated as enough for another horizon must be near the one it needs, and
    a horizon no share can meet (a week) is a contradiction whatever the share.
    """
    curves = _share_curves(ctx)
    if not curves:
        return []
    for q in ctx.quantities:
        if q.kind != "percent":
            continue
        lo, hi = sentence_of(ctx.text, q.start, q.end)
        if not SHARE_CONDITION.search(ctx.text, max(lo, q.start - 40), q.start):
            continue
        horizons = list(HORIZON.finditer(ctx.text, lo, hi))
        if len(horizons) != 1:
            continue
        h = horizons[0]
        n = float(h.group("n")) if h.group("n").isdigit() else _SMALL[h.group("n").lower()]
        weeks = n * _HORIZON_WEEKS[h.group("unit").lower().rstrip("s")]
        needed = [a + b / weeks for a, b in curves]
        floor = MINIMUM_SAID.search(ctx.text, max(lo, q.start - 30), q.start)
        if any(abs(q.value - s) <= max(4.0, 0.12 * s) or (not floor and q.value > s) for s in needed if s <= 100):
            continue  # "if 28%" within a year: above what the year needs, so true; "if only 60%" claims it is the minimum
        shown = min(needed)
        said = f"no share of the time pays it back {h.group(0)}" if shown > 100 else \
            f"{h.group(0)} it needs about {number(round(shown))}%"
        return [Finding("inconsistent_numbers", f"I read \u201c{q.said}\u201d as enough to pay back {h.group(0)}, but {said}.",
                        "A break-even share holds for any horizon.",
                        "The shorter the horizon, the more of the saved time must become work to pay the fix back. "
                        "Quote the share for the horizon you name (a quarter or a year), from the facts.")]
    return []
