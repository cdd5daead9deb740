# SPDX-License-Identifier: MPL-2.0
"""The house drawn from the code keeps its shape (docs/architecture-map.md): the contracts
in pyproject.toml ([tool.importlinter]) hold. The layers cli > web > services > documents |
importers | stores > format > core have no circle and no arrow upwards or sideways (an
importer never imports a writer), and the core imports nothing that reads files, parses or
renders."""

from __future__ import annotations

import re
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

from tests.paths import ROOT


def _lint(config: Path) -> int:
    return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_the_packages_keep_their_layers(capsys: pytest.CaptureFixture[str]) -> None:
    status = _lint(ROOT / "pyproject.toml")
    assert status == 0, capsys.readouterr().out


def test_a_broken_layer_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the documents import the core, so a contract that puts the core above them must fail:
    # the check above can fail
    config = tmp_path / "upside-down.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "gevinst"\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "upside down"\ntype = "layers"\n'
        'layers = ["gevinst.core", "gevinst.documents"]\n',
        encoding="utf-8",
    )
    assert _lint(config) != 0
    assert "gevinst.documents is not allowed to import gevinst.core" in capsys.readouterr().out


def test_the_map_draws_the_packages_as_the_code_imports_them() -> None:
    """docs/architecture-map.md's diagram has exactly the arrows between packages that the
    source's imports make."""
    graph = grimp.build_graph("gevinst", cache_dir=None)
    packages = sorted({m.split(".")[1] for m in graph.modules if m.count(".") >= 1})
    drawn_by_code = {
        (a, b)
        for a in packages
        for b in packages
        if a != b
        and graph.direct_import_exists(
            importer=f"gevinst.{a}", imported=f"gevinst.{b}", as_packages=True
        )
    }
    text = (ROOT / "docs" / "architecture-map.md").read_text(encoding="utf-8")
    diagram = text.split("```mermaid", 1)[1].split("```", 1)[0]
    drawn_in_docs = set(re.findall(r"^\s+(\w+) --> (\w+)$", diagram, re.MULTILINE))
    assert drawn_in_docs == drawn_by_code
