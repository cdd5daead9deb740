# SPDX-License-Identifier: MPL-2.0
"""The claims service: a confidential proposal's words are found only for those who may
read it in full; recording claims is an edit like any other, saved as a new version from
the version read, refused for one who may not edit the proposal."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from gevinst.core.access import LOCAL
from gevinst.core.claims.claim import LineRef
from gevinst.core.claims.matcher import as_claim
from gevinst.core.errors import AccessDeniedError
from gevinst.core.model import Catalog
from gevinst.services import claims
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER


@pytest.fixture
def confidential(seed: Catalog) -> MemoryStore:
    """The seed with Forslag 6 confidential and its claims taken out."""
    f6 = replace(seed.proposal("F6"), confidential=True, claims=())
    cat = replace(seed, proposals=tuple(f6 if p.id == "F6" else p for p in seed.proposals))
    kept = MemoryStore()
    kept.create_catalog("kat", cat, Change(who="x", when=datetime(2026, 1, 1, tzinfo=UTC), why="x"))
    return kept


def test_a_confidential_proposals_words_only_for_who_may_read_them(
    confidential: MemoryStore,
) -> None:
    with pytest.raises(AccessDeniedError):
        claims.find(confidential, READER, "kat", "F6")
    _, found = claims.find(confidential, LOCAL, "kat", "F6")
    assert [f.candidate.phrase for f in found] == [
        "38 projekter",
        "0,475 mio. kr.",
        "seks forvaltninger",
    ]


def test_recording_is_a_new_version_by_one_who_may_edit(confidential: MemoryStore) -> None:
    p, found = claims.find(confidential, LOCAL, "kat", "F6")
    claim = as_claim(p, found[1], found[1].suggestions[0])
    with pytest.raises(AccessDeniedError):
        claims.record(confidential, READER, "kat", "F6", [claim])
    assert claims.record(confidential, OKF_EDITOR, "kat", "F6", []) is None
    before = len(confidential.versions("kat", "F6"))
    claims.record(confidential, LOCAL, "kat", "F6", [claim])
    assert len(confidential.versions("kat", "F6")) == before + 1
    (saved,) = confidential.catalog("kat").proposal("F6").claims
    assert saved.ref == LineRef(("e1",)) and saved.phrase == "0,475 mio. kr."
