r"""A pair of dollar signs in one Markdown paragraph is typeset as maths by JupyterLab:
"$1,000 a day at $100 an hour" becomes italic symbols.

Measured in JupyterLab 4.6 (tests/browser/test_every_notebook.py shows it): ``\$`` is NOT
enough there, because the Markdown parser eats the backslash before MathJax reads the page;
``\\$`` (two backslashes) reaches MathJax as an escaped dollar and reads "$1,000". So a
paragraph holds at most one dollar sign that is not written ``\\$``.

Exercise YAML need not escape (a backslash would print in a terminal): every container its
Markdown is rendered into carries the classes MathJax skips, and a test says so.
"""
import json
import re
from pathlib import Path

import pytest

from workshop.bank.loader import get_bank

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN_FIELDS = ("prompt", "hints", "explanation", "feedback", "model_answer", "model_answers", "misconception")


def unescaped_pairs(markdown: str) -> list[str]:
    """Paragraphs holding two or more unescaped ``$`` outside code: what MathJax would typeset."""
    text = re.sub(r"^(```|~~~).*?^\1", "", markdown, flags=re.S | re.M)  # fenced code
    text = re.sub(r"(`+)(?:(?!\1).)+?\1", "", text, flags=re.S)  # code spans
    found = []
    for paragraph in re.split(r"\n\s*\n", text):
        dollars = [m.start() for m in re.finditer(r"(?<!\\\\)\$", paragraph)]  # only \\$ is safe
        if len(dollars) >= 2:
            found.append(paragraph[max(0, dollars[0] - 20): dollars[1] + 20].replace("\n", " "))
    return found


def test_the_detector_finds_a_pair_and_spares_escapes_and_code():
    assert unescaped_pairs("It costs $1,000 a day at $100 an hour.")
    assert unescaped_pairs("It costs \\$1,000 a day at \\$100 an hour.")  # JupyterLab 4.6 still typesets this
    assert not unescaped_pairs("It costs \\\\$1,000 a day at \\\\$100 an hour.")
    assert not unescaped_pairs("One price: $5,600 a minute.\n\nAnother: $8,851 a minute.")  # two paragraphs
    assert not unescaped_pairs("Run `echo $HOME $PATH` first.")
    assert unescaped_pairs("**$5,600 a minute** and\n**$8,851 a minute**")  # one paragraph, two lines


NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_markdown_escapes_dollars(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = [(cell.get("id"), pair) for cell in cells if cell["cell_type"] == "markdown"
             for pair in unescaped_pairs("".join(cell["source"]))]
    assert found == [], f"escape these dollars as \\$ in {path.name}: {found}"


def markdown_texts(value, field=None):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from markdown_texts(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from markdown_texts(item, field)
    elif isinstance(value, str) and field in MARKDOWN_FIELDS:
        yield field, value


def test_exercise_markdown_is_rendered_where_mathjax_does_not_typeset(tmp_path, monkeypatch):
    """Each exercise whose Markdown holds a dollar pair reaches the page inside NO_MATHS containers."""
    from workshop import Module
    from workshop.kinds import check_safely
    from workshop.bank.markdown import NO_MATHS

    monkeypatch.setenv("WORKSHOP_PROGRESS", str(tmp_path / "p.jsonl"))
    monkeypatch.setenv("WORKSHOP_SOLUTIONS", "open")
    with_pairs = [e for e in get_bank().exercises.values()
                  if any(unescaped_pairs(text) for _, text in markdown_texts(e.model_dump()))]
    assert with_pairs, "no exercise has a dollar pair: this test would check nothing"
    for exercise in with_pairs:
        m = Module(exercise.module)
        rendered = {
            "result": check_safely(exercise, exercise.key())._repr_html_(),
            "hint": m.hint(exercise.id)._repr_html_(),
            "solution": m.solution(exercise.id)._repr_html_(),
        }
        for where, html in rendered.items():
            assert html.lstrip().startswith("<div") and NO_MATHS in html.split(">", 1)[0], (exercise.id, where)
    for wrong, _ in next(e for e in with_pairs if list(e.wrong_answers())).wrong_answers():
        assert NO_MATHS in check_safely(with_pairs[0], wrong)._repr_html_().split(">", 1)[0]
