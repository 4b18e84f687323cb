"""Markdown from the exercise bank to HTML, with raw HTML switched off.

Prompts and feedback are authored Markdown; anything a learner typed must be
escaped before it reaches here, and raw HTML in Markdown is never passed through.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _renderer():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def to_html(text: str) -> str:
    return _renderer().render(text or "").strip()
