# SPDX-License-Identifier: MPL-2.0
"""The house drawn from the code keeps its shape (docs/architecture-map.md): the contracts
in pyproject.toml ([tool.importlinter]) hold. The layers cli > web > services > documents |
importers | stores > format > core have no circle and no arrow upwards or sideways (an
importer never imports a writer), and the core imports nothing that reads files, parses or
renders."""

from __future__ import annotations

from pathlib import Path

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
