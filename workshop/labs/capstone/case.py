"""A learner's one-page case: what they typed, read tolerantly, and rendered with the 05 proposal builder.

The case reuses ``workshop.labs.proposal.Proposal`` for the page (Markdown, HTML, saving), so
the capstone and module 05 print the same one-page shape. Nothing is written to disk
until the learner presses Save or calls ``save()``.
"""
from __future__ import annotations

import re
import math
from dataclasses import dataclass, field

from workshop.answers import AnswerProblem, as_text, is_blank
from workshop.labs.capstone.amounts import parse_amount
from workshop.labs.proposal import Option, Proposal, money

# name -> (label the learner reads, is it an amount, is it several lines)
# No colon inside a label: the page prints "**label:** value", and "saving: avoided loss: $22,000" reads badly.
FIELDS: dict[str, tuple[str, bool, bool]] = {
    "title": ("Title", False, False),
    "headline": ("Headline, one sentence with the number", False, True),
    "problem": ("The problem, in business terms", False, True),
    "problem_per_year": ("The problem's cost a year today", True, False),
    "saving_per_year": ("The fix's saving a year (the avoided loss, before running cost)", True, False),
    "low_saving_per_year": ("The sceptic's low case (saving a year)", True, False),
    "fix_cost": ("What the fix costs", True, False),
    "running_cost_per_year": ("The fix's running cost a year (0 if none)", True, False),
    "evidence": ("Where the numbers come from", False, True),
    "options": ("Options, with doing nothing, each with a pro and a con", False, True),
    "reversibility": ("Reversibility: how you would undo it", False, True),
    "risks": ("Risks of the fix itself, one per line", False, True),
    "ask": ("The ask: who, how much, by when", False, True),
}
AMOUNTS = tuple(name for name, (_, amount, _) in FIELDS.items() if amount)

# One option a line: "Name: pro: what it gains; con: what it costs" (the form writes this), or "Name: a note".
_PRO_CON = re.compile(r"\b(pros?|cons?)\s*:\s*(.*?)\s*(?=;\s*(?:pros?|cons?)\s*:|$)", re.IGNORECASE)


def parse_option(line: str) -> Option:
    """An option line as the page's option: its name, and its pro and con (or a plain note)."""
    name, _, rest = line.partition(":")
    parts = _PRO_CON.findall(rest)
    if not parts:
        return Option(name.strip(), note=rest.strip())
    pros = [text.strip(" ;") for kind, text in parts if kind.lower().startswith("pro") and text.strip(" ;")]
    cons = [text.strip(" ;") for kind, text in parts if kind.lower().startswith("con") and text.strip(" ;")]
    return Option(name.strip(), pros=pros, cons=cons)


def option_line(name: str, pro: str = "", con: str = "") -> str:
    """The line the form stores for one option (the inverse of ``parse_option``)."""
    name = " ".join(name.replace(":", " -").split())
    parts = [f"pro: {' '.join(pro.split())}" if pro.strip() else "", f"con: {' '.join(con.split())}" if con.strip() else ""]
    rest = "; ".join(p for p in parts if p)
    return f"{name}: {rest}" if rest else name


@dataclass
class CaseProposal(Proposal):
    """The case's page: its "still to fill in" list is the checks still to pass (one definition of finished)."""

    to_do: list[str] = field(default_factory=list)

    def missing(self) -> list[str]:
        return list(self.to_do)


_STAFF = re.compile(r"\b(engineers?|engineer-hours?|developers?|devs?|staff|people|person|hours?|man-days|person-days|"
                    r"days? of|weeks? of|(?:their|our|team'?s?|staff|engineer|people'?s) time|on-?call|salar\w*|"
                    r"fte|headcount|team)\b", re.IGNORECASE)
