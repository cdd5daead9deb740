# SPDX-License-Identifier: MPL-2.0
"""A catalog folder holding the seed's BC01 alone, to damage a line of it and read what the
loader says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gevinst.core.errors import FormatError
from gevinst.format.reader import load_catalog
from tests.paths import SEED

CATALOG = """\
schema_version: 1
id: t
title: Test
municipality: Københavns Kommune
round: Budget 2025
price_level: 2025
proposals: [BC01]
"""


def bc01_catalog(folder: Path) -> Path:
    """``folder`` made a catalog of BC01 alone."""
    (folder / "proposals").mkdir(parents=True)
    (folder / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    shutil.copy(SEED / "proposals" / "BC01.yaml", folder / "proposals" / "BC01.yaml")
    return folder


def edit(catalog: Path, old: str, new: str) -> int:
    """Replace text in BC01.yaml; return the line number of the replacement."""
    path = catalog / "proposals" / "BC01.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def problems(catalog: Path) -> list[str]:
    """What the loader says of the catalog, a problem a line."""
    with pytest.raises(FormatError) as e:
        load_catalog(catalog)
    return [str(p) for p in e.value.problems]
