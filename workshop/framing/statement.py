"""Is it a statement? A claim a business listener could act on, not a pile of rewarded words.

The element rules find words; this module asks whether those words make a sentence:
real words, said once, with a verb that links what the business gains or loses to how
much. Each problem comes with a plain sentence that tells the learner what to do, and
any problem keeps a statement from being strong (RUBRIC.md: a claim a listener can act on).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from workshop.framing import lexicon
from workshop.framing.lexicon import FUNCTION_WORDS, MODALS_AND_AUXILIARIES

Span = tuple[int, int, str]

TOKEN = re.compile(r"[$€£¥]?\d[\d,]*(?:\.\d+)?(?:%|[kmb]n?\b|x\b)?|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|[^\sA-Za-z\d]", re.I)
SENTENCE_END = re.compile(r"(?<!\d)[.!?;]+(?!\d)|\n+|:\s|\s[-=*/+|]\s|\s*=\s*")
LABEL = re.compile(r"(?:^|[.;!?\n]\s*|^\s*[-*•]\s*)([A-Za-z][\w ]{0,24}?)\s*[:=]\s*\S", re.M)
BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.M)
RUBRIC_WORDS = re.compile(r"\b(?:outcome|magnitude|timeframe|time ?frame|evidence|jargon|kpi|metric)s?\b", re.I)

SUBJECT_PRONOUNS = frozenset("we they it i you he she who that which this these those everyone nobody".split())
OBJECT_STARTERS = frozenset(
    "us them it him her me you our their its his my your a an the this that these those some each every "
    "about around roughly nearly almost over under up down more less half twice by to in on at for from into "
    "out away back".split()
)
AMOUNT_HEDGES = frozenset("about around roughly nearly almost over under up some".split())
TIME_DETERMINERS = frozenset("last next past previous coming".split())  # "fell 15% last month" is a sentence
BASE_VERBS_IN_ING = frozenset("bring brings sing ring spring sting swing cling fling sling wring string".split())
CONJUNCTIONS = frozenset("and or but nor".split())
NOT_VERBS = FUNCTION_WORDS - MODALS_AND_AUXILIARIES
REPEAT_OK = frozenset({"that", "had"})  # "that that", "had had": English allows these twice in a row

# Words of business and software English that the lexicon lacks; not non-words.
KNOWN_WORDS = frozenset("""
checkout checkouts signup signups login logins logout onboarding offboarding chargeback chargebacks payout payouts
widget widgets firmware rota rotas dashboard dashboards app apps backend frontend online offline email emails
ecommerce e-commerce sso saas api apis url urls website websites webpage smartphone smartphones wifi
refactor refactoring microservice microservices kubernetes docker linter graphql kafka terraform postgres
ok okay vs etc covid nps csat kpi kpis arr mrr gmv roi sla slas nhs gdpr pci
""".split())

MESSAGES = {
    "labels": "This reads as a list of labels, not a statement. Say it as one sentence: who gains or loses what, "
              "and how much (for example: \u201cCheckout outages cost us $40,000 last quarter.\u201d).",
    "list": "This reads as a list of words; say who gains or loses what, in a sentence, with a verb that links "
            "them (for example: \u201cSignups fell 15% last month.\u201d).",
    "repetition": "Some words are repeated ({words}); saying a word again does not make the case stronger. "
                  "Say it once, in a sentence: who gains or loses what, and how much?",
    "nonwords": "Some words are not English a business listener would know ({words}); say it in plain words.",
    "unlinked": "Join the parts in one sentence with a verb, so the number says how much the business gains or "
                "loses (for example: \u201coutages cost us $40,000\u201d, \u201csignups fell 15%\u201d).",
}


@dataclass(frozen=True)
class Problem:
    """Why the words do not yet make a statement; ``words`` are the ones that show it."""

    kind: str
    message: str
    words: tuple[str, ...] = ()


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences (and label/value parts) of a text."""
    ranges, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if text[start:m.start()].strip():
            ranges.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        ranges.append((start, len(text)))
    return ranges


def _is_word_token(token: str) -> bool:
    return token[0].isalpha()


def _is_number_token(token: str) -> bool:
    return bool(re.match(r"[$€£¥]?\d", token))


