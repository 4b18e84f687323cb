"""The one-page proposal: problem, numbers, options with pros and cons, and the ask.

Showing a proposal never writes a file: Run All would otherwise leave a half-empty
``my-proposal.md`` before the learner had written a word. The file is written when the
learner presses *Save my proposal* under the page (or calls ``save()``).

The article's advice for the slow pipeline everyone complains about: draft a
one-page proposal with clear pros and cons. Even if rejected, it shows you are
thinking about the health of the whole system.
"""
from __future__ import annotations

import datetime
import html
import json
import os
from dataclasses import dataclass, field
from pathlib import Path


def money(value) -> str:
    """An amount in the company's currency for the page, or a reminder while the calculation above is still blank."""
    if value is None or value is Ellipsis or not isinstance(value, (int, float)):
        return "(compute it above first)"
    from workshop.company import currency

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
    # 05's form asks for the article's "clear pros and cons": a pro AND a con for each option, and a risk.
    # The capstone's page keeps the looser rule (its own checks say what is missing).
    pros_and_cons: bool = False

    def missing(self) -> list[str]:
        """The parts a decision-maker would ask for that are still empty."""
        gaps = [name for name in ("title", "headline", "problem", "ask")
                if not isinstance(getattr(self, name), str) or not getattr(self, name).strip()]
        if not self.numbers or not all(_filled(v) for v in self.numbers.values()):
            gaps.append("numbers")
        options = [o for o in self.options if isinstance(o, Option)]
        if len(options) < 2 or not all(_filled(o.name) for o in options):
            gaps.append("at least two options (doing nothing counts)")
        if self.pros_and_cons:
            if options and not all(any(map(_filled, o.pros)) and any(map(_filled, o.cons)) for o in options):
                gaps.append("a pro and a con for each option")
            if not any(map(_filled, self.risks)):
                gaps.append("at least one risk (what could make the saving smaller, or the fix overrun)")
        elif options and not all(any(map(_filled, [*o.pros, *o.cons])) for o in options):
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
            # An empty part is left out, never printed as "Do nothing ((yours to write))".
            lines += [f"### {_text(option.name)}" + (f" ({option.cost})" if _filled(option.cost) else ""), ""]
            lines += [str(option.note), ""] if _filled(option.note) else []
            lines += [f"- Pro: {p}" for p in option.pros if _filled(p)] + [f"- Con: {c}" for c in option.cons if _filled(c)]
            lines += [""]
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
        from workshop.bank.markdown import to_html

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
        from workshop.bank.markdown import NO_MATHS, to_html

        gaps = self.missing()
        note = (f"<p role='status'><strong>Still to fill in:</strong> {html.escape(', '.join(gaps))}</p>" if gaps else "")
        body = to_html(self.markdown())  # raw HTML in any field is not passed through
        headline = assess(self.headline if isinstance(self.headline, str) else "")
        return (f"<div class='lwi-proposal {NO_MATHS}'>{note}{body}<hr><p><em>How a business listener hears the headline:</em></p>"
                f"{headline._repr_html_()}</div>")


# -- the form: module 05's proposal, written in prose boxes like the capstone's case ----------------

PROPOSAL_PLACEHOLDERS = {
    "title": "e.g. Speed up our CI pipeline",
    "headline": "One sentence: the saving, its size, what the fix costs, when it pays back.",
    "problem": "One or two sentences: who waits, how long, and what it costs.",
    "payback": "your answer to the payback question, e.g. about 3 weeks",
    "risks": "What could make the saving smaller, one per line",
    "ask": "What you want, from whom, by when",
}
PROPOSAL_OPTIONS = [
    ("Do nothing", "costs nothing now", "the waiting goes on"),
    ("Your fix", "what it saves", "what it costs, and for how long"),
    ("(another option, if you have one)", "", ""),
]
_drafts: dict[str, dict] = {}  # name -> the form's text, so running the cell again keeps what was typed
DRAFT_MARK = "<!-- lwi-proposal-form: "


