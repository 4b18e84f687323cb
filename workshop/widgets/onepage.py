"""Pieces of the one-page form that module 05's proposal and the capstone's case share:
prose boxes in the body font, and options as rows of a name, a pro and a con.

One way of writing a one-page case: both forms store options as lines
"Name: pro: ...; con: ..." (``workshop.labs.capstone.case.option_line``) and render the page
with ``workshop.labs.proposal.Proposal``.
"""
from __future__ import annotations

import ipywidgets as w

ROW_LABELS = {"description_width": "initial"}
PROSE_CLASS = "lwi-prose"

# The body font for prose, wherever the form is shown (in an exercise frame or on its own).
PROSE_STYLE = """<style>
.lwi-prose textarea, .lwi-prose input[type=text] {
  font-family: var(--jp-content-font-family, system-ui, sans-serif); font-size: var(--jp-content-font-size1, 14px);
  line-height: 1.4; }
</style>"""


def money_hint(text: str) -> str:
    """A placeholder's "$" in the company's currency."""
    from workshop.company import currency

    return text.replace("$", currency.symbol())


def option_rows(placeholders: list[tuple[str, str, str]]) -> tuple[list[tuple[w.Text, w.Text, w.Text]], list[w.Widget]]:
    """Rows of (name, pro, con) boxes, and the widgets that lay them out."""
    rows, boxes = [], []
    for n, (name_hint, pro_hint, con_hint) in enumerate(placeholders, 1):
        row = (
            w.Text(description=f"Option {n}:", placeholder=money_hint(name_hint), style=ROW_LABELS,
                   layout=w.Layout(flex="1 1 0%", width="auto", min_width="140px")),
            w.Text(description="pro:", placeholder=money_hint(pro_hint), style=ROW_LABELS,
                   layout=w.Layout(flex="1.3 1 0%", width="auto", min_width="140px")),
            w.Text(description="con:", placeholder=money_hint(con_hint), style=ROW_LABELS,
                   layout=w.Layout(flex="1.3 1 0%", width="auto", min_width="140px")),
        )
        boxes.append(row)
        # One line per option on a notebook-wide page (the three boxes share it), wrapping only on a narrow one.
        rows.append(w.HBox(list(row), layout=w.Layout(width="100%", max_width="980px", flex_flow="row wrap")))
    return boxes, rows


def options_text(rows) -> str:
    """The rows as option lines, one per option with a name, a pro or a con."""
    from workshop.labs.capstone.case import option_line

    lines = []
    for name, pro, con in rows:
        if not (name.value.strip() or pro.value.strip() or con.value.strip()):
            continue
        lines.append(option_line(name.value.strip() or "(an option)", pro.value, con.value))
    return "\n".join(lines)


def fill_option_rows(rows, text: str) -> None:
    """Option lines back into the rows (a restored answer); more options than rows share the last row."""
    from workshop.labs.capstone.case import Case, parse_option

    lines = Case({"options": text}).lines("options")
    if len(lines) > len(rows):
        lines = lines[:len(rows) - 1] + [" / ".join(lines[len(rows) - 1:])]
    for row, line in zip(rows, lines + [""] * len(rows)):
        option = parse_option(line) if line else None
        row[0].value = option.name if option else ""
        row[1].value = "; ".join(option.pros) if option else ""
        row[2].value = "; ".join(option.cons) if option else ""
        if option and option.note and not option.pros and not option.cons:
            row[1].value = option.note  # an older "Name: note" line: its note is read as the pro