def finite_verbs(words: list[str]) -> list[int]:
    """Positions of words that act as a finite verb here: they make a clause, not a label.

    Modals and auxiliaries always do; a word that is only ever a verb does (except an
    -ing form or an infinitive after "to"); a word that can also be a noun does when it
    follows a subject and comes before an object ("outages *cost* us", "costs *rose* 40%").
    """
    found = []
    for i, word in enumerate(words):
        lower = word.lower().replace("\u2019", "'")
        if not _is_word_token(word):
            continue
        if lower in MODALS_AND_AUXILIARIES or lower.endswith(("n't", "'re", "'ve", "'ll")):
            found.append(i)
            continue
        if lower in NOT_VERBS or not lexicon.can_be_verb(lower):
            continue
        previous = words[i - 1].lower() if i else ""
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if previous == "to":
            continue  # an infinitive: "to save $2M" is not yet a claim
        if lower.endswith("ing") and lower not in BASE_VERBS_IN_ING and previous not in MODALS_AND_AUXILIARIES:
            continue  # "losing 90 minutes", "timing out": a participle needs "is" or "were" to make a clause
        after_subject = bool(previous) and (
            previous in SUBJECT_PRONOUNS
            or (_is_word_token(previous) and previous not in NOT_VERBS)
            or _is_number_token(previous)
        )
        if lexicon.only_verb(lower):
            if i or not lexicon.is_past(lower):  # "Lost revenue, $2M": an opening participle is a label
                found.append(i)
            continue
        if lexicon.is_past(lower) and after_subject:
            found.append(i)
            continue
        amount_next = bool(following) and (_is_number_token(following) or following in AMOUNT_HEDGES)
        object_next = amount_next or (following in FUNCTION_WORDS and following not in CONJUNCTIONS) \
            or following.endswith("ly") or (following in ("", ".", ",", ";", "!") and previous in SUBJECT_PRONOUNS)
        if _is_number_token(previous) and not amount_next:
            continue  # "90 minutes every day": after a number, a plural noun, not a verb
        if after_subject and object_next:
            found.append(i)
    return found


def _covered(start: int, end: int, spans: list[Span]) -> bool:
    return any(s[0] < end and start < s[1] for s in spans)


