"""The learner API a notebook cell uses, in the style of learntools' check/hint/solution.

``workshop.check`` is pure (tools and tests rely on it); ``Module`` adds what a
learner needs around it: showing widgets, recording progress, the hint ladder and
the facilitator's solution policy. A learner never sees a traceback from here.
"""
from __future__ import annotations

import difflib
import html
import re
import warnings
from dataclasses import replace
from typing import Any

from workshop import settings

from workshop.progress import log as progress
from workshop.answers import is_blank, learner, safe_describe
from workshop.bank.loader import BankError, get_bank
from workshop.kinds import check_safely
from workshop.bank.markdown import NO_MATHS, to_html
from workshop.result import Result


def exercise_ids() -> list[str]:
    """Every exercise id in the bank, in module order."""
    return list(get_bank().exercises)


def _unknown(exercise_id: Any) -> Result:
    if not isinstance(exercise_id, str):
        return Result("?", "not_attempted", f"Exercise ids are text, like '02.mentor-metric', not {safe_describe(exercise_id)}.")
    ids = exercise_ids()
    guess = difflib.get_close_matches(str(exercise_id), ids, n=1)
    tip = f" Did you mean {guess[0]!r}?" if guess else ""
    return Result(str(exercise_id)[:80], "not_attempted", f"There is no exercise {learner(repr(exercise_id[:80]))}.{tip}")


def check(exercise_id: str, answer: Any) -> Result:
    """Check one answer; the same path for widgets, notebooks and tests. Never raises on answers."""
    if isinstance(exercise_id, str):
        exercise_id = str.__str__(exercise_id)  # a plain str: a subclass's own methods are not trusted
    try:
        bank = get_bank()
    except BankError as exc:
        return Result(str(exercise_id)[:80], "not_attempted", f"The exercise bank could not be loaded, so nothing can be checked yet. {exc}")
    exercise = bank.exercises.get(exercise_id) if isinstance(exercise_id, str) else None
    if exercise is None:
        return _unknown(exercise_id)
    return check_safely(exercise, answer)


