# SPDX-License-Identifier: MPL-2.0
"""The charts, read back as SVG: BC01's payback year, the committees, stable output."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.charts import (
    catalog_chart_png,
    catalog_chart_svg,
    proposal_chart_png,
    proposal_chart_svg,
    render_charts,
)

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_bc01_marks_its_payback_year(seed: Catalog) -> None:
    labels = texts(proposal_chart_svg(seed.proposal("BC01")))
    assert "Tilbagebetaling 2028" in labels
    # axes in Danish: thousands with a point, years without one
    assert "-1.000" in labels
    assert "2029" in labels
    assert "2.029" not in labels


def test_the_chart_runs_on_to_a_payback_beyond_the_table(seed: Catalog) -> None:
    # F2's table ends in 2029; carried on with its last permanent change it pays back in 2033
    labels = texts(proposal_chart_svg(seed.proposal("F2")))
    assert "Tilbagebetaling 2033" in labels
    assert {"2030", "2031", "2032", "2033"} <= set(labels)


def test_the_catalog_chart_names_the_committees(seed: Catalog) -> None:
    labels = texts(catalog_chart_svg(seed))
    for committee in (
        "Økonomiudvalget",
        "Børne- og Ungdomsudvalget",
        "Sundheds- og Omsorgsudvalget",
        "Beskæftigelses- og Integrationsudvalget",
    ):
        assert committee in labels
    # F1 is only a catalog entry: no table A, so the chart says it is left out
    assert "Fortrolige forslag uden tabeller indgår ikke." in labels
    # the years of the catalog's own tables
    assert [y for y in labels if len(y) == 4 and y.isdigit()] == ["2025", "2026", "2027", "2028"]


def test_charts_are_reproducible(seed: Catalog) -> None:
    first = proposal_chart_svg(seed.proposal("BC01"))
    assert first == proposal_chart_svg(seed.proposal("BC01"))
    assert "<dc:date>" not in first


def test_render_charts_skips_catalog_entries_and_proposals_without_payback(
    seed: Catalog,
) -> None:
    charts = render_charts(seed, ExportOptions())
    # F1 is known by its catalog row alone; F6 and F7 have no investment to pay back
    paid_back = [p.id for p in seed.proposals if p.id not in ("F1", "F6", "F7")]
    assert list(charts) == [f"{pid}.svg" for pid in paid_back] + ["katalog.svg"]
    assert "Tilbagebetaling 2028" in texts(charts["BC01.svg"].decode("utf-8"))


def test_render_charts_draws_only_what_the_options_select(seed: Catalog) -> None:
    charts = render_charts(seed, ExportOptions(proposal="BC01"))
    assert list(charts) == ["BC01.svg", "katalog.svg"]
    bc01 = replace(seed.proposal("BC01"), confidential=True)
    secret = replace(seed, proposals=(bc01, *seed.proposals[1:]))
    # a confidential proposal is shown by its catalog row alone: no payback to chart
    assert "BC01.svg" not in render_charts(secret, ExportOptions())
    assert "BC01.svg" in render_charts(secret, ExportOptions(include_confidential=True))


def test_word_gets_the_same_charts_as_png(seed: Catalog) -> None:
    png = proposal_chart_png(seed.proposal("BC01"))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert png == proposal_chart_png(seed.proposal("BC01"))  # reproducible, no date
    # 7,5 x 3,4 inches at 200 dpi: sharp at the width of a page
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1500, 680)
    assert catalog_chart_png(seed).startswith(b"\x89PNG")
