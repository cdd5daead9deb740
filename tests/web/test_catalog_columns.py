# SPDX-License-Identifier: MPL-2.0
"""The catalog page's summary table prints the profile's columns in its order: the generic
Danish municipality's years, "Ved fuld indfasning", the investment on Service and on Anlæg,
the total investment and the payback (no "Godkendt med"), its headings in the interface's
language; Copenhagen's page as before (tests/web: the seed's pages)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

import pytest
from django.test import Client
from django.utils import timezone

from gevinst.format.reader import load_catalog
from gevinst.stores.base import Change
from gevinst.web.store import DatabaseStore
from tests.paths import ROOT

DK = "dk-kommune-budget-2026"

Login = Callable[[str], Client]


@pytest.fixture
def danish(login: Login) -> Login:
    """The generic Danish municipality's example catalog in the database beside the seed."""
    catalog = load_catalog(ROOT / "catalogs" / DK)
    change = Change(who="cfo", when=timezone.now(), why="the Danish example")
    DatabaseStore().create_catalog(catalog.id, catalog, change)
    return login


def _headings(client: Client, language: str) -> list[str]:
    client.cookies["django_language"] = language
    response = client.get(f"/katalog/{DK}/")
    assert response.status_code == 200
    page = unescape(response.content.decode())
    table = page[page.index("<h2>Tabel 1. Effektiviserings") :]
    head = re.search(r"<thead><tr>(.*?)</tr></thead>", table, re.S)
    assert head is not None
    return re.findall(r"<th[^>]*>([^<]*)</th>", head.group(1))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "da",
            ["Ved fuld indfasning", "Investering, Service", "Investering, Anlæg"],
        ),
        (
            "en",
            ["Full-year effect", "Investment, Service", "Investment, Anlæg"],
        ),
    ],
)
def test_the_summary_table_has_the_profiles_columns(
    danish: Login, language: str, expected: list[str]
) -> None:
    headings = _headings(danish("cfo"), language)
    assert headings[1:5] == ["2026", "2027", "2028", "2029"]
    assert headings[5:8] == expected
    assert len(headings) == 10  # the investment in all and the payback; no "Godkendt med"
