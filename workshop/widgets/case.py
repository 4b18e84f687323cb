"""The capstone form: one labelled box per part of the case, options as rows of name, pro and con,
and, under Check, a Save button that writes the page and says plainly where and in what state.

Files are written only when the learner presses Save (never on Run All).
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import ipywidgets as w

from workshop.widgets._common import Control as _Base
from workshop.widgets.onepage import PROSE_CLASS, PROSE_STYLE, fill_option_rows, money_hint, option_rows, options_text

FORM_LABELS = {"description_width": "330px"}  # one column of labels, so the boxes line up
OPTION_ROWS = 4

PLACEHOLDERS = {
    "title": "e.g. Stop the nightly invoice failures",
    "headline": "e.g. A $12,000 fix saves about $16,000 a year of engineer time and pays back in 9 months.",
    "problem": "What goes wrong, who notices, what it costs the business.",
    "problem_per_year": "e.g. 21600 or $21.6k",
    "saving_per_year": "the share of the problem the fix removes",
    "low_saving_per_year": "what a sceptic would say it saves",
    "fix_cost": "e.g. 2 people x 2 weeks x 40 h x $75 = 12000",
    "evidence": "e.g. the last 12 months of the job's logs",
    "reversibility": "Two-way door? How would you switch back?",
    "risks": "What could go wrong while you make the fix, and what you'd do",
    "ask": "Who, how much, from when",
}
OPTION_PLACEHOLDERS = [
    ("Do nothing", "costs nothing now", "the $21,600 a year continues"),
    ("Retries and a longer timeout", "removes 3 in 4 failures for $12,000", "two engineers for two weeks"),
    ("Rewrite the job", "removes nearly every failure", "8 weeks; delays the pricing project"),
    ("(another option, if you have one)", "", ""),
]


def where(folder: Path) -> str:
    """A folder as a learner finds it in the file browser: "notebooks/" for the notebook's own folder."""
    folder = Path(folder).expanduser()
    try:
        resolved = folder.resolve()
    except OSError:
        return str(folder)
    if resolved == Path.cwd().resolve():
        return f"{resolved.name}/ (the folder this notebook is in)"
    return f"{resolved}/"


class Control(_Base):
    check_label = "Check my case"

    def build(self):
        from workshop.labs.capstone import FIELDS
        from workshop.labs.capstone.case import field_label

        self.boxes = {}
        for name, (_label, _amount, several_lines) in FIELDS.items():
            if name == "options":
                continue
            kind = w.Textarea if several_lines else w.Text
            height = ("52px" if name == "headline" else "72px") if several_lines else None
            layout = w.Layout(width="100%", max_width="760px", height=height) if height else \
                w.Layout(width="100%", max_width="760px")
            self.boxes[name] = kind(value="", description=field_label(name) + ":",
                                    placeholder=money_hint(PLACEHOLDERS.get(name, "")), style=FORM_LABELS, layout=layout)
        # Options: one row each, a name, a pro and a con (what the page and its "Still to fill in" ask for).
        self.option_rows, rows = option_rows(OPTION_PLACEHOLDERS[:OPTION_ROWS])
        options = w.VBox([w.HTML(f"{PROSE_STYLE}<strong>{html.escape(field_label('options'))}:</strong> "
                                 "at least two, and make doing nothing one of them."), *rows],
                         layout=w.Layout(width="auto", margin="6px 0"))
        ordered = []
        for name in FIELDS:
            ordered.append(options if name == "options" else self.boxes[name])
        self.save_button = w.Button(description="Save my case", icon="download",
                                    tooltip="Write my-case.md, my-case.html and my-case.pdf beside this notebook",
                                    layout=w.Layout(width="auto", min_width="160px"))
        self.saved = w.HTML(value="")
        self.save_button.on_click(lambda _: self.save())
        self.saves = 0
        # Under the frame's Check and its feedback: check first, then save.
        self.below_check = [w.HBox([self.save_button]), self.saved]
        form = w.VBox(ordered, layout=w.Layout(width="auto"))
        form.add_class(PROSE_CLASS)
        return form

    # -- the answer --------------------------------------------------------------
    def options_text(self) -> str:
        return options_text(self.option_rows)

    def get(self):
        answer = {name: box.value for name, box in self.boxes.items() if box.value.strip()}
        options = self.options_text()
        if options.strip():
            answer["options"] = options
        from workshop.labs.capstone import FIELDS

        return {name: answer[name] for name in FIELDS if name in answer}

    def set(self, answer):
        if not isinstance(answer, dict):
            return
        for name, box in self.boxes.items():
            value = answer.get(name)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                box.value = str(value)
        if isinstance(answer.get("options"), str):
            self.set_options(answer["options"])

    def set_options(self, text: str) -> None:
        fill_option_rows(self.option_rows, text)

    # -- saving -------------------------------------------------------------------
    def save(self):
        """Write the page as Markdown, HTML and PDF; say where, how finished it is, or why not, in words."""
        from workshop.answers import AnswerProblem
        from workshop.labs.capstone import Case, check_case

        answer = self.get()
        if not answer:
            self.saved.value = "<p role='status'>Nothing to save yet: fill in the form first.</p>"
            return []
        try:
            paths = Case.from_answer(answer).save()
        except AnswerProblem as problem:
            self.saved.value = f"<p role='status'>Could not save: {html.escape(str(problem))}</p>"
            return []
        except OSError as exc:
            self.saved.value = f"<p role='status'>Could not save ({html.escape(exc.strerror or str(exc))}); your answers are still here.</p>"
            return []
        self.saves += 1
        names = ", ".join(html.escape(p.name) for p in paths[:-1]) + f" and {html.escape(paths[-1].name)}"
        folder = html.escape(where(paths[0].parent))
        lead = "Saved" if self.saves == 1 else f"Saved again at {dt.datetime.now():%H:%M}"
        try:
            result = check_case(answer)
        except Exception:  # noqa: BLE001 - the files are written; how finished the case is, is a courtesy
            result = None
        if result is not None and not result.correct:
            failing = [d.split(":", 1)[1].split(".", 1)[0].strip() for d in result.details if d.startswith("to do")]
            lead += (f", but {len(failing)} of {len(result.details)} checks still fail: {html.escape(', '.join(failing))}. "
                     "Press <strong>Check my case</strong> for what to do next, then save again. The files are")
        self.saved.value = (f"<p role='status' aria-live='polite'>{lead} in {folder}: {names}. "
                            "Right-click a file in the file browser to download it.</p>")
        return paths
