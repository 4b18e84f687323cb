"""Every hint ladder ends with the worked step: the last hint gives the answer away.

A learner who climbs to the last rung has asked for the answer; a ladder that stops at
a second nudge leaves them stuck with nothing but "Show solution". What "gives the answer"
means depends on what the exercise asks for, so each shape of exercise has its own test:

- options (single choice, multiple select): the last hint names every keyed option, and a
  single-choice hint names the keyed option more than any wrong one;
- categories (matching): it names every category (or "the rest") and most of the items;
- steps (ordering): it names the steps, in order;
- a number (numeric): it states the answer, or a calculation that comes to it;
- code (computed): a code span that computes the key from the exercise's own data, or (when it
  uses a notebook variable or a filled-in fact) one whole computation that Python can read;
- a branching scenario: it walks the best path, naming the best choice at each decision, in order;
- parts (record): names every part, with a worked example in quotes;
- free text (reflection, framing): a worked example in quotes, or a sentence shape with blanks (…).

Checks go by the exercise's fields, not its kind's name, so a new kind with options or
steps is covered as it stands; any other shape needs at least a worked example in quotes.
"""
from __future__ import annotations

import re
from typing import Callable

from workshop.authoring.review.words import coverage, stems

NAMES_OPTION = 0.5  # share of an option's content words the last hint must use to name it
QUOTED = re.compile(r"[\"\u201c']([^\"\u201d]{20,}?)[\"\u201d'](?:\W|$)|`([^`]{3,})`")
NUMBER = r"\d[\d,]*(?:\.\d+)?"
CALCULATION = re.compile(rf"{NUMBER}(?:\s*[×x*÷/+\-−]\s*{NUMBER})+")


def ladder_problem(exercise) -> str | None:
    """Why this exercise's hint ladder does not end with the worked step, or None."""
    if len(exercise.hints) < 2:
        return "a ladder needs at least a nudge and then the worked step; add hints"
    if getattr(exercise, "baseline", False):  # a baseline measures the learner's own first try: nudges, no worked step
        return None
    last = exercise.hints[-1]
    for applies, check in _CHECKS:
        if applies(exercise):
            return check(exercise, last)
    return _free_text(exercise, last)  # any other shape: at least a worked example, in quotes


def _options(exercise, last: str) -> str | None:
    keyed = [o for o in exercise.options if o.correct]
    unnamed = [o.key for o in keyed if not names_option(o, exercise.options, last)]
    if unnamed:
        return f"the last hint should name the keyed option(s) {unnamed}: that is the worked step"
    if len(keyed) == 1:
        named = coverage(keyed[0].text, last)
        rivals = [o.key for o in exercise.options if not o.correct and coverage(o.text, last) >= named]
        if rivals:
            return f"the last hint names wrong option(s) {rivals} as much as the keyed one"
    return None


def names_option(option, options, text: str) -> bool:
    """Whether ``text`` identifies ``option``: two of the words only it uses, or its name.

    "Outcome: an effect the business measures" is named by "outcome"; "Team growth" needs both
    of its words, so "it is about the team" is a nudge, not the answer.
    """
    found = stems(text)
    name = re.match(r"^([^:]{1,30}):", option.text)
    if name and stems(name[1]) and stems(name[1]) <= found:
        return True
    others = set().union(*(stems(o.text) for o in options if o is not option))
    own = stems(option.text) - others
    return len(own & found) >= min(2, len(own)) if own else False


def _categories(exercise, last: str) -> str | None:
    hint = stems(last)
    unnamed = [c.key for c in exercise.categories if not stems(c.label) & hint]
    if len(unnamed) > (1 if re.search(r"\b(the )?rest\b", last, re.IGNORECASE) else 0):
        return f"the last hint should say what goes in every category; it never names {unnamed}"
    items = [i for i in exercise.items if stems(i.text) & hint]
    if 2 * len(items) < len(exercise.items):
        return "the last hint should place the items; it names fewer than half of them"
    return None


def _steps(exercise, last: str) -> str | None:
    hint = last.lower()
    positions = []
    for n, step in enumerate(exercise.steps):
        own = stems(step.text) - set().union(*(stems(s.text) for s in exercise.steps[n + 1:]))
        found = [m.start() for w in own for m in re.finditer(r"\b" + re.escape(w), hint)]
        positions.append(min(found) if found else None)
    located = [p for p in positions if p is not None]
    if 2 * len(located) < len(exercise.steps):
        return "the last hint should give the steps in order; it names fewer than half of them"
    if located != sorted(located):
        return "the last hint names the steps out of order"
    return None


