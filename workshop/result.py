"""The one object every checker returns.

Modelled on otter-grader's test results: it renders as HTML in a notebook and as
plain text in a terminal or test, and it never shows right or wrong by colour alone.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

STATUSES = ("correct", "partial", "incorrect", "not_attempted")

# Icon and word for each status: the word carries the meaning, the colour only helps.
_BADGES = {
    "correct": ("\u2714", "Correct", "#1b7837"),
    "partial": ("\u25d1", "Partly right", "#8c510a"),
    "incorrect": ("\u2716", "Not yet", "#b2182b"),
    "not_attempted": ("\u25cb", "Not attempted", "#4d4d4d"),
}
# An ungraded answer (a reflection, the baseline) is saved, never "correct": nobody marked it.
_SAVED = ("\u270e", "Saved", "#2166ac")


_LEARNER = re.compile("\ue000(.*?)\ue001", re.DOTALL)


def _feedback_html(marked: str) -> str:
    """Authored Markdown, with the learner's own text shown as escaped plain text (no images, links or HTML)."""
    from workshop.bank.markdown import to_html

    quoted: list[str] = []

    def hold(match) -> str:
        quoted.append(match.group(1))
        return f"LWIQUOTED{len(quoted) - 1}Z"

    rendered = to_html(_LEARNER.sub(hold, marked))
    return re.sub(r"LWIQUOTED(\d+)Z", lambda m: f"<code>{html.escape(quoted[int(m.group(1))])}</code>", rendered)


def _belief(text: str) -> str:
    return text.strip()


def belief_line(belief: str, repair: str | None = None) -> str:
    """A misconception as a mistaken belief in quotes, never a bare sentence a skimming reader takes as advice."""
    line = f"\u2716 Mistaken belief: \u201c{_belief(belief)}\u201d"
    return f"{line} Why not: {repair.strip()}" if repair else line


def belief_html(belief: str, repair: str | None = None) -> str:
    """The same in HTML: the cross and the words carry the meaning, not a colour."""
    why = f" <em>Why not:</em> {html.escape(repair.strip())}" if repair else ""
    return (f'<div class="lwi-belief"><span aria-hidden="true">\u2716</span> <strong>Mistaken belief:</strong> '
            f"\u201c{html.escape(_belief(belief))}\u201d{why}</div>")


@dataclass(frozen=True)
class Result:
    """Outcome of checking one answer: what a learner reads and what tests assert on."""

    exercise_id: str
    status: str
    feedback: str
    misconception: str | None = None  # the mistaken belief, phrased as one
    score: float = 0.0
    details: tuple[str, ...] = field(default_factory=tuple)
    explanation: str | None = None
    extra_html: str | None = None  # a kind's own view, e.g. the framing highlights; must be escaped already
    graded: bool = True  # False for answers that are saved, not marked: the badge says "Saved"
    marked_feedback: str | None = field(default=None, repr=False, compare=False)  # feedback with learner text marked
    repair: str | None = None  # why the belief is mistaken, when the feedback above does not already say it

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")
        if _LEARNER.search(self.feedback):  # keep the marks for HTML; the text everyone reads is plain
            object.__setattr__(self, "marked_feedback", self.feedback)
            object.__setattr__(self, "feedback", _LEARNER.sub(lambda m: m.group(1), self.feedback))

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    @property
    def badge(self) -> tuple[str, str, str]:
        """(icon, word, colour): "Saved" for an ungraded answer that was kept."""
        if not self.graded and self.status in ("correct", "partial"):
            return _SAVED
        return _BADGES[self.status]

    @property
    def label(self) -> str:
        return self.badge[1]

    @property
    def icon(self) -> str:
        return self.badge[0]

    def summary(self) -> str:
        """One line: stable enough for nbval to compare."""
        return f"{self.exercise_id}: {self.status.replace('_', ' ')}"

    def text(self) -> str:
        lines = [f"{self.icon} {self.label} ({self.exercise_id})", self.feedback]
        lines += [f"  - {d}" for d in self.details]
        if self.misconception:
            lines.append(belief_line(self.misconception, self.repair))
        if self.explanation:
            lines.append(f"Why: {self.explanation}")
        return "\n".join(line for line in lines if line)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        from workshop.bank.markdown import NO_MATHS, to_html

        icon, word, colour = self.badge
        parts = [
            f'<div class="lwi-result lwi-{self.status} {NO_MATHS}" role="status" aria-live="polite" '
            f'style="border-left:4px solid {colour};padding:4px 10px;margin:4px 0">',
            f'<strong><span aria-hidden="true">{icon}</span> {word}</strong> '
            f'<span style="opacity:.7">({html.escape(self.exercise_id)})</span>',
            f"<div>{_feedback_html(self.marked_feedback or self.feedback)}</div>",
        ]
        if self.details:
            parts.append("<ul>" + "".join(f"<li>{html.escape(d)}</li>" for d in self.details) + "</ul>")
        if self.extra_html:
            parts.append(self.extra_html)
        if self.misconception:
            parts.append(belief_html(self.misconception, self.repair))
        if self.explanation:
            parts.append(f"<div><em>Why:</em> {to_html(self.explanation)}</div>")
        parts.append("</div>")
        return "".join(parts)
