# SPDX-License-Identifier: MPL-2.0
"""The check through the service: the seed's findings, and a confidential proposal checked
as it is published for one who may not read it."""

from __future__ import annotations

from gevinst.core.access import LOCAL
from gevinst.core.check import check_catalog as core_check
from gevinst.core.model import Catalog
from gevinst.services.check import check_catalog
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import READER


def test_the_local_user_checks_the_whole_catalog(store: MemoryStore, seed: Catalog) -> None:
    checked = check_catalog(store, LOCAL, "kat")
    assert checked.findings == tuple(core_check(seed))
    assert checked.summary["proposals"] == 9
    assert checked.summary["findings"] == len(checked.findings)
    assert checked.has_errors == (checked.summary["error"] != 0)


def test_a_reader_gets_no_finding_from_inside_a_confidential_proposal(
    store: MemoryStore, seed: Catalog
) -> None:
    everything = check_catalog(store, LOCAL, "kat")
    shown = check_catalog(store, READER, "kat")
    assert shown.catalog.proposal("F1").catalog_entry_only
    inside = {"2.1", "A", "B", "C", "D", "E", "basis", "admin"}
    assert not [f for f in shown.findings if f.proposal == "F1" and f.table in inside]
    others = [f for f in everything.findings if f.proposal not in ("F1", None)]
    assert [f for f in shown.findings if f.proposal not in ("F1", None)] == others
