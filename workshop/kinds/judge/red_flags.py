"""Red flags: absolutes and catastrophes, self-declared invention, non-evidence."""
from __future__ import annotations

import re
from typing import Iterable

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.findings import Finding

# Verbs of a forecast: "definitely" before one of these claims certainty about the future.
FORECAST = (r"(?:fail|crash|break|collapse|lose|cost|go[ \t]+down|happen|die|sink|explode|be[ \t]+lost|cut|save|double"
            r"|triple|halve|pay|increase|reduce|grow|win|beat|bring|make|deliver|double|stop|prevent|eliminate|fix|solve"
            r"|work|succeed|improve|boost|drive|generate|earn|lift|raise)\w*\b")

# "We definitely stop there": a commitment to halt our own work is a stop rule, not a forecast.
OUR_STOP = r"(?!stop(?:ping)?[ \t]+(?:there|then|here|early|the[ \t]+(?:trial|pilot|experiment|test|work|project|rollout|spend))\b)"

RED_FLAGS = {
    "absolute": (
        re.compile(
            r"\bevery[ \t]+(?:single[ \t]+)?(?:one[ \t]+of[ \t]+(?:our|the)[ \t]+)?(?:customer|user|client|player|patient|"
            r"subscriber|shopper|buyer)s?\b(?![ \t]+(?:who|that|which|trying|checking|paying|in|on|during|at|whose|affected|hit))(?![ \t]+(?:is|are|gets?|get)[ \t]+(?:charged|billed|shown|sent|asked|quoted)\b|[ \t]+(?:pays|sees|is[ \t]+charged))|\b(?:all|every one)[ \t]+(?:of[ \t]+)?(?:our|the|its|their)?[ \t]*(?:customers|users|clients|"
            r"players|patients|subscribers|shoppers|buyers)\b(?![ \t]+(?:who|that|which|trying|checking|paying|in|on|during|at|whose|affected|hit))|(?<![\d.,])100[ \t]?(?:%|percent\b|per[ \t]cent\b)[ \t]+(?:sure|certain|confident|guaranteed|safe|reliable|"
            r"uptime|chance|of[ \t]+(?:the[ \t]+|our[ \t]+|all[ \t]+)?(?:customers|users|clients|time|waiting|wait|loss|losses|"
            r"problem|cost|costs|outages|incidents|downtime|risk|bugs|failures|money|revenue|margin))\b|\b(?:by|a)[ \t]+100[ \t]?"
            r"(?:%|percent\b|per[ \t]cent\b)(?![ \t]+(?:of[ \t]+(?:card|payments|traffic|the[ \t]+traffic)|rollout|increase))"
            r"|\b(?:will|would|is|are|it's|be)[ \t]+100[ \t]?(?:%|percent\b|per[ \t]cent\b)|(?<![\d.,])100[ \t]?%[ \t]+" + FORECAST +
            r"|\bforever\b|\b(?:will|would|could|might|going[ \t]+to|about[ \t]+to|set[ \t]+to|is[ \t]+going[ \t]+to)[ \t]+"
            r"(?:\w+[ \t]+)?collapse\b|\btotal[ \t]+collapse\b|\bcollapses?[ \t]+(?:on|under|if|when|unless)\b|\bwill[ \t]+(?:certainly[ \t]+|surely[ \t]+)?(?:die|implode|explode)\b"
            r"|\b(?:i|we)[ \t]+(?:can[ \t]+)?guarantee\b|\bguaranteed[ \t]+(?:to|that|saving|savings|payback|return|results?|success"
            r"|win)\b|\b(?:is|are|it's|its|be)[ \t]+guaranteed\b|\bguarantee[ \t]+(?:that[ \t]+)?(?:it|this|we|checkout|the[ \t]+\w+)"
            r"[ \t]+will\b|\bzero[ \t]+(?:risk|downtime|outages?|incidents?|bugs|chance)\b|\bno[ \t]+risk\b(?![- ]free)"
            r"|(?<!no[ \t])(?<!not[ \t])\brisk[- ]free\b|\bnever[ \t]+(?:fail|break|go[ \t]+down|again)\b|\bbankrupt\w*|\bout[ \t]+of[ \t]+business\b"
            r"|\bcatastroph\w*|\bdisaster(?!(?:[ \t]+|-)recovery)\w*|\bapocalyp\w*"
            r"|\bend[ \t]+of[ \t]+the[ \t]+(?:company|business|world)\b|\b(?:kill|destroy|ruin|sink)s?[ \t]+(?:the|our)[ \t]+"
            r"(?:company|business)\b|\b(?:definitely|certainly|surely|undoubtedly)[ \t]+(?:\w+[ \t]+){0,2}?" + OUR_STOP + FORECAST +
            r"|\bcertain[ \t]+to[ \t]+" + FORECAST + r"|\bwithout[ \t]+(?:a|any)[ \t]+doubt\b"
            r"|\bnever[ \t]+(?:\w+[ \t]+){0,4}?again\b", I),
        "An absolute or a catastrophe makes the case stronger.",
        "A finance director checks the biggest claim first. \u201cEvery customer\u201d, \u201c100%\u201d, \u201cforever\u201d "
        "or \u201cwill collapse\u201d is almost never true, and once one claim is overstated the rest of the case loses "
        "credit. Say the size you can show: how many, how much, how often, and how sure you are."),
    "invention": (
        re.compile(
            r"\b(?:i|we|i've|we've|i[ \t]+have|we[ \t]+have)[ \t]+(?:just[ \t]+|basically[ \t]+|kind[ \t]+of[ \t]+)?made[ \t]+"
            r"(?:(?:it|this|that|them|these|those|all[ \t]+of[ \t]+(?:it|this|them))|(?:the|this|that|these|those|my|our)[ \t]+"
            r"(?:[\w-]+[ \t]+){0,2}?(?:number|numbers|figure|figures|estimate|data|stat|stats|statistic))[ \t]+up\b"
            r"|\bmade[- ]up[ \t]+(?:number|figure|estimate|data|stat)|\b(?:number|figure|estimate|data|stats?)s?[ \t]+(?:is|are|was|were)"
            r"[ \t]+(?:just[ \t]+|completely[ \t]+|totally[ \t]+)?made[ \t]+up\b|\bmy[ \t]+gut\b|\bgut[ \t]+(?:feel|feeling|instinct|says|"
            r"tells|check)\b|\b(?:a|my|pure|wild|total|just|educated|rough|blind)[ \t]+(?:[\w-]+[ \t]+)?guess(?:es)?\b|\bguesstimat\w*"
            r"|\bi[ \t]+guess\b|\bguessed\b|\bpulled[ \t]+(?:it|this|that|the[ \t]+\w+|these|them|this[ \t]+\w+)[ \t]+out[ \t]+of"
            r"|\bout[ \t]+of[ \t]+thin[ \t]+air\b|\boff[ \t]+the[ \t]+top[ \t]+of[ \t]+my[ \t]+head\b|\bi[ \t]+just[ \t]+know\b"
            r"|\bi[ \t]+(?:have|had)[ \t]+no[ \t]+(?:data|idea|evidence)\b|\bvibes?\b|\bmade[ \t]+up[ \t]+by[ \t]+me\b"
            r"|\bi[ \t]+invented\b|\binvented[ \t]+(?:it|this|that|the[ \t]+number)", I),
        "A number from my gut (or one I made up) is good enough for a budget holder.",
        "A budget holder acts on numbers they can check, and a number you admit is invented cancels the case it "
        "supports. Use something measured (a log, a dashboard, last quarter's incidents), or give an estimate and "
        "say how you made it, with its range."),
    "non_evidence": (
        re.compile(
            r"\bthe[ \t]+moon\b|\bretrograde\b|\bhoroscope|\bastrolog\w*|\btarot\b|\bthe[ \t]+stars[ \t]+(?:say|align|are)"
            r"|\b(?:every(?:one|body)|we[ \t]+all|all[ \t]+of[ \t]+us|the[ \t]+whole[ \t]+team)[ \t]+knows?\b|\bit'?s[ \t]+"
            r"(?:obvious|common[ \t]+knowledge|common[ \t]+sense)\b|\btrust[ \t]+me\b"
            r"|\bbelieve[ \t]+me\b|\b(?:every(?:one|body)|we[ \t]+all|all[ \t]+of[ \t]+us|the[ \t]+whole[ \t]+team)[ \t]+agrees?\b"
            r"|\b(?:studies|research|experts|science)[ \t]+(?:show|shows|say|says|prove|proves|agree)\b|\bindustry[ \t]+"
            r"(?:data|studies|experts|averages?|benchmarks?)[ \t]+(?:say|says|show|shows)\b|\btake[ \t]+my[ \t]+word\b|\bi'?m[ \t]+(?:just[ \t]+)?(?:sure|certain)[ \t]+(?:of[ \t]+it|it|that)"
            r"|\bi[ \t]+(?:heard|read)[ \t]+(?:somewhere|online|on[ \t]+(?:twitter|reddit|linkedin|hacker[ \t]+news))"
            r"|\brumou?r(?:s|ed)?\b|\bsomeone[ \t]+(?:said|told[ \t]+me)\b|\ba[ \t]+friend[ \t]+(?:said|told)\b"
            r"|\bfortune[ \t]+(?:teller|cookie)\b|\bcrystal[ \t]+ball\b|\bmagic[ \t]+8", I),
        "Something everyone believes (or a source that isn't data) counts as evidence.",
        "Evidence is something already observed that the listener could check: a log, a dashboard, a count of "
        "incidents, a pilot's result. \u201cEveryone knows\u201d, \u201ctrust me\u201d or a source that is not data "
        "asks the budget holder to take it on faith, and they won't."),
}


