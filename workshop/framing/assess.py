"""Rules for each element, and the assessment they add up to."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from workshop.framing import lexicon, statement
from workshop.framing import patterns as p
from workshop.framing.statement import Problem, problems as statement_problems
from workshop.framing.vocabulary import JARGON

ELEMENTS = ("outcome", "magnitude", "timeframe", "evidence")
WEIGHTS = {"outcome": 35, "magnitude": 30, "timeframe": 15, "evidence": 20}
JARGON_PENALTY, MAX_JARGON_PENALTY = 10, 30
# Words before a past verb that make it a past event ("we lost", "it was lost", "they had cut").
PAST_SUBJECTS = frozenset("we they it i he she who that which this these those was were has have had".split())
NOT_A_STATEMENT_CAP = 40  # a pile of rewarded words never scores like a claim a listener can act on
MAX_CHARS = 5_000  # a statement is a sentence or three; judge the opening of anything longer

SUGGESTIONS = {
    "outcome": "Name who or what the business loses or gains: revenue, customers, time to market, risk, or staff time?",
    "magnitude": "Put a number on it: how many hours, dollars, customers or days? An estimate with 'about' is fine.",
    "timeframe": "Say when it lands or over what period: by Black Friday, next quarter, per week, a year?",
    "evidence": "Back it with something already observed: last quarter's incidents, a dashboard, a survey or a pilot.",
}

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Assessment:
    """What a business listener would hear; ``spans`` says which words triggered each element."""

    text: str
    score: int
    elements: dict[str, bool]
    jargon: list[str]
    strong: bool
    feedback: list[str]
    spans: dict[str, list[Span]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        marks = ", ".join(f"{name} {'yes' if found else 'no'}" for name, found in self.elements.items())
        lines = [f"Score {self.score}/100 ({'strong' if self.strong else 'not yet strong'}): {marks}"]
        if self.jargon:
            lines.append("Jargon: " + ", ".join(self.jargon))
        lines += [f"- {tip}" for tip in self.feedback]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from workshop.framing.render import assessment_html

        return assessment_html(self)


def _find(pattern: re.Pattern, text: str, label: str | None = None) -> list[Span]:
    return [(m.start(), m.end(), label or m.group(0)) for m in pattern.finditer(text)]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < o[1] and o[0] < span[1] for o in others)


def _magnitude(text: str) -> list[Span]:
    naming = _find(p.NAMING_NUMBER, text)
    dates = [s for pattern in p.TIMEFRAME[:4] for s in _find(pattern, text)]
    spans = [s for s in _find(p.NUMBER, text) if not _overlaps(s, naming + dates)]
    spans += [s for s in _find(p.NUMBER_WORDS, text) if not _overlaps(s, naming)]
    spans += _find(p.MULTIPLIER, text)
    return spans


def _timeframe(text: str) -> list[Span]:
    return [s for pattern in p.TIMEFRAME for s in _find(pattern, text)]


def _outcome(text: str, timeframe: list[Span]) -> list[Span]:
    asks = _find(p.BUDGET_ASK, text)
    spans = [
        s for s in _find(p.OUTCOME_WORD, text)
        if not _overlaps(s, asks) and not p.SYSTEM_AFTER.match(text, s[1])
    ]
    for pattern in (p.CURRENCY, p.CUSTOMER_FAILURE, p.COUNTED_SERVICE, p.DOWN, p.SLOWS_PEOPLE, p.HIRING,
                    p.COUNTED_GROUP, p.GROUP_EFFECT, p.LOSS_SIZED, p.PERIOD_SHARE, p.TIME_USE, p.BOOKS, p.MONEY_TO_US,
                    p.DELIVERY_WAIT, p.CAPABILITY):
        spans += _find(pattern, text)
    staff, durations = _find(p.STAFF, text), _find(p.DURATION_AMOUNT, text)
    if staff and any(d[2][0].isdigit() or not _overlaps(d, timeframe) for d in durations):
        spans += staff + durations
    workload = _find(p.COUNT_PER_PERIOD, text)
    if staff and workload:  # "staff take 600 of those calls a week": a sized, recurring load on people
        spans += staff + workload
    return spans


def _clause_before(text: str, start: int) -> str:
    """The words before ``start`` in its own clause (back to the last comma, stop or colon)."""
    cut = max(text.rfind(mark, 0, start) for mark in ",.;:!?\n")
    return text[cut + 1:start]


def _observed(text: str, span: Span) -> bool:
    """Not a possibility ("if it showed", "could be lost") and not a document being worked on."""
    return not p.CONDITIONAL.search(_clause_before(text, span[0]))


def _past_verbs(text: str) -> list[Span]:
    """Past-tense verbs that act as verbs here ("signups *fell*", "partners *abandoned*"), from the lexicon."""
    spans = []
    # "cost", "cut", "hit" are past or present; with a date and no future word, a measured past.
    dated = any(pattern.search(text) for pattern in p.TIMEFRAME[:4]) or bool(p.PAST_MARKER.search(text))
    for start, end in statement.sentences(text):
        words = statement.tokens(text[start:end])
        for index in statement.finite_verbs([w[2] for w in words]):
            s, e, word = words[index]
            previous = words[index - 1][2].lower() if index else ""
            subject = previous in PAST_SUBJECTS or (
                previous[:1].isalpha() and previous not in lexicon.FUNCTION_WORDS)
            if subject and (lexicon.is_past(word) or (
                    lexicon.is_past_or_present(word) and dated and not p.FUTURE.search(text[start:end]))):
                spans.append((start + s, start + e, word))
    return spans


FUTURE_SOURCE_BEFORE = re.compile(
    r"\b(?:will|would|could|should|shall|going\s+to|plan(?:s|ning)?\s+to|propose|want\s+to|let's|let\s+us|we'll|we'd"
    r"|i'll|i'd|intend\s+to|run\s+an?|start\s+an?|launch\s+an?|try\s+an?|do\s+an?|a\s+future|an\s+upcoming|upcoming"
    r"|planned|proposed)\b[^,.;:]*$", re.I)
FUTURE_SOURCE_AFTER = re.compile(
    r"^[^,.;:]{0,30}?\b(?:next\s+(?:week|month|quarter|year|sprint)|will|would|could|might|is\s+planned|starts?|in\s+\d+\s+weeks)\b",
    re.I)


def _planned(text: str, span: Span) -> bool:
    """A pilot we will run, a survey we plan: not yet observed, so not evidence (RUBRIC.md: a forecast is not)."""
    before = _clause_before(text, span[0])
    return bool(FUTURE_SOURCE_BEFORE.search(before) or FUTURE_SOURCE_AFTER.match(text[span[1]:span[1] + 40])) and not \
        p.PAST_MARKER.search(before + text[span[1]:span[1] + 40])


def _adjectival(text: str, span: Span) -> bool:
    """A past form after "in", "the", "of": it describes a noun ("in lost orders"), it does not report an event."""
    before = text[:span[0]].split()
    previous = before[-1].lower() if before else ""
    return previous in lexicon.FUNCTION_WORDS and previous not in PAST_SUBJECTS


def _evidence(text: str, magnitude: list[Span], timeframe: list[Span]) -> list[Span]:
    sources = [
        s for s in _find(p.EVIDENCE_SOURCE, text)
        if not p.SYSTEM_AFTER.match(text, s[1]) and not p.SOURCE_AS_WORK.search(_clause_before(text, s[0]))
        and not _planned(text, s)
    ]
    spans = sources + [s for s in _find(p.EVIDENCE_VERB, text) if _observed(text, s)] + _find(p.OBSERVED_COUNT, text)
    markers = _find(p.PAST_MARKER, text)
    listed = [s for s in _find(p.PAST_VERB, text) if not _adjectival(text, s)]
    verbs = [s for s in listed + _past_verbs(text) if _observed(text, s)]
    sized = [m for m in magnitude if not _overlaps(m, markers + timeframe)]
    if (markers or verbs) and sized:
        spans += markers + [v for v in verbs if not _overlaps(v, markers)]
    return spans


def _jargon(text: str) -> tuple[list[str], list[Span]]:
    spans = _find(p.JARGON, text)
    terms: list[str] = []
    for _, _, found in spans:
        if found.lower() not in (t.lower() for t in terms):
            terms.append(" ".join(found.split()))
    return terms, spans


def jargon_prompt(term: str) -> str:
    key = term.lower()
    meaning = next((m for t, m in sorted(JARGON.items(), key=lambda kv: -len(kv[0])) if key.startswith(t)), None)
    hint = f" (for example: {meaning})" if meaning else ""
    return f"Translate \u201c{term}\u201d: say what it does for the business{hint}."


def assess(text) -> Assessment:
    """Judge one statement; any input (None, bytes, 100 KB, emoji, HTML) gives a valid assessment.

    Text beyond MAX_CHARS is not judged: a statement is a sentence or three.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        text = "" if text is None else _safe_str(text)
    text = text[:MAX_CHARS]
    magnitude = _magnitude(text)
    timeframe = _timeframe(text)
    spans = {
        "outcome": _outcome(text, timeframe),
        "magnitude": magnitude,
        "timeframe": timeframe,
        "evidence": _evidence(text, magnitude, timeframe),
    }
    jargon, spans["jargon"] = _jargon(text)
    elements = {name: bool(spans[name]) for name in ELEMENTS}
    found_problems = statement_problems(text, spans)
    strong = elements["outcome"] and elements["magnitude"] and not jargon and not found_problems
    score = sum(WEIGHTS[name] for name in ELEMENTS if elements[name])
    score = max(0, min(100, score - min(MAX_JARGON_PENALTY, JARGON_PENALTY * len(jargon))))
    if found_problems:
        score = min(score, NOT_A_STATEMENT_CAP)
    # First why the words are not yet a statement, then exactly one suggestion per missing
    # element, then one per jargon term.
    feedback = [problem.message for problem in found_problems]
    feedback += [SUGGESTIONS[name] for name in ELEMENTS if not elements[name]]
    feedback += [jargon_prompt(term) for term in jargon]
    return Assessment(text, score, elements, jargon, strong, feedback, spans, found_problems)


def _safe_str(value) -> str:
    try:
        return str(value)
    except Exception:
        return ""