class ProposalForm:
    """Module 05's one-page proposal as a form: prose boxes, options as name, pro and con, the page as it
    will read (updated as you leave each box), and Save under it. Nothing is written until Save.

    ``numbers`` are the figures computed above (label -> text); the headline starts as the one checked above.
    """

    def __init__(self, headline=None, numbers: dict | None = None, title: str = "", name: str = "my-proposal.md"):
        import ipywidgets as w

        from workshop.widgets.onepage import PROSE_CLASS, PROSE_STYLE, option_rows

        self.name, self.numbers = name, dict(numbers or {})
        wide = {"description_width": "150px"}

        def box(kind, label, key, height=None):
            layout = w.Layout(width="100%", max_width="760px", height=height) if height else \
                w.Layout(width="100%", max_width="760px")
            return kind(value="", description=label, placeholder=PROPOSAL_PLACEHOLDERS[key], style=wide,
                        layout=layout, continuous_update=False)

        self.boxes = {
            "title": box(w.Text, "Title:", "title"),
            "headline": box(w.Textarea, "Headline:", "headline", "52px"),
            "problem": box(w.Textarea, "The problem:", "problem", "64px"),
            "payback": box(w.Text, "Payback of the fix:", "payback"),
        }
        self.option_rows, rows = option_rows(PROPOSAL_OPTIONS)
        self.boxes.update(risks=box(w.Textarea, "Risks:", "risks", "52px"), ask=box(w.Textarea, "The ask:", "ask", "52px"))
        self.page = w.HTML(layout=w.Layout(width="auto"))
        self.save_button = w.Button(description="Save my proposal", icon="save", button_style="primary",
                                    tooltip=f"Write this page to {name} beside the notebook",
                                    layout=w.Layout(width="auto", min_width="180px"))
        self.status = w.HTML(layout=w.Layout(width="auto"))
        self.saves = 0
        restored = self._restore(title, headline)
        for widget in [*self.boxes.values(), *(b for row in self.option_rows for b in row)]:
            widget.continuous_update = False
            widget.observe(lambda _change: self.refresh(), "value")
        self.save_button.on_click(lambda _: self.save())
        numbers_html = "".join(f"<li><strong>{html.escape(k)}:</strong> {html.escape(str(v))}</li>"
                               for k, v in self.numbers.items())
        form = w.VBox([
            w.HTML(f"{PROSE_STYLE}<p><em>Your numbers, from the cells above:</em></p><ul>{numbers_html}</ul>"),
            self.boxes["title"], self.boxes["headline"], self.boxes["problem"], self.boxes["payback"],
            w.HTML("<strong>Options:</strong> at least two, and make doing nothing one of them; a pro and a con for each."),
            *rows, self.boxes["risks"], self.boxes["ask"],
            w.HTML("<p><em>Your page, as a reader will see it:</em></p>"), self.page,
            w.HBox([self.save_button]), self.status,
        ], layout=w.Layout(width="auto"))
        form.add_class(PROSE_CLASS)
        self.widget = form
        if restored:
            self.status.value = f"<p role='status'><em>{html.escape(restored)}</em></p>"
        self.refresh()

    # -- what the learner typed ------------------------------------------------------------------
    def values(self) -> dict:
        from workshop.widgets.onepage import options_text

        found = {k: b.value for k, b in self.boxes.items() if b.value.strip()}
        options = options_text(self.option_rows)
        if options:
            found["options"] = options
        return found

    def _restore(self, title, headline) -> str:
        """Fill the form from this kernel's draft, else from the page saved earlier; say which."""
        from workshop.widgets.onepage import fill_option_rows

        draft, said = _drafts.get(self.name), ""
        if draft is None:
            draft = _saved_draft(output_dir() / self.name)
            said = f"Restored from {self.name}, saved earlier." if draft else ""
        draft = dict(draft or {})
        if not draft.get("title"):
            draft["title"] = title
        if _filled(headline) and isinstance(headline, str) and not draft.get("headline"):
            draft["headline"] = headline
        for key, widget in self.boxes.items():
            if isinstance(draft.get(key), str):
                widget.value = draft[key]
        if isinstance(draft.get("options"), str):
            fill_option_rows(self.option_rows, draft["options"])
        return said

    def proposal(self) -> Proposal:
        from workshop.labs.capstone.case import Case, parse_option

        values = self.values()
        numbers = dict(self.numbers)
        if values.get("payback"):
            numbers["Payback of the fix"] = values["payback"]
        else:
            numbers.setdefault("Payback of the fix", "")
        case = Case({k: v for k, v in values.items() if k in ("options", "risks")})
        return Proposal(
            title=values.get("title", ""), headline=values.get("headline", ""), problem=values.get("problem", ""),
            numbers=numbers, options=[parse_option(line) for line in case.lines("options")],
            ask=values.get("ask", ""), risks=case.lines("risks"), pros_and_cons=True,
        )

    # -- showing and saving ------------------------------------------------------------------------
    def refresh(self) -> None:
        _drafts[self.name] = self.values()
        self.page.value = self.proposal()._repr_html_()

    def save(self):
        """Write the page (with the form's text in a comment, so a restarted kernel gets it back); say where."""
        from workshop.widgets.case import where

        proposal = self.proposal()
        try:
            path = output_dir() / self.name
            path.parent.mkdir(parents=True, exist_ok=True)
            draft = json.dumps(self.values(), ensure_ascii=False).replace("--", "\\u002d\\u002d")
            path.write_text(proposal.markdown() + f"\n{DRAFT_MARK}{draft} -->\n", encoding="utf-8")
        except OSError as exc:
            self.status.value = f"<p role='status'>Could not save: {html.escape(str(exc))}. Nothing was lost: try again.</p>"
            return None
        self.saves += 1
        lead = "Saved" if self.saves == 1 else f"Saved again at {datetime.datetime.now():%H:%M}"
        gaps = proposal.missing()
        if gaps:
            lead += f", but it is not finished (still to fill in: {html.escape(', '.join(gaps))}). The page is"
        self.status.value = (f"<p role='status' aria-live='polite'>{lead} in {html.escape(where(path.parent))}: "
                             f"{html.escape(path.name)}. Right-click it in the file browser to download it.</p>")
        return path

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = "Proposal form: fill it in, then press Save my proposal."
        return bundle


