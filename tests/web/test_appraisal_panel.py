# SPDX-License-Identifier: MPL-2.0
"""The proposal page's options appraisal panel: OBC01 of the English council's example shows
its options against do nothing as the documents print them (the profile's words and money,
whatever the interface's language), the NPV and benefit-cost ratio that core/appraisal
computes, the preferred option marked; the appraisal is a panel beside the document, not
inside it; a Copenhagen proposal, which has no appraisal, has no panel."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client

from gevinst.core.appraisal.proposal import appraise_proposal
from gevinst.core.distribute import round_to, round_whole
from gevinst.format.reader import load_catalog
from tests.paths import ROOT
from tests.web.conftest import EN, fetched

OBC01 = f"/katalog/{EN}/forslag/OBC01/"

CENT = Decimal("0.01")

Login = Callable[[str], Client]


def _panel(page: str) -> str:
    found = re.search(
        r'<section aria-labelledby="vurdering" class="appraisal-panel">(.*?)</section>', page, re.S
    )
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize("language", ["da", "en"])
def test_obc01s_page_shows_its_options_appraised(english: Login, language: str) -> None:
    page = fetched(english("cfo"), OBC01, language)
    panel = _panel(page)
    assert '<h2 id="vurdering">Options appraisal</h2>' in panel
    catalog = load_catalog(ROOT / "catalogs" / EN)
    a = appraise_proposal(catalog.proposal("OBC01"), catalog.profile)
    for r in a.results:
        assert f">{r.figures.option.label}<" in panel
        assert f">{round_whole(r.figures.npv):,}<" in panel
    assert a.preferred.bcr is not None
    assert f">{round_to(a.preferred.bcr, CENT):,}<" in panel
    assert ">Preferred option<" in panel
    assert "£, 2025/26 prices" in panel
    # not a second time inside the document
    document = page[page.index('<article class="document"') : page.index("</article>")]
    assert "Options appraisal" not in document
    assert "Vurdering af alternativer" not in page


def test_a_copenhagen_proposal_has_no_appraisal_panel(login: Login) -> None:
    page = fetched(login("cfo"), "/katalog/kk-budget-2025/forslag/BC01/", "da")
    assert "appraisal-panel" not in page