_CASH = re.compile(r"\b(licen[cs]es?|vendors?|contracts?|contractors?|consultants?|subscriptions?|hardware|cloud|hosting|"
                   r"bills?|refunds?|penalt\w+|fines?|margin|fees?|purchase\w*|spend\w*|"
                   r"overtime|servers?|tools?|credits?|churn)\b", re.IGNORECASE)


def _kind_of_money(text: str) -> str | None:
    staff, cash = bool(_STAFF.search(text)), bool(_CASH.search(text))
    return "both" if staff and cash else "staff" if staff else "cash" if cash else None


def field_label(name: str) -> str:
    """The label a learner reads for a field; an amount names the company's currency ("... (US$)", "... (£)")."""
    from workshop.company import currency

    label, is_amount, _ = FIELDS[name]
    return f"{label} ({currency.label()})" if is_amount else label


@dataclass
class Case:
    """The case as typed: text stays text; amounts are read when checked, so a typo is explained, not raised."""

    values: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_answer(cls, answer) -> "Case":
        """A case from a dict (the widget, the progress log) or a Case; anything else is explained."""
        if isinstance(answer, Case):
            return answer
        if not isinstance(answer, dict):
            raise AnswerProblem("A case is the form above (or a dict with its fields, such as "
                                "{'headline': ..., 'fix_cost': ...}); "
                                f"got a {type(answer).__name__} instead.")
        unknown = [k for k in answer if k not in FIELDS]
        if unknown:  # the unknown name is not repeated: it is the learner's text, and feedback is Markdown
            raise AnswerProblem(f"The case has {len(unknown)} field{'s' * (len(unknown) > 1)} it does not know; "
                                f"its fields are: {', '.join(FIELDS)}.")
        values = {}
        for name, value in answer.items():
            if is_blank(value):
                continue
            try:
                values[name] = value if isinstance(value, (int, float)) and not isinstance(value, bool) else \
                    as_text(value, limit=5_000)
            except AnswerProblem as exc:  # say which of the boxes it is
                raise AnswerProblem(f"In \u201c{field_label(name)}\u201d: {exc}") from None
        return cls(values)

    def text(self, name: str) -> str:
        value = self.values.get(name, "")
        if isinstance(value, str):
            return value
        try:
            return f"{value:g}"
        except (OverflowError, ValueError):  # an int too large for a float: shown cut short, then explained by the checks
            return str(value)[:40]

    def lines(self, name: str) -> list[str]:
        """A several-line field as its non-empty lines, without list bullets."""
        return [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line).strip()
                for line in self.text(name).splitlines() if line.strip(" -*•")]

    def amount(self, name: str) -> float | None:
        """The amount in a box, None if blank; raises AnswerProblem naming the box if unreadable."""
        if name not in self.values:
            return None
        return parse_amount(self.values[name], field_label(name))

    def as_dict(self) -> dict[str, str]:
        return {name: self.text(name) for name in FIELDS if name in self.values}

    # -- the page -------------------------------------------------------------
    def proposal(self) -> Proposal:
        """The one-page case as module 05's proposal, with the capstone's extra sections."""
        numbers = {}
        for name in AMOUNTS:
            try:
                value = self.amount(name)
            except AnswerProblem:
                value = None
            numbers[FIELDS[name][0]] = money(value) if value is not None else self.text(name) or "(to fill in)"
        numbers.update(self.payback_lines())
        if self.text("evidence"):
            numbers["Source"] = self.text("evidence")
        options = [parse_option(line) for line in self.lines("options")]
        from workshop.labs.capstone.checks import to_do

        return CaseProposal(
            to_do=to_do(self),
            title=self.text("title") or "My one-page case",
            headline=self.text("headline"),
            problem=self.text("problem"),
            numbers=numbers,
            options=options,
            ask=self.text("ask"),
            risks=self.lines("risks"),
            sections={"Reversibility": self.text("reversibility") or "(to fill in)"},
        )

    def payback_lines(self) -> dict[str, str]:
        """The payback and the low case's payback, worked out from the boxes, and which money is cash or staff time."""
        from workshop.labs.capstone.checks import _about_months

        def readable(name):
            try:
                value = self.amount(name)
            except AnswerProblem:
                return None
            return value if value is not None and math.isfinite(value) and value > 0 else None

        cost, saving, low = readable("fix_cost"), readable("saving_per_year"), readable("low_saving_per_year")
        running = readable("running_cost_per_year") or 0.0
        lines = {}
        for label, per_year in (("Payback", saving), ("Payback in the sceptic's low case", low)):
            if cost and per_year and per_year <= running:
                lines[label] = f"never: the running cost ({money(running)} a year) is at least the saving ({money(per_year)} a year)"
            elif cost and per_year and running:
                net = per_year - running
                lines[label] = (f"{_about_months(cost / net * 12)} ({money(cost)} ÷ ({money(per_year)} − {money(running)} "
                                "running cost) a year × 12 months)")
            elif cost and per_year:
                lines[label] = (f"{_about_months(cost / per_year * 12)} ({money(cost)} ÷ {money(per_year)} a year × 12 months)")
            else:
                lines[label] = "(fill in the cost and the saving)"
        lines["Cash or staff time"] = self.cash_or_staff_time(cost, saving)
        return lines

    def cash_or_staff_time(self, cost: float | None = None, saving: float | None = None) -> str:
        """Which money on the page is cash (new spending, money back) and which is staff time (people already paid)."""
        fix_text = " ".join([self.text("ask"), self.text("fix_cost")]
                            + [o for o in self.lines("options") if not re.search(r"do(?:ing)? nothing", o, re.I)][:1])
        saving_text = " ".join(self.text(n) for n in ("problem", "evidence", "headline", "saving_per_year"))
        fix = f"the fix's {money(cost)}" if cost else "the fix's cost"
        saved = f"the {money(saving)} a year saving" if saving else "the saving"
        parts = {
            "staff": f"{fix} is staff time: people already paid, moved from other work (which waits), not new cash",
            "cash": f"{fix} is cash: new spending",
            "both": f"{fix} is partly cash, partly staff time: say how much of each",
            None: f"say whether {fix} is cash (new spending) or staff time (people already paid)",
        }
        back = {
            "staff": f"{saved} is mostly staff time freed for other work, not cash back, unless overtime or hiring changes",
            "cash": f"{saved} is cash: money that stops going out or starts coming in",
            "both": f"{saved} is partly cash, partly staff time freed: say how much of each",
            None: f"say whether {saved} is cash or staff time freed",
        }
        from workshop.labs.capstone.checks import counts_revenue

        kind = "revenue" if counts_revenue(saving_text) else _kind_of_money(saving_text)
        back["revenue"] = (f"{saved} counts revenue (sales or orders), not margin: what the business keeps is the "
                           "margin on the orders that never come back, a fraction of it")
        sentence = f"{parts[_kind_of_money(fix_text)]}; {back[kind]}."
        return sentence[0].upper() + sentence[1:]

    def markdown(self) -> str:
        return self.proposal().markdown()

    def still_to_fill(self) -> list[str]:
        """What the page still lacks: the preview's "Still to fill in" list, the one definition of unfinished."""
        return self.proposal().missing()

    def save(self, stem: str = "my-case") -> list:
        """Write ``my-case.md``, ``my-case.html`` and ``my-case.pdf`` to the output folder; return their paths."""
        from workshop.labs.capstone.pdf import write_pdf
        from workshop.labs.proposal import output_dir

        page = self.proposal()
        return [page.save(f"{stem}.md"), page.save_html(f"{stem}.html"), write_pdf(page.markdown(), output_dir() / f"{stem}.pdf")]

    def _repr_html_(self) -> str:
        # MathJax skips these classes, so "$12,000 ... $16,200" on the page stays money, not maths.
        return f"<div class='lwi-case mathjax_ignore tex2jax_ignore'>{self.proposal()._repr_html_()}</div>"
