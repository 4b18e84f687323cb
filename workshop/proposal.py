"""The one-page proposal: problem, numbers, options with pros and cons, and the ask.

Showing a proposal never writes a file: Run All would otherwise leave a half-empty
``my-proposal.md`` before the learner had written a word. The file is written when the
learner presses *Save my proposal* under the page (or calls ``save()``).

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
    """An amount in the company's currency for the page, or a reminder while the calculation above is still blank."""
    if value is None or value is Ellipsis or not isinstance(value, (int, float)):
        return "(compute it above first)"
    from workshop import currency

    return currency.amount(value)


def amount(value, unit: str) -> str:
    """A count for the page (``4,346 hours``), or a reminder while the calculation above is still blank."""
    if value is None or value is Ellipsis or isinstance(value, bool) or not isinstance(value, (int, float)):
        return "(compute it above first)"
    return f"{value:,.0f} {unit}"


TO_WRITE = "(yours to write)"


def _filled(value) -> bool:
    """A learner's entry that is not blank and not the template's ``...``."""
    return value is not Ellipsis and value is not None and (not isinstance(value, str) or bool(value.strip()))


def _text(value) -> str:
    return str(value) if _filled(value) else TO_WRITE


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
        if not self.numbers or not all(_filled(v) for v in self.numbers.values()):
            gaps.append("numbers")
        options = [o for o in self.options if isinstance(o, Option)]
        if len(options) < 2 or not all(_filled(o.name) for o in options):
            gaps.append("at least two options (doing nothing counts)")
        if options and not all(any(map(_filled, [*o.pros, *o.cons])) for o in options):
            gaps.append("a pro or a con for each option")
        return gaps

    def markdown(self) -> str:
        headline = self.headline if isinstance(self.headline, str) else "(write your headline above)"
        lines = [f"# {_text(self.title)}", "", f"**{headline}**", "", "## Problem", "", _text(self.problem), "",
                 "## The numbers", ""]
        lines += [f"- **{label}:** {_text(value)}" for label, value in self.numbers.items()]
        lines += ["", "## Options", ""]
        for option in self.options:
            if not isinstance(option, Option):
                lines += [f"### {TO_WRITE}", ""]
                continue
            lines += [f"### {_text(option.name)}" + (f" ({_text(option.cost)})" if option.cost else ""), ""]
            lines += [_text(option.note), ""] if option.note else []
            lines += [f"- Pro: {_text(p)}" for p in option.pros] + [f"- Con: {_text(c)}" for c in option.cons] + [""]
        risks = [r for r in self.risks if _filled(r)]
        if risks:  # before the ask, so the page ends with what the reader is asked to decide
            lines += ["## Risks", ""] + [f"- {r}" for r in risks] + [""]
        for heading, text in self.sections.items():
            lines += [f"## {heading}", "", _text(text), ""]
        lines += ["## The ask", "", _text(self.ask), ""]
        return "\n".join(lines)

    def save(self, name: str = "my-proposal.md") -> Path:
        """Write the Markdown file a learner can download (right-click it in the file browser)."""
        path = output_dir() / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.markdown(), encoding="utf-8")
        return path

    def controls(self, name: str = "my-proposal.md"):
        """The page with a *Save my proposal* button under it; the button is the only writer."""
        import ipywidgets as w

        page = w.HTML(self._repr_html_(), layout=w.Layout(width="auto"))
        button = w.Button(description="Save my proposal", icon="save",
                          tooltip=f"Write this page to {name} beside the notebook")
        status = w.HTML(layout=w.Layout(width="auto"))

        def save(_=None):
            try:
                path = self.save(name)
            except OSError as exc:
                status.value = f"<p role='status'>Could not save: {html.escape(str(exc))}. Nothing was lost: try again.</p>"
                return
            gaps = self.missing()
            todo = f" Still to fill in: {html.escape(', '.join(gaps))}." if gaps else ""
            status.value = (f"<p role='status' aria-live='polite'>Saved to <code>{html.escape(str(path))}</code>; "
                            f"right-click it in the file browser to download it.{todo}</p>")

        button.on_click(save)
        box = w.VBox([page, button, status], layout=w.Layout(width="auto"))
        box.save_button, box.status = button, status
        return box

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.controls()._repr_mimebundle_(include=include, exclude=exclude)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/html"] = self._repr_html_()
        data["text/plain"] = f"Proposal: {self.title}"
        return bundle

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
        from workshop.markdown import NO_MATHS, to_html

        gaps = self.missing()
        note = (f"<p role='status'><strong>Still to fill in:</strong> {html.escape(', '.join(gaps))}</p>" if gaps else "")
        body = to_html(self.markdown())  # raw HTML in any field is not passed through
        headline = assess(self.headline if isinstance(self.headline, str) else "")
        return (f"<div class='lwi-proposal {NO_MATHS}'>{note}{body}<hr><p><em>How a business listener hears the headline:</em></p>"
                f"{headline._repr_html_()}</div>")
