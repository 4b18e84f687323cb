"""Notebooks import only the public names docs/public-api.md lists, and every listed name exists.

So a file inside workshop/ can move without breaking an instructor's notebook: the listed
names are the promise, and this test keeps the promise and the notebooks in step. A module
imported whole (``import workshop.charts as charts``) may be used only through its listed
attributes (``charts.weekly_wait``).
"""
import ast
import importlib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "public-api.md"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def documented() -> set[str]:
    return set(re.findall(r"^- `(workshop(?:\.\w+)*)`", DOC.read_text(encoding="utf-8"), flags=re.M))


def resolve(name: str):
    """The object a public name stands for (a module, or an attribute of the longest importable prefix)."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            obj = getattr(obj, attribute)
        return obj
    raise ImportError(name)


def _is_module(name: str) -> bool:
    try:
        return isinstance(resolve(name), type(ast))
    except (ImportError, AttributeError):  # test_the_documented_names_exist says what is missing
        return False


def _code(cell) -> str:
    """A code cell's Python, without IPython's magics and shell lines."""
    lines = "".join(cell["source"]).splitlines()
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)


def used_names(notebook: Path) -> set[str]:
    """Every workshop name the notebook imports, and the attributes it reads of workshop modules it imports whole."""
    used: set[str] = set()
    bound: dict[str, str] = {}  # local name -> the workshop module it is
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse(_code(cell))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "workshop":
                        used.add(alias.name)
                        bound[alias.asname or alias.name] = alias.name
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "workshop" and not node.level:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    used.add(full)
                    if _is_module(full):  # a module: its attributes are names too
                        bound[alias.asname or alias.name] = full
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound:
                used.add(f"{bound[node.value.id]}.{node.attr}")
    return used


def test_the_documented_names_exist():
    names = documented()
    assert {"workshop.Module", "workshop.load", "workshop.facts"} <= names
    missing = []
    for name in sorted(names):
        try:
            resolve(name)
        except (ImportError, AttributeError) as exc:
            missing.append(f"{name}: {exc}")
    assert not missing, "docs/public-api.md lists names that do not exist:\n" + "\n".join(missing)


def test_from_workshop_import_module_load_facts():
    from workshop import Module, facts, load, profile

    from workshop.data import load as data_load

    assert load is data_load and callable(profile) and callable(facts.current) and Module.__name__ == "Module"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_imports_only_public_names(notebook):
    extra = sorted(used_names(notebook) - documented())
    assert not extra, (f"{notebook.name} uses names docs/public-api.md does not list: {extra}. "
                       "A lab's entry point: list it there; anything else: import a listed name instead.")
