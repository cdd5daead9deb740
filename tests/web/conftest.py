# SPDX-License-Identifier: MPL-2.0
"""The seed catalog in the test database, the demo users, and the English example catalog
beside the seed."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

import pytest
from django.test import Client
from django.utils import timezone

from gevinst.format.reader import load_catalog
from gevinst.stores.base import Change
from gevinst.web import demo
from gevinst.web.store import DatabaseStore
from tests.paths import ROOT

# the English unitary council's example catalog (catalogs/), as the web tests open it
EN = "en-unitary-2025-26"


@pytest.fixture
def seeded(db: None) -> None:
    demo.prepare()


@pytest.fixture
def login(seeded: None) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        assert client.login(username=username, password=demo.PASSWORD)
        return client

    return client_for


@pytest.fixture
def english(login: Callable[[str], Client]) -> Callable[[str], Client]:
    """The English example catalog in the database beside the seed."""
    catalog = load_catalog(ROOT / "catalogs" / EN)
    change = Change(who="cfo", when=timezone.now(), why="the English example")
    DatabaseStore().create_catalog(catalog.id, catalog, change)
    return login


def fetched(client: Client, address: str, language: str = "da") -> str:
    """A page as ``client`` reads it in the interface's ``language``, its entities undone."""
    client.cookies["django_language"] = language
    response = client.get(address)
    assert response.status_code == 200
    return unescape(response.content.decode())
