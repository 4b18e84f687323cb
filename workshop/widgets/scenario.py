"""A branching scenario, one situation at a time, with the measures so far.

The learner picks a choice and presses "Decide"; the story moves on, and every
step is saved to the progress log (as an ``answer`` event holding the path so far),
so a kernel restart brings the learner back to the node they left. Reaching an
ending hands the path to the frame's Check, which scores it.
"""
from __future__ import annotations

import html

import ipywidgets as w

from workshop.progress import log as progress
from workshop.kinds.options import labelled
from workshop.kinds.scenario import _decisions
from workshop.bank.markdown import to_html
from workshop.widgets._common import LABEL_STYLE, WIDE
from workshop.widgets._common import Control as _Base


class Control(_Base):
    check_label = "Score my path"

    def build(self):
        self.path: list[str] = []
        self.on_finish = None  # the frame sets this: called when an ending is reached
        self.on_restart = None  # and this: called when the learner starts again
        self.on_step = None  # and this: called after each decision that does not end the story
        self.check_button = None  # the frame's "Score my path": secondary until the path reaches an ending
        self.measures = w.HTML(layout=w.Layout(width="auto"))
        self.story = w.HTML(layout=w.Layout(width="auto"))
        self.situation = w.HTML(layout=w.Layout(width="auto"))
        self.radio = w.RadioButtons(options=[], value=None, description="Your decision:", style=LABEL_STYLE, layout=WIDE)
        self.decide = w.Button(description="Decide", button_style="primary", icon="arrow-right",
                               tooltip="Take the selected choice and see what happens")
        self.restart = w.Button(description="Start again", icon="undo", tooltip="Go back to the first situation")
        self.note = w.HTML(layout=w.Layout(width="auto"))
        self.decide.on_click(lambda _: self.decide_selected())
        self.restart.on_click(lambda _: self.start_again())
        self.render()
        return w.VBox([self.measures, self.story, self.situation, self.radio,
                       w.HBox([self.decide, self.restart]), self.note], layout=w.Layout(width="auto"))

    # -- what the learner does --------------------------------------------------
    def decide_selected(self) -> None:
        if self.radio.value is None:
            self.note.value = "<div role='status'>Pick one of the choices first, then press Decide.</div>"
            return
        self.choose(self.radio.value)

    def choose(self, key: str) -> None:
        """Take one choice: extend the path, save it, show the next situation."""
        steps, here = self.exercise.follow(self.path)
        node = self.exercise.nodes[here]
        if node.ending or key not in {c.key for c in node.choices}:
            return
        self.path.append(key)
        _, now = self.exercise.follow(self.path)
        progress.record("answer", self.exercise.id, answer=list(self.path), node=now)
        self.render()
        if self.exercise.nodes[now].ending:
            if self.on_finish:
                self.on_finish()
        elif self.on_step:  # the story moved on: an earlier "Not attempted" no longer describes it
            self.on_step()

    def start_again(self) -> None:
        self.path = []
        progress.record("answer", self.exercise.id, answer=[], node=self.exercise.start)
        self.render()
        if self.on_restart:
            self.on_restart()

    # -- the frame's interface ---------------------------------------------------
    def attach(self, check_button) -> None:
        """The frame's score button: secondary while the story goes on, primary at an ending."""
        self.check_button = check_button
        self._style_buttons()

    @property
    def finished(self) -> bool:
        return self.exercise.nodes[self.exercise.follow(self.path)[1]].ending

    @property
    def in_progress(self) -> bool:
        """Started but not finished: the frame shows no "Not attempted" for a path under way."""
        return bool(self.path) and not self.finished

    def _style_buttons(self) -> None:
        if self.check_button is not None:
            self.check_button.button_style = "primary" if self.finished else ""

    def get(self):
        return list(self.path)

    def set(self, answer) -> None:
        """Restore a saved path; a path that no longer fits the graph starts again."""
        if not isinstance(answer, list):
            return
        try:
            self.exercise.follow(answer)
        except Exception:
            answer = []
        self.path = [str(k) for k in answer]
        self.render()

    # -- drawing --------------------------------------------------------------------
    def render(self) -> None:
        ex = self.exercise
        steps, here = ex.follow(self.path)
        node = ex.nodes[here]
        totals = ex.totals(steps)
        cells = "".join(
            f"<li><strong>{html.escape(m.label)}:</strong> {totals[m.key]:,.0f}"
            f"{(' ' + html.escape(m.unit)) if m.unit else ''} <small>({m.better} is better)</small></li>"
            for m in ex.measures
        )
        self.measures.value = (f"<div class='lwi-measures' role='status' aria-live='polite'>"
                               f"<strong>So far, after {_decisions(len(steps))}:</strong><ul>{cells}</ul></div>")
        if steps:
            last = steps[-1]
            self.story.value = (f"<div class='lwi-story'><em>You chose:</em> {html.escape(last.choice.text)}"
                                f"<div>{to_html(last.choice.feedback)}</div></div>")
        else:
            self.story.value = ""
        reveal = (f"<div class='lwi-reveal' role='note' style='border-left:3px solid #888;padding-left:8px'>"
                  f"<strong>New information:</strong> {to_html(node.reveal)}</div>") if node.reveal else ""
        heading = "The end: " if node.ending else f"Decision {len(steps) + 1} of at most {ex.max_steps}: "
        self.situation.value = (f"<div class='lwi-node'><p><strong>{html.escape(heading + node.title)}</strong></p>"
                                f"{to_html(node.situation)}{reveal}</div>")
        # The room's stable shuffled order for this node, lettered by position; the values stay the choice keys.
        self.radio.options = [(labelled(i, c.text), c.key) for i, c in enumerate(ex.shown_choices(here))]
        self.radio.value = None
        for control in (self.radio, self.decide):
            control.layout.display = "none" if node.ending else None
        self.note.value = ("<div role='status'>This path is finished: its score is below. "
                           "Press <strong>Start again</strong> to try another.</div>") if node.ending else ""
        self._style_buttons()
