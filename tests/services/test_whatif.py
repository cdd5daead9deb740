# SPDX-License-Identifier: MPL-2.0
"""The basis and what-if through the service, with the in-memory store: BC01's worked
example, the argument rules, and a confidential proposal's basis kept from a reader.

BC01's e3 (tests/cli/test_basis.py): 1.341,67 hours / årstimenorm 1.262,6 × 828 = 879,9 ->
-880 a year, 2/3 in 2026 (-587); with årstimenorm 1.300: 854,54 -> -855, 2026 -570.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from gevinst.core import whatif as wi
from gevinst.core.access import LOCAL
from gevinst.core.errors import AccessDeniedError, InputError
from gevinst.core.model import Catalog
from gevinst.services.whatif import Request, basis, catalog_whatif, whatif
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import READER

NORM = Request(wi.Changes(assumptions={"aarstimenorm": Decimal(1300)}))


def test_the_basis_of_bc01(store: MemoryStore) -> None:
    b = basis(store, LOCAL, "kat", "BC01")
    assert [r.effect.line for r in b.results] == ["e1", "e2", "e3"]
    e3 = b.results[2].series
    assert [e3[2025], e3[2026], e3[2027], e3[2029]] == [0, -587, -880, -880]


def test_a_what_if_for_one_proposal(store: MemoryStore) -> None:
    report = whatif(store, LOCAL, "kat", "BC01", NORM)
    assert report.proposal.id == "BC01"
    assert report.comparison is not None
    e3 = next(f for f in report.comparison.lines if f.key == "e3")
    assert [e3.before[2026], e3.after[2026], e3.after[2029]] == [-587, -570, -855]
    varig = next(f for f in report.comparison.figures if f.key == "varig")
    assert varig.after[2029] == -1449
    assert report.npv is None and report.sensitivity is None and report.ranges == ()


def test_a_net_present_value_alone_has_no_after(store: MemoryStore) -> None:
    report = whatif(store, LOCAL, "kat", "BC01", Request(npv=True))
    assert report.comparison is None
    assert report.npv is not None
    before, after = report.npv
    # the worked example of tests/core/test_npv.py
    assert before.value.quantize(Decimal("0.01")) == Decimal("-24002.95")
    assert after is None


def test_a_what_if_asking_nothing_is_refused(store: MemoryStore) -> None:
    with pytest.raises(InputError, match="intet at beregne"):
        whatif(store, LOCAL, "kat", "BC01", Request())


@pytest.mark.parametrize(
    "request_",
    [
        Request(wi.Changes(params={("e3", "wage"): Decimal(800)})),
        Request(wi.Changes(shifts={"e3": 1})),
        Request(NORM.changes, sensitivity=True),
        Request(NORM.changes, npv=True),
    ],
)
def test_what_belongs_to_one_proposal_is_refused_for_the_catalog(
    store: MemoryStore, request_: Request
) -> None:
    with pytest.raises(InputError, match="gælder ét forslag: angiv dets ID"):
        catalog_whatif(store, LOCAL, "kat", request_)


def test_the_catalog_needs_a_shared_assumption(store: MemoryStore) -> None:
    with pytest.raises(InputError, match="angiv mindst én fælles antagelse"):
        catalog_whatif(store, LOCAL, "kat", Request())


def test_the_catalog_wide_what_if(store: MemoryStore) -> None:
    report = catalog_whatif(store, LOCAL, "kat", NORM)
    assert report.catalog.id == "kk-budget-2025"
    assert [c.before.id for c in report.impact.proposals] == ["BC01"]
    table = next(t for t in report.impact.tables if t.table == "catalog-1")
    # BC01 counts in the catalog's Tabel 1 as a positive contribution: 25 less from 2027
    assert table.after[2027] - table.before[2027] == -25


@pytest.fixture
def f2_confidential(seed: Catalog) -> MemoryStore:
    proposals = tuple(
        replace(p, confidential=p.id == "F2" or p.confidential) for p in seed.proposals
    )
    kept = MemoryStore()
    when = datetime(2026, 1, 1, tzinfo=UTC)
    kept.create_catalog(
        "kat", replace(seed, proposals=proposals), Change(who="x", when=when, why="x")
    )
    return kept


def test_a_reader_sees_no_basis_of_a_confidential_proposal(f2_confidential: MemoryStore) -> None:
    with pytest.raises(AccessDeniedError, match="F2 er fortroligt"):
        basis(f2_confidential, READER, "kat", "F2")
    with pytest.raises(AccessDeniedError, match="F2 er fortroligt"):
        whatif(f2_confidential, READER, "kat", "F2", Request(npv=True))
    assert len(basis(f2_confidential, LOCAL, "kat", "F2").results) == 7
    # F2 and F3 both use the social worker's yearly cost; the reader sees F3 change alone
    social = Request(wi.Changes(assumptions={"socialraadgiver_aarsvaerk": Decimal(600)}))
    changed = catalog_whatif(f2_confidential, LOCAL, "kat", social).impact.proposals
    assert [c.before.id for c in changed] == ["F2", "F3"]
    seen = catalog_whatif(f2_confidential, READER, "kat", social).impact.proposals
    assert [c.before.id for c in seen] == ["F3"]
