"""Layers only point down, and no two parts of workshop/ import each other.

A *part* is the longest dotted name under workshop/ that LAYERS places: a module
(``company.facts``, ``bank.loader``) or a whole package (``kinds``, ``room``); imports inside one
part are free. Every part sits in one layer, and may import its own layer and the layers below it,
never one above. Imports are read with ``ast``, including those inside functions (a lazy import is
still an arrow); only ``if TYPE_CHECKING:`` blocks are skipped.

    layer        parts                                              what it is
    0 pure       answers result settings safefile framing/ impact/  text, numbers and results; no
                 bank.markdown bank.wording bank.yaml_lines         company, no learner's files
    1 company    company.profiles .currency .data .facts            the instructor's company:
                 .placeholders .report                              profile, data, facts, money
    2 content    bank.loader bank.minutes bank.notebooks kinds/     the exercise bank, its kinds, the
                 company.factcheck company.drift                    editions and the number guard
    3 log        progress.log progress.export                       the learner's event log
    4 learner    api widgets/ progress.report                       what a notebook calls
    5 labs       labs.charts .whatif .proposal .capstone .leading   the modules' interactive labs
    6 room       room/                                              the facilitator's room
    7 tools      authoring/ (with review/) cli __main__ and the     commands; the root wires the room
                 package root                                       to the log (progress.log.subscribe)

The folders say who each part serves: ``company/`` the instructor's company, ``bank/`` the
content pipeline, ``progress/`` the learner's log, ``labs/`` the modules' labs, ``room/`` the
facilitator, ``authoring/`` the instructor who writes exercises.

``from workshop import NAME`` counts as an arrow to the module that defines NAME (``check`` is
``api``'s), as a notebook's import does. A new module must be given a layer here.

KNOWN lists the arrows that still break the rule, each with its reason. It may only shrink: the
test fails when a listed arrow is gone (delete it from the list) as well as when a new one appears.
"""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workshop"

LAYERS = [
    ("pure", "answers result settings safefile framing impact bank.markdown bank.wording bank.yaml_lines"),
    ("company", "company company.profiles company.currency company.data company.facts company.placeholders company.report"),
    ("content", "bank bank.loader bank.minutes bank.notebooks kinds company.factcheck company.drift"),
    ("log", "progress progress.log progress.export"),
    ("learner", "api widgets progress.report"),
    ("labs", "labs labs.charts labs.whatif labs.proposal labs.capstone labs.leading"),
    ("room", "room"),
    ("tools", "authoring authoring.review cli __main__ __init__"),
]
LAYER = {part: rank for rank, (_, parts) in enumerate(LAYERS) for part in parts.split()}

KNOWN = {
    # upward arrows
    ("kinds", "labs.capstone"): "the case kind is judged by the capstone's checks (capstone/checks.py is pure logic in a lab folder)",
    ("widgets", "labs.capstone"): "the capstone form and the one-page widgets read the case model (capstone/case.py)",
    ("widgets", "room"): "after a check, the learner's view shows the room's poll (widgets/view.py -> room/poll.py)",
    ("progress.export", "room"): "an export carries the learner's id, made by room/mirror.py (it belongs beside the log)",
    # sideways arrows that close a circle inside the content layer
    ("kinds", "bank.loader"): "options read the bank's shown order; computed keys report bank problems",
    # sideways arrow that closes a circle inside the labs layer
    ("labs.proposal", "labs.capstone"): "module 05's proposal becomes a capstone case, whose model reuses the proposal's",
}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every Import/ImportFrom node, at any depth, except under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _public_names() -> dict[str, str]:
    """The package root's lazily exported names and the module each comes from (its ``_PUBLIC``)."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_PUBLIC" for t in node.targets):
            return ast.literal_eval(node.value)
    return {}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def part(module: str) -> str:
    """The longest dotted name under workshop/ that LAYERS places: ``company.facts``, ``kinds``."""
    pieces = module.split(".")[1:]
    for length in range(len(pieces), 0, -1):
        name = ".".join(pieces[:length])
        if name in LAYER:
            return name
    return pieces[0] if pieces else "__init__"


def arrows() -> dict[tuple[str, str], set[str]]:
    """(importing part, imported part) -> the modules where the import is written."""
    found, public = modules(), _public_names()
    result: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name, path in found.items():
        is_package = path.name == "__init__.py"
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                targets = []
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    if full in found:
                        targets.append(full)
                    elif source == "workshop" and alias.name in public:
                        targets.append(public[alias.name])
                    else:
                        targets.append(source)
            for target in targets:
                if target == "workshop" or target.startswith("workshop."):
                    a, b = part(name), part(target)
                    if a != b:
                        result[(a, b)].add(name)
    return result


def test_every_part_has_a_layer():
    missing = sorted({part(m) for m in modules()} - set(LAYER))
    assert not missing, f"give these parts of workshop/ a layer in tests/test_layers.py: {missing}"


def test_no_lower_layer_imports_a_higher_one():
    upward = {arrow: where for arrow, where in arrows().items()
              if LAYER.get(arrow[0], 0) < LAYER.get(arrow[1], 0) and arrow not in KNOWN}
    assert not upward, "\n".join(
        f"{a} ({LAYERS[LAYER[a]][0]}) imports {b} ({LAYERS[LAYER[b]][0]}) in {', '.join(sorted(where))}"
        for (a, b), where in sorted(upward.items()))


def test_no_circle_between_parts():
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in arrows():
        if (a, b) not in KNOWN:
            graph[a].add(b)
    circles = _strongly_connected(graph)
    assert not circles, f"these parts import each other, round about: {circles}"


def test_known_exceptions_only_shrink():
    gone = sorted(set(KNOWN) - set(arrows()))
    assert not gone, f"these arrows are gone: delete them from KNOWN in tests/test_layers.py: {gone}"


def test_the_learners_log_knows_nothing_above_it():
    above = {(a, b) for a, b in arrows() if a == "progress.log"}
    assert not above, f"progress imports {sorted(b for _, b in above)}: it must import nothing of the workshop"


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of two or more parts that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    nodes = sorted(set(graph) | {b for targets in graph.values() for b in targets})
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def test_the_package_imports_each_module_from_its_home():
    """The old paths (``workshop.facts``) are aliases kept for notebooks (docs/public-api.md);
    the package itself names each module where it lives, so the layers above see the real arrows."""
    from workshop import MOVED

    stale = set()
    for name, path in modules().items():
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            sources = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if isinstance(node, ast.ImportFrom) and node.module == "workshop":
                sources = [f"workshop.{alias.name}" for alias in node.names]
            stale |= {(name, source) for source in sources for old in MOVED
                      if source == old or source.startswith(old + ".")}
    assert not stale, f"import these from their new homes (see MOVED in workshop/__init__.py): {sorted(stale)}"


def test_each_old_path_is_the_same_module_as_its_new_home():
    import importlib

    from workshop import MOVED

    for old, new in MOVED.items():
        assert importlib.import_module(old) is importlib.import_module(new), old
