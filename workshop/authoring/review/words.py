"""Crude word stems, enough to tell whether one text names another."""
from __future__ import annotations

import re

STOPWORDS = frozenset("""
a an and are as at be been being but by can could do does doesn't don't each even every for from
had has have how i if in into is it it's its just more most much my no not now of on one or our
out so than that the their them then there these they this those to too up us very was we were
what when where which while who why will with would you your yours about only own other
""".split())


def stems(text: str) -> set[str]:
    """Content words cut to five letters, so 'mentoring' and 'mentor' meet."""
    text = text.lower()
    numbers = {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}  # "$80,000" is "80000"
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text)
    return {_stem(w) for w in words if w not in STOPWORDS and len(w) >= 3} | {n for n in numbers if len(n) >= 2}


# Words that name one idea in the workshop's misconceptions: "effort" and "activity" are both
# "what I put in", so "Effort is the same as impact" and "Activity is the same as impact" meet.
_FAMILIES = {
    "input": ("effor", "activ", "input", "busy", "hour", "time", "meeti", "worki"),
    "output": ("outpu", "ticke", "commi", "pull", "velo", "produ"),
    "rank": ("title", "rank", "hiera", "autho", "senio", "promo", "posit", "permi"),
    "impact": ("impac", "outco", "resul", "value", "effec"),
}
_FAMILY_OF = {stem: family for family, members in _FAMILIES.items() for stem in members}


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:5]


def idea_words(text: str) -> set[str]:
    """Stems with near-synonyms folded together, for comparing two stated ideas."""
    return {_FAMILY_OF.get(s, s) for s in stems(text)}


def coverage(named: str, text: str) -> float:
    """The share of ``named``'s content words that ``text`` also uses (0 when it has none)."""
    wanted = stems(named)
    return len(wanted & stems(text)) / len(wanted) if wanted else 0.0


def overlap(a: str, b: str) -> float:
    """Jaccard similarity of two stated ideas' content words, near-synonyms folded."""
    sa, sb = idea_words(a), idea_words(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0
