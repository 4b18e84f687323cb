"""A published average applied to the company: someone else's number used as ours, or extrapolated.

"Per Google, 53% of mobile visitors leave after 3 seconds, so we lose half our sign-ups";
"per Deloitte 0.1 s means 8.4%, so 1 s means 84%". A number that comes with a named outside
source (a firm, "industry", "research", "studies", a survey) shows the scale of a problem in
general. Used in the same sentence as our own size ("so we lose", "which means our"), or scaled
up, it is a claim about us that nothing of ours supports. A source quoted as scale, with that
caveat said ("which is not our number"), is honest.
"""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.findings import Finding
from workshop.kinds.judge.clauses import Context, sentence_of
from workshop.kinds.judge.red_flags import _quote

SOURCE = re.compile(
    r"\b(?:google|deloitte|gartner|ponemon|itic|dora|accelerate|akamai|forrester|mckinsey|stripe|aberdeen|amazon|walmart"
    r"|idc|uptime[ \t]+institute|state[ \t]+of[ \t]+devops|industry|research|researchers|studies|study|surveys?|reports?"
    r"|benchmarks?|analysts?|published|a[ \t]+famous|the[ \t]+article)\b", I)
APPLIED = re.compile(
    r"\b(?:so|therefore|thus|hence|which[ \t]+means|that[ \t]+means|means|meaning|so[ \t]+that)\b[^.;!?]{0,90}?"
    r"\b(?:we|we're|we'd|we'll|our|us|ours)\b", I)
SCALE_ONLY = re.compile(
    r"\bnot[ \t]+(?:our|ours)\b|\bisn'?t[ \t]+(?:our|ours)\b|\bnot[ \t]+our[ \t]+(?:own[ \t]+)?(?:number|figure|data)"
    r"|\bsomeone[ \t]+else'?s\b|\b(?:only|just)[ \t]+(?:shows?|gives?|for)[ \t]+(?:the[ \t]+)?scale\b|\bfor[ \t]+scale\b|\bscale[ \t]+only\b|\b(?:only|just)[ \t]+(?:as|for)[ \t]+(?:a[ \t]+sense[ \t]+of[ \t]+)?scale\b"
    r"|\bother[ \t]+compan(?:y|ies)'?s?\b|\ba[ \t]+different[ \t]+company\b|\btheir[ \t]+(?:number|figure|company|data)\b"
    r"|\bwe[ \t]+(?:would|will|should|need[ \t]+to)[ \t]+(?:have[ \t]+to[ \t]+)?(?:measure|check|test)\b", I)
FEEDBACK = (
    "A published average tells us our own size.",
    "A published figure is an average over other companies, measured their way: it shows that a problem can be "
    "large, never how large ours is, and scaling it up (0.1 s to 1 s) multiplies its error too. Quote it for scale "
    "and say so, then size it from our own data (the funnel, the incident log) or propose how to measure it.")


def detect_published_figure(ctx: Context) -> list[Finding]:
    """A number from a named outside source, then used as the company's own size in the same sentence."""
    for m in SOURCE.finditer(ctx.text):
        lo, hi = sentence_of(ctx.text, m.start(), m.end())
        numbers = [q for q in ctx.quantities if lo <= q.start < hi]
        if not numbers or SCALE_ONLY.search(ctx.text, lo, hi):
            continue
        applied = APPLIED.search(ctx.text, m.end(), hi)
        if not applied:
            continue
        after = [q for q in numbers if q.start >= applied.start()]
        share = re.search(r"\b(?:half|a[ \t]+third|a[ \t]+quarter|most|double|triple|twice)\b", applied.group(0) +
                          ctx.text[applied.end():hi], I)
        before = [q for q in numbers if q.start < applied.start()]
        if before and (after or share):
            return [Finding("published_figure", f"I read \u201c{_quote(ctx.text[m.start():min(hi, applied.end() + 40)])}"
                            "\u201d: a published figure used as our own size.", *FEEDBACK)]
    return []
