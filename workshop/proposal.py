"""The one-page proposal: problem, numbers, options with pros and cons, and the ask.

The article's advice for the slow pipeline everyone complains about: draft a
one-page proposal with clear pros and cons. Even if rejected, it shows you are
thinking about the health of the whole system.
"""
from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path


def money(value) -> str:
    """A dollar figure for the page, or a reminder while the calculation above is still blank."""
    if value is None or value is Ellipsis or not isinstance(value, (int, float)):
        return "(compute it above first)"
    return f"${value:,.0f}"


def output_dir() -> Path:
    """Where learners' files go: ``$WORKSHOP_OUTPUT_DIR``, else the notebook's folder."""
    return Path(os.environ.get("WORKSHOP_OUTPUT_DIR") or ".").expanduser()


@dataclass
class Option:
    name: str
    pros: list[str] = field(default_factory=list)
    cons: list[str] = field(default_factory=list)
    cost: str = ""
    note: str = ""  # one plain line under the option's name, when pros and cons don't fit (the capstone's)


@dataclass
class Proposal:
    title: str
    headline: str
    problem: str = ""
    numbers: dict[str, str] = field(default_factory=dict)
    options: list[Option] = field(default_factory=list)
    ask: str = ""
    risks: list[str] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)  # extra headed sections, before the ask (the capstone's)

    def missing(self) -> list[str]:
        """The parts a decision-maker would ask for that are still empty."""
        gaps = [name for name in ("title", "headline", "problem", "ask")
                if not isinstance(getattr(self, name), str) or not getattr(self, name).strip()]
        if not self.numbers:
            gaps.append("numbers")
        if len(self.options) < 2:
            gaps.append("at least two options (doing nothing counts)")
        return gaps

    def markdown(self) -> str:
        headline = self.headline if isinstance(self.headline, str) else "(write your headline above)"
        lines = [f"# {self.title}", "", f"**{headline}**", "", "## Problem", "", self.problem, "", "## The numbers", ""]
        lines += [f"- **{label}:** {value}" for label, value in self.numbers.items()]
        lines += ["", "## Options", ""]
        for option in self.options:
            lines += [f"### {option.name}" + (f" ({option.cost})" if option.cost else ""), ""]
            lines += [option.note, ""] if option.note else []
            lines += [f"- Pro: {p}" for p in option.pros] + [f"- Con: {c}" for c in option.cons] + [""]
        if self.risks:  # before the ask, so the page ends with what the reader is asked to decide
            lines += ["## Risks", ""] + [f"- {r}" for r in self.risks] + [""]
        for heading, text in self.sections.items():
            lines += [f"## {heading}", "", text, ""]
        lines += ["## The ask", "", self.ask, ""]
        return "\n".join(lines)

    def save(self, name: str = "my-proposal.md") -> Path:
        """Write the Markdown file a learner can download (right-click it in the file browser)."""
        path = output_dir() / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.markdown(), encoding="utf-8")
        return path

    def html_document(self) -> str:
        """A standalone HTML page of the proposal: opens in any browser, prints to PDF from there."""
        from workshop.markdown import to_html

        return (f"<!doctype html>\n<html lang='en'><head><meta charset='utf-8'><title>{html.escape(self.title)}</title>"
                "<style>body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.45}</style></head>"
                f"<body>\n{to_html(self.markdown())}\n</body></html>\n")

    def save_html(self, name: str = "my-proposal.html") -> Path:
        """Write the HTML page beside the Markdown (only when the learner saves)."""
        path = output_dir() / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.html_document(), encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        from workshop.framing import assess
        from workshop.markdown import to_html

        gaps = self.missing()
        note = (f"<p role='status'><strong>Still to fill in:</strong> {html.escape(', '.join(gaps))}</p>" if gaps else "")
        body = to_html(self.markdown())  # raw HTML in any field is not passed through
        headline = assess(self.headline if isinstance(self.headline, str) else "")
        return (f"<div class='lwi-proposal'>{note}{body}<hr><p><em>How a business listener hears the headline:</em></p>"
                f"{headline._repr_html_()}</div>")
