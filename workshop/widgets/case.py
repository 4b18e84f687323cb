"""The capstone form: one labelled box per part of the case, and a Save button that writes the page.

Files are written only when the learner presses Save (never on Run All).
"""
from __future__ import annotations

import html

import ipywidgets as w

from workshop.widgets._common import Control as _Base

FORM_LABELS = {"description_width": "330px"}  # one column of labels, so the boxes line up

PLACEHOLDERS = {
    "title": "e.g. Stop the nightly invoice failures",
    "headline": "e.g. A $12,000 fix saves about $16,000 a year of engineer time and pays back in 9 months.",
    "problem": "What goes wrong, who notices, what it costs the business.",
    "problem_per_year": "e.g. 21600 or $21.6k",
    "saving_per_year": "the share of the problem the fix removes",
    "low_saving_per_year": "what a sceptic would say it saves",
    "fix_cost": "e.g. 2 people x 2 weeks x 40 h x $75 = 12000",
    "evidence": "e.g. the last 12 months of the job's logs",
    "options": "Do nothing: $0 now, the cost continues\nFix X: $..., removes ...\nRewrite Y: ...",
    "reversibility": "Two-way door? How would you switch back?",
    "risks": "What could go wrong while you make the fix, and what you'd do",
    "ask": "Who, how much, from when",
}


class Control(_Base):
    check_label = "Check my case"

    def build(self):
        from workshop.capstone import FIELDS
        from workshop.capstone.case import field_label

        self.boxes = {}
        for name, (_label, _amount, several_lines) in FIELDS.items():
            kind = w.Textarea if several_lines else w.Text
            height = "72px" if several_lines else None
            self.boxes[name] = kind(
                value="", description=field_label(name) + ":", placeholder=PLACEHOLDERS.get(name, ""), style=FORM_LABELS,
                layout=w.Layout(width="100%", max_width="760px", height=height) if height else w.Layout(width="100%", max_width="760px"),
            )
        self.save_button = w.Button(description="Save my case", icon="download",
                                    tooltip="Write my-case.md, my-case.html and my-case.pdf beside this notebook")
        self.saved = w.HTML(value="")
        self.save_button.on_click(lambda _: self.save())
        return w.VBox([*self.boxes.values(), w.HBox([self.save_button]), self.saved], layout=w.Layout(width="auto"))

    def get(self):
        return {name: box.value for name, box in self.boxes.items() if box.value.strip()}

    def set(self, answer):
        if isinstance(answer, dict):
            for name, box in self.boxes.items():
                value = answer.get(name)
                if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                    box.value = str(value)

    def save(self):
        """Write the page as Markdown and HTML; say where, or why not, in words."""
        from workshop.answers import AnswerProblem
        from workshop.capstone import Case

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
        names = ", ".join(f"<code>{html.escape(p.name)}</code>" for p in paths[:-1]) + f" and <code>{html.escape(paths[-1].name)}</code>"
        self.saved.value = (f"<p role='status' aria-live='polite'>Saved {names} in {html.escape(str(paths[0].parent))}. "
                            "Right-click a file in the file browser to download it.</p>")
        return paths
