# SPDX-License-Identifier: MPL-2.0
"""A catalog row's payback (a summary catalog's column) against the proposal's own Tabel 1,
on either basis; a row alone, or a payback not written in whole years, stands as stated."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gevinst.core.check import check_catalog
from gevinst.core.model import Catalog, CatalogGroup, CatalogTable


def _with_payback(seed: Catalog, proposal: str, payback: str) -> Catalog:
    def row_of(g: CatalogGroup) -> CatalogGroup:
        rows = tuple(replace(r, payback=payback) if r.proposal == proposal else r for r in g.rows)
        return replace(g, rows=rows)

    def table(t: CatalogTable) -> CatalogTable:
        return replace(t, groups=tuple(row_of(g) for g in t.groups))

    return replace(seed, tables=tuple(table(t) for t in seed.tables))


def _paybacks(cat: Catalog) -> list[tuple[str | None, object, str]]:
    return [
        (f.proposal, f.stated, f.message) for f in check_catalog(cat) if f.rule == "catalog-payback"
    ]


@pytest.mark.parametrize("written", ["4 år", "4 år (2028)", "4", "3,5 år", "4 years"])
def test_a_payback_that_agrees_or_cannot_be_read_is_not_reported(
    seed: Catalog, written: str
) -> None:
    # BC01's Tabel 1 pays back in 4 år (2028) on both bases
    assert _paybacks(_with_payback(seed, "BC01", written)) == []


def test_a_payback_that_differs_is_an_error(seed: Catalog) -> None:
    [(proposal, stated, message)] = _paybacks(_with_payback(seed, "BC01", "2 år"))
    assert (proposal, stated) == ("BC01", "2 år")
    assert message.endswith(
        "tilbagebetalingstid: angivet '2 år'; forslagets Tabel 1 giver serviceeffektivisering "
        "4 år (2028), totaløkonomi 4 år (2028)"
    )


def test_a_row_alone_states_its_payback(seed: Catalog) -> None:
    # F1 is known by its row: nothing gives its investment year by year
    assert _paybacks(_with_payback(seed, "F1", "2 år")) == []
