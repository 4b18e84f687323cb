"""The assessment as HTML: the learner's words, escaped, with each trigger marked and named."""
from __future__ import annotations

import html

TICK, CROSS = "\u2714", "\u2716"

STYLE = {
    "outcome": "background:#d9f0d3",
    "magnitude": "background:#c6dbef",
    "timeframe": "background:#fee6ce",
    "evidence": "background:#e7d4e8",
    "jargon": "background:#fddbc7;text-decoration:underline wavy",
}


# When several elements share the same words, name them in this order: a currency amount sizes
# the claim (magnitude) before it names money (outcome), as RUBRIC.md says.
ORDER = ("magnitude", "outcome", "timeframe", "evidence", "jargon")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave surrounding spaces outside the mark, so its tag never runs into the next word."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Words that never carry an element alone: a verb like "shows" or "were" counts towards evidence
# only with the number or date beside it, and "the team" is an outcome only with the hours it loses.
LONE = frozenset("""
shows show showed shown found find were was is are be been being had has have having did do does saw went took
cost costs fell rose grew dropped lost cut got made
team teams staff people everyone engineers developers employees workers crew the our my their a an
""".split())


def _carries(text: str) -> bool:
    """Whether a marked phrase says something by itself, not a lone function word or bare verb."""
    from workshop.framing.lexicon import FUNCTION_WORDS

    words = [w for w in text.lower().replace("\u2019", "'").split() if w not in ("the", "our", "my", "their", "a", "an")]
    if not words:
        return False
    if len(words) == 1:
        return words[0] not in LONE and words[0] not in FUNCTION_WORDS
    return True


def highlighted(text: str, spans: dict[str, list[tuple[int, int, str]]]) -> str:
    """Escape everything; wrap each phrase that carries an element in a <mark> with its elements named in words.

    A lone function word or bare verb is never marked ("shows[evidence]", "the team[outcome]"):
    the phrase that carries the element is marked, or nothing is. A mark that contains shorter
    marks names their elements too, so no element's words go unlabelled.
    """
    names: dict[tuple[int, int], list[str]] = {}
    for name in sorted(spans, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER)):
        for start, end, _ in spans[name]:
            key = _trimmed(text, start, end)
            if key[0] < key[1] and _carries(text[key[0]:key[1]]) and name not in names.setdefault(key, []):
                names[key].append(name)
    names = {k: v for k, v in names.items() if v}
    for outer in names:
        for inner, found in names.items():
            if inner != outer and outer[0] <= inner[0] and inner[1] <= outer[1]:
                names[outer] += [n for n in found if n not in names[outer]]
    for key in names:
        names[key].sort(key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))
    out, position = [], 0
    for (start, end), found in sorted(names.items(), key=lambda item: (item[0][0], -(item[0][1] - item[0][0]))):
        if start < position:
            continue
        label = ", ".join(found)
        out.append(html.escape(text[position:start]))
        out.append(
            f'<mark style="{STYLE[found[0]]}" title="{label}">{html.escape(text[start:end])}'
            f'<sup aria-label="{label}">[{label}]</sup></mark>'
        )
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def assessment_html(assessment) -> str:
    rows = "".join(
        f"<li>{TICK if found else CROSS} <strong>{name}</strong>: {'found' if found else 'missing'}</li>"
        for name, found in assessment.elements.items()
    )
    jargon = ", ".join(html.escape(t) for t in assessment.jargon) or "none"
    tips = "".join(f"<li>{html.escape(tip)}</li>" for tip in assessment.feedback)
    verdict = "Strong" if assessment.strong else "Not yet strong"
    return (
        f'<div class="lwi-framing" role="status" aria-live="polite">'
        f"<p><strong>{verdict}: score {assessment.score}/100</strong></p>"
        f"<blockquote>{highlighted(assessment.text[:2000], assessment.spans)}</blockquote>"
        f"<ul>{rows}<li><strong>jargon</strong>: {jargon}</li></ul>"
        + (f"<p>To make it stronger:</p><ul>{tips}</ul>" if tips else "")
        + "</div>"
    )
