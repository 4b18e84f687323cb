"""Likelihood without evidence: "checkout could well fail", "is likely to fail", "will almost certainly go down".

A forecast of failure is a claim about the future, and a finance director asks what it rests on.
Said with something observed beside it ("it went down 5 times last peak, per the incident log"),
it is a judgement; said bare, it is a scare. So a likelihood of a future failure is caught unless
its sentence names evidence.
"""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.findings import Finding
from workshop.kinds.judge.clauses import Context, sentence_of
from workshop.kinds.judge.red_flags import _quote

_FAIL = (r"(?:fail|crash|break|collapse|go[ \t]+down|fall[ \t]+over|be[ \t]+down|go[ \t]+offline|buckle|melt[ \t]+down"
         r"|drop|fall|halve|lose|cost)\w*")
LIKELY = re.compile(
    r"(?<!less[ \t])(?<!more[ \t])\b(?:(?:could|might|may)[ \t]+(?:well|easily|very[ \t]+well)|(?:is|are|it's|'s)[ \t]+"
    r"(?:very[ \t]+|highly[ \t]+|quite[ \t]+)?likely[ \t]+to|(?:will|would)[ \t]+(?:almost[ \t]+certainly|probably|likely|surely)"
    r"|(?:almost|near(?:ly)?)[ \t]+certain(?:ly)?(?:[ \t]+to)?|(?:is|are)[ \t]+bound[ \t]+to)[ \t]+(?:\w+[ \t]+)?" + _FAIL + r"\b"
    r"|\b(?:will|is[ \t]+going[ \t]+to|are[ \t]+going[ \t]+to)[ \t]+(?:\w+[ \t]+)?(?:fail|crash|go[ \t]+down|collapse|fall[ \t]+over"
    r"|be[ \t]+down|go[ \t]+offline)\b"
    r"|\b(?:could|might|may|will)[ \t]+(?:\w+[ \t]+)?(?:drop|fall|halve|shrink)[ \t]+by[ \t]+(?:half|a[ \t]+third|\d+)", I)
EVIDENCE = re.compile(
    r"\b(?:logs?|incidents?|dashboards?|data|measured|monitoring|metrics|history|per[ \t]+the|according[ \t]+to[ \t]+(?:our|the)"
    r"|last[ \t]+(?:peak|year|quarter|month|season|black[ \t]+friday|week|sale|holiday)|went[ \t]+down|was[ \t]+down|were[ \t]+down"
    r"|as[ \t]+it[ \t]+did|again|times|load[ \t]+tests?|tested|test[ \t]+showed|showed|shows|postmortems?|post-mortems?"
    r"|every[ \t]+peak|each[ \t]+peak)\b", I)
NOT_A_FORECAST = re.compile(r"\b(?:won'?t|will[ \t]+not|never|not|less|fewer|if[ \t]+it|whether|in[ \t]+case)[ \t]+(?:\w+[ \t]+)?$", I)
FEEDBACK = (
    "A likely failure can be asserted without evidence.",
    "\u201cCould well fail\u201d or \u201cis likely to fail\u201d asks the budget holder to share a fear. Name what it "
    "rests on (how often it failed before, what the last load test showed), and the forecast becomes a judgement "
    "they can weigh.")


def detect_likelihood(ctx: Context) -> list[Finding]:
    """A forecast of failure ("could well fail", "is likely to fail", "will fail") with no evidence in its sentence."""
    for m in LIKELY.finditer(ctx.text):
        lo, hi = sentence_of(ctx.text, m.start(), m.end())
        if EVIDENCE.search(ctx.text, lo, hi) or NOT_A_FORECAST.search(ctx.text, max(lo, m.start() - 25), m.start()):
            continue
        return [Finding("likelihood", f"I read \u201c{_quote(m.group(0))}\u201d: a forecast of failure with no evidence "
                        "named.", *FEEDBACK)]
    return []
