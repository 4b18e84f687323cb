"""Which English words exist, which can be verbs, and which are past-tense forms.

The framing checker needs to know whether a statement is made of real words and has a
verb that links its parts. Hand lists cannot cover English, so this reads the lookup
tables that the ``lemminflect`` package ships inside its wheel (about 80,000 word forms
with their parts of speech, and every verb's inflections). Nothing downloads at run time.

We read the two CSV tables directly rather than ``import lemminflect``: the package's
import also loads numpy and a neural model we do not need, and ``import workshop`` must
stay light. The tables load once, the first time the checker runs (about 0.1 s).
If the package is missing, ``available()`` is False and the checker skips the word tests
that need it rather than failing a learner.
"""
from __future__ import annotations

import gzip
from functools import cache
from importlib.util import find_spec
from pathlib import Path

# Closed-class words: the lexicon lists only words that inflect, so these come from here.
FUNCTION_WORDS = frozenset("""
a an the this that these those some any each every no all both either neither such what which whose who whom
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
of to in on at by for from with without about above below over under into onto out off up down through
across after before since until till during within between among against per via than as like near
and or but nor so yet if because although though while whereas unless whether when where how why then
not also just only even still too very quite rather more most less least much many few several
is am are was were be been being do does did done have has had having
will would shall should can could may might must ought
there here now again ever never always often sometimes
""".split())

MODALS_AND_AUXILIARIES = frozenset(
    "is am are was were be been being do does did have has had will would shall should can could may might must "
    "isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't won't wouldn't can't couldn't "
    "shouldn't mustn't 's 're 've 'd 'll".split()
)


# Nouns the tables list only as verbs; a statement that ends "... per year log." is not using a verb.
NOUN_TOO = frozenset({"log", "logs", "survey", "report", "reports", "audit", "audits", "review", "reviews"})


def _table(name: str) -> list[list[str]]:
    # find_spec locates the package without importing it (its __init__ loads numpy).
    spec = find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect")
    data = (Path(list(spec.submodule_search_locations)[0]) / "resources" / name).read_bytes()
    return [line.split(",") for line in gzip.decompress(data).decode("utf-8").lower().splitlines()]


KINDS = ("noun", "verb", "adj", "adv", "aux", "propn")
_BIT = {kind: 1 << index for index, kind in enumerate(KINDS)}


@cache
def _lexicon() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """(word form -> parts of speech, forms only ever past, forms past or present: "cost"); empty if unavailable."""
    try:
        bits: dict[str, int] = {}
        get = bits.get
        for row in _table("lemma_lu.csv.gz"):
            if len(row) >= 2:
                bits[row[0]] = get(row[0], 0) | _BIT.get(row[1], 0)
        past: set[str] = set()
        present: set[str] = set()
        for row in _table("infl_lu.csv.gz"):
            if len(row) < 2:
                continue
            bit = _BIT.get(row[1], 0)
            for field in (row[0], *row[2:]):
                for form in field.split("/"):
                    if form:
                        bits[form] = get(form, 0) | bit
            if row[1] == "verb" and len(row) >= 4:
                past.update(form for field in row[2:4] for form in field.split("/") if form)
                if len(row) >= 6:
                    present.update(form for form in (row[0], *row[5].split("/")) if form)
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError, UnicodeDecodeError):
        return {}, frozenset(), frozenset()
    both = past & present
    past -= present  # "cost", "cut", "hit": present as often as past, so not a sign of the past on their own
    for word in NOUN_TOO:
        bits[word] = get(word, 0) | _BIT["noun"]
    shared = {value: frozenset(k for k in KINDS if value & _BIT[k]) for value in set(bits.values())}
    return {word: shared[value] for word, value in bits.items()}, frozenset(past), frozenset(both)


def load() -> None:
    """Load the tables now (the checker calls this on first use)."""
    _lexicon()


def available() -> bool:
    return bool(_lexicon()[0])


def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech a word form can take ('noun', 'verb', 'adj', 'adv', 'aux'); empty if unknown."""
    return _lexicon()[0].get(word.lower(), frozenset())


def is_word(word: str) -> bool:
    """True for an English word form (or a function word); hyphenated compounds count when each part does."""
    lower = word.lower().strip("'")
    if lower in FUNCTION_WORDS or lower in _lexicon()[0]:
        return True
    if lower.endswith("'s") and is_word(lower[:-2]):
        return True
    parts = [p for p in lower.replace("/", "-").split("-") if p]
    if len(parts) > 1:
        return all(p in FUNCTION_WORDS or p in _lexicon()[0] or p.isdigit() for p in parts)
    # Common prefixes make new words from known ones: re-enter, rebooking, unconfirmed.
    for prefix in ("re", "un", "pre", "non", "over", "under", "mis", "co"):
        if lower.startswith(prefix) and len(lower) > len(prefix) + 3 and lower[len(prefix):] in _lexicon()[0]:
            return True
    return False


def can_be_verb(word: str) -> bool:
    lower = word.lower()
    return lower in MODALS_AND_AUXILIARIES or "verb" in parts_of_speech(lower) or "aux" in parts_of_speech(lower)


def only_verb(word: str) -> bool:
    """A word that is a verb and nothing else (``abandoned``, ``rose``): a verb wherever it stands."""
    kinds = parts_of_speech(word)
    return bool(kinds) and kinds <= {"verb", "aux"}


def is_past(word: str) -> bool:
    """A past-tense or past-participle verb form: ``led``, ``fell``, ``abandoned``, ``doubled``."""
    return word.lower() in _lexicon()[1]


def is_past_or_present(word: str) -> bool:
    """A verb form that is past or present alike: ``cost``, ``cut``, ``hit``; the rest of the sentence decides."""
    return word.lower() in _lexicon()[2]
