"""YAML loading that remembers line numbers, so errors can point at them."""
from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it (the wheels are): parsing the bank is most of
# what a kernel does when a notebook starts, and the pure-Python parser is about ten times slower.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with the fast parser."""
    return yaml.load(text, Loader=LOADER)


class YamlProblem(Exception):
    """A file that is not valid YAML, with the line where the parser stopped."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse once into a node tree (for lines) and plain data (for validation)."""
    try:
        node = yaml.compose(text, Loader=LOADER)
        _refuse_alias_bombs(node)
        _refuse_duplicate_keys(node)
        data = safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        column = f" (column {mark.column + 1})" if mark else ""
        raise YamlProblem(
            f"this is not valid YAML: {exc.problem}{column}. "
            "Check the indentation, and put text containing ': ' or ' #' in quotes.",
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"this is not valid YAML ({exc}).") from None
    return data, node


MAX_EXPANDED_VALUES = 200_000  # far more than any module file; an alias bomb expands to billions


def _refuse_alias_bombs(root: yaml.Node | None) -> None:
    """Refuse a file whose aliases (``*name``) expand past a sane size, before anything walks the expansion.

    The node tree shares aliased nodes, so it is small; the size it expands to is
    counted once per shared node, in time proportional to the file.
    """
    if root is None:
        return
    sizes: dict[int, int] = {}
    order, stack, seen = [], [root], set()
    while stack:  # iterative post-order: a deep file cannot exhaust the stack either
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        order.append(node)
        stack.extend(_children(node))
    for node in reversed(order):
        total = 1 + sum(sizes.get(id(child), 1) for child in _children(node))
        sizes[id(node)] = total
        if total > MAX_EXPANDED_VALUES:
            raise YamlProblem(
                f"its aliases (*name) expand to more than {MAX_EXPANDED_VALUES:,} values, which no exercise needs. "
                "Write the values out, or use each anchor (&name) for a small block only.",
                line=node.start_mark.line + 1,
            )


def _refuse_duplicate_keys(root: yaml.Node | None) -> None:
    """Refuse a key written twice in one mapping: YAML silently keeps the last one.

    A merge once left module 05 with two ``facilitator_notes`` and two ``exercises``
    keys; the stale notes won without a word.
    """
    stack, seen = ([root] if root is not None else []), set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    line = key_node.start_mark.line + 1
                    if key_node.value in first:
                        raise YamlProblem(
                            f"the key '{key_node.value}' appears twice in one block (first on line {first[key_node.value]}); "
                            "YAML keeps only the last one. Remove or merge the other.",
                            line=line,
                        )
                    first[key_node.value] = line
        stack.extend(_children(node))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def line_of(node: yaml.Node | None, path: tuple) -> int | None:
    """The line of the deepest node that ``path`` (keys and indexes) reaches."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for step in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            child = node.value[step]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line