# Words each kind of red flag cannot match without: the patterns run only around them, so a
# long answer costs a few short searches, not a long alternation at every character.
NEEDLES = {
    "absolute": ("every", "all ", "100", "forever", "surely", "undoubtedly", "collaps", "die", "implode", "explode", "guarantee", "zero",
                 "risk", "never", "bankrupt", "business", "under", "catastroph", "disaster", "apocalyp", "end of",
                 "kill", "destroy", "ruin", "sink", "definitely", "certain", "surely", "doubt"),
    "invention": ("made", "gut", "guess", "pulled", "thin air", "top of my", "just know", "no data", "no idea",
                  "no evidence", "vibe", "invent"),
    "non_evidence": ("agree", "studies", "research", "experts", "science", "industry", "moon", "retrograde", "horoscope", "astrolog", "tarot", "stars", "know", "obvious", "common",
                     "trust me", "believe me", "my word", "sure", "certain", "heard", "read ", "rumo", "someone",
                     "friend", "fortune", "crystal", "magic"),
}
MAX_NEEDLE_HITS = 40


def search_near(pattern: re.Pattern, text: str, lowered: str, needles: Iterable[str]):
    """``pattern.search(text)``, run only in short windows around each needle (the first 40 of them)."""
    hits = 0
    for needle in needles:
        i = lowered.find(needle)
        while i != -1 and hits < MAX_NEEDLE_HITS:
            m = pattern.search(text, max(0, i - 70), min(len(text), i + len(needle) + 100))
            if m:
                return m
            hits += 1
            i = lowered.find(needle, i + len(needle))
    return None


def red_flags(text: str) -> list[Finding]:
    """Absolutes and catastrophes, self-declared invention, and non-evidence: one finding per kind found."""
    found = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered; keep positions true
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for kind, (pattern, belief, repair) in RED_FLAGS.items():
        m = search_near(pattern, text, lowered, NEEDLES[kind])
        if m and kind == "non_evidence" and _scale_only(text, m.start(), m.end()):
            m = None  # "studies show ..., for scale only": a source quoted as scale, with the caveat said
        if m:
            found.append(Finding("red_flag", f"I read \u201c{_quote(m.group(0))}\u201d.", belief, repair, None))
    return found


def _scale_only(text: str, start: int, end: int) -> bool:
    from workshop.kinds.judge.clauses import sentence_of
    from workshop.kinds.judge.published import SCALE_ONLY

    lo, hi = sentence_of(text, start, end)
    return bool(SCALE_ONLY.search(text, lo, hi))


def _quote(words: str, limit: int = 80) -> str:
    """The learner's own words, cut short and marked as theirs: a result shows them escaped, never as Markdown."""
    from workshop.answers import learner

    words = " ".join(words.split())
    return learner(words if len(words) <= limit else words[: limit - 1] + "\u2026")
