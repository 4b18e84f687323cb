"""The frame around every exercise: prompt, control, Check, Hint, Solution, feedback.

Callbacks only call the learner API (check, hint, solution) and show what it
returns, so tests can drive a view with ``.value`` and ``.click()`` and no kernel.
"""
from __future__ import annotations

import html
import re

import ipywidgets as w

from workshop.bank.markdown import to_html
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
  align-items: flex-start; gap: 8px; }
.lwi-exercise .widget-radio-box, .lwi-exercise .widget-radio { height: auto; width: auto; }
.lwi-exercise .widget-checkbox { height: auto; width: auto; display: flex; align-items: flex-start; }
/* A checkbox's input and its text sit in one label: space between them, and the box centred on the
   first line of text (the line is 1.35em high, the box about 1em), whatever the font size. */
.lwi-exercise .widget-checkbox .widget-label-basic { display: flex; align-items: flex-start; gap: 8px; }
.lwi-exercise .widget-radio-box input, .lwi-exercise .widget-checkbox input {
  flex: none; align-self: flex-start; margin: 0.2em 0 0 0; }
/* ipywidgets gives a radio the height of a whole item (its circle then sits low): the circle's own height. */
.lwi-exercise .widget-radio-box input { height: auto; }
.lwi-exercise .lwi-exercise-title { font-size: var(--jp-content-font-size3, 1.2em); margin: 4px 0 6px; }
/* Prose is written in the body font, not the code font. */
.lwi-exercise textarea, .lwi-exercise .lwi-prose input[type=text], .lwi-case textarea {
  font-family: var(--jp-content-font-family, system-ui, sans-serif); font-size: var(--jp-content-font-size1, 14px);
  line-height: 1.4; }
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
        submit = getattr(self.control, "submit_box", None)
        if submit is not None:  # Enter in a one-line box checks, as in any form
            submit.on_msg(lambda _widget, content, _buffers: content.get("event") == "submit" and self.check())
        if hasattr(self.control, "attach"):  # a scenario styles Check by how far the learner has got
            self.control.attach(self.check_button)
            self.control.on_step = self.clear_feedback
        self.hint_button.on_click(lambda _: self.next_hint())
        self.solution_button.on_click(lambda _: self.reveal())
        # h3: exercises sit under a notebook's ## or ### headings, and a heading never skips a level.
        header = w.HTML(
            f"{FRAME_STYLE}<h3 class='lwi-exercise-title'>{html.escape(exercise.title)} "
            f"<small>({html.escape(exercise.id)})</small></h3>{to_html(exercise.prompt)}"
        )
        buttons = w.HBox([self.check_button, self.hint_button, self.solution_button])
        super().__init__(
            # A control's own actions that come after checking (the capstone's Save) sit under the feedback.
            [header, self.control.widget, buttons, self.feedback, self.hints, self.solution,
             *getattr(self.control, "below_check", [])],
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
            return
        result = self.module.check(self.exercise.id, self.control.get(), record=False)
        if result.status == "not_attempted" and getattr(self.control, "in_progress", False):
            # an unfinished scenario path: its place in the story is shown, not a "Not attempted" badge
            self.feedback.value = "<div><em>Restored your last answer:</em> the story is where you left it.</div>"
            return self._update_solution_button()
        self._show(result, restored=True)

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
        if result.explanation and "lwi-why" in self.solution.value:  # the "Why" is now in the feedback: not twice
            self.solution.value = re.sub(r"<div class='lwi-why'>.*?</div>(?=</div>$)", "", self.solution.value, flags=re.S)

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
        # The feedback of a correct answer already says "Why": the solution then shows the answer only.
        self.solution.value = self.module.solution_html(self.exercise.id, why=not self.last_result.explanation)

    def __repr__(self) -> str:
        return self.last_result.summary()
