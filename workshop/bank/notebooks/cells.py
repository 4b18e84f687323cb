"""Finding the exercise a code cell shows or checks."""
from __future__ import annotations

import re

CHECK_TAG = "nbval-check-output"
MODULE_RE = re.compile(r"""Module\(\s*["'](\d{2})["']\s*\)""")
SHOW_RE = re.compile(r"""(?P<call>\bm\.show\(\s*["'](?P<id>[\w.-]+)["'])\s*[,)]""")
BARE_SHOW_RE = re.compile(r"""(?P<call>\bm\.show\(\s*["'](?P<id>[\w.-]+)["'])\s*\)""")
PLACEHOLDER_RE = re.compile(r"^(?P<target>[ \t]*\w+[ \t]*=[ \t]*)\.\.\.(?=[ \t]*(?:#.*)?$)", re.M)
PASSAGE_RE = re.compile(r"""\bm\.passage\(\s*["'](?P<id>[\w.-]+)["']\s*\)""")
CHECK_RE = re.compile(r"""(?P<call>\bm\.check\(\s*["'](?P<id>[\w.-]+)["']\s*,)\s*(?P<answer>[^)]*?)\s*\)\s*$""", re.M)


def module_code(nb) -> str | None:
    for cell in nb.cells:
        if cell.cell_type == "code":
            match = MODULE_RE.search(cell.source)
            if match:
                return match.group(1)
    return None


def full_id(module: str | None, exercise_id: str) -> str:
    return exercise_id if "." in exercise_id or module is None else f"{module}.{exercise_id}"


def exercise_in(cell, module: str | None) -> str | None:
    """The exercise a code cell shows or checks, if any."""
    if cell.cell_type != "code":
        return None
    match = SHOW_RE.search(cell.source) or CHECK_RE.search(cell.source)
    return full_id(module, match.group("id")) if match else None


def is_checked(cell) -> bool:
    return CHECK_TAG in cell.get("metadata", {}).get("tags", [])


def passages_in(cell) -> list[str]:
    """The passage ids a code cell shows with ``m.passage("id")``."""
    if cell.cell_type != "code":
        return []
    return [match.group("id") for match in PASSAGE_RE.finditer(cell.source)]
