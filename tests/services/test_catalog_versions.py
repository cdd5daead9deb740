# SPDX-License-Identifier: MPL-2.0
"""A catalog frozen as sent to a meeting, what changed since cell by cell, and the catalog as
of a frozen version or a moment, with the in-memory store; confidential proposals as the
catalog publishes them."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from gevinst.core.access import LOCAL, Actor, Edits
from gevinst.core.errors import AccessDeniedError, InputError, NotFoundError
from gevinst.core.model import Catalog
from gevinst.services import catalog_versions as cv
from gevinst.services import proposals
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER

CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
SENT = "Sendt til ØU 2024-05-14"


def _edit(store: MemoryStore, actor: Actor, pid: str, **changes: object) -> None:
    current = proposals.read_proposal(store, actor, "kat", pid)
    doc = current.document
    for field, value in changes.items():
        doc[field] = value
    proposals.save_proposal(store, actor, "kat", pid, doc, base=current.version, why="rettet")


def test_only_cfo_freezes_and_a_name_is_used_once(store: MemoryStore) -> None:
    with pytest.raises(AccessDeniedError):
        cv.freeze_catalog(store, OKF_EDITOR, "kat", SENT)
    frozen = cv.freeze_catalog(store, CFO, "kat", SENT)
    assert (frozen.name, frozen.who) == (SENT, "CFØ")
    assert list(frozen.versions) == ["BC01", "BC02", "F1", "F2", "F3", "F4", "F5", "F6", "F7"]
    with pytest.raises(InputError, match="allerede"):
        cv.freeze_catalog(store, CFO, "kat", SENT)
    assert cv.frozen_versions(store, "kat") == [frozen]


def test_nothing_has_changed_since_a_freeze_until_a_save(store: MemoryStore) -> None:
    cv.freeze_catalog(store, CFO, "kat", SENT)
    assert cv.changes_since(store, READER, "kat", SENT) == []
    current = proposals.read_proposal(store, OKF_EDITOR, "kat", "BC01")
    doc = current.document
    doc["lines"][0]["amounts"][2026] = -300  # e1 was -297
    doc["title"] = "Samlet ferieløsning"
    proposals.save_proposal(store, OKF_EDITOR, "kat", "BC01", doc, base=current.version, why="x")
    [changed] = cv.changes_since(store, READER, "kat", SENT)
    assert (changed.change.proposal, changed.change.kind) == ("BC01", "changed")
    cells = {d.place: (d.before, d.after) for d in changed.differences}
    assert cells == {
        "title": ("Samlet ferieløsning i Serviceportalen", "Samlet ferieløsning"),
        "lines[e1].amounts[2026]": (-297, -300),
    }
    with pytest.raises(NotFoundError, match="ingen version ved navn 'Sendt til BR'"):
        cv.changes_since(store, READER, "kat", "Sendt til BR")


def test_a_confidential_change_reaches_a_reader_only_as_published(store: MemoryStore) -> None:
    cv.freeze_catalog(store, CFO, "kat", SENT)
    _edit(store, CFO, "F1", remarks=["en intern note, som kun CFØ ser"])
    # the reader sees nothing changed: only what the catalog publishes of F1 is theirs
    assert cv.changes_since(store, READER, "kat", SENT) == []
    [changed] = cv.changes_since(store, CFO, "kat", SENT)
    # F1's four remarks replaced by one
    assert [(d.place, d.after) for d in changed.differences] == [
        ("remarks[0]", "en intern note, som kun CFØ ser"),
        ("remarks[1]", None),
        ("remarks[2]", None),
        ("remarks[3]", None),
    ]


def test_the_catalog_as_of_the_freeze_is_the_frozen_version(store: MemoryStore) -> None:
    frozen = cv.freeze_catalog(store, CFO, "kat", SENT)
    assert cv.as_of_moment(store, READER, "kat", frozen.when).versions == dict(frozen.versions)
    time.sleep(0.01)
    _edit(store, OKF_EDITOR, "BC02", title="Ladestandere, revideret")
    by_name = cv.as_of_frozen(store, READER, "kat", SENT)
    assert by_name.versions == dict(frozen.versions)
    assert by_name.catalog.proposal("BC02").title.startswith("Effektivisering ved opsætning")
    now = dt.datetime.now(dt.UTC)
    assert cv.as_of_moment(store, READER, "kat", now).catalog.proposal("BC02").title == (
        "Ladestandere, revideret"
    )
    # before anything was saved the catalog held nothing
    early = cv.as_of_moment(store, READER, "kat", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    assert early.catalog.proposals == () and early.versions == {}


def test_as_of_keeps_a_confidential_proposal_published_only(
    store: MemoryStore, seed: Catalog
) -> None:
    cv.freeze_catalog(store, LOCAL, "kat", SENT)
    f1 = cv.as_of_frozen(store, READER, "kat", SENT).catalog.proposal("F1")
    assert f1.catalog_entry_only and f1.remarks == ()
    assert cv.as_of_frozen(store, CFO, "kat", SENT).catalog.proposal("F1") == seed.proposal("F1")


def test_the_changes_since_the_latest_frozen_version(store: MemoryStore) -> None:
    assert cv.changes_since_last(store, READER, "kat") == (None, [])
    cv.freeze_catalog(store, CFO, "kat", "Sendt til ØU")
    latest = cv.freeze_catalog(store, CFO, "kat", SENT)
    _edit(store, OKF_EDITOR, "BC01", title="Ny titel")
    frozen, changed = cv.changes_since_last(store, READER, "kat")
    assert frozen == latest
    assert [(c.change.proposal, [d.place for d in c.differences]) for c in changed] == [
        ("BC01", ["title"])
    ]
