"""The growth of the day: the morning's baseline beside the capstone's rewrite, both scored now.

Both texts come from the learner's progress log: the FIRST checked baseline (the "before", written
before any teaching: a later re-check, after the model answer or the afternoon, must not overwrite it)
and the last checked rewrite. The two
exercises are the same request word for word, so both are checked now by module 10's full
judge (the framing elements, the facts the learner was given, and the mistakes it teaches
against): an invented number or revenue counted as the loss scores the same morning and
afternoon, and the comparison is like for like.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

BASELINE_ID = "00.baseline-messy-code"
AGAIN_ID = "10.baseline-again"


@dataclass(frozen=True)
class Growth:
    baseline: str | None
    again: str | None

    @staticmethod
    def judged(text: str | None):
        """Module 10's full check of a text (a Result), or None when there is no text."""
        from workshop.api import check

        return check(AGAIN_ID, text) if isinstance(text, str) and text.strip() else None

    @classmethod
    def _score(cls, text: str | None) -> int | None:
        result = cls.judged(text)
        return None if result is None else round(100 * result.score)

    @classmethod
    def verdict(cls, text: str | None) -> str | None:
        """The check's status in words, with the mistaken belief it found, if any."""
        result = cls.judged(text)
        if result is None:
            return None
        status = {"correct": "correct", "partial": "partly right"}.get(result.status, "not yet")
        return f"{status}: {result.misconception}" if result.misconception else status

    @property
    def baseline_score(self) -> int | None:
        return self._score(self.baseline)

    @property
    def again_score(self) -> int | None:
        return self._score(self.again)

    @property
    def change(self) -> int | None:
        before, after = self.baseline_score, self.again_score
        return None if before is None or after is None else after - before

    def summary(self) -> str:
        """One line for a terminal: both scores and the change, or what is still missing."""
        before, after = self.baseline_score, self.again_score
        if before is None and after is None:
            return "No baseline (module 00) or capstone rewrite (module 10) saved yet."
        if before is None:
            return f"Capstone rewrite {after}/100; no baseline from module 00 was saved."
        if after is None:
            return f"Baseline {before}/100; the capstone rewrite (module 10) is still to do."
        sign = "+" if self.change >= 0 else ""
        return f"Baseline {before}/100 -> capstone {after}/100 ({sign}{self.change} points)"

    def text(self) -> str:
        def line(label: str, text: str | None) -> str:
            return f"  {label}{text or '(none)'}" + (f"  [{self.verdict(text)}]" if text else "")

        return "\n".join([self.summary(), line("morning:   ", self.baseline), line("afternoon: ", self.again)])

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        def column(heading: str, text: str | None, score: int | None, missing: str) -> str:
            verdict = self.verdict(text) or ""
            body = (f"<blockquote style='text-align:left'>{html.escape(text)}</blockquote>"
                    f"<p><strong>Score: {score}/100</strong> ({html.escape(verdict)})</p>" if text
                    else f"<p><em>{html.escape(missing)}</em></p>")
            return (f"<section aria-label='{heading}' style='flex:1;min-width:240px;text-align:left'>"
                    f"<h3 style='text-align:left'>{heading}</h3>{body}</section>")

        return (
            # MathJax skips these classes: "$" in a learner's sentence stays money, not maths.
            "<div class='lwi-growth mathjax_ignore tex2jax_ignore'><div style='display:flex;gap:24px;flex-wrap:wrap'>"
            + column("This morning (module 00)", self.baseline, self.baseline_score, "No baseline saved: answer it in module 00.")
            + column("Now (module 10)", self.again, self.again_score, "Not yet: rewrite it above and press Check.")
            + f"</div><p role='status'><strong>{html.escape(self.summary())}</strong></p></div>"
        )


def latest_text(exercise_id: str, path: Path | None = None) -> str | None:
    """The last checked text answer to an exercise, from the progress log."""
    from workshop.progress import log as progress

    found = None
    for entry in progress.events(path):
        if entry["exercise"] == exercise_id and entry["event"] == "check" and isinstance(entry.get("answer"), str):
            if entry["answer"].strip():
                found = entry["answer"]
    return found


def first_text(exercise_id: str, path: Path | None = None) -> str | None:
    """The first checked text answer to an exercise, from the progress log."""
    from workshop.progress import log as progress

    for entry in progress.events(path):
        if entry["exercise"] == exercise_id and entry["event"] == "check" and isinstance(entry.get("answer"), str):
            if entry["answer"].strip():
                return entry["answer"]
    return None


def growth(path: Path | None = None) -> Growth:
    """The learner's first baseline and latest capstone rewrite, side by side with both scores."""
    return Growth(first_text(BASELINE_ID, path), latest_text(AGAIN_ID, path))
