"""Hint and Show solution under the result of ``m.check(...)`` in a code cell.

Widget exercises have Check, Hint and Show solution buttons; an exercise answered in
code is checked by running its cell, and its result brings the other two along, so every
exercise has the same three. The buttons call the same ``Module`` methods as the widget
frame (hint ladder, solution policy), so the facilitator's setting holds here too.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from workshop.result import Result


@dataclass(frozen=True, repr=False)
class CodeCheckResult(Result):
    """A ``Result`` that a notebook shows with a small Hint / Show solution control under it."""

    module: Any = field(default=None, compare=False)

    def controls(self) -> "CheckControls":
        return CheckControls(self.module, self)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.controls()._repr_mimebundle_(include=include, exclude=exclude)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = self.summary()  # terminals, nbval and exports read the one-line summary
        data["text/html"] = self._repr_html_()  # where widgets can't render, the result still reads
        return bundle


def with_controls(result: Result, module) -> CodeCheckResult:
    """The same result, shown with the hint and solution buttons for its exercise."""
    return CodeCheckResult(**{f.name: getattr(result, f.name) for f in fields(Result)}, module=module)


def CheckControls(module, result: Result):
    """The result, then Hint and Show solution, then where their text appears."""
    import html

    import ipywidgets as w

    title = html.escape(result.exercise_id)
    outcome = w.HTML(result._repr_html_(), layout=w.Layout(width="auto"))
    hint_button = w.Button(description="Hint", tooltip=f"Show the next hint for {title}", icon="lightbulb-o")
    solution_button = w.Button(description="Show solution", icon="eye")
    hints = w.HTML(layout=w.Layout(width="auto"))
    solution = w.HTML(layout=w.Layout(width="auto"))

    def refresh_solution_button():
        available, why = module.solution_state(result.exercise_id)
        solution_button.disabled = not available
        solution_button.tooltip = why

    def show_hint(_=None):
        hints.value = module.hint_html(result.exercise_id)

    def show_solution(_=None):
        solution.value = module.solution_html(result.exercise_id, why=not result.explanation)  # "Why" once

    hint_button.on_click(show_hint)
    solution_button.on_click(show_solution)
    refresh_solution_button()
    box = w.VBox([outcome, w.HBox([hint_button, solution_button]), hints, solution], layout=w.Layout(width="auto"))
    box.add_class("lwi-code-check")
    box.outcome, box.hint_button, box.solution_button, box.hints, box.solution = (
        outcome, hint_button, solution_button, hints, solution)
    return box
