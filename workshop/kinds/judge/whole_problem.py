"""The whole problem credited to a partial fix, and a saving above what the facts support."""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I, _singular
from workshop.kinds.judge.known import _weeks_a_year, convert_rate
from workshop.kinds.judge.matching import best_role, close, matches
from workshop.kinds.judge.findings import Finding, GENERIC, number
from workshop.kinds.judge.red_flags import _quote, search_near
from workshop.kinds.judge.clauses import ALL_OF_IT, Context, NEGATED, PART_OF, SAVING_WORDS, _claims, clause_of
from workshop.kinds.judge.payback import _paybacks
from workshop.kinds.judge.roles import overstated_saving

# The problem's own size, said as what it costs ("failures that cost us about $14,000"), not what the fix saves.
PROBLEM_SIZE_BEFORE = re.compile(r"\b(?:cost(?:s|ing)?|los(?:e|es|t|ing)|burn(?:s|ed|ing)?|wast(?:e|es|ed|ing))[ \t]+"
                                 r"(?:us[ \t]+|the[ \t]+business[ \t]+|larkspur[ \t]+)?(?:about[ \t]+|around[ \t]+|roughly"
                                 r"[ \t]+|some[ \t]+|nearly[ \t]+|~)?$", I)
# A verb that claims part of a problem, not all of it.
PARTIAL_VERB = re.compile(r"\b(?:cut(?:s|ting)?|reduc\w*|lower\w*|shrink\w*|trim\w*|halv\w*|curb\w*|ease[sd]?|dent)\b", I)


def detect_whole_problem(ctx: Context) -> list[Finding]:
    out = []
    whole = ctx.by_role("whole_problem")
    savings = ctx.by_role("saving")
    saving_pool = [k for k in ctx.given + ctx.derived if k.role == "saving"]
    for q in _claims(ctx):
        k = best_role(q, ctx) if whole else None
        if k is None or k.role != "whole_problem" or not matches(q, [k], strict=not k.given):
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        clause = ctx.text[lo:hi]
        if not SAVING_WORDS.search(clause) or PART_OF.search(ctx.text, max(lo, q.start - 30), q.start) or NEGATED.search(clause):
            continue
        if q in ctx.ranges:
            continue
        if PROBLEM_SIZE_BEFORE.search(ctx.text, max(lo, q.start - 40), q.start) and PARTIAL_VERB.search(clause) \
                and not ALL_OF_IT.search(clause):
            continue  # "could cut the failures that cost us $14,000 a year": the problem's size, and only a cut claimed
        if any(matches(o, saving_pool) for o in ctx.quantities if lo <= o.start < hi and o is not q and o.kind == q.kind
               and not _another_step(ctx.text, o, q, lo)):
            continue  # "the fix saves $586,000 of the $1.2 million": the saving beside it (hours beside money is no excuse)
        out.append(Finding("whole_problem", f"I read \u201c{q.said}\u201d as the whole problem, credited to the fix as its saving"
                           + (f" (the fix saves {savings[0].text})." if savings else "."), *GENERIC["whole_problem"]))
        break
    if not out:
        m = search_near(ALL_OF_IT, ctx.text, ctx.lowered, ("all", "whole", "entire", "full", "every", "complete",
                                                            "altogether", "for good"))
        if m and not PART_OF.search(ctx.text, max(0, m.start() - 30), m.start()) and \
                not NEGATED.search(ctx.text, max(0, m.start() - 40), m.start() + 12):
            out.append(Finding("whole_problem", f"I read \u201c{_quote(m.group(0))}\u201d: the whole problem, credited to the fix"
                               + (f" (the fix saves {savings[0].text})." if savings else "."), *GENERIC["whole_problem"]))
    if not out and whole and savings:  # the whole problem stated, then a payback, and the saving never named
        stated = [q for q in _claims(ctx) if any(k.role == "whole_problem" for k in matches(q, ctx.ix_given))]
        paid = [q for q in ctx.quantities if q.payback]
        if stated and paid and stated[0].start < paid[0].start and not NEGATED.search(ctx.text) and \
                not any(matches(o, saving_pool) for o in ctx.quantities if o is not stated[0]):
            out.append(Finding("whole_problem", f"I read \u201c{stated[0].said}\u201d, then a payback, and no saving: the "
                               f"reader takes the whole problem as what the fix buys (the fix saves {savings[0].text}).",
                               *GENERIC["whole_problem"]))
    if not out:
        out += _saving_above_the_facts(ctx) or overstated_saving(ctx)
    if not out:  # a payback worked out from the whole problem
        cost = ctx.by_role("fix_cost")
        for q in ctx.quantities:
            if q.kind != "time" or not q.payback or not cost or not whole:
                continue
            for w in whole:
                if not w.period:
                    continue
                per_unit = convert_rate(w.value, w.period, _singular(q.unit) or "week", _weeks_a_year(ctx.facts))
                own = [cost[0].value / v for v in per_unit if v]
                saving_paybacks = _paybacks(ctx, q)
                if any(close(q.value, p, 0.08) for p in own) and not any(close(q.value, p, 0.08) for p in saving_paybacks):
                    out.append(Finding("whole_problem", f"I read a payback of \u201c{q.said}\u201d: that is {cost[0].text} "
                                       f"divided by the whole problem, not by the saving.", *GENERIC["whole_problem"]))
                    return out
    return out


