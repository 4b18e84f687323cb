"""Markdown from the exercise bank to HTML, with raw HTML switched off.

Prompts and feedback are authored Markdown; anything a learner typed must be
escaped before it reaches here, and raw HTML in Markdown is never passed through.
"""
from __future__ import annotations

from functools import lru_cache

# JupyterLab typesets "$...$" in HTML outputs as maths (MathJax 3 and 2 skip these classes).
# Every container our Markdown is rendered into carries them, so "$20,000 ... $5,000" in
# feedback stays money, and exercise YAML can write plain dollars.
NO_MATHS = "mathjax_ignore tex2jax_ignore"


@lru_cache(maxsize=1)
def _renderer():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def to_html(text: str) -> str:
    return _renderer().render(text or "").strip()