class Module:
    """One module's exercises, as a notebook uses them: ``m = Module("02")``."""

    def __init__(self, code: str | int):
        text = str(code)
        # ASCII digits only: "²".isdigit() is True, and int("²") raises.
        self.code = f"{int(text):02d}" if re.fullmatch(r"[0-9]{1,2}", text) else text[:20]
        self.error: str | None = None
        self._hint_level: dict[str, int] = {}
        try:
            bank = get_bank()
        except BankError as exc:
            self.error = str(exc)
            return
        if self.code not in bank.modules:
            self.error = f"There is no module {self.code!r} in the exercise bank; modules are {sorted(bank.modules)}."
            return
        self.spec = bank.modules[self.code]
        self.exercises = {e.short_id: e for e in bank.module_exercises(self.code)}

    # -- finding exercises ----------------------------------------------------
    def _full_id(self, exercise_id: str) -> str:
        exercise_id = _plain_id(exercise_id)
        if exercise_id is None:  # an id whose str() raises names no exercise
            return "?"
        return exercise_id if "." in exercise_id else f"{self.code}.{exercise_id}"

    def _find(self, exercise_id: str):
        """This module's exercise for a short or full id; None if it isn't one of ours."""
        if self.error:
            return None
        module, _, short_id = self._full_id(exercise_id).partition(".")
        return self.exercises.get(short_id) if module == self.code else None

    def _missing_html(self, exercise_id) -> "_Html":
        if self.error:
            return _Html(f"<div role='alert'><strong>The workshop could not load its exercises.</strong><pre>{html.escape(self.error)}</pre></div>", self.error)
        return _Html(f"<div role='alert'>{html.escape(_unknown(self._full_id(exercise_id)).feedback)}</div>", "unknown exercise")

    # -- the learner API --------------------------------------------------------
    def show(self, exercise_id: str, answer: Any = None):
        """The exercise as a widget; ``answer`` pre-fills and checks it (the solution edition)."""
        exercise = self._find(exercise_id)
        if exercise is None:
            return self._missing_html(exercise_id)
        from workshop.widgets.view import ExerciseView

        return ExerciseView(self, exercise, answer=answer)

    def passage(self, passage_id: str) -> "_Html":
        """Teaching text from the bank that follows the company profile (its numbers and its name).

        Markdown cells cannot change with ``WORKSHOP_COMPANY``; a passage is filled from the
        company's facts when the bank loads. Never raises: an unknown id says which exist.
        """
        if self.error:
            return self._missing_html(passage_id)
        wanted = _plain_id(passage_id)
        wanted = "?" if wanted is None else wanted  # an id whose str() raises names no passage
        found = self.spec.passage(wanted)
        if found is None:
            known = ", ".join(repr(p.id) for p in self.spec.passages) or "none"
            message = f"Module {self.code} has no passage {wanted[:80]!r}; its passages are: {known}."
            return _Html(f"<div role='alert'>{html.escape(message)}</div>", message)
        return _Html(f"<div class='lwi-passage'>{to_html(found.text)}</div>", found.text)

    def check(self, exercise_id: str, answer: Any, record: bool = True) -> Result:
        """Check an answer computed in code, and save it to the learner's progress. Never raises.

        A readable answer is saved as an attempt; an unreadable one (``"about four"``,
        raw bytes) is kept for restoring the widget but is not an attempt, so it never
        replaces an earlier result in ``workshop progress``.
        """
        try:
            full_id = self._full_id(exercise_id)
            result = check(full_id, answer)
        except Exception:  # an exercise id whose str() raises, and the like
            return Result("?", "not_attempted", "I couldn't check that; pass the exercise id as text, e.g. 'build-wait'.")
        try:
            if record and self._find(exercise_id) is not None and not is_blank(answer):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", progress.ProgressWarning)
                    if result.status == "not_attempted":
                        progress.record("answer", full_id, answer=answer)
                    else:
                        progress.record("check", full_id, answer=answer, status=result.status, score=result.score)
        except Exception as exc:  # recording must be as safe as checking
            progress.notices()
            result = replace(result, details=(*result.details, f"Your answer could not be saved ({type(exc).__name__})."))
            return self._with_code_controls(exercise_id, result)
        return self._with_code_controls(exercise_id, _with_notices(result))

    def _with_code_controls(self, exercise_id, result: Result) -> Result:
        """This module's result, shown with Hint and Show solution under it (a code cell's check)."""
        try:
            if self._find(exercise_id) is None:
                return result
            from workshop.widgets.code_check import with_controls

            return with_controls(result, self)
        except Exception:  # the plain result is always a safe answer
            return result

    def last_answer(self, exercise_id: str):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", progress.ProgressWarning)
            return progress.last_answer(self._full_id(exercise_id))

    def attempted(self, exercise_id: str) -> bool:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", progress.ProgressWarning)
            return progress.attempted(self._full_id(exercise_id))

    def hint(self, exercise_id: str) -> "_Html":
        """The next rung of the hint ladder: nudge first, the worked step last."""
        return _Html(self.hint_html(exercise_id), "hint")

    def hint_html(self, exercise_id: str) -> str:
        exercise = self._find(exercise_id)
        if exercise is None:
            return self._missing_html(exercise_id).html
        level = min(self._hint_level.get(exercise.id, 0) + 1, len(exercise.hints))
        self._hint_level[exercise.id] = level
        _save("hint", exercise.id, level=level)
        items = "".join(f"<li>{to_html(h)}</li>" for h in exercise.hints[:level])
        more = "" if level < len(exercise.hints) else "<em>That was the last hint.</em>"
        return f"<div role='status' aria-live='polite'><strong>Hint {level} of {len(exercise.hints)}</strong><ol>{items}</ol>{more}</div>"

    def solution_state(self, exercise_id: str) -> tuple[bool, str]:
        """Whether the solution may open now, and the sentence that says why (one read of the log)."""
        if self._find(exercise_id) is None:
            return False, "There is no such exercise."
        mode = _solution_mode()
        if mode == "locked":
            return False, "Your facilitator has locked solutions for now."
        if mode == "open" or self.attempted(exercise_id):
            return True, "Reveal the model answer."
        return False, "The solution opens after your first attempt."

    def solution_available(self, exercise_id: str) -> bool:
        return self.solution_state(exercise_id)[0]

    def solution_status(self, exercise_id: str) -> str:
        return self.solution_state(exercise_id)[1]

    def solution(self, exercise_id: str) -> "_Html":
        return _Html(self.solution_html(exercise_id), "solution")

    def solution_html(self, exercise_id: str, why: bool = True) -> str:
        exercise = self._find(exercise_id)
        if exercise is None:
            return self._missing_html(exercise_id).html
        available, reason_closed = self.solution_state(exercise_id)
        if not available:
            return f"<div role='status'>{html.escape(reason_closed)}</div>"
        try:
            content = to_html(exercise.solution_markdown())
        except Exception:  # e.g. a computed key that fails on today's data: say so, and log no reveal
            return ("<div role='alert'>This exercise's model answer could not be shown because its answer key failed; "
                    "tell your facilitator.</div>")
        _save("reveal", exercise.id)
        reason = f"<div class='lwi-why'><p><em>Why:</em></p>{to_html(exercise.explanation)}</div>" if why else ""
        return f"<div role='status' aria-live='polite'><strong>Solution</strong>{content}{reason}</div>"


def _solution_mode() -> str:
    """The room's solution policy; a problem with the setting is told once in the next result, not as a warning."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", settings.SettingsWarning)
        mode = settings.solution_mode()
    for warning in caught:
        if issubclass(warning.category, settings.SettingsWarning):
            progress.tell(str(warning.message))
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return mode


def _save(event: str, exercise_id: str, **fields) -> None:
    """Record an event without letting a saving problem interrupt the learner (they hear at the next Check)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", progress.ProgressWarning)
        progress.record(event, exercise_id, **fields)


def _with_notices(result: Result) -> Result:
    """The result, with anything the learner must hear about saving (a full disk, a cut answer) added once."""
    told = progress.notices()
    return replace(result, details=(*result.details, *told)) if told else result


def _plain_id(value: Any) -> str | None:
    """An id as plain text (a str subclass's own methods are not trusted); None when its str() raises."""
    try:
        return str.__str__(value) if isinstance(value, str) else str(value)
    except Exception:
        return None


class _Html:
    """Rich output for a notebook with a plain-text twin for terminals and nbval."""

    def __init__(self, html_text: str, text: str):
        self.html, self.text = html_text, text

    def _repr_html_(self) -> str:
        return f"<div class='{NO_MATHS}'>{self.html}</div>"  # a code cell's HTML output: no maths typesetting

    def __repr__(self) -> str:
        return self.text
