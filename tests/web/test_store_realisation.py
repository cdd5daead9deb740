# SPDX-License-Identifier: MPL-2.0
"""The realisation records' contract (tests/stores/test_contract_realisation.py) on the
database store, on SQLite and PostgreSQL; a record is written once; two writes at once from
the same count never both succeed."""

from __future__ import annotations

from functools import partial

import pytest

from gevinst.core import realisation as r
from gevinst.core.model import Catalog
from gevinst.web.models import ImmutableError, RealisationEntry
from gevinst.web.store import DatabaseStore
from tests.stores.test_contract import CHANGE, Kept
from tests.stores.test_contract_realisation import *  # noqa: F403 (the contract, run here again)
from tests.stores.test_contract_realisation import ALL, REALISED, SPENT
from tests.web import test_store
from tests.web.test_store import DATABASES, at_once

pytestmark = pytest.mark.django_db(databases=DATABASES, transaction=True)
kept = test_store.kept  # the database store in the contract's place, as there


def test_a_stored_record_cannot_be_changed_or_deleted(kept: Kept) -> None:
    assert isinstance(kept.store, DatabaseStore)
    kept.store.add_realisation(kept.key, ALL, expected_count=0)
    rows = RealisationEntry.objects.using(kept.store.using).order_by("number")
    assert [(e.number, e.kind, e.proposal) for e in rows] == [
        (1, "mapping", ""),
        (2, "mapping", ""),
        (3, "baseline", "BC02"),
        (4, "measurement", "BC02"),
        (5, "realised", "BC01"),
        (6, "spending", "F2"),
    ]
    with pytest.raises(ImmutableError):
        rows[4].save()
    with pytest.raises(ImmutableError):
        rows[4].delete()


@pytest.mark.parametrize("attempt", range(3))
def test_two_writes_at_once_from_the_same_count_never_both_succeed(
    seed: Catalog, attempt: int
) -> None:
    store = DatabaseStore("postgres")
    store.create_catalog("kat", seed, CHANGE)

    def write(entry: r.Entry) -> None:
        store.add_realisation("kat", [entry], expected_count=0)

    assert at_once(partial(write, REALISED), partial(write, SPENT)) == ["conflict", "saved"]
    assert len(store.realisation("kat")) == 1
