# SPDX-License-Identifier: MPL-2.0
"""A proposal's history: each save a version, two compared as a document, an earlier one
restored as a new version by those who may edit."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

import pytest
from django.test import Client
from django.utils import timezone

from gevinst.stores.base import Change
from gevinst.web.models import AuditEvent
from gevinst.web.store import DatabaseStore

KEY = "kk-budget-2025"
HISTORY = f"/katalog/{KEY}/forslag/BC01/historik/"
Login = Callable[[str], Client]


@pytest.fixture
def edited(login: Login) -> Login:
    store = DatabaseStore()
    current = store.proposal(KEY, "BC01")
    document = {**current.document, "title": "Samlet ferieløsning i den nye Serviceportal"}
    change = Change(who="editor-okf", when=timezone.now(), why="ny titel")
    store.save_proposal(KEY, "BC01", document, base=current.version, change=change)
    return login


def test_the_history_lists_every_version_and_shows_the_change_word_by_word(edited: Login) -> None:
    html = unescape(edited("reader").get(HISTORY).content.decode())
    assert "demoens katalog indlæst" in html and "ny titel" in html and "editor-okf" in html
    assert "<code>title</code>" in html
    assert "<del>Serviceportalen</del>" in html and "<ins>den nye Serviceportal</ins>" in html
    assert "Gendan version 1" not in html  # a reader may not restore


def test_an_editor_restores_the_first_version_as_a_new_one(edited: Login) -> None:
    store = DatabaseStore()
    versions = store.versions(KEY, "BC01")
    response = edited("editor-okf").post(
        f"/katalog/{KEY}/forslag/BC01/gendan/",
        {"version": versions[0].id, "base": versions[-1].id},
    )
    assert response.status_code == 302
    after = store.versions(KEY, "BC01")
    assert len(after) == 3 and after[-1].id == versions[0].id
    assert after[-1].why.startswith("gendannet fra version") and after[-1].who == "editor-okf"
    assert AuditEvent.objects.filter(action="restore", user__username="editor-okf").exists()


def test_a_restore_from_a_stale_page_is_a_conflict(edited: Login) -> None:
    versions = DatabaseStore().versions(KEY, "BC01")
    response = edited("cfo").post(
        f"/katalog/{KEY}/forslag/BC01/gendan/", {"version": versions[0].id, "base": versions[0].id}
    )
    assert response.status_code == 409 and "er gemt af en anden" in unescape(
        response.content.decode()
    )
    assert len(DatabaseStore().versions(KEY, "BC01")) == 2


@pytest.mark.parametrize("username", ["reader", "editor-sof"])
def test_others_may_not_restore(edited: Login, username: str) -> None:
    versions = DatabaseStore().versions(KEY, "BC01")
    response = edited(username).post(
        f"/katalog/{KEY}/forslag/BC01/gendan/",
        {"version": versions[0].id, "base": versions[-1].id},
    )
    assert response.status_code == 403 and "må ikke rette forslag BC01" in unescape(
        response.content.decode()
    )
    assert len(DatabaseStore().versions(KEY, "BC01")) == 2


def test_a_restore_without_its_fields_is_said_not_a_server_error(edited: Login) -> None:
    response = edited("cfo").post(f"/katalog/{KEY}/forslag/BC01/gendan/", {})
    assert response.status_code == 400
    assert "Vælg den version" in unescape(response.content.decode())
