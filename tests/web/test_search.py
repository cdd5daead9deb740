# SPDX-License-Identifier: MPL-2.0
"""Search finds the seed's words on SQLite and on PostgreSQL (full-text, in Danish), and
never shows what the user may not read: a confidential proposal is searched only in what the
catalog publishes of it, unless the user may read it in full. Every excerpt is escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

import pytest
from django.db import connections
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone

from gevinst.core.access import Actor, Edits
from gevinst.core.model import Catalog
from gevinst.services.search import contains, search
from gevinst.stores.base import Change
from gevinst.web.models import AuditEvent
from gevinst.web.search import matcher_for
from gevinst.web.store import DatabaseStore

KEY = "kk-budget-2025"
DATABASES = ["default", "postgres"]
# a word of BC01's description alone ("... godkendt af leder eller stedfortræder")
ONLY_IN_BC01 = "stedfortræder"
READER = Actor(name="reader")
CFO = Actor(name="cfo", edits=Edits.CATALOG, reads_confidential=True)
SOF = Actor(name="editor-sof", administration="SOF", edits=Edits.OWN)
Login = Callable[[str], Client]

both = pytest.mark.django_db(databases=DATABASES, transaction=True)


def _change(why: str) -> Change:
    return Change(who="cfo", when=timezone.now(), why=why)


@pytest.fixture(params=DATABASES, ids=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, seed: Catalog) -> DatabaseStore:
    kept = DatabaseStore(request.param)
    kept.create_catalog(KEY, seed, _change("seed"))
    return kept


def _save(store: DatabaseStore, ident: str, **changed: object) -> None:
    current = store.proposal(KEY, ident)
    document = {**current.document, **changed}
    store.save_proposal(KEY, ident, document, base=current.version, change=_change("test"))


def _found(store: DatabaseStore, actor: Actor, query: str) -> dict[str, list[str]]:
    """Each proposal found, with the fields it was found in."""
    hits = search(store, actor, query, matcher_for(store.using))
    return {h.proposal: [p.field for p in h.places] for h in hits}


@both
def test_a_word_of_bc01s_description_is_found_there(store: DatabaseStore) -> None:
    assert _found(store, READER, ONLY_IN_BC01) == {"BC01": ["beskrivelse"]}
    # in any case; a line's text is searched too ("Projektressourcer i Koncernservice")
    assert _found(store, READER, "STEDFORTRÆDER") == {"BC01": ["beskrivelse"]}
    assert "linje i1" in _found(store, READER, "projektressourcer")["BC01"]
    assert _found(store, READER, "zyxwvu") == {}


@both
def test_postgresql_finds_a_word_in_another_inflection(store: DatabaseStore) -> None:
    found = _found(store, READER, "stedfortræderen")
    vendor = connections[store.using].vendor
    if vendor == "postgresql":  # Danish stemming: the definite form finds the word
        assert found == {"BC01": ["beskrivelse"]}
    else:
        assert found == {}


@both
def test_the_full_text_of_a_confidential_proposal_is_found_only_by_those_who_may_read_it(
    store: DatabaseStore,
) -> None:
    _save(store, "BC01", confidential=True)
    assert _found(store, READER, ONLY_IN_BC01) == {}
    assert _found(store, SOF, ONLY_IN_BC01) == {}
    assert _found(store, CFO, ONLY_IN_BC01) == {"BC01": ["beskrivelse"]}
    # what the catalog publishes, its title, is still found by all
    assert _found(store, READER, "ferieløsning") == {"BC01": ["titel"]}


@both
def test_the_best_match_comes_first(store: DatabaseStore) -> None:
    hits = search(store, READER, "ferie", matcher_for(store.using))
    assert hits[0].proposal == "BC01"
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)


@both
def test_an_excerpt_is_escaped_on_both_databases(store: DatabaseStore) -> None:
    _save(store, "BC02", summary="Et <script>alert('x')</script> i teksten")
    hits = search(store, READER, "alert", matcher_for(store.using))
    [place] = hits[0].places
    assert "<script>" in "".join(p.text for p in place.excerpt)  # the words as written
    html = render_to_string("gevinst/search.html", {"search_query": "alert", "hits": hits})
    assert "<script>alert" not in html and "&lt;script&gt;<mark>alert</mark>" in html


def test_the_simple_matcher_needs_every_word_and_marks_each() -> None:
    texts = ["Leder og medarbejder", "kun leder", "Medarbejderen og LEDEREN"]
    found = contains("leder medarbejder", texts)
    assert sorted(found) == [0, 2]
    marked = [p.text for p in found[2].excerpt if p.marked]
    assert marked == ["Medarbejder", "LEDER"]
    assert "".join(p.text for p in found[0].excerpt) == texts[0]


def test_a_long_text_is_cut_around_its_match() -> None:
    written = " ".join(f"ord{i}" for i in range(200)) + " fundet " + "slut " * 100
    [(_, m)] = contains("fundet", [written]).items()
    shown = "".join(p.text for p in m.excerpt)
    assert shown.startswith("…") and shown.endswith("…") and len(shown) < 260
    assert [p.text for p in m.excerpt if p.marked] == ["fundet"]


def test_the_page_shows_catalog_proposal_field_and_the_match_marked(login: Login) -> None:
    response = login("reader").get("/sog/", {"q": ONLY_IN_BC01})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/katalog/{KEY}/forslag/BC01/"' in html
    [hit] = response.context["hits"]
    assert hit.catalog_title and hit.catalog_title in unescape(html)
    assert f"<mark>{ONLY_IN_BC01}</mark>" in html and "<dt>Beskrivelse</dt>" in html
    # the box in the header keeps the words asked for
    assert f'name="q" value="{ONLY_IN_BC01}"' in html


def test_an_excerpt_is_escaped(login: Login) -> None:
    store = DatabaseStore()
    _save(store, "BC02", summary="Et <script>alert('x')</script> i teksten")
    html = login("reader").get("/sog/", {"q": "alert"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;<mark>alert</mark>(&#x27;x&#x27;)&lt;/script&gt;" in html


@pytest.mark.parametrize("query", ["", "   ", "?!"])
def test_an_empty_query_shows_no_results_and_no_error(login: Login, query: str) -> None:
    response = login("reader").get("/sog/", {"q": query})
    assert response.status_code == 200 and response.context["hits"] == []
    assert 'role="alert"' not in response.content.decode()


def test_a_confidential_proposal_found_in_full_is_logged_as_read(login: Login) -> None:
    _save(DatabaseStore(), "BC01", confidential=True)
    assert login("reader").get("/sog/", {"q": ONLY_IN_BC01}).context["hits"] == []
    assert not AuditEvent.objects.filter(action="read-confidential").exists()
    assert login("cfo").get("/sog/", {"q": ONLY_IN_BC01}).context["hits"]
    assert AuditEvent.objects.filter(
        user__username="cfo", action="read-confidential", proposal="BC01"
    ).exists()