def _number(exercise, last: str) -> str | None:
    if _states(last, exercise.answer, exercise.tolerance):
        return None
    return f"the last hint should state {exercise.answer:g} {exercise.unit}, or the calculation that gives it"


def _states(text: str, target: float, tolerance) -> bool:
    numbers = [float(n.replace(",", "")) for n in re.findall(NUMBER, text)]
    results = []
    for calc in CALCULATION.finditer(text):
        expression = calc.group(0).replace(",", "").replace("×", "*").replace("x", "*")
        expression = expression.replace("÷", "/").replace("−", "-")
        try:
            results.append(float(eval(expression, {"__builtins__": {}})))  # digits and operators only
        except (ArithmeticError, SyntaxError):
            continue
    return any(tolerance.allows(n, target) for n in numbers + results)


def _code(exercise, last: str) -> str | None:
    spans = re.findall(r"`([^`]+)`", last)
    key = exercise.key()
    for span in spans:
        try:
            if exercise.tolerance.allows(exercise.evaluate(span), key):
                return None
        except Exception:  # a name the notebook defines, a statement, a template: judged below
            continue
    if any(_is_whole_computation(span) for span in spans):
        return None
    return "the last hint should end with the code that computes the answer, in backticks"


def _is_whole_computation(code: str) -> bool:
    """Code that runs a computation, not a fragment: valid Python with an operator or a call.

    Hints may use a variable the notebook made (``order``) or a number the bank fills in
    (``{{gross_margin}}``), so they can't always be run against the data; these can be read.
    """
    code = re.sub(r"\{\{\s*\w+\s*\}\}", "1", code)
    if len(code) < 20:
        return False
    try:
        compile(code, "hint", "exec")
    except SyntaxError:
        return False
    return bool(re.search(r"[-+*/]|\.\w+\(|\w\(", code))


def _free_text(exercise, last: str) -> str | None:
    examples = [a or b for a, b in QUOTED.findall(last)]
    if any(len(e.split()) >= 6 for e in examples):
        return None
    if len(re.findall(r"…|\.\.\.", last)) >= 2:  # a sentence shape with blanks to fill
        return None
    return "the last hint should give a worked example or sentence shape, in quotes, of six words or more"


def _path(exercise, last: str) -> str | None:
    """A branching scenario: the last hint walks the best path, naming each best choice, in order."""
    hint, key, seen, positions = last.lower(), exercise.start, set(), []
    while key in exercise.nodes and key not in seen:
        seen.add(key)
        choices = exercise.nodes[key].choices
        best = next((c for c in choices if c.best), None)
        if best is None:
            break
        if not names_option(best, choices, last):
            return f"the last hint should walk the best path; it never names the best choice {best.key!r}"
        own = stems(best.text) - set().union(*(stems(c.text) for c in choices if c is not best))
        found = [m.start() for w in own for m in re.finditer(r"\b" + re.escape(w), hint)]
        positions.append(min(found) if found else None)
        key = best.next
    if not positions:
        return "the last hint should walk the best path, naming the best choice at each decision"
    located = [p for p in positions if p is not None]
    if located != sorted(located):
        return "the last hint names the best path's choices out of order"
    return None


def _parts(exercise, last: str) -> str | None:
    """A written record's worked step shows every part, with an example of the framed one."""
    hint = stems(last)
    unnamed = [p.key for p in exercise.parts if not stems(p.label) & hint]
    if unnamed:
        return f"the last hint should give a worked example of every part; it never names {unnamed}"
    return _free_text(exercise, last)


_CHECKS: list[tuple[Callable, Callable]] = [
    (lambda e: hasattr(e, "nodes") and hasattr(e, "start"), _path),
    (lambda e: hasattr(e, "parts"), _parts),
    (lambda e: hasattr(e, "options"), _options),
    (lambda e: hasattr(e, "categories") and hasattr(e, "items"), _categories),
    (lambda e: hasattr(e, "steps"), _steps),
    (lambda e: hasattr(e, "solution_code"), _code),
    (lambda e: hasattr(e, "answer") and hasattr(e, "tolerance"), _number),
    (lambda e: hasattr(e, "model_answer") or hasattr(e, "model_answers") or hasattr(e, "parts"), _free_text),
]
