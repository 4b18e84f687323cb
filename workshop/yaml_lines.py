"""YAML loading that remembers line numbers, so errors can point at them."""
from __future__ import annotations

from typing import Any

import yaml


class YamlProblem(Exception):
    """A file that is not valid YAML, with the line where the parser stopped."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse once into a node tree (for lines) and plain data (for validation)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
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
