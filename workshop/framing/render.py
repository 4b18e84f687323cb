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


def highlighted(text: str, spans: dict[str, list[tuple[int, int, str]]]) -> str:
    """Escape everything; wrap each non-overlapping trigger in a <mark> with its element named in words."""
    marks = sorted(
        ((start, end, name) for name, found in spans.items() for start, end, _ in found),
        key=lambda m: (m[0], -(m[1] - m[0])),
    )
    out, position = [], 0
    for start, end, name in marks:
        if start < position:
            continue
        out.append(html.escape(text[position:start]))
        out.append(
            f'<mark style="{STYLE[name]}" title="{name}">{html.escape(text[start:end])}'
            f'<sup aria-label="{name}">[{name}]</sup></mark>'
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
