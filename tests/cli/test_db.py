# SPDX-License-Identifier: MPL-2.0
"""``gevinst db import`` and ``gevinst db export``: a folder into the database and back is
the same catalog, and written again it is the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.cli.main import main
from gevinst.core.model import Catalog
from gevinst.format.reader import load_catalog
from tests.paths import SEED

pytestmark = pytest.mark.django_db


def _files(folder: Path) -> dict[str, bytes]:
    return {str(f.relative_to(folder)): f.read_bytes() for f in folder.rglob("*") if f.is_file()}


def test_a_folder_through_the_database_is_the_same_catalog_and_bytes(
    tmp_path: Path, seed: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "import", str(SEED)]) == 0
    assert "9 forslag indlæst i databasen som kk-budget-2025" in capsys.readouterr().out
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["db", "export", "kk-budget-2025", str(first)]) == 0
    assert load_catalog(first) == seed
    assert main(["db", "import", str(first), "--as", "again"]) == 0
    assert main(["db", "export", "again", str(second)]) == 0
    assert _files(first) == _files(second) and len(_files(first)) == 10


def test_a_catalog_is_never_imported_twice_or_exported_over_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "import", str(SEED)]) == 0
    assert main(["db", "import", str(SEED)]) == 2
    assert "kataloget 'kk-budget-2025' findes allerede; intet er skrevet" in capsys.readouterr().err
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["db", "export", "kk-budget-2025", str(tmp_path / "full")]) == 2
    assert "findes allerede og er ikke tom" in capsys.readouterr().err
    assert main(["db", "export", "findes-ikke", str(tmp_path / "new")]) == 2
    assert "kataloget 'findes-ikke' findes ikke" in capsys.readouterr().err
    assert (tmp_path / "full" / "keep.txt").read_text(encoding="utf-8") == "mine"
