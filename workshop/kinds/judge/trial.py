"""A trial that already knows its answer: "a pilot to see if it works; it will cut lead time by 40%".

A trial exists because the gain is unknown. A proposal that names the trial AND states the gain
as a forecast ("will cut lead time by 40% and save $200,000", "that's $1.2M more revenue")
claims both that we must find out and that we already know. The gain the trial measures may
appear as a bar to clear ("if it cuts lead time by 20% or more, we adopt it"), and the trial's
own cost ("two engineers, two weeks, about $12,000") is a cost, not a gain.
"""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.findings import Finding
from workshop.kinds.judge.clauses import Context, clause_of
from workshop.kinds.judge.red_flags import _quote

TRIAL = re.compile(r"\b(?:trial\w*|pilot\w*|experiment\w*|spike|prototype|proof[ \t]+of[ \t]+concept|try(?:ing)?[ \t]+(?:it|the|this)"
                   r"|to[ \t]+see[ \t]+(?:if|whether)|to[ \t]+find[ \t]+out|test[ \t]+(?:it|whether))\b", I)
GAIN_BEFORE = re.compile(
    r"\b(?:cut\w*|reduc\w*|lower\w*|shorten\w*|speed\w*|sav(?:e|es|ing)|rais\w*|lift\w*|boost\w*|increas\w*|grow\w*|gain\w*"
    r"|earn\w*|bring[ \t]+in|add\w*|improv\w*|free(?!z)\w*|worth)\b[^.;:!?\d]{0,40}$"
    r"|\b(?:that'?s|which[ \t]+is|means|meaning|so)[ \t]+(?:about[ \t]+|around[ \t]+|roughly[ \t]+)?$", I)
GAIN_AFTER = re.compile(r"^[ \t]*(?:a[ \t]+(?:year|month|quarter)[ \t]+)?(?:more|extra|faster|sooner|less|fewer|of[ \t]+(?:new|extra|"
                        r"more|additional)[ \t]+(?:revenue|sales|margin))\b", I)
THRESHOLD = re.compile(r"\b(?:if|unless|whether|at[ \t]+least|only[ \t]+if|once|when)\b[^.;,:]{0,60}$", I)
OR_MORE = re.compile(r"^[ \t]*(?:or[ \t]+(?:more|better|faster|less)|and[ \t]+up|\+)", I)
COST = re.compile(r"\b(?:cost\w*|spend\w*|invest\w*|budget|outlay|of[ \t]+(?:their|our|his|her|engineering)[ \t]+time|for|about)[ \t]*$", I)
FEEDBACK = (
    "A trial can promise the gain it is meant to measure.",
    "A trial is there because nobody knows the gain yet. Stating it (\u201cwill cut lead time by 40%\u201d, "
    "\u201c$1.2M more revenue\u201d) tells the finance director the number was invented, and the trial looks like "
    "theatre. Give the trial's cost and time, the measure it reads, and the bar that decides: \u201cif changes reach "
    "customers in clearly fewer days, we plan the rest\u201d.")


def detect_trial_gain(ctx: Context) -> list[Finding]:
    """A trial or pilot proposed together with a forecast gain (a number the trial has not measured yet)."""
    if not TRIAL.search(ctx.text):
        return []
    for q in ctx.quantities:
        if q.kind not in ("money", "percent", "time") or q.value <= 0:
            continue
        lo, _ = clause_of(ctx.text, q.start, q.end)
        before = ctx.text[max(lo, q.start - 50):q.start]
        after = ctx.text[q.end:q.end + 30]
        gain = GAIN_BEFORE.search(before) or (q.kind != "time" and GAIN_AFTER.match(after))
        if not gain or OR_MORE.match(after) or THRESHOLD.search(ctx.text, max(lo, q.start - 60), q.start):
            continue
        if q.kind == "money" and COST.search(before[-25:]) and not GAIN_BEFORE.search(before):
            continue
        if q.kind == "time" and not q.is_rate and not re.search(r"\bsooner|faster|earlier|less\b", after, I):
            continue  # "for two weeks" is the trial's length
        return [Finding("trial_gain", f"I read \u201c{_quote(ctx.text[max(lo, q.start - 30):q.end + 20].strip())}\u201d: "
                        "a trial proposed with the gain it is meant to measure already stated.", *FEEDBACK)]
    return []