def problems(text: str, spans: dict[str, list[Span]]) -> list[Problem]:
    """Everything that keeps these words from being a statement; empty for a real sentence."""
    toks = tokens(text)
    words = [t for t in toks if _is_word_token(t[2])]
    if not words and not any(_is_number_token(t[2]) for t in toks):
        return []
    found: list[Problem] = []
    element_spans = [s for name in ("outcome", "magnitude", "timeframe", "evidence") for s in spans.get(name, [])]

    labels = LABEL.findall(text)
    rubric_words = {m.group(0).lower() for m in RUBRIC_WORDS.finditer(text)}
    bullets = BULLET.findall(text)
    if len(labels) >= 2 or len(rubric_words) >= 2 or len(bullets) >= 2 or (
            labels and RUBRIC_WORDS.fullmatch(labels[0].strip())):
        found.append(Problem("labels", MESSAGES["labels"], tuple(label.strip() for label in labels)))

    parts = sentences(text)
    part_tokens = [[t[2] for t in tokens(text[a:b])] for a, b in parts]
    verbless = [not finite_verbs(ts) for ts in part_tokens]
    short_verbless = sum(1 for ts, v in zip(part_tokens, verbless) if v and len([t for t in ts if t not in ",!?"]) <= 3)
    # "Two engineers, two weeks, about $12,000: a trial ... shows whether": a verbless list that a colon
    # hands to a sentence with a verb is the sentence's subject, not a pile of words.
    # The same list closed by a full stop ("Two engineers, two weeks before the freeze, $12,000 of time. By the
    # incident log, ...") opens the sentence that follows: it has numbers and real phrases, not a pile of labels.
    introduces = [i + 1 < len(verbless) and not verbless[i + 1] and (
                  text[b:b + 1] == ":" or (i == 0 and any(_is_number_token(t) for t in part_tokens[i])
                                           and any(t.lower() in FUNCTION_WORDS for t in part_tokens[i])))
                  for i, (a, b) in enumerate(parts)]
    comma_list = any(v and ts.count(",") >= 2 and not intro for ts, v, intro in zip(part_tokens, verbless, introduces))
    piles = []
    for (a, b), ts, v in zip(parts, part_tokens, verbless):
        content = [t for t in ts if _is_word_token(t) or _is_number_token(t)]
        if len(content) >= 5 and not any(t.lower() in FUNCTION_WORDS or t.lower() in TIME_DETERMINERS for t in content):
            piles.append(text[a:b].strip())
        if _outcome_pile(text, a, b, spans.get("outcome", [])):
            piles.append(text[a:b].strip())
    is_list = not found and ((len(parts) >= 3 and short_verbless * 3 >= len(parts) * 2) or comma_list or piles)

    lowered = [w[2].lower().replace("\u2019", "'") for w in toks if _is_word_token(w[2]) or _is_number_token(w[2])]
    repeated = []
    for first, second in zip(lowered, lowered[1:]):
        if first == second and first not in REPEAT_OK and first not in repeated:
            repeated.append(first)
    for word in dict.fromkeys(lowered):
        # Stuffing, not prose: three uses AND at least one word in ten. An honest three-sentence
        # case says "peak" or "checkout" three times; "revenue, revenue, more revenue" is a pile.
        count = lowered.count(word)
        if word not in FUNCTION_WORDS and count >= 3 and count * 10 >= len(lowered) and word not in repeated:
            repeated.append(word)
    if repeated:
        shown = ", ".join(f"\u201c{w}\u201d" for w in repeated[:3])
        found.append(Problem("repetition", MESSAGES["repetition"].format(words=shown), tuple(repeated)))

    if lexicon.available():
        strange = []
        for start, end, word in words:
            lower = word.lower().replace("\u2019", "'")
            at_sentence_start = any(start == a + (len(text[a:b]) - len(text[a:b].lstrip())) for a, b in parts)
            if word.isupper() and len(word) <= 6:
                continue  # an acronym: NPS, KPI, AWS
            if word[0].isupper() and not at_sentence_start:
                continue  # a name: Flutter, Postgres, Larkspur
            if lower in KNOWN_WORDS or lexicon.is_word(lower) or _covered(start, end, element_spans + spans.get("jargon", [])):
                continue
            strange.append(word)
        if len(strange) >= 2 and len(strange) * 6 >= len(words) or (strange and len(words) <= 3):
            shown = ", ".join(f"\u201c{w}\u201d" for w in strange[:4])
            found.append(Problem("nonwords", MESSAGES["nonwords"].format(words=shown), tuple(strange)))

    if is_list:  # after the more specific reasons above: repetition and non-words say which words
        found.append(Problem("list", MESSAGES["list"], tuple(piles)))
    if spans.get("outcome") and spans.get("magnitude") and not found and lexicon.available() \
            and not _linked(text, parts, spans):
        found.append(Problem("unlinked", MESSAGES["unlinked"]))
    return found


def _outcome_pile(text: str, a: int, b: int, outcome: list[Span]) -> bool:
    """Three or more outcome words side by side, no verb or small word between: "fees fines penalties"."""
    words = tokens(text[a:b])
    verbs = set(finite_verbs([w[2] for w in words]))
    if len(verbs) >= 2:
        return False  # "two engineers spending two weeks ... will show whether": a clause with its verbs, not a pile
    run: list[Span] = []
    for index, (s, e, word) in enumerate(words):
        if not (_is_word_token(word) or _is_number_token(word)):
            continue
        hit = next((o for o in outcome if o[0] < a + e and a + s < o[1]), None)
        if hit is None or index in verbs or word.lower() in FUNCTION_WORDS:
            run = []
            continue
        if hit not in run:
            run.append(hit)
        if len(run) >= 3:
            return True
    return False


def _linked(text: str, parts: list[tuple[int, int]], spans: dict[str, list[Span]]) -> bool:
    """True when one sentence holds an outcome, a magnitude and a finite verb that links them.

    A part that ends in a colon runs on into the next ("Two engineers, about $12,000: a trial shows ...").
    """
    joined = []
    for a, b in parts:
        if joined and text[joined[-1][1]:joined[-1][1] + 1] == ":":
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    for a, b in joined:
        has_outcome = any(a <= s[0] < b for s in spans["outcome"])
        has_magnitude = any(a <= s[0] < b for s in spans["magnitude"])
        if has_outcome and has_magnitude and finite_verbs([t[2] for t in tokens(text[a:b])]):
            return True
    return False
