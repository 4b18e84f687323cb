"""The full fix promised before a deadline it cannot meet."""
from __future__ import annotations

import re


from workshop.kinds.judge.known import Known, _UNIT_WEEKS
from workshop.kinds.judge.findings import Finding, GENERIC
from workshop.kinds.judge.red_flags import _quote
from workshop.kinds.judge.clauses import Context, DEADLINE_WORDS, FIX_WORDS, MITIGATION_WORDS, clause_of
from workshop.kinds.judge.payback import _in_unit

LANDS_AFTER = re.compile(r"(?:(?!\bbefore\b|\bahead\b|\bin[ \t]+time\b|\bby\b)[^.;]){0,40}?\b(?:after[ \t]+(?:it|that|this|them|the[ \t]+freeze|the[ \t]+peak)|afterwards?"
                         r"|once[ \t]+(?:it|that|the[ \t]+freeze)[ \t]+(?:is|has)[ \t]+(?:over|lifted|passed|past|ended))\b", re.I)


def detect_before_deadline(ctx: Context) -> list[Finding]:
    deadlines = ctx.by_role("deadline")
    if not deadlines:
        return []
    limit = next((_in_unit(d, "weeks") for d in deadlines if d.kind == "time" and d.value > 0), None)  # weeks left
    if limit is None:  # a date: the weeks from today to it, when the company's facts say
        for d in deadlines:
            for key in ("change_freeze", "black_friday"):
                weeks = ctx.facts.get(f"weeks_to_{key}")
                if key in d.name and weeks is not None:
                    limit = float(weeks.value)
                    break
            if limit is not None:
                break
    for m in (DEADLINE_WORDS.finditer(ctx.text) if ctx.mentions("before", "ahead of", "in time for", "by ") else ()):
        lo, hi = clause_of(ctx.text, m.start(), m.end())
        clause = ctx.text[lo:hi]
        if not FIX_WORDS.search(clause) or MITIGATION_WORDS.search(clause):
            continue
        if all(LANDS_AFTER.match(clause, f.end(), f.end() + 50)
               for f in FIX_WORDS.finditer(clause)):
            continue  # "load-test before the freeze and do the rework after it": the fix lands after the deadline
        spans = [q for q in ctx.quantities if lo <= q.start < hi and q.kind == "time" and not q.is_rate and not q.payback]
        if limit and spans and all(_in_unit(Known("", s.value, "", "time", s.unit), "weeks") is not None
                                   and s.value * _UNIT_WEEKS.get(s.unit, 1) <= limit for s in spans):
            continue  # "spend two weeks cleaning it up before Black Friday" fits
        d = deadlines[0]
        when = f"{d.text} weeks left" if d.kind == "time" else d.text
        return [Finding("before_deadline", f"I read \u201c{_quote(clause.strip())}\u201d: the fix promised before a "
                        f"deadline it cannot meet ({when}).", *GENERIC["before_deadline"])]
    return []
