"""The columns each workshop table needs, shown in the notebook.

JupyterLab's file browser is rooted at ``notebooks/``, so a pointer to ``docs/data-dictionary.md``
leads nowhere a learner can click. ``data_dictionary("incidents")`` shows the same table in the
notebook: each column, its type and what it means (from docs/data-dictionary.md when it is
there, else the loader's own schema).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[3] / "docs" / "data-dictionary.md"
_ROW = re.compile(r"^\|\s*`(?P<column>[^`]+)`\s*\|\s*(?P<kind>[^|]*?)\s*\|\s*(?P<meaning>[^|]*?)\s*\|\s*$")


def _meanings(table: str) -> dict[str, str]:
    """column -> meaning, from the table's section of docs/data-dictionary.md (empty if not found)."""
    try:
        text = DOC.read_text(encoding="utf-8")
    except OSError:
        return {}
    section = re.search(rf"^## `{re.escape(table)}\.csv`\s*$(?P<body>.*?)(?=^## |\Z)", text, re.M | re.S)
    if not section:
        return {}
    found = {}
    for line in section.group("body").splitlines():
        match = _ROW.match(line.strip())
        if match:
            found[match["column"]] = match["meaning"].replace("`", "")
    return found


class DataDictionary:
    def __init__(self, tables: list[str]):
        from workshop.company.data import SCHEMAS

        unknown = [t for t in tables if t not in SCHEMAS]
        if unknown:
            raise ValueError(f"there is no table {unknown[0]!r}; choose from {', '.join(sorted(SCHEMAS))}")
        self.tables = tables or sorted(SCHEMAS)
        self.schemas = {t: SCHEMAS[t] for t in self.tables}

    def rows(self, table: str) -> list[tuple[str, str, str]]:
        meanings = _meanings(table)
        return [(column, kind, meanings.get(column, "")) for column, kind in self.schemas[table].items()]

    def text(self) -> str:
        lines = []
        for table in self.tables:
            lines.append(f"{table}.csv")
            lines += [f"  {c:<24} {k:<9} {m}" for c, k, m in self.rows(table)]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        parts = ["<div class='lwi-data-dictionary'>"]
        for table in self.tables:
            body = "".join(f"<tr><td><code>{html.escape(c)}</code></td><td>{html.escape(k)}</td><td>{html.escape(m)}</td></tr>"
                           for c, k, m in self.rows(table))
            parts.append(f"<p><strong>Columns of <code>{html.escape(table)}.csv</code></strong> "
                         "(extra columns are kept):</p>"
                         f"<table><thead><tr><th>column</th><th>type</th><th>meaning</th></tr></thead><tbody>{body}</tbody></table>")
        parts.append("</div>")
        return "".join(parts)


def data_dictionary(*tables: str) -> DataDictionary:
    """The columns a CSV of your own needs, for one or more tables (all of them if none is named)."""
    return DataDictionary(list(tables))
