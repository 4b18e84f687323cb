"""Nothing gives a numeric answer away before the learner answers.

For every numeric or computed exercise in the participant edition, the text a learner
can read before answering (every earlier cell, the Markdown right after the exercise,
the exercise's own prompt, and the titles of the charts drawn above it) must not
state its answer, at any rounding a person would write it.
"""
import re
from pathlib import Path

import nbformat
import pytest

from workshop.bank.loader import get_bank
from workshop.company.factcheck import Written, agrees, numbers_in
from workshop.bank.notebooks.cells import exercise_in, module_code
from workshop.bank.notebooks.editions import module_notebooks, participant

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = module_notebooks(ROOT / "notebooks")
CHART_CALL = re.compile(r"charts\.(\w+)\((\w+)\)")
TABLE_OF = {"ci": "ci_runs", "incidents": "incidents", "funnel": "checkout_funnel", "deploys": "deploys"}


def chart_title(source: str) -> str:
    """The title a chart cell renders, drawn from the same data the notebook loads."""
    import workshop.labs.charts as charts
    from workshop.company.data import load

    titles = []
    for function, variable in CHART_CALL.findall(source):
        if variable in TABLE_OF and hasattr(charts, function):
            titles.append(getattr(charts, function)(load(TABLE_OF[variable])).layout.title.text)
    return "\n".join(titles)


WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.I)


UNITS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "engineers", "builds", "developers")


def states(text: str, answer: float, unit: str = "", tolerance=None) -> list[str]:
    """Numbers in the text (digits or words) that are the answer, written at their own rounding.

    A number followed by a different unit than the answer's ("ten minutes" when the
    answer is in hours) is a different quantity, not the answer. A small answer (under
    20) is given away only by a number the checker would accept: a score of 3 in a
    table does not give away a weighted score of 3.1 checked to within 0.05.
    """
    text = WORD.sub(lambda m: WORDS[m.group(1).lower()], text)
    other = [u for u in UNITS if u not in unit]
    if unit and other:
        text = re.sub(r"\d[\d,.]*\s+(?:" + "|".join(other) + r")\b", " ", text)
    hits = []
    for w in numbers_in(text):
        value = w.value / 100 if w.percent and abs(answer) < 1 else w.value
        if agrees(Written(w.text, value, w.step if not w.percent else w.step / 100, w.percent, w.money), answer) \
                and (abs(answer) >= 20 or abs(value - answer) <= 0.05 * abs(answer)) \
                and (abs(answer) >= 20 or tolerance is None or tolerance.allows(value, answer)):
            hits.append(w.text)
    return hits


def visible_before_answering(nb, index: int) -> str:
    """Earlier cells (Markdown, chart titles), the Markdown right after, and every prefilled code string."""
    from workshop.company.factcheck import _code_strings

    before = [c.source if c.cell_type == "markdown" else chart_title(c.source) for c in nb.cells[:index]]
    before += [_code_strings(c.source) for i, c in enumerate(nb.cells) if c.cell_type == "code" and i != index]
    after = []
    for cell in nb.cells[index + 1:]:
        if cell.cell_type != "markdown":
            break
        after.append(cell.source)
    return "\n".join(before + after)


def numeric_exercises():
    for path in NOTEBOOKS:
        nb = participant(nbformat.read(path, as_version=4))
        code = module_code(nb)
        for index, cell in enumerate(nb.cells):
            ex_id = exercise_in(cell, code)
            if ex_id and get_bank().exercises[ex_id].kind in ("numeric", "computed"):
                yield pytest.param(path, index, ex_id, id=ex_id)


@pytest.mark.parametrize("path, index, ex_id", list(numeric_exercises()))
def test_no_numeric_answer_is_visible_before_the_learner_answers(path, index, ex_id):
    exercise = get_bank().exercises[ex_id]
    nb = participant(nbformat.read(path, as_version=4))
    text = visible_before_answering(nb, index) + "\n" + exercise.prompt
    assert states(text, exercise.key(), exercise.unit, exercise.tolerance) == [], f"{ex_id}'s answer {exercise.key():,.4g} is stated before it is asked"


def test_the_check_finds_an_answer_in_a_chart_title_and_the_next_paragraph():
    """The defects issue 8 found: 05's weekly chart above 05.hours-waited, 00's paragraph after 00.build-wait."""
    hours = get_bank().exercises["05.hours-waited"].key()
    assert states(f"Engineers waited {hours:,.0f} hours on CI in 12 weeks", hours)  # the old title
    assert not states(chart_title("charts.weekly_wait(ci)"), hours)  # the title now states a finding, not the answer
    assert states("Ten hours a day is more than one engineer's whole working day.", 10, "hours a day")
    assert not states("about ten minutes is seen as an acceptable build time", 10, "hours a day")
    assert states('"Payback of the fix": "about 4 weeks",', 4) and not states("3 weeks of 4 engineers", 2.8)
    from workshop.kinds.numeric import Tolerance

    assert not states("| Fast mobile pages | 0.3 | 3 | 5 |", 3.1, "score", Tolerance(absolute=0.05))
    assert states("B scores 3.1 against A's 3.7", 3.1, "score", Tolerance(absolute=0.05))
