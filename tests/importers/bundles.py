# SPDX-License-Identifier: MPL-2.0
"""A bundle written to a file, read back, and the problems the importer names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gevinst.core.errors import FormatError, Problem
from gevinst.format.writer import to_yaml
from gevinst.importers.bundle import import_file


def write(path: Path, bundle: dict[str, Any]) -> Path:
    """``bundle`` written as JSON or YAML, as ``path``'s suffix says."""
    if path.suffix.lower() == ".json":
        # consultation dates are dates; JSON writes them as ISO strings
        path.write_text(json.dumps(bundle, ensure_ascii=False, indent=2, default=str), "utf-8")
    else:
        path.write_text(to_yaml(bundle), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(FormatError) as e:
        import_file(path)
    return list(e.value.problems)


def line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1
