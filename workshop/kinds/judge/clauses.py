"""Clauses, sentences, the word lists the detectors share, and the Context every detector reads."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from workshop.kinds.judge.quantities import I, MAX_CHARS, Quantity, read_quantities
from workshop.kinds.judge.known import Known
from workshop.kinds.judge.matching import Index, close, matches

# --- Clauses and context ---------------------------------------------------------------------

CLAUSE_BREAK = re.compile(r"[.;!?\n]+(?!\d)|\s[\u2014\u2013]\s|\s-\s|,\s+(?=(?:but|while|whereas|yet|of\s+which|and\s+the\s+"
                          r"(?:fix|rework|change|mitigation)|which)\b)", I)


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``start..end``: back to the last full stop or semicolon, on to the next."""
    lo = 0
    for m in CLAUSE_BREAK.finditer(text, max(0, start - 400), start):
        lo = m.end()
    m = CLAUSE_BREAK.search(text, end, min(len(text), end + 400))
    hi = m.start() if m else min(len(text), end + 400)
    return lo, hi


SENTENCE_BREAK = re.compile(r"[.;!?\n]+(?!\d)")


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start..end`` (a semicolon ends one too)."""
    lo = 0
    for m in SENTENCE_BREAK.finditer(text, max(0, start - 600), start):
        lo = m.end()
    m = SENTENCE_BREAK.search(text, end, min(len(text), end + 600))
    return lo, (m.start() if m else min(len(text), end + 600))


SAVING_WORDS = re.compile(
    r"\b(?:sav(?:e|es|ed|ing|ings)|recover\w*|recoup\w*|give[sn]?[ \t]+(?:\w+[ \t]+){0,3}?back|gives?[ \t]+back|win[ \t]+back"
    r"|get[ \t]+back|free[sd]?[ \t]+up|eliminat\w*|wipe[sd]?[ \t]+out|remove[sd]?|avoid\w*|prevent\w*|pay(?:s|ing)?[ \t]+"
    r"(?:for[ \t]+itself|back)|stop[ \t]+(?:losing|paying|wasting)|cut(?:s|ting)?[ \t]+(?:the|our|that|this|all)"
    r"|(?:end|ends|ending|stop|stops|stopping|kill|kills|remove|removes)[ \t]+(?:the|our|that|this|all)"
    r"|get(?:s|ting)?[ \t]+rid[ \t]+of|do(?:es)?[ \t]+away[ \t]+with"
    r"|(?:keep|keeps|kept|protect\w*|shield\w*|preserv\w*|safeguard\w*|hold(?:s|ing)?[ \t]+on[ \t]+to)[ \t]+(?:all[ \t]+(?:of[ \t]+)?)?"
    r"(?:that|this|the|those|our|all|it))\b", I)
ALL_OF_IT = re.compile(
    r"\b(?:sav(?:e|es|ed|ing)|recover\w*|eliminat\w*|remov\w*|wipe[sd]?[ \t]+out|prevent\w*|avoid\w*|stop\w*|end\w*|get[ \t]+back"
    r"|give[sn]?[ \t]+(?:us[ \t]+)?back|cut\w*|fix\w*)[ \t]+(?:\w+[ \t]+){0,2}?(?:all[ \t]+(?:of[ \t]+)?(?:it|that|this|those|these"
    r"|the[ \t]+(?:waiting|wait|loss|losses|cost|money|problem|time|outages?|incidents?|downtime))|the[ \t]+(?:whole|entire|full)"
    r"[ \t]+(?:\w+[ \t]+)?(?:cost|loss|problem|amount|bill)|every[ \t]+(?:dollar|pound|euro|penny|cent|minute|hour)"
    r"(?:[ \t]+of[ \t]+(?:it|that|waiting|the[ \t]+\w+))?)\b"
    r"|\b(?:eliminat\w*|remov\w*|wipe[sd]?[ \t]+out|prevent\w*|end(?:s|ing)?|stop\w*|sav\w*|fix\w*)[ \t]+(?:\w+[ \t]+){0,3}?"
    r"(?:entirely|completely|altogether|in[ \t]+full|for[ \t]+good)\b"
    r"|\b(?:entirely|completely|fully)[ \t]+(?:eliminat\w*|remov\w*|prevent\w*|end\w*|stop\w*|wipe[sd]?[ \t]+out)", I)
PART_OF = re.compile(r"\b(?:half|part|some|a[ \t]+third|a[ \t]+quarter|a[ \t]+share|\d+[ \t]?%|most|much|portion|fraction"
                     r"|slice|chunk|share)[ \t]+of[ \t]+(?:the[ \t]+|our[ \t]+|that[ \t]+|this[ \t]+)?$", I)
NEGATED = re.compile(r"\b(?:not|never|won't|wont|will[ \t]+not|wouldn't|can't|cannot|doesn't|don't|isn't|no[ \t]+fix|nor)\b", I)
LOSS_WORDS = re.compile(r"\b(?:cost\w*|los(?:e|es|t|ing|s|ses)|at[ \t]+risk|sav(?:e|es|ed|ing)|damage\w*|bleed\w*"
                        r"|hit|drain\w*|burn\w*|wast\w*|prevent\w*|protect\w*|avoid\w*|forfeit\w*|leak\w*|evaporat\w*"
                        r"|gone|vanish\w*|walks?[ \t]+away|out[ \t]+(?:of[ \t]+)?the[ \t]+(?:door|window)|on[ \t]+the[ \t]+table"
                        r"|down[ \t]+the[ \t]+drain|left[ \t]+behind|miss(?:es|ed|ing)?[ \t]+out)\b", I)
MARGIN_WORDS = re.compile(r"\bmargin\b|\bprofit\b", I)
DEADLINE_WORDS = re.compile(
    r"\b(?:before|ahead[ \t]+of|in[ \t]+time[ \t]+for|by)[ \t]+(?:the[ \t]+)?(?:change[ \t]+freeze|code[ \t]+freeze|freeze"
    r"|black[ \t]+friday|cyber[ \t]+(?:monday|week)|peak(?:[ \t]+season)?|the[ \t]+holidays|holiday[ \t]+season|christmas"
    r"|\d{1,2}[ \t]+(?:november|december)|(?:november|december)[ \t]+\d{1,2})\b", I)
FIX_WORDS = re.compile(
    r"\b(?:rework\w*|re-?writ\w*|refactor\w*|rebuil\w*|re-?architect\w*|overhaul\w*|re-?platform\w*|clean(?:ing)?[ \t-]?up"
    r"|(?:the|full|whole|proper|real)[ \t]+fix|fix(?:ing|ed|es)?[ \t]+(?:it|this|that|checkout|the[ \t]+\w+|our[ \t]+\w+)"
    r"|repair\w*|replac\w*|migrat\w*|(?:the|our)[ \t]+\w*[ \t]?project)\b", I)
MITIGATION_WORDS = re.compile(
    r"\b(?:mitigat\w*|stop-?gap|patch\w*|quick\w*|interim|temporar\w*|short[ \t-]term|small|smaller|flags?|load[ \t-]shedding"
    r"|rate[ \t-]limit\w*|runbooks?|rehears\w*|fallback\w*|after[ \t]+(?:the[ \t]+)?(?:freeze|peak|black[ \t]+friday|holidays)"
    r"|once[ \t]+the[ \t]+(?:freeze|peak)|queue|cache|scale[ \t]+up|add(?:ing)?[ \t]+capacity|cannot|can't|can[ \t]+not|won't"
    r"|will[ \t]+not|not[ \t]+(?:land|be[ \t]+ready|make|fit)|too[ \t]+(?:long|late)|january|february|march|next[ \t]+year"
    r"|if[ \t]+we[ \t]+(?:don't|do[ \t]+not|can't|fail[ \t]+to)|unless|without|impossible|not[ \t]+possible"
    r"|no[ \t]+time|not[ \t]+enough[ \t]+time|too[ \t]+late)\b", I)


# --- Detectors --------------------------------------------------------------------------------

@dataclass
class Context:
    """Everything the detectors read: the text, its quantities and the facts as numbers."""

    text: str
    quantities: list[Quantity]
    given: list[Known] = field(default_factory=list)
    derived: list[Known] = field(default_factory=list)
    company: list[Known] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    cache: dict = field(default_factory=dict)
    stated: list[Known] = field(default_factory=list)  # numbers the exercise's prompt shows the learner

    def mentions(self, *needles: str) -> bool:
        return any(n in self.lowered for n in needles)

    def __post_init__(self):
        self.lowered = self.text.lower()
        if len(self.lowered) != len(self.text):
            self.lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
        self.ix_given, self.ix_derived, self.ix_company = Index(self.given), Index(self.derived), Index(self.company)
        self.ix_known = Index(self.given + self.derived)
        self.ix_all = Index(self.given + self.derived + self.company)
        self.ix_real = Index(self.given + self.company)
        # What supports a claim: this exercise's own given facts, numbers derived from them, and the
        # numbers its prompt shows the learner. Never another module's fact that happens to be near.
        self.ix_support = Index(self.given + self.derived + self.stated)
        self.ranges = find_ranges(self)

    def by_role(self, role: str) -> list[Known]:
        return [k for k in self.given if k.role == role]

    def role_of(self, q: Quantity) -> Known | None:
        """The given fact (or one derived from it) this quantity states, if any: given facts first."""
        for pool in (self.ix_given, self.ix_derived):
            found = matches(q, pool)
            if found:
                return found[0]
        return None


# A sentence of the prompt about someone else's company: its numbers support nothing of ours.
PUBLISHED = re.compile(r"\b(?:published|industry|averages?|gartner|ponemon|itic|survey|stud(?:y|ies)|benchmarks?"
                       r"|larger[ \t]+(?:firms|companies)|other[ \t]+companies)\b", I)


def stated_numbers(text: str) -> list[Known]:
    """The numbers an exercise's prompt shows the learner (not a published average's): they may be quoted."""
    text = (text or "")[:MAX_CHARS]
    out = []
    for q in read_quantities(text):
        lo, hi = sentence_of(text, q.start, q.end)
        if PUBLISHED.search(text, lo, hi):
            continue
        out.append(Known(f"prompt:{q.said}", q.value, q.said, q.kind, q.unit, q.period, "context", "stated in the exercise",
                         given=True))  # as the learner read it: a period the prompt leaves unsaid is not held against it
    return out


RANGE_JOIN = re.compile(r"^[ \t]*(?:to|-|\u2013|\u2014|and|or)[ \t]*(?:about[ \t]+|roughly[ \t]+)?$", I)


def find_ranges(ctx: "Context") -> list[Quantity]:
    """The ends of honest ranges ("$30,000 to $70,000"): both ends money, bracketing or near the exercise's saving
    (or, with no saving given, a part of the whole problem). Such ends are read as the saving, whatever unrelated
    fact one end happens to equal."""
    out: list[Quantity] = []
    qs = ctx.quantities
    savings = [k for k in ctx.given + ctx.derived if k.role == "saving" and k.kind == "money"]
    whole = [k for k in ctx.given if k.role == "whole_problem" and k.kind == "money"]
    for a, b in zip(qs, qs[1:]):
        if a.kind != "money" or b.kind != "money" or not (0 < a.value < b.value) or b.value > 4 * a.value:
            continue
        if not RANGE_JOIN.match(ctx.text[a.end:b.start]):
            continue
        period = b.period or a.period
        same = [k for k in savings if k.period in (period, None) or period is None]
        if same:
            top = max(k.value for k in same)
            honest = b.value <= 1.25 * top and any(a.value <= 1.1 * k.value and b.value >= 0.9 * k.value for k in same)
            honest = honest or all(any(close(x, k.value, strict=True) for k in same) for x in (a.value, b.value))
        else:
            parts = [k for k in whole if k.period in (period, None) or period is None]
            honest = bool(parts) and any(b.value <= 0.9 * k.value for k in parts)
        if honest:
            out += [a, b]
    return out


MAX_CLAIMS = 20


def _claims(ctx: Context) -> list[Quantity]:
    """The quantities a finance director would check: money, and time rates ("20 hours a week"); the first 20."""
    return [q for q in ctx.quantities if (q.kind == "money" and q.value > 0) or (q.kind == "time" and q.is_rate)][:MAX_CLAIMS]
