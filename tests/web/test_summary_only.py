# SPDX-License-Identifier: MPL-2.0
"""A summary-only proposal (known by its catalog row alone, not confidential) is read by every
reader in full, printed as a public summary and never logged as a confidential read; a
confidential one known by its row (the seed's F1) stays withheld."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone

from gevinst.core.model import Catalog
from gevinst.core.summary import summarise
from gevinst.documents.sections import SUMMARY_ONLY_NOTE, WITHHELD_NOTE
from gevinst.format.reader import load_catalog
from gevinst.stores.base import Change
from gevinst.web.models import AuditEvent
from gevinst.web.store import DatabaseStore
from tests.paths import ROOT

F1 = "/katalog/kk-budget-2025/forslag/F1/"
SUMMARY = "Et resumé, som kataloget offentliggør"

Login = Callable[[str], Client]


@pytest.fixture
def public_summary(login: Login) -> Login:
    """F1 made public: the body publishes its row and a summary, no more."""
    store = DatabaseStore()
    current = store.proposal("kk-budget-2025", "F1")
    document = {**current.document, "confidential": False, "summary": SUMMARY}
    assert document["catalog_entry_only"] is True
    change = Change(who="cfo", when=timezone.now(), why="offentligt resumé")
    store.save_proposal("kk-budget-2025", "F1", document, base=current.version, change=change)
    return login


@pytest.mark.parametrize("username", ["reader", "editor-sof", "cfo"])
def test_every_reader_reads_a_public_summary(public_summary: Login, username: str) -> None:
    page = public_summary(username).get(F1).content.decode()
    assert SUMMARY in page and SUMMARY_ONLY_NOTE in page
    # the catalog's own row label still says "(FORTROLIG)": the seed's words, not the page's
    assert 'class="tag">Fortrolig' not in page and "Forslaget er fortroligt" not in page
    assert WITHHELD_NOTE not in page
    assert not AuditEvent.objects.filter(action="read-confidential").exists()


def test_a_confidential_row_is_still_withheld(login: Login) -> None:
    page = login("reader").get(F1).content.decode()
    assert WITHHELD_NOTE in page and SUMMARY_ONLY_NOTE not in page


def test_the_catalog_table_prints_what_its_rows_state(seed: Catalog) -> None:
    summary = load_catalog(ROOT / "tests" / "data" / "summary-catalog")
    page = render_to_string("gevinst/_summary_table.html", {"s": summarise(summary, "catalog-1")})
    assert "Ved fuld indfasning" in page and "Tilbagebetalingstid" in page
    assert "2,5 år" in page and "1.500" in page and "2.800" in page
    # the seed's rows state neither: its tables keep their columns
    seed_page = render_to_string("gevinst/_summary_table.html", {"s": summarise(seed, "catalog-2")})
    assert "Ved fuld indfasning" not in seed_page and "Tilbagebetalingstid" not in seed_page
