# SPDX-License-Identifier: MPL-2.0
"""The catalog overview's targets (måltal): Forslag 7's Tabel 4 per committee and for the
whole municipality, in Danish figures, as a table with a caption and headers."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from django.conf import settings
from django.test import Client

KEY = "kk-budget-2025"
PAGE = f"/katalog/{KEY}/"
Login = Callable[[str], Client]


def _section(client: Client) -> str:
    response = client.get(PAGE)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    start = html.index('<section class="targets"')
    return html[start : html.index("</section>", start)]


def _cells(row: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>.*?</t[hd]>", row)]


def test_the_overview_shows_forslag_7s_target(login: Login) -> None:
    section = _section(login("reader"))
    assert '<h2 id="maaltal-fremtidens-indkoeb-2025">' in section
    assert (
        "<caption>Måltal, opnået effekt og manko pr. udvalg og år, 1.000 kr. 2025 p/l, "
        "Service</caption>" in section
    )
    assert '<th scope="col">Udvalg</th>' in section
    rows = re.findall(r"<tr[^>]*>.*?</tr>", section, re.S)
    assert _cells(rows[1]) == ["Økonomiudvalget", "2025", "", "-3.368", "", ""]
    assert '<th scope="row">Hele kommunen</th>' in rows[-1] and 'class="total"' in rows[-1]
    assert _cells(rows[-1]) == ["Hele kommunen", "2025", "-41.920", "-43.142", "-1.222", "nået"]
    assert "Tæller med: F7." in section
    assert "Kilde: Forslag 7, afsnit 1" in section


def test_in_english(login: Login) -> None:
    client = login("reader")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    section = _section(client)
    assert "Targets, achieved effect and shortfall by committee and year" in section
    assert "Whole municipality" in section and ">met<" in section


def test_the_summary_table_says_f3_stands_unconverted(login: Login) -> None:
    html = unescape(login("reader").get(PAGE).content.decode())
    assert (
        '<p class="note">Forslag 3 er udarbejdet i 2024 p/l og står uomregnet i tabellen '
        "(1.000 kr. 2025 p/l); i 2025 p/l er effektiviseringsbidraget 1.991, 2.569, 2.934 og "
        "3.040 (2025-2028; omregnet med faktor 1,048: Pris- og lønudvikling, serviceudgifter, "
        "udgaven fra 2024-07-29).</p>"
    ) in html
