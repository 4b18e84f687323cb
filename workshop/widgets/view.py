"""The frame around every exercise: prompt, control, Check, Hint, Solution, feedback.

Callbacks only call the learner API (check, hint, solution) and show what it
returns, so tests can drive a view with ``.value`` and ``.click()`` and no kernel.
"""
from __future__ import annotations

import html

import ipywidgets as w

from workshop.markdown import to_html
from workshop.result import Result
from workshop.widgets import control_for


# ipywidgets draws each radio and checkbox label as one fixed-height line, so a long option
# printed over the next one; these rules let every option wrap onto as many lines as it needs.
FRAME_STYLE = """<style>
.lwi-exercise .widget-radio-box label, .lwi-exercise .widget-checkbox label,
.lwi-exercise .widget-checkbox .widget-label-basic {
  height: auto; min-height: var(--jp-widgets-inline-height); line-height: 1.35; white-space: normal;
  overflow: visible; text-overflow: clip; margin: 3px 0;
}
.lwi-exercise .widget-radio-box label { display: flex; flex-direction: row-reverse; justify-content: flex-end;
  align-items: baseline; gap: 8px; }
.lwi-exercise .widget-radio-box, .lwi-exercise .widget-radio { height: auto; width: auto; }
.lwi-exercise .widget-checkbox { height: auto; width: auto; display: flex; align-items: baseline; gap: 8px; }
.lwi-exercise .widget-radio-box input, .lwi-exercise .widget-checkbox input { flex: none; margin: 0; }
.lwi-exercise .lwi-exercise-title { font-size: var(--jp-content-font-size3, 1.2em); margin: 4px 0 6px; }
</style>"""


class ExerciseView(w.VBox):
    def __init__(self, module, exercise, answer=None):
        self.module, self.exercise = module, exercise
        self.control = control_for(exercise)
        if hasattr(self.control, "on_finish"):  # a scenario scores itself when it reaches an ending
            self.control.on_finish = self.check
            self.control.on_restart = self.clear_feedback  # and a new path starts without the old score
        self.last_result: Result = exercise.result("not_attempted", "")
        self.check_button = w.Button(
            description=getattr(self.control, "check_label", "Check"),
            button_style="primary",
            tooltip=f"Check your answer to {exercise.title}",
            icon="check",
        )
        self.hint_button = w.Button(description="Hint", tooltip="Show the next hint", icon="lightbulb-o")
        self.solution_button = w.Button(
            description="Show solution", tooltip="Reveal the model answer", icon="eye", disabled=True
        )
        self.feedback = w.HTML(value="", description="Feedback:", layout=w.Layout(width="auto"))
        self.hints = w.HTML(value="", layout=w.Layout(width="auto"))
        self.solution = w.HTML(value="", layout=w.Layout(width="auto"))
        self.check_button.on_click(lambda _: self.check())
        self.hint_button.on_click(lambda _: self.next_hint())
        self.solution_button.on_click(lambda _: self.reveal())
        # h3: exercises sit under a notebook's ## or ### headings, and a heading never skips a level.
        header = w.HTML(
            f"{FRAME_STYLE}<h3 class='lwi-exercise-title'>{html.escape(exercise.title)} "
            f"<small>({html.escape(exercise.id)})</small></h3>{to_html(exercise.prompt)}"
        )
        buttons = w.HBox([self.check_button, self.hint_button, self.solution_button])
        super().__init__(
            [header, self.control.widget, buttons, self.feedback, self.hints, self.solution],
            layout=w.Layout(border="1px solid #bbb", padding="8px", margin="8px 0"),
        )
        self.add_class("lwi-exercise")
        self._restore(answer)

    def _restore(self, answer) -> None:
        """Fill in a given answer (solution edition) or the learner's last saved one."""
        given = answer is not None
        if not given:
            answer = self.module.last_answer(self.exercise.id)
        if answer is None:
            self._update_solution_button()
            return
        try:
            self.control.set(answer)
        except Exception:
            return self._update_solution_button()
        if given:
            self.check()
        else:
            self._show(self.module.check(self.exercise.id, self.control.get(), record=False), restored=True)

    def check(self) -> Result:
        result = self.module.check(self.exercise.id, self.control.get())
        self._show(result)
        if result.status != "not_attempted":
            from workshop.room.poll import learner_view

            self.feedback.value += learner_view(self.exercise)
        return result

    def _show(self, result: Result, restored: bool = False) -> None:
        self.last_result = result
        note = "<div><em>Restored your last answer.</em></div>" if restored else ""
        self.feedback.value = note + result._repr_html_()
        self._update_solution_button()

    def _update_solution_button(self) -> None:
        available, why = self.module.solution_state(self.exercise.id)
        self.solution_button.disabled = not available
        self.solution_button.tooltip = why

    def clear_feedback(self) -> None:
        self.last_result = self.exercise.result("not_attempted", "")
        self.feedback.value = ""

    def next_hint(self) -> None:
        self.hints.value = self.module.hint_html(self.exercise.id)

    def reveal(self) -> None:
        self.solution.value = self.module.solution_html(self.exercise.id)

    def __repr__(self) -> str:
        return self.last_result.summary()