# ", and the rework saves $82,000": a second step's saving, joined to the first by a conjunction.
_NEXT_STEP = re.compile(r",\s*(?:and|then|but|while|plus|with)\b|\band then\b|\bwhile\b", I)


def _another_step(text: str, other, q, start: int = 0) -> bool:
    """True when ``other`` belongs to another step of a plan than ``q``, and ``q`` is claimed as its own
    step's saving ("the mitigation saves $62,000 this peak, and the rework saves $82,000 a year"): a
    saving there does not excuse the whole problem credited here. "Outages cost us $117,000 a year,
    and the rework saves $82,000 of it" is one step: the saving is beside the problem."""
    lo, hi = (other.end, q.start) if other.start < q.start else (q.end, other.start)
    if not _NEXT_STEP.search(text, lo, max(lo, hi)):
        return False
    own = max([m.end() for m in _NEXT_STEP.finditer(text, start, q.start)], default=start)
    return bool(SAVING_WORDS.search(text[own:q.start]))


def _saving_above_the_facts(ctx: Context) -> list[Finding]:
    """"The rework saves about $150,000 a year" when the facts give it $82,000: more than the fix buys.

    Sums, differences and shares of the given figures make almost any round number look
    "supported", so a number claimed AS THE SAVING is held to the saving facts themselves:
    above the highest of them (in its period, with honest rounding) it is an overstatement.
    A smaller figure is a cautious claim, and passes.
    """
    savings = [k for k in ctx.given + ctx.derived if k.role == "saving" and k.kind == "money"]
    if not savings:
        return []
    for q in _claims(ctx):
        if q.kind != "money" or q in ctx.ranges or matches(q, ctx.ix_given):
            continue  # a range is read by its ends; a given figure (a cost, the problem) is another claim
        lo, hi = clause_of(ctx.text, q.start, q.end)
        clause = ctx.text[lo:hi]
        if not SAVING_WORDS.search(clause) or NEGATED.search(clause):
            continue
        if any(matches(o, savings) for o in ctx.quantities if lo <= o.start < hi and o is not q):
            continue  # "saves $82,000 of the $117,000": the saving is beside it
        same_period = [k for k in savings if k.period == q.period]
        best = max(same_period, key=lambda k: k.value, default=None)
        if best is not None and q.value > 1.1 * best.value and not matches(q, savings):
            shown = best.text or number(best.value)
            return [Finding("whole_problem", f"I read \u201c{q.said}\u201d as the saving, and that is more than the facts "
                            f"support: the most the fix buys is about {shown}.", *GENERIC["whole_problem"])]
    return []
