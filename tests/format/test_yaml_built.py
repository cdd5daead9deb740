# SPDX-License-Identifier: MPL-2.0
"""A YAML document's data built in one walk (yamlsource._built, issue 11) is the data the
loader's constructors build, to the type of every value, and a document they refuse is refused
with the same message at the same line: generated documents read both ways."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gevinst.format import yamlsource
from gevinst.format.yamlsource import YamlDocument, YamlError

# plain scalars as people write them: each resolves to another kind, or is refused
SCALARS = [
    "1144",
    "-149",
    "+7",
    "0",
    "0750",
    "1.144",
    "-0.5",
    "2025.0",
    "1e20",
    "70,000",
    "0,5",
    "1,144,000",
    "true",
    "False",
    "yes",
    "no",
    "on",
    "~",
    "null",
    "",
    "2024-02-30",
    "2025-01-01",
    "1:30",
    ".nan",
    "'quoted'",
    '"2025"',
    "!!int 12",
    "!!int 1.5",
    "!!bool yes",
    "!!str 12",
    "!!float 3",
    "!!timestamp 2025-01-01",
    "tekst med ord",
    "9" * 31,
    "<<",
    "[1, 2]",
    "{a: 1}",
    "!!map [1]",
    "!!seq {a: 1}",
    "=",
    "&x [1, 2]",
    "*x",
    "&y 5",
    "*y",
    "[" * 41 + "]" * 41,
    "[" * 39 + "]" * 39,
]
KEYS = ["a", "b", "2025", '"2025"', "2025.0", "1", "true", "[1]", "{x: 1}", "~", "<<"]


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    """A YAML text: a block mapping of keys (some given twice, in two spellings) to scalars,
    flow collections (numbers split at their comma among them) and nested mappings."""
    pad = "  " * depth
    lines = []
    for key in draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=4)):
        kind = draw(st.sampled_from(["scalar", "flow", "nested"] if depth < 2 else ["scalar"]))
        if kind == "scalar":
            lines.append(f"{pad}{key}: {draw(st.sampled_from(SCALARS))}")
        elif kind == "flow":
            items = draw(st.lists(st.sampled_from(SCALARS[:12]), max_size=4))
            if draw(st.booleans()):
                lines.append(f"{pad}{key}: [{', '.join(items)}]")
            else:
                pairs = [f"{2025 + i}: {item}" for i, item in enumerate(items)]
                lines.append(f"{pad}{key}: {{{', '.join(pairs)}}}")
        else:
            lines.append(f"{pad}{key}:")
            lines.append(draw(documents(depth + 1)))
    return "\n".join(lines)


def _typed(data: object) -> object:
    """The data with the type of every value, so that a WrittenNumber is not taken for text."""
    if isinstance(data, dict):
        return [(_typed(k), _typed(v)) for k, v in data.items()]
    if isinstance(data, list):
        return [_typed(item) for item in data]
    return (type(data).__name__, data)


def _read(text: str) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "forslag.yaml")
        path.write_text(text, encoding="utf-8")
        try:
            return _typed(YamlDocument(path).data)
        except YamlError as e:
            return ("refused", e.line, e.message)


@settings(max_examples=300)
@given(documents())
@example("a: &x [1, 2]\nb: *x")  # an alias: refused, never built twice
@example("a: &y 5\nb: *y")
@example("a: " + "[" * 41 + "]" * 41)  # too deep
@example("a: {2025: 70,000, 2026: 0,5}\nb: [68,500, 4,000]")  # numbers split at a comma
def test_a_document_reads_as_the_constructors_read_it(text: str) -> None:
    in_one_walk = _read(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlsource, "_built", _constructors_only)
        assert _read(text) == in_one_walk


def _constructors_only(*args: object) -> object:
    raise yamlsource._Unusual


def test_the_seed_is_read_in_one_walk() -> None:
    # the common case takes the one walk: none of the seed's files is left to the constructors
    seed = Path(__file__).parents[2] / "catalogs" / "kk-budget-2025"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlsource._Loader, "construct_document", _never)
        read = [YamlDocument(path).data for path in sorted(seed.rglob("*.yaml"))]
    assert len(read) >= 10
    assert all(read)


def _never(*args: object) -> object:
    raise AssertionError("left to the constructors")


@given(st.one_of(st.sampled_from(SCALARS), st.text(max_size=45)), st.booleans())
def test_a_plain_scalars_tag_is_remembered_as_resolved(value: str, plain: bool) -> None:
    """The loader remembers the tag of a short plain scalar by its text: asked again, it
    answers what PyYAML's resolver answers."""
    loader = yamlsource._Loader("")
    try:
        implicit = (plain, not plain)
        resolve = yaml.resolver.BaseResolver.resolve
        resolved = resolve(loader, yaml.ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
        for _ in range(2):
            assert loader.resolve(yaml.ScalarNode, value, implicit) == resolved
    finally:
        loader.dispose()