def _saved_draft(path: Path) -> dict | None:
    """The form's text kept in a saved page's last line, if there is one."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    start = text.rfind(DRAFT_MARK)
    if start < 0:
        return None
    try:
        draft = json.loads(text[start + len(DRAFT_MARK):].rsplit("-->", 1)[0])
    except ValueError:
        return None
    return {k: v for k, v in draft.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(draft, dict) else None


def _fix_case(fix_saving) -> dict:
    """What the fix costs and buys net, from the profile and the learner's own saving: the numbers a
    budget holder weighs (net saving, fix cost, running cost, payback, break-even share)."""
    try:
        from workshop.company.facts import current

        f = current()
        fix, running = float(f["ci_fix_cost"].value), float(f["ci_fix_running_cost_per_year"].value)
        weeks = float(f["working_weeks_per_year"].value)
    except Exception:  # no data: the page shows the learner's own numbers only
        return {}
    rows = {"The fix's cost, up front": money(fix), "Its running cost, per year": money(running)}
    if isinstance(fix_saving, (int, float)) and not isinstance(fix_saving, bool) and fix_saving > running:
        net = fix_saving - running
        rows["Saving net of running cost, per year"] = money(round(net, -3))
        rows["Payback if every saved minute becomes work"] = f"about {fix / (net / weeks):.1f} working weeks"
        rows["Share of saved time that must become work to pay back within a quarter"] = (
            f"{(fix + running / 4) / (fix_saving / 4):.0%}")
    else:
        rows["Saving net of running cost, per year"] = money(None)
    return rows


def proposal_form(headline=None, hours_waited=None, cost_per_year=None, fix_saving=None, **numbers) -> ProposalForm:
    """Module 05's proposal form, with the numbers computed above (a blank one says "compute it above first")."""
    figures = {
        "Hours waited over the CI table's weeks": amount(hours_waited, "hours"),
        "Cost of all the waiting, per year": money(cost_per_year),
        "Saving the fix buys, per year": money(fix_saving),
        **_fix_case(fix_saving),
        **numbers,
    }
    return ProposalForm(headline=headline, numbers=figures, title="Speed up our CI pipeline")
