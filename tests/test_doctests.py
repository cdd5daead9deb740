# SPDX-License-Identifier: MPL-2.0
"""Every example in a docstring runs: each module whose source holds a ``>>>`` example is
tested with :mod:`doctest`, so an example that is wrong, or never found, fails here."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import gevinst

PACKAGE = Path(gevinst.__file__).parent


def _modules_with_examples() -> list[str]:
    return sorted(
        ".".join(("gevinst", *path.relative_to(PACKAGE).with_suffix("").parts))
        for path in PACKAGE.rglob("*.py")
        if ">>>" in path.read_text(encoding="utf-8")
    )


def test_the_examples_are_found() -> None:
    assert {"gevinst.core.distribute", "gevinst.core.numbers"} <= set(_modules_with_examples())


@pytest.mark.parametrize("name", _modules_with_examples())
def test_the_examples_in_the_docstrings(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    # an example outside a docstring (a comment) is never run: attempted would be 0
    assert result.attempted and not result.failed
