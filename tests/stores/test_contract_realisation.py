# SPDX-License-Identifier: MPL-2.0
"""The port's contract for the realisation records, run against every store (the folder
and memory stores here, the database store in tests/web/test_store_realisation.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from gevinst.core import realisation as r
from gevinst.core.access import LOCAL
from gevinst.core.errors import ConflictError, FormatError, NotFoundError
from gevinst.core.model import Catalog
from gevinst.format.writer import write_catalog
from gevinst.services.catalogs import copy_catalog
from gevinst.stores.folder import FolderStore
from tests.stores import test_contract
from tests.stores.test_contract import CHANGE, Kept

kept = test_contract.kept  # the stores of the contract, as the fixture of these tests
WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
MAPPED = r.ColumnMapping(column="Udlejede ladere", goal=r.GoalRef("BC02", 4), who="A", when=WHEN)
DATES = r.ColumnMapping(column="Dato", goal=None, who="A", when=WHEN)
BASELINE = r.Baseline(
    goal=r.GoalRef("BC02", 4),
    value=Decimal(0),
    day=date(2024, 12, 31),
    source="Ladeoperatørens opgørelse",
    who="Anna",
    when=WHEN,
)
MEASURED = r.Measurement(
    goal=r.GoalRef("BC02", 4),
    value=Decimal("12.5"),
    day=date(2025, 1, 31),
    note="",
    who="Anna",
    when=WHEN,
)
REALISED = r.Realised(
    proposal="BC01",
    year=2026,
    committee="SU",
    amount=Decimal(-107),
    evidence="Lønudtræk januar 2026: 0,2 årsværk færre",
    who="Anna",
    when=WHEN,
)
SPENT = r.Spending(
    proposal="F2", year=2025, committee=None, amount=Decimal(700), note="", who="Bo", when=WHEN
)
ALL: list[r.Entry] = [MAPPED, DATES, BASELINE, MEASURED, REALISED, SPENT]


def test_records_are_kept_in_the_order_written_every_kind_as_it_was(kept: Kept) -> None:
    assert kept.store.realisation(kept.key) == []
    kept.store.add_realisation(kept.key, ALL[:2], expected_count=0)
    kept.store.add_realisation(kept.key, ALL[2:], expected_count=2)
    assert kept.store.realisation(kept.key) == ALL


def test_a_write_from_a_stale_count_is_a_conflict_and_changes_nothing(kept: Kept) -> None:
    kept.store.add_realisation(kept.key, [MEASURED], expected_count=0)
    with pytest.raises(ConflictError, match=r"nye registreringer .*\(1 nu, 0 da\)"):
        kept.store.add_realisation(kept.key, [REALISED, SPENT], expected_count=0)
    assert kept.store.realisation(kept.key) == [MEASURED]


def test_records_of_an_unknown_catalog_are_not_found(kept: Kept) -> None:
    # a folder that is not there is a catalog that cannot be read, as for every read
    with pytest.raises((NotFoundError, FormatError)):
        kept.store.realisation("intet")
    with pytest.raises((NotFoundError, FormatError)):
        kept.store.add_realisation("intet", [SPENT], expected_count=0)


def test_the_folder_keeps_them_in_realisation_yaml_beside_the_catalog(
    tmp_path: Path, seed: Catalog
) -> None:
    store = FolderStore(tmp_path)
    write_catalog(seed, tmp_path / "kat")
    store.add_realisation("kat", [REALISED], expected_count=0)
    text = (tmp_path / "kat" / "realisation.yaml").read_text(encoding="utf-8")
    assert text.startswith("entries:\n- kind: realised\n  proposal: BC01\n  year: 2026\n")
    assert "  amount: -107\n  evidence: 'Lønudtræk januar 2026: 0,2 årsværk færre'\n" in text
    assert not [p for p in (tmp_path / "kat").iterdir() if p.name.startswith(".gevinst-")]
    (tmp_path / "kat" / "realisation.yaml").write_text(
        text.replace("  evidence: 'Lønudtræk januar 2026: 0,2 årsværk færre'\n", ""),
        encoding="utf-8",
    )
    with pytest.raises(
        FormatError, match=r"realisation.yaml, felt entries\[0\].evidence: feltet mangler"
    ):
        store.realisation("kat")


def test_a_new_catalog_keeps_the_records_it_is_given(kept: Kept, seed: Catalog) -> None:
    kept.store.create_catalog("kopi", seed, CHANGE, realisation=ALL)
    assert kept.store.realisation("kopi") == ALL
    kept.store.add_realisation("kopi", [SPENT], expected_count=len(ALL))
    assert kept.store.realisation(kept.key) == []  # the first catalog's are its own


def test_a_catalog_copied_between_stores_carries_its_records(
    kept: Kept, seed: Catalog, tmp_path: Path
) -> None:
    kept.store.add_realisation(kept.key, ALL, expected_count=0)
    folder = FolderStore(tmp_path)
    copy_catalog(kept.store, kept.key, folder, "ud", LOCAL, "eksport")
    assert folder.realisation("ud") == ALL
    assert (tmp_path / "ud" / "realisation.yaml").is_file()
