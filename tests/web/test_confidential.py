# SPDX-License-Identifier: MPL-2.0
"""A confidential proposal reaches only CFØ and the administrations that present it; the
catalog's own row stays visible to all; every read of it in full is logged."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from gevinst.stores.base import Change
from gevinst.web.models import AuditEvent
from gevinst.web.store import DatabaseStore

BC01 = "/katalog/kk-budget-2025/forslag/BC01/"
SECRET = "Projektressourcer i Koncernservice"  # a line of BC01, not published for F1-like rows

Login = Callable[[str], Client]


@pytest.fixture
def confidential(login: Login) -> Login:
    store = DatabaseStore()
    current = store.proposal("kk-budget-2025", "BC01")
    document = {**current.document, "confidential": True}
    change = Change(who="cfo", when=timezone.now(), why="fortrolig")
    store.save_proposal("kk-budget-2025", "BC01", document, base=current.version, change=change)
    return login


@pytest.mark.parametrize("username", ["cfo", "editor-okf"])
def test_cfo_and_the_presenting_administration_see_it_in_full(
    confidential: Login, username: str
) -> None:
    html = confidential(username).get(BC01).content.decode()
    assert SECRET in html and "Fortrolig" in html
    assert AuditEvent.objects.filter(
        user__username=username, action="read-confidential", proposal="BC01"
    ).exists()


@pytest.mark.parametrize("username", ["reader", "editor-sof"])
def test_others_see_only_what_the_catalog_publishes(confidential: Login, username: str) -> None:
    client = confidential(username)
    page = client.get(BC01).content.decode()
    assert SECRET not in page and "Kun forslagets række" in page
    overview = client.get("/katalog/kk-budget-2025/").content.decode()
    assert SECRET not in overview
    assert not AuditEvent.objects.filter(action="read-confidential").exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_downloads_follow_the_same_rule(confidential: Login, fmt: str) -> None:
    proposal = f"{BC01}eksport.{fmt}"
    catalog = f"/katalog/kk-budget-2025/eksport.{fmt}"
    assert _holds(confidential("cfo").get(proposal), SECRET)
    for username in ("reader", "editor-sof"):
        client = confidential(username)
        assert not _holds(client.get(proposal), SECRET)
        assert not _holds(client.get(catalog), SECRET)
    assert AuditEvent.objects.filter(action="export", proposal="BC01").count() == 3


def _holds(response: Any, words: str) -> bool:
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    content = response.content
    if content.startswith(b"PK"):  # a workbook: its text lives in the zip's XML
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            content = b"".join(z.read(n) for n in z.namelist())
    return words.encode() in content


@pytest.mark.parametrize("username", ["reader", "editor-sof"])
def test_the_history_of_a_confidential_proposal_is_refused_to_others(
    confidential: Login, username: str
) -> None:
    response = confidential(username).get(BC01 + "historik/")
    assert response.status_code == 403
    assert SECRET not in response.content.decode()
    assert confidential("cfo").get(BC01 + "historik/").status_code == 200


@pytest.mark.parametrize("page", ["rediger/", "historik/"])
def test_reading_it_in_the_editor_or_the_history_is_logged(confidential: Login, page: str) -> None:
    assert confidential("cfo").get(BC01 + page).status_code == 200
    assert AuditEvent.objects.filter(
        user__username="cfo", action="read-confidential", proposal="BC01"
    ).exists()
