"""Compiled patterns for each element of a business-impact statement.

Every pattern is bounded (no nested repetition), so a 100 KB paste stays fast.
"""
from __future__ import annotations

import re

from workshop.framing import vocabulary as v


def _words(words) -> str:
    """An alternation of phrases, longest first, whole words only, spaces flexible."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")(?![\w-])"


I = re.IGNORECASE
NUMBER_WORD = r"(?:" + "|".join(v.NUMBER_WORDS) + r")"
PERIOD = r"(?:" + "|".join(v.PERIODS) + r")s?"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"

# -- outcome ---------------------------------------------------------------------------
OUTCOME_WORD = re.compile(_words(v.OUTCOME_WORDS), I)
CURRENCY = re.compile(r"(?:[$€£¥]\s?\d[\d,]*+(?:\.\d+)?(?:\s*(?:[kmb]n?\b|million|billion|thousand))?|\b(?<![\d,])\d[\d,]*+(?:\.\d+)?\s*(?:dollars|euros|pounds|usd|eur|gbp)\b)", I)
CUSTOMER_FAILURE = re.compile(
    r"\b(?:checkout|payments?|sign-?ups?|log-?ins?|bookings?|search|the (?:site|app|website|portal|store|shop))\b"
    r"[^.;!?]{0,40}?\b(?:fail|fails|failing|failed|break|breaks|broke|crash|crashes|crashed|times? out|timing out|goes down|went down|is down)\b"
    # customers' failed attempts named as a thing that rises or falls: "so failed payments at checkout fall"
    r"|\bfailed\s+(?:card\s+)?(?:payments?|checkouts?|orders?|bookings?|sign-?ups?|log-?ins?)\b",
    I,
)
# Counted units of service a business delivers: "40,000 applications", "900 prescriptions".
COUNTED_SERVICE = re.compile(
    r"(?:\b(?<![\d,])\d[\d,]*+(?:\.\d+)?\s*(?:%|percent)?|" + NUMBER_WORD + r")\s+(?:of\s+)?(?:(?:the|our|all|their)\s+)?(?:[\w-]+\s+)?(?:applications|claims|cases|prescriptions|submissions|appointments"
    r"|bookings|parcels|reservations|transactions|payments|tickets|requests from customers)\b",
    I,
)
DOWN = re.compile(r"\b(?:go|goes|went|was|were|is|are|be|been|being)\s+down\b", I)
SLOWS_PEOPLE = re.compile(r"\bslow(?:s|ing|ed)?\s+(?:everyone|everybody|the team|us|engineers|developers|the business|staff)\s+down\b", I)
HIRING = re.compile(r"\battract(?:s|ing)?\s+(?:better\s+|more\s+|top\s+|strong\s+)?(?:engineers|talent|candidates|people|staff|developers)\b", I)
SYSTEM_AFTER = re.compile(r"\s+" + _words(v.SYSTEM_WORDS), I)
STAFF = re.compile(_words(v.STAFF_WORDS), I)
DURATION_AMOUNT = re.compile(r"(?:\b(?<![\d,.])\d[\d,.]*+|\b" + NUMBER_WORD + r"|\ban?)\s+(?:hours?|minutes?|days?|weeks?|months?)\b", I)
GROUP = _words(v.GROUP_WORDS)
COUNTED_GROUP = re.compile(
    r"(?:\b(?<![\d,])\d[\d,]*+|(?<![\w-])" + NUMBER_WORD + r"|\b(?:number|share|proportion|percentage|half|third|quarter|most|many)\s+of)"
    r"\s+(?:of\s+)?(?:(?:our|the|their|these|those|[\w-]+est)\s+){0,2}(?:[\w-]+\s+)?" + GROUP, I)
GROUP_EFFECT = re.compile(GROUP + r"(?:\s+(?:who|that|which))?(?:\s+[\w'-]+){0,8}?\s+" + _words(v.GROUP_EFFECT_VERBS), I)
LOSS_SIZED = re.compile(
    r"\b(?:lost|lose|loses|losing|wasted|waste|wastes|wasting|threw away|throw away|throws away|scrapped|spoiled"
    r"|wrote off|write off|handed back|refunded|turned away|eat|eats|ate)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?(?:(?<![\d,.])\d[\d,.]*|" + NUMBER_WORD + r"|half|a third|a quarter)\b"
    r"|(?:\b(?<![\d,])\d[\d,]*+|(?<![\w-])" + NUMBER_WORD + r")\s+(?:[\w-]+\s+){0,2}(?:lost|wasted|scrapped|unfilled|abandoned|cancelled|canceled)\b",
    I,
)
PERIOD_SHARE = re.compile(
    r"\b(?:half|a third|a quarter|a fifth|\d+%|one day|a day|an hour|\w+ hours?)\s+of\s+(?:every|each|our|the)\s+"
    r"(?:day|week|month|sprint|shift|morning|afternoon|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b", I)
TIME_USE = re.compile(r"\b(?:save|saves|saved|saving|waste|wastes|wasted|wasting|free up|frees up|freed up|lose|loses|lost|losing)"
                      r"\s+(?:\w+\s+)?(?:time|hours|days|weeks)\b", I)
# Delivery time: work items that wait or take a sized time ("reviews wait 1 day instead of 3").
DELIVERY_WAIT = re.compile(
    r"\b(?:releases?|reviews?|changes?|features?|tickets?|deploys?|deployments?|fixes|pull\s+requests?|PRs?|orders?)"
    r"\s+(?:[\w'-]+\s+){0,2}?(?:wait|waits|waiting|take|takes|took|ship|ships|land|lands|reach|reaches)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:about\s+|around\s+|roughly\s+|over\s+|under\s+)?(?:\d[\d,.]*|" + NUMBER_WORD + r")\s+(?:days?|hours?|weeks?|months?)\b", I)
# Team capacity: more people who can do the work ("so 3 engineers can change it").
CAPABILITY = re.compile(
    r"(?:\b\d+|\b" + NUMBER_WORD + r")\s+(?:more\s+|other\s+)?(?:engineers|developers|people|teammates|of\s+us|team\s+members)"
    r"\s+(?:who\s+)?(?:can|could|will\s+be\s+able\s+to|are\s+able\s+to)\s+(?:now\s+)?(?:ship|change|deploy|review|fix|own"
    r"|handle|run|release|maintain|support|debug|modify)\b", I)
MONEY_TO_US = re.compile(r"\b(?:bill|bills|billed|charge|charges|charged|invoice|invoices|invoiced|fine|fines|fined)\s+us\b", I)
COUNT_PER_PERIOD = re.compile(
    r"(?:\b(?<![\d,])\d[\d,]*+|(?<![\w-])" + NUMBER_WORD + r")\s+(?:[\w'-]+\s+){0,3}?(?:a|an|per|each|every)\s+"
    r"(?:day|week|month|shift|year|hour|night)\b", I)
BOOKS = re.compile(r"\b(?:close|closes|closed|closing)\s+(?:the|our)\s+books\b", I)
BUDGET_ASK = re.compile(r"\b(?:approve|approval of|sign off on|sign off|okay|ok)\s+(?:the\s+|our\s+|a\s+)?budget\b", I)

# -- magnitude ------------------------------------------------------------------------
NUMBER = re.compile(r"(?<![\w.])[$€£¥]?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent|per cent|x\b|k\b|m\b|bn\b|million|billion|thousand))?", I)
NUMBER_WORDS = re.compile(r"(?<![\w-])" + NUMBER_WORD + r"(?![\w-])", I)
MULTIPLIER = re.compile(
    r"(?<![\w-])(?:twice|double[sd]?|doubling|triple[sd]?|quadrupled|tenfold|half|halved|halve|a third|a quarter of"
    r"|one\s+(?:\w+\s+)?in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a hundred))(?![\w-])",
    I,
)
# Numbers that name things rather than size them.
NAMING_NUMBER = re.compile(
    r"\b(?:version|v|python|java|windows|ios|android|engine version|release|http|web|level|tier|phase|step|gen)\s*\d[\d.]*\b"
    r"|\bQ[1-4]\b|\bp\d{2,3}\b|\bFY\s?\d{2,4}\b|\b\d+(?:st|nd|rd|th)\b|\b[23]D\b|\b[345]G\b|\b2FA\b"
    r"|(?<![\w-])" + NUMBER_WORD + r"-[a-z]+|\b[a-z]+-" + NUMBER_WORD + r"\b",
    I,
)

# -- timeframe ------------------------------------------------------------------------
YEAR = r"(?:19|20)\d{2}"
TIMEFRAME = [
    re.compile(r"\b" + MONTH + r"\b"),
    re.compile(r"\b" + MONTH_ABBR + r"\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH_ABBR),
    re.compile(r"\bQ[1-4]\b|\bFY\s?\d{2,4}\b|\bH[12]\b"),
    re.compile(r"\b(?:in|by|since|before|until|during|of|from)\s+" + YEAR + r"\b", I),
    re.compile(r"\b(?:last|next|this|coming|past|previous|following|current|upcoming)\s+(?:\d+\s+|" + NUMBER_WORD + r"\s+|few\s+|couple of\s+)?"
               r"(?:" + PERIOD + r"|spring|summer|autumn|fall|winter|patch)(?:'s)?\b", I),
    re.compile(r"\b(?:the\s+)?(?:first|second|third|fourth|final|last)\s+(?:week|month|quarter|half|day)\b", I),
    re.compile(r"\b(?:yesterday|tomorrow|tonight|overnight)\b", I),
    re.compile(r"\b(?:within|over|in|for|during|after)\s+(?:the\s+)?(?:next\s+|past\s+|last\s+|coming\s+)?(?:\d+|" + NUMBER_WORD + r"|a|an|few|couple of)\s+" + PERIOD + r"\b", I),
    re.compile(r"\b(?:since|by|before|until|after)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?(?:" + MONTH + r"|" + YEAR + r"|last\s+\w+|next\s+\w+|the\s+(?:deadline|launch|renewal|audit))", I),
    re.compile(r"\b\d+\s+" + PERIOD + r"\s+ago\b|\b" + NUMBER_WORD + r"\s+" + PERIOD + r"\s+ago\b", I),
    re.compile(r"(?<!\bby )(?<!\bthan )\b(?:per|a|an|each|every)\s+(?:second|minute|hour|day|week|month|quarter|year|sprint|release|shift|night|morning|cycle)\b", I),
    re.compile(_words(v.RATE_WORDS), I),
    re.compile(r"\b(?:\d+|" + NUMBER_WORD + r")-(?:day|week|month|year|quarter)\b", I),
    re.compile(_words(v.NAMED_EVENTS), I),
    re.compile(r"\b(?:before|by|at|for|during|until|ahead of|after|in)\s+(?:the\s+|our\s+|this\s+|next\s+)?(?:[\w-]+\s+){0,2}?"
               r"(?:launch|renewal|audit|deadline|campaign|go-live|season|weekend|filing|sale|sales event)\b", I),
    re.compile(r"\b(?:renewal|launch|busiest|peak|exam|exams|enrolment|enrollment|sale|election|opening|closing)\s+(?:week|weekend|day|night|month|season|period)\b", I),
    re.compile(r"\b(?:every|each|on|last|next|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b", I),
    # "in the week after the migration", "over the spring", "during the fortnight the widget was broken"
    re.compile(r"\b(?:in|during|over|across|throughout)\s+the\s+(?:first\s+|last\s+|same\s+|following\s+|previous\s+)?"
               r"(?:" + PERIOD + r"|spring|summer|autumn|fall|winter)s?\b", I),
    re.compile(r"\b(?:at|before|after|by|until|ahead of|since)\s+(?:the|our|this|next|last)\s+(?:[\w-]+\s+){0,2}?"
               r"(?:review|meeting|election|inspection|conference|appeal|close|board meeting|peak|holidays)\b", I),
]

# -- evidence -------------------------------------------------------------------------
EVIDENCE_SOURCE = re.compile(_words(v.EVIDENCE_SOURCES), I)
EVIDENCE_VERB = re.compile(_words(v.EVIDENCE_VERBS), I)
# "Based on 27 outages in two years": a count of observed events over a window that has passed.
OBSERVED_COUNT = re.compile(
    r"\b(?:based\s+on|from|across|judging\s+by|going\s+by)\s+(?:the\s+|our\s+)?(?:\d[\d,]*|" + NUMBER_WORD + r")\s+"
    r"(?:past\s+|recorded\s+|logged\s+|real\s+)?(?:outages|incidents|builds|ci\s+runs|runs|tickets|orders|deploys"
    r"|deployments|payments|failures|releases|complaints)\s+(?:in|over|across|during|from)\s+(?:the\s+)?(?:last\s+|past\s+)?"
    r"(?:\d+\s+|" + NUMBER_WORD + r"\s+|a\s+)?(?:" + PERIOD + r")s?\b", I)
SOURCE_AS_WORK = re.compile(_words(v.SOURCE_AS_WORK) + r"(?:\s+[\w'-]+){0,3}\s*$", I)
FUTURE = re.compile(r"\b(?:will|would|could|might|may|should|shall|going to|next|if|unless|each|every|per|a year|a month|a week)\b", I)
# Only a possibility, not an observation: "if the planner showed clashes", "could be lost".
CONDITIONAL = re.compile(r"\b(?:if|unless|would|could|might|will|should|may)\b[^,.;:]*$", I)
PAST_MARKER = re.compile(
    r"\b(?:last|past|previous)\s+(?:\d+\s+|" + NUMBER_WORD + r"\s+|few\s+)?(?:" + PERIOD + r"|spring|summer|autumn|fall|winter|patch)(?:'s)?\b"
    r"|\blast\s+(?:\d+|" + NUMBER_WORD + r")\b|\bsince\s+\w+|\b\d+\s+" + PERIOD + r"\s+ago\b|\byesterday\b",
    I,
)
PAST_VERB = re.compile(
    r"(?<!would )(?<!could )(?<!will )(?<!might )\b(?:had|saw|was|were|rose|fell|dropped|grew|doubled|halved|increased"
    r"|decreased|went|lost|spent|declined|jumped|climbed|took|hung up)\b",
    I,
)

# -- jargon ---------------------------------------------------------------------------
def _jargon_pattern() -> re.Pattern:
    alternatives = []
    for term in sorted(v.JARGON, key=len, reverse=True):
        body = re.escape(term).replace(r"\ ", r"\s+")
        if term[-1].isalpha():
            body += r"(?:s|es|ed|d|ing|ation|ations|ization|ized|izing|ised|ising)?"
        alternatives.append(body)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", I)


JARGON = _jargon_pattern()
