# SPDX-License-Identifier: MPL-2.0
"""The check through the service: the seed's findings, and a confidential proposal checked
as it is published for one who may not read it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from gevinst.core.access import LOCAL
from gevinst.core.check import check_catalog as core_check
from gevinst.core.check import check_proposal as core_proposal_check
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Catalog, Proposal, UnknownProposalError
from gevinst.core.profile import Profile
from gevinst.services import check as services_check
from gevinst.services.check import Checked, check_catalog, select
from gevinst.services.proposals import preview
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import READER

CHANGE = Change(who="x", when=datetime(2026, 1, 1, tzinfo=UTC), why="x")


def test_the_local_user_checks_the_whole_catalog(store: MemoryStore, seed: Catalog) -> None:
    checked = check_catalog(store, LOCAL, "kat")
    assert checked.findings == tuple(core_check(seed))
    assert checked.summary["proposals"] == 9
    assert checked.summary["findings"] == len(checked.findings)
    assert checked.has_errors == (checked.summary["error"] != 0)


def test_a_reader_gets_no_finding_from_inside_a_confidential_proposal(seed: Catalog) -> None:
    # BC01 made confidential: its basis, Tabel A and 2.1 have findings the reader may not see
    secret = replace(seed.proposals[0], confidential=True)
    store = MemoryStore()
    store.create_catalog("kat", replace(seed, proposals=(secret, *seed.proposals[1:])), CHANGE)
    inside = {"2.1", "A", "B", "C", "D", "E", "basis", "admin", "template"}

    def tables(checked: Checked) -> set[str]:
        return {f.table for f in checked.findings if f.proposal == "BC01"}

    everything, shown = check_catalog(store, LOCAL, "kat"), check_catalog(store, READER, "kat")
    assert {"basis", "A", "2.1"} <= tables(everything)
    assert not tables(shown) & inside
    assert shown.catalog.proposal("BC01").catalog_entry_only
    public = {None, *(p.id for p in seed.proposals if not p.confidential)} - {"BC01"}
    others = [f for f in everything.findings if f.proposal in public]
    assert [f for f in shown.findings if f.proposal in public] == others


def test_select_counts_every_proposal_and_the_catalog(store: MemoryStore, seed: Catalog) -> None:
    checked = check_catalog(store, LOCAL, "kat")
    everything = select(checked)
    assert everything.findings == checked.findings
    assert everything.summary == checked.summary
    assert [c.proposal for c in everything.counts] == [*(p.id for p in seed.proposals), None]
    total = sum(c.error + c.warning + c.info for c in everything.counts)
    assert total == len(checked.findings)
    f3 = next(c for c in everything.counts if c.proposal == "F3")
    # 6 warnings of the tables, 2 of what the text says (47/53 in 2026 and 2027)
    assert (f3.error, f3.warning, f3.info) == (36, 8, 2)


def test_select_by_proposal_and_severity(store: MemoryStore) -> None:
    checked = check_catalog(store, LOCAL, "kat")
    warnings = select(checked, {Severity.WARNING}, ["f6"])
    assert [c.proposal for c in warnings.counts] == ["F6"]
    assert {(f.proposal, f.severity) for f in warnings.findings} == {("F6", Severity.WARNING)}
    assert warnings.summary["proposals"] == 1 and not warnings.has_errors
    # errors elsewhere in the proposal decide the exit, whatever is shown
    assert select(checked, {Severity.INFO}, ["F3"]).has_errors
    with pytest.raises(UnknownProposalError):
        select(checked, proposals=["XX"])


def test_a_proposal_is_checked_again_only_when_it_is_another(
    seed: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The service remembers a proposal's findings for as long as the proposal lives: the
    catalog checked again after a save checks the saved proposal alone, and finds what a
    check of the whole catalog finds."""
    store = MemoryStore()
    # proposals of their own, which no other test has had checked
    fresh = replace(seed, proposals=tuple(replace(p) for p in seed.proposals))
    store.create_catalog("kat", fresh, CHANGE)
    checked: list[str] = []

    def counted(p: Proposal, profile: Profile) -> list[Finding]:
        checked.append(p.id)
        return core_proposal_check(p, profile)

    monkeypatch.setattr(services_check, "check_proposal", counted)
    first = check_catalog(store, LOCAL, "kat")
    assert checked == [p.id for p in seed.proposals]
    assert check_catalog(store, LOCAL, "kat") == first
    assert checked == [p.id for p in seed.proposals]

    bc02 = store.proposal("kat", "BC02")
    line = bc02.document["lines"][0]
    edited = {**line, "amounts": {year: -9999 for year in line["amounts"]}}
    document = {**bc02.document, "lines": [edited, *bc02.document["lines"][1:]]}
    store.save_proposal("kat", "BC02", document, base=bc02.version, change=CHANGE)
    after = check_catalog(store, LOCAL, "kat")
    assert checked[len(seed.proposals) :] == ["BC02"]
    assert after.findings == tuple(core_check(store.catalog("kat")))
    assert after.findings != first.findings


def test_a_preview_checks_the_edited_proposal_alone(
    seed: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user types, the proposal is checked with the catalog (a catalog table's row may
    speak of it), the other proposals' findings as remembered: only the edited one anew, and
    its findings those of a whole check of the catalog with it."""
    store = MemoryStore()
    store.create_catalog(
        "kat", replace(seed, proposals=tuple(map(replace, seed.proposals))), CHANGE
    )
    check_catalog(store, LOCAL, "kat")
    checked: list[str] = []

    def counted(p: Proposal, profile: Profile) -> list[Finding]:
        checked.append(p.id)
        return core_proposal_check(p, profile)

    monkeypatch.setattr(services_check, "check_proposal", counted)
    f2 = store.proposal("kat", "F2").document
    edited = {**f2, "title": "F2 rettet"}
    shown = preview(store, LOCAL, "kat", "F2", edited)
    assert checked == ["F2"]
    assert shown.proposal is not None
    whole = replace(
        store.catalog("kat"),
        proposals=tuple(
            shown.proposal if p.id == "F2" else p for p in store.catalog("kat").proposals
        ),
    )
    assert shown.findings == tuple(f for f in core_check(whole) if f.proposal == "F2")
    assert shown.findings
