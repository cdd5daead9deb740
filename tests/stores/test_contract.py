# SPDX-License-Identifier: MPL-2.0
"""The port's contract, run against every store: what the folder store and the in-memory
store (and so the database store modelled on it) must do alike."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from gevinst.core.catalog_versions import FrozenVersion
from gevinst.core.change_requests import Decision
from gevinst.core.comments import Address, Comment, Resolution
from gevinst.core.consultation import Answer, Request
from gevinst.core.errors import ConflictError, FormatError, GevinstError, InputError, NotFoundError
from gevinst.core.evidence import Attachment, Record
from gevinst.core.lifecycle import Event
from gevinst.core.model import Catalog
from gevinst.core.review import ReviewRecord
from gevinst.format.writer import document_version, proposal_document, version, write_catalog
from gevinst.stores.base import Change, Store
from gevinst.stores.folder import FolderStore
from gevinst.stores.memory import MemoryStore

CHANGE = Change(who="Anna", when=datetime(2026, 3, 1, 9, 30, tzinfo=UTC), why="rettet titel")


@dataclass
class Kept:
    store: Store
    key: str


@pytest.fixture(params=["folder", "memory"])
def kept(request: pytest.FixtureRequest, seed: Catalog, tmp_path: Path) -> Iterator[Kept]:
    if request.param == "folder":
        write_catalog(seed, tmp_path / "kat")
        yield Kept(FolderStore(tmp_path), "kat")
    else:
        store = MemoryStore()
        store.create_catalog("kat", seed, CHANGE)
        yield Kept(store, "kat")


def test_the_catalog_reads_as_it_was_kept(kept: Kept, seed: Catalog) -> None:
    assert kept.store.catalogs() == ["kat"]
    assert kept.store.catalog(kept.key) == seed


def test_a_proposal_is_its_document_and_its_content_hash(kept: Kept, seed: Catalog) -> None:
    current = kept.store.proposal(kept.key, "BC01")
    assert current.document == proposal_document(seed.proposal("BC01"))
    # the same id an exported workbook records, so an import can tell what changed since
    assert current.version == version(seed.proposal("BC01"))
    assert kept.store.proposal_at(kept.key, "BC01", current.version) == current.document


def test_a_save_from_the_current_version_is_the_new_current(kept: Kept) -> None:
    current = kept.store.proposal(kept.key, "BC02")
    doc = current.document
    doc["title"] = "Ny titel"
    doc["lines"][0]["amounts"][2026] = -300
    saved = kept.store.save_proposal(kept.key, "BC02", doc, base=current.version, change=CHANGE)
    assert saved.id == document_version(doc) != current.version
    assert kept.store.proposal(kept.key, "BC02").version == saved.id
    p = kept.store.catalog(kept.key).proposal("BC02")
    assert p.title == "Ny titel" and p.lines[0].amounts[2026] == -300
    assert kept.store.versions(kept.key, "BC02")[-1].id == saved.id


def test_a_save_from_a_replaced_version_is_a_conflict_and_changes_nothing(
    kept: Kept, seed: Catalog
) -> None:
    first = kept.store.proposal(kept.key, "BC01")
    mine, theirs = first.document, kept.store.proposal(kept.key, "BC01").document
    theirs["title"] = "Deres titel"
    kept.store.save_proposal(kept.key, "BC01", theirs, base=first.version, change=CHANGE)
    mine["title"] = "Min titel"
    with pytest.raises(ConflictError, match="forslag BC01 er gemt af en anden"):
        kept.store.save_proposal(kept.key, "BC01", mine, base=first.version, change=CHANGE)
    assert kept.store.catalog(kept.key).proposal("BC01").title == "Deres titel"


def test_a_document_that_does_not_load_is_refused_and_changes_nothing(
    kept: Kept, seed: Catalog
) -> None:
    current = kept.store.proposal(kept.key, "F4")
    doc = current.document
    doc["lines"][0]["amounts"][2026] = "mange"
    with pytest.raises(FormatError) as caught:
        kept.store.save_proposal(kept.key, "F4", doc, base=current.version, change=CHANGE)
    [problem] = caught.value.problems
    assert (problem.proposal, problem.field) == ("F4", "lines[0].amounts[2026]")
    assert kept.store.proposal(kept.key, "F4").version == current.version
    assert kept.store.catalog(kept.key) == seed


def test_a_document_must_keep_its_id(kept: Kept, seed: Catalog) -> None:
    current = kept.store.proposal(kept.key, "F5")
    doc = current.document
    doc["id"] = "F55"
    with pytest.raises(FormatError, match="skal svare til filnavnet"):
        kept.store.save_proposal(kept.key, "F5", doc, base=current.version, change=CHANGE)
    assert kept.store.catalog(kept.key) == seed


def test_a_document_handed_out_is_a_copy(kept: Kept, seed: Catalog) -> None:
    kept.store.proposal(kept.key, "BC01").document["title"] = "ændret uden at gemme"
    assert kept.store.proposal(kept.key, "BC01").document["title"] == seed.proposal("BC01").title


def test_unknown_names_are_user_errors(kept: Kept) -> None:
    with pytest.raises(NotFoundError):
        kept.store.proposal(kept.key, "BC99")
    with pytest.raises(NotFoundError):
        kept.store.proposal_at(kept.key, "BC01", "0" * 64)
    with pytest.raises(GevinstError):
        kept.store.catalog("findes-ikke")


def test_a_new_catalog_never_replaces_one(kept: Kept, seed: Catalog) -> None:
    with pytest.raises(InputError, match="findes allerede"):
        kept.store.check_new_catalog(kept.key)
    with pytest.raises(InputError, match="findes allerede"):
        kept.store.create_catalog(kept.key, seed, CHANGE)
    kept.store.create_catalog("kopi", seed, CHANGE)
    assert kept.store.catalogs() == ["kat", "kopi"]
    assert kept.store.catalog("kopi") == seed


SUBMIT = Event(
    transition="submit",
    from_state="draft",
    to_state="submitted",
    who="Anna",
    when=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
    comment="klar til CFØ",
)
PREAPPROVE = Event(
    transition="preapprove",
    from_state="submitted",
    to_state="preapproved",
    who="Bo",
    when=datetime(2026, 3, 3, 14, 15, tzinfo=UTC),
    comment="",
)


def test_events_are_kept_in_the_order_taken_beside_the_documents(kept: Kept, seed: Catalog) -> None:
    assert kept.store.events(kept.key, "BC01") == []
    kept.store.add_event(kept.key, "BC01", SUBMIT, expected_count=0)
    kept.store.add_event(kept.key, "bc01", PREAPPROVE, expected_count=1)
    assert kept.store.events(kept.key, "BC01") == [SUBMIT, PREAPPROVE]
    assert kept.store.events(kept.key, "BC02") == []
    # a move changes neither the documents nor their versions
    assert kept.store.catalog(kept.key) == seed
    assert kept.store.proposal(kept.key, "BC01").version == version(seed.proposal("BC01"))


def test_every_proposals_events_are_read_at_once(kept: Kept) -> None:
    assert kept.store.events_by_proposal(kept.key) == {}
    kept.store.add_event(kept.key, "F4", SUBMIT, expected_count=0)
    kept.store.add_event(kept.key, "BC01", SUBMIT, expected_count=0)
    kept.store.add_event(kept.key, "BC01", PREAPPROVE, expected_count=1)
    assert kept.store.events_by_proposal(kept.key) == {
        "BC01": [SUBMIT, PREAPPROVE],
        "F4": [SUBMIT],
    }


def test_an_event_added_from_a_stale_count_is_a_conflict_and_changes_nothing(kept: Kept) -> None:
    kept.store.add_event(kept.key, "F4", SUBMIT, expected_count=0)
    with pytest.raises(ConflictError, match="forslag F4 har skiftet status"):
        kept.store.add_event(kept.key, "F4", PREAPPROVE, expected_count=0)
    with pytest.raises(ConflictError):
        kept.store.add_event(kept.key, "F4", PREAPPROVE, expected_count=2)
    assert kept.store.events(kept.key, "F4") == [SUBMIT]


def test_events_of_an_unknown_proposal_are_not_found(kept: Kept) -> None:
    with pytest.raises(NotFoundError):
        kept.store.events(kept.key, "BC99")
    with pytest.raises(NotFoundError):
        kept.store.add_event(kept.key, "BC99", SUBMIT, expected_count=0)


def test_a_new_catalog_keeps_the_events_it_is_given(kept: Kept, seed: Catalog) -> None:
    kept.store.create_catalog("kopi", seed, CHANGE, events={"F6": [SUBMIT, PREAPPROVE]})
    assert kept.store.events("kopi", "F6") == [SUBMIT, PREAPPROVE]
    assert kept.store.events("kopi", "F5") == []
    assert kept.store.catalog("kopi") == seed


DONE = Record(
    proposal="BC01",
    goal="Ledergodkendelser er fjernet på fraværsindberetninger.",
    due_from=date(2025, 7, 1),
    due_to=date(2025, 9, 30),
    status="done",
    note="Styregruppens referat af 3. oktober",
    attachments=("referat.pdf", "udtræk.csv"),
    who="Anna",
    when=datetime(2025, 10, 3, 12, 0, tzinfo=UTC),
)
LATE = replace(DONE, status="late", note="", attachments=(), when=datetime(2025, 9, 1, tzinfo=UTC))
FILES = (
    Attachment("referat.pdf", "application/pdf", b"%PDF-1.7 referat"),
    Attachment("udtræk.csv", "text/csv", "forvaltning;antal\nØKF;12\n".encode()),
)


def test_followup_records_are_kept_in_the_order_made_with_their_files(
    kept: Kept, seed: Catalog
) -> None:
    assert kept.store.followups(kept.key, "BC01") == []
    kept.store.add_followup(kept.key, "BC01", LATE, (), expected_count=0)
    kept.store.add_followup(kept.key, "bc01", DONE, FILES, expected_count=1)
    assert kept.store.followups(kept.key, "BC01") == [LATE, DONE]
    assert kept.store.followups(kept.key, "BC02") == []
    assert kept.store.attachment(kept.key, "BC01", 2, "udtræk.csv") == FILES[1]
    assert kept.store.attachment(kept.key, "BC01", 2, "referat.pdf") == FILES[0]
    # a record changes neither the documents nor their events
    assert kept.store.catalog(kept.key) == seed
    assert kept.store.events(kept.key, "BC01") == []


def test_a_followup_from_a_stale_count_is_a_conflict_and_changes_nothing(kept: Kept) -> None:
    kept.store.add_followup(kept.key, "BC01", LATE, (), expected_count=0)
    with pytest.raises(ConflictError, match="forslag BC01 har fået en ny opfølgning"):
        kept.store.add_followup(kept.key, "BC01", DONE, FILES, expected_count=0)
    assert kept.store.followups(kept.key, "BC01") == [LATE]
    with pytest.raises(NotFoundError):
        kept.store.attachment(kept.key, "BC01", 2, "referat.pdf")


def test_a_followup_keeps_exactly_the_files_it_names(kept: Kept) -> None:
    with pytest.raises(InputError, match="nævner filerne"):
        kept.store.add_followup(kept.key, "BC01", DONE, FILES[:1], expected_count=0)
    assert kept.store.followups(kept.key, "BC01") == []


def test_followups_of_an_unknown_proposal_or_file_are_not_found(kept: Kept) -> None:
    with pytest.raises(NotFoundError):
        kept.store.followups(kept.key, "BC99")
    with pytest.raises(NotFoundError):
        kept.store.add_followup(kept.key, "BC99", LATE, (), expected_count=0)
    kept.store.add_followup(kept.key, "BC01", DONE, FILES, expected_count=0)
    for number, name in ((2, "referat.pdf"), (1, "andet.pdf"), (0, "referat.pdf")):
        with pytest.raises(NotFoundError):
            kept.store.attachment(kept.key, "BC01", number, name)


ASKED = Request(
    to="it-kredsen",
    kind="it-kredsen",
    body="IT-kredsen",
    due=date(2026, 3, 20),
    note="om løsningens arkitektur",
    who="CFØ",
    when=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
)
ANSWERED = Answer(
    request=1,
    heard=True,
    date=date(2026, 3, 18),
    note="ingen bemærkninger",
    who="Bo",
    when=datetime(2026, 3, 18, 12, 0, tzinfo=UTC),
)
REMARK = Comment(
    address=Address(table="1", row="varig", year=2027),
    text="Hvorfor -1.474 og ikke -1.144?",
    version="0" * 64,
    who="CFØ",
    when=datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
)
REPLY = Comment(
    address=REMARK.address,
    text="Rettet i næste version.",
    version="1" * 64,
    reply_to=1,
    who="Anna",
    when=datetime(2026, 3, 4, 9, 0, tzinfo=UTC),
)
RESOLVED = Resolution(comment=1, resolved=True, who="CFØ", when=datetime(2026, 3, 5, tzinfo=UTC))
REVIEW: list[ReviewRecord] = [ASKED, ANSWERED, REMARK, REPLY, RESOLVED]


def test_review_records_are_kept_in_the_order_written_beside_the_documents(
    kept: Kept, seed: Catalog
) -> None:
    assert kept.store.review_records(kept.key, "BC01") == []
    for n, record in enumerate(REVIEW):
        kept.store.add_review_record(kept.key, "bc01", record, expected_count=n)
    assert kept.store.review_records(kept.key, "BC01") == REVIEW
    assert kept.store.review_records(kept.key, "BC02") == []
    # a record changes neither the documents nor their versions
    assert kept.store.catalog(kept.key) == seed
    assert kept.store.proposal(kept.key, "BC01").version == version(seed.proposal("BC01"))


def test_every_proposals_review_records_are_read_at_once(kept: Kept) -> None:
    assert kept.store.review_records_by_proposal(kept.key) == {}
    for n, record in enumerate(REVIEW):
        kept.store.add_review_record(kept.key, "F2", record, expected_count=n)
    kept.store.add_review_record(kept.key, "BC01", REVIEW[0], expected_count=0)
    assert kept.store.review_records_by_proposal(kept.key) == {"BC01": REVIEW[:1], "F2": REVIEW}


def test_a_review_record_added_from_a_stale_count_is_a_conflict_and_changes_nothing(
    kept: Kept,
) -> None:
    kept.store.add_review_record(kept.key, "F4", ASKED, expected_count=0)
    with pytest.raises(ConflictError, match="forslag F4 har fået nye høringer eller kommentarer"):
        kept.store.add_review_record(kept.key, "F4", ANSWERED, expected_count=0)
    with pytest.raises(NotFoundError):
        kept.store.add_review_record(kept.key, "BC99", ASKED, expected_count=0)
    assert kept.store.review_records(kept.key, "F4") == [ASKED]


def test_a_new_catalog_keeps_the_review_it_is_given(kept: Kept, seed: Catalog) -> None:
    kept.store.create_catalog("kopi", seed, CHANGE, review={"F6": REVIEW})
    assert kept.store.review_records("kopi", "F6") == REVIEW
    assert kept.store.review_records("kopi", "F5") == []


def _frozen_now(kept: Kept, name: str) -> FrozenVersion:
    cat = kept.store.catalog(kept.key)
    current = {p.id: kept.store.proposal(kept.key, p.id).version for p in cat.proposals}
    return FrozenVersion(name=name, who="cfo", when=CHANGE.when, versions=current)


def test_a_frozen_version_keeps_the_documents_it_names(kept: Kept, seed: Catalog) -> None:
    assert kept.store.frozen_versions(kept.key) == []
    sent = _frozen_now(kept, "Sendt til ØU 2024-05-14")
    kept.store.add_frozen_version(kept.key, sent)
    assert kept.store.frozen_versions(kept.key) == [sent]
    current = kept.store.proposal(kept.key, "BC02")
    doc = current.document
    doc["title"] = "Ny titel efter mødet"
    kept.store.save_proposal(kept.key, "BC02", doc, base=current.version, change=CHANGE)
    # the version sent is still found, also in a folder, whose own history is git's
    then = kept.store.proposal_at(kept.key, "BC02", sent.versions["BC02"])
    assert then == proposal_document(seed.proposal("BC02"))
    assert kept.store.catalog(kept.key).proposal("BC02").title == "Ny titel efter mødet"


def test_a_frozen_versions_name_is_its_own_and_its_versions_current(kept: Kept) -> None:
    kept.store.add_frozen_version(kept.key, _frozen_now(kept, "Sendt til ØU"))
    with pytest.raises(InputError, match="allerede en version ved navn"):
        kept.store.add_frozen_version(kept.key, _frozen_now(kept, "sendt til øu"))
    stale = _frozen_now(kept, "Sendt til BR")
    current = kept.store.proposal(kept.key, "F4")
    doc = current.document
    doc["title"] = "Rettet imens"
    kept.store.save_proposal(kept.key, "F4", doc, base=current.version, change=CHANGE)
    with pytest.raises(ConflictError, match="kataloget er ændret"):
        kept.store.add_frozen_version(kept.key, stale)
    assert [f.name for f in kept.store.frozen_versions(kept.key)] == ["Sendt til ØU"]


DECIDED = Decision(accepted=False, who="cfo", when=CHANGE.when, note="for sent")


def test_a_change_request_is_kept_unsaved_and_decided_once(kept: Kept, seed: Catalog) -> None:
    current = kept.store.proposal(kept.key, "BC01")
    doc = current.document
    doc["title"] = "Ferieløsning, revideret"
    asked = Change(who="okf", when=CHANGE.when, why="ny pris")
    request = kept.store.add_change_request(
        kept.key, "bc01", doc, base=current.version, change=asked
    )
    assert (request.number, request.proposal, request.base) == (1, "BC01", current.version)
    assert (request.who, request.why, request.decision) == ("okf", "ny pris", None)
    assert request.proposed == document_version(doc)
    # nothing is saved: the proposal is as it was, and the proposed document is found
    assert kept.store.catalog(kept.key) == seed
    current = kept.store.proposal(kept.key, "BC01")
    assert kept.store.proposal_at(kept.key, "BC01", request.proposed)["title"] == doc["title"]
    # after another save the version it was edited from is still found, to compare with
    other = {**current.document, "title": "Gemt imens"}
    kept.store.save_proposal(kept.key, "BC01", other, base=current.version, change=CHANGE)
    assert kept.store.proposal_at(kept.key, "BC01", request.base) == current.document
    second = kept.store.add_change_request(
        kept.key,
        "F2",
        kept.store.proposal(kept.key, "F2").document,
        base=kept.store.proposal(kept.key, "F2").version,
        change=asked,
    )
    assert second.number == 2
    decided = kept.store.decide_change_request(kept.key, 1, DECIDED)
    assert decided.decision == DECIDED
    assert kept.store.change_requests(kept.key) == [decided, second]
    with pytest.raises(ConflictError, match="allerede afgjort"):
        kept.store.decide_change_request(kept.key, 1, DECIDED)
    with pytest.raises(NotFoundError):
        kept.store.decide_change_request(kept.key, 3, DECIDED)


def test_a_change_request_from_a_replaced_version_or_not_loading_is_refused(kept: Kept) -> None:
    first = kept.store.proposal(kept.key, "F5")
    theirs = first.document
    theirs["title"] = "Deres"
    kept.store.save_proposal(kept.key, "F5", theirs, base=first.version, change=CHANGE)
    with pytest.raises(ConflictError, match="forslag F5 er gemt af en anden"):
        kept.store.add_change_request(
            kept.key, "F5", first.document, base=first.version, change=CHANGE
        )
    now = kept.store.proposal(kept.key, "F5")
    broken = now.document
    broken["lines"][0]["amounts"][2026] = "mange"
    with pytest.raises(FormatError):
        kept.store.add_change_request(kept.key, "F5", broken, base=now.version, change=CHANGE)
    assert kept.store.change_requests(kept.key) == []


def test_a_new_catalog_keeps_the_followups_it_is_given(kept: Kept, seed: Catalog) -> None:
    kept.store.create_catalog("kopi", seed, CHANGE, followups={"BC01": [(LATE, ()), (DONE, FILES)]})
    assert kept.store.followups("kopi", "BC01") == [LATE, DONE]
    assert kept.store.attachment("kopi", "BC01", 2, "referat.pdf") == FILES[0]
    assert kept.store.followups("kopi", "BC02") == []
    with pytest.raises(InputError, match="nævner filerne"):
        kept.store.create_catalog("anden", seed, CHANGE, followups={"BC01": [(DONE, ())]})
    assert "anden" not in kept.store.catalogs()
