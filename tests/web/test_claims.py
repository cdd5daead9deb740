# SPDX-License-Identifier: MPL-2.0
"""The figures a proposal's words state, beside its text on the proposal page: each with
where it stands, what it says, what in the tables it refers to and whether they confirm it;
a disagreement links to the findings, which say it in full; in Danish and English."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

from django.test import Client

CATALOG = "/katalog/kk-budget-2025/"
Login = Callable[[str], Client]


def _panel(html: str) -> str:
    start = html.index('<section aria-labelledby="tal-i-teksten"')
    return html[start : html.index("</section>", start)]


def test_the_claims_stand_beside_the_text_with_their_status(login: Login) -> None:
    html = unescape(login("reader").get(CATALOG + "forslag/F5/").content.decode())
    panel = _panel(html)
    assert "Tal i teksten (45)" in panel
    # after the document's text, before its list of differences
    assert html.index('class="document"') < html.index("tal-i-teksten")
    differs = panel.index("«fra 2028 en varig effektivisering på 5,6 mio. kr.»")
    row = panel[differs : panel.index("</tr>", differs)]
    assert "5,6 mio. kr. (2028 og frem)" in row and "Tabel 1, «Samlet varig ændring»" in row
    assert '<a href="#fund">Afviger</a>' in row
    confirmed = panel.index("«svarende til 3,8 mio. kr.»")
    assert "Bekræftet" in panel[confirmed : panel.index("</tr>", confirmed)]
    context = panel.index("«4.350 tablets»")
    assert "Ikke i tabellerne" in panel[context : panel.index("</tr>", context)]
    # marked where the text says it, linked to its row of the list
    number = panel[: panel.index("«fra 2028 en varig")].count('id="claim-')
    assert (
        f'<a class="claim differs" href="#claim-{number}" title="Afviger: Tabel 1, «Samlet '
        'varig ændring»"><mark>fra 2028 en varig effektivisering på 5,6 mio. kr.</mark></a>'
    ) in html
    assert f'<tr class="differs" id="claim-{number}">' in panel
    # the findings say it in full, with the arithmetic
    assert "teksten siger 5,6 mio. kr. i 2028, dvs. 5.550 til 5.650" in html
    # and so does the document's list of differences
    assert "Forslag 5, teksten, «til 8% i 2028», 2028" in html


def test_a_proposal_without_claims_has_no_panel(login: Login) -> None:
    html = login("reader").get(CATALOG + "forslag/F1/").content.decode()
    assert "tal-i-teksten" not in html


def test_the_panel_in_english(login: Login) -> None:
    client = login("reader")
    client.cookies["django_language"] = "en"
    html = unescape(client.get(CATALOG + "forslag/F6/").content.decode())
    panel = _panel(html)
    assert "Figures in the text (3)" in panel and "Differs" in panel and "Confirmed" in panel
