"""Markdown dollar signs are escaped, or JupyterLab typesets the text between two of them as maths."""
import re
from pathlib import Path

import nbformat
import pytest

from workshop.bank.notebooks.editions import module_notebooks

NOTEBOOKS = module_notebooks(Path(__file__).resolve().parent.parent / "notebooks")
UNESCAPED = re.compile(r"(?<!\\)\$")


def unescaped_dollars(markdown: str) -> list[str]:
    """Each unescaped $ outside code spans and blocks, with its surroundings."""
    text = re.sub(r"```.*?```", "", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", "", text)
    return [text[max(0, m.start() - 20):m.end() + 20] for m in UNESCAPED.finditer(text)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_markdown_dollar_is_escaped(path):
    nb = nbformat.read(path, as_version=4)
    found = {i: unescaped_dollars(c.source) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"}
    assert {i: d for i, d in found.items() if d} == {}


def test_the_check_sees_the_dollars_issue_8_found():
    assert unescaped_dollars("about $5,600 a minute ... $8,851 a minute")
    assert unescaped_dollars("$1,000 a day at $100 an hour")
    assert not unescaped_dollars("about \\$5,600 a minute, and `cost = $x` in code")
