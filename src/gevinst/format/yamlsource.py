# SPDX-License-Identifier: MPL-2.0
"""YAML read the way people write proposals: exact numbers, and every value's line.

Three departures from plain YAML, each to protect a figure:
- a number with a point (``1.144``) is not turned into a float; it is kept as written, so
  the schema can refuse it in an amount (a Danish thousand separator read as a decimal
  point would silently divide the figure by 1.000) and read it exactly elsewhere;
- only ``true`` and ``false`` are booleans (YAML 1.1 also reads ``no`` and ``on``);
- only plain decimal whole numbers are integers (YAML 1.1 reads ``0750`` as octal 488 and
  ``1:30`` as 90), and a key given twice is an error, not silently the last one;
- each value's line is kept, so an error names the line of the field it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from gevinst.core.errors import GevinstError


class WrittenNumber(str):
    """A number written with a decimal point, kept exactly as written."""

    __slots__ = ()


class _Loader(yaml.CSafeLoader):
    """libyaml's C parser (twenty times the pure-Python one), with the resolvers and
    constructors below; node marks, and so every value's line, are kept all the same."""


_REPLACED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.Node) -> dict[object, object]:
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(
            None, None, "forventede en mapping", node.start_mark
        )
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"nøglen {key!r} står to gange", key_node.start_mark
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=True)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def _construct_written_number(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> WrittenNumber:
    return WrittenNumber(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_written_number)


class YamlError(GevinstError):
    """A file that is not readable YAML, with its line."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}, linje {line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class YamlDocument:
    """One parsed file: its data and the line of every node."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            loader = _Loader(path.read_text(encoding="utf-8"))
            try:
                self.node = loader.get_single_node()
                self.data: Any = loader.construct_document(self.node) if self.node else None
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            raise YamlError(path, mark.line + 1 if mark else None, str(e.problem)) from None
        except (yaml.YAMLError, UnicodeDecodeError, OSError) as e:
            raise YamlError(path, None, str(e)) from None

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        """The line of the deepest node along ``loc`` (keys and list indices)."""
        node = self.node
        line = node.start_mark.line + 1 if node else None
        for step in loc:
            child = _child(node, step)
            if child is None:
                break
            node, line = child, child.start_mark.line + 1
        return line


def _child(node: yaml.Node | None, step: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        return node.value[step] if 0 <= step < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == str(step):
                return value  # type: ignore[no-any-return]
    return None
