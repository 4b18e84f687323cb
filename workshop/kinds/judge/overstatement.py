"""Overstatement: certainty about outcomes nobody controls."""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.findings import Finding
from workshop.kinds.judge.red_flags import MAX_NEEDLE_HITS, _quote
from workshop.kinds.judge.clauses import clause_of, sentence_of

# --- Overstatement: certainty about outcomes nobody controls -----------------------------------

_BAD = r"(?:outages?|incidents?|failures?|downtime|crash(?:es)?|slow[ \t]+(?:releases?|builds?|deploys?|pages?)|bugs|errors|delays?)"
OVERSTATEMENT = re.compile(
    r"\b(?:won'?t|will[ \t]+not|cannot|can'?t|can[ \t]+not|never[ \t]+(?:again[ \t]+)?will|will[ \t]+never|would[ \t]+never"
    r"|wouldn'?t|is[ \t]+not[ \t]+going[ \t]+to|isn'?t[ \t]+going[ \t]+to)[ \t]+(?:\w+[ \t]+)?"
    r"(?:fail|go[ \t]+down|crash|fall[ \t]+over|go[ \t]+offline|be[ \t]+down|happen[ \t]+again)\b"
    r"|\bguarantee[sd]?[ \t]+(?:\w+[ \t]+){0,2}?(?:every|all|no|zero|that|the|our|a|success|uptime|it|we|checkout|sales?)\b"
    r"|\b(?:for[ \t]+good|once[ \t]+and[ \t]+for[ \t]+all|permanently|for[ \t]+ever|forevermore)\b"
    r"|\bno[ \t]+more[ \t]+(?:\w+[ \t]+)?" + _BAD + r"\b"
    r"|\b(?:stop|stops|prevent|prevents|end|ends|eliminate|eliminates|remove|removes|avoid|avoids|fix|fixes|solve|solves)[ \t]+"
    r"(?:all|every|each|any)[ \t]+(?:one[ \t]+)?(?:of[ \t]+)?(?:the[ \t]+|our[ \t]+|those[ \t]+|these[ \t]+|its[ \t]+)?"
    r"(?:\d+[ \t]+|\w+[ \t]+)?(?:\w+[ \t]+)?" + _BAD + r"\b"
    r"|\b(?:checkout|black[ \t]+friday|the[ \t]+peak|peak|the[ \t]+site|we|it)[ \t]+(?:is|are|will[ \t]+be|would[ \t]+be)[ \t]+"
    r"(?:now[ \t]+|then[ \t]+|completely[ \t]+|totally[ \t]+)?safe\b"
    r"|\b(?:never|no\b)[ \t]+(?:\w+[ \t]+)?(?:go(?:es)?[ \t]+down|outages?|downtime)[ \t]+again\b"
    r"|\b(?:outage|downtime|incident|failure|crash)[- ]free\b|\bbullet-?proof\b|\bfail-?proof\b"
    r"|\bzero[ \t]+(?:\w+[ \t]+)?(?:outages?|downtime|incidents?|failures?|crash(?:es)?)\b"
    r"|\bstays?[ \t]+(?:up|online)[ \t]+(?:all|the[ \t]+whole|throughout|every)\b", I)
# A hedge or a negation in front clears it: "no plan can guarantee", "can't rule out", "won't guarantee".
OVERSTATEMENT_UNLESS = re.compile(
    r"\b(?:can'?t|cannot|can[ \t]+not|won'?t|will[ \t]+not|doesn'?t|does[ \t]+not|don'?t|do[ \t]+not|not|no[ \t]+one|nobody"
    r"|nothing|no[ \t]+(?:plan|fix|change|mitigation|rework|work|team|amount)|never)[ \t]+(?:\w+[ \t]+){0,3}?"
    r"(?:guarantee\w*|promise\w*|rule[ \t]+out|ensure\w*|be[ \t]+sure|say|claim\w*)\b"
    r"|\b(?:no|without[ \t]+a|without[ \t]+any|not[ \t]+a)[ \t]+guarantee\b|\b(?:un)?likely\b|\bless[ \t]+likely\b"
    r"|\b(?:fewer|less[ \t]+often|some[ \t]+of|most[ \t]+of|part[ \t]+of)\b|\bif[ \t]+we[ \t]+(?:don'?t|do[ \t]+not)\b"
    r"|\b(?:we|it|checkout)[ \t]+(?:could|might|may)[ \t]+(?:still[ \t]+)?(?:fail|go[ \t]+down|crash)", I)
OVERSTATEMENT_NEEDLES = ("won", "will", "can", "never", "guarantee", "good", "for all", "permanent", "ever", "no more",
                         "free", "proof", "zero", "stay",
                         "all", "every", "each", "any", "safe", "again", "wouldn", "isn", "not")
# "it will not stop every outage": a hedge that names what the fix cannot do, not a promise.
NEGATED_BEFORE = re.compile(r"\b(?:not|never|won'?t|can'?t|cannot|doesn'?t|don'?t|isn'?t|wouldn'?t)[ \t]+(?:\w+[ \t]+)?$", I)
OVERSTATEMENT_FEEDBACK = (
    "The fix makes the bad outcome impossible, so I can promise it.",
    "Nobody controls whether checkout fails on one day: traffic, suppliers and the next change all get a vote. "
    "A finance director hears \u201cwon't fail\u201d or \u201cno more outages\u201d as a promise you will be held to, and "
    "discounts the rest. Say what the fix changes as a share or a range (\u201cshould prevent about half of last "
    "peak's outage time, $30,000 to $70,000\u201d) and name what it cannot prevent.")


def detect_overstatement(ctx_or_text) -> list[Finding]:
    """Certainty about outcomes nobody controls ("won't fail this Black Friday", "no more outages", "for good")."""
    text = ctx_or_text if isinstance(ctx_or_text, str) else ctx_or_text.text
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    hits = 0
    for needle in OVERSTATEMENT_NEEDLES:
        i = lowered.find(needle)
        while i != -1 and hits < MAX_NEEDLE_HITS:
            hits += 1
            m = OVERSTATEMENT.search(text, max(0, i - 40), min(len(text), i + len(needle) + 90))
            if m:
                lo, hi = clause_of(text, m.start(), m.end())
                sentence_lo, _ = sentence_of(text, m.start(), m.end())
                if not OVERSTATEMENT_UNLESS.search(text, max(sentence_lo, m.start() - 80), min(hi, m.end() + 40)) \
                        and not NEGATED_BEFORE.search(text, max(sentence_lo, m.start() - 30), m.start()):
                    return [Finding("overstatement", f"I read \u201c{_quote(m.group(0))}\u201d: a certainty about an "
                                    "outcome nobody controls.", *OVERSTATEMENT_FEEDBACK)]
            i = lowered.find(needle, i + len(needle))
    return []
