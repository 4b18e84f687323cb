"""Where a module's text points: other modules by number, and notebooks by link.

A learner who follows "Next" or "module 09 comes back to this" must land somewhere real.
These functions only read text; the tests decide what must exist.
"""
from __future__ import annotations

import re

_MENTION = re.compile(r"\b[Mm]odules? (\d{2})(?:\s*(?:-|–|to|and|or)\s*(\d{2}))?")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_NEXT = re.compile(r"^\s*\**Next\**\s*:\s*(.*)$", re.MULTILINE)


def module_references(text: str) -> set[str]:
    """Two-digit module codes the text names: "module 05", "modules 07-10", a link to 03_x.ipynb."""
    codes = set()
    for first, last in _MENTION.findall(text):
        end = int(last or first)
        codes.update(f"{n:02d}" for n in range(int(first), max(int(first), end) + 1))
    codes.update(target.split("/")[-1][:2] for _, target in links(text) if re.search(r"(^|/)\d{2}_[^/]*\.ipynb", target))
    return codes


def links(text: str) -> list[tuple[str, str]]:
    """(label, target) of every Markdown link, without any #anchor."""
    return [(label, target.split("#")[0]) for label, target in _LINK.findall(text)]


def next_lines(text: str) -> list[str]:
    """What follows each "Next:" at the start of a line."""
    return _NEXT.findall(text)
