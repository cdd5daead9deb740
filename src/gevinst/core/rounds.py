# SPDX-License-Identifier: MPL-2.0
"""Budget rounds (Budget 2024, OFS 2023-24, Budget 2025, ...): each catalog belongs to one
(``Catalog.round``), and a proposal approved in an earlier round is carried into the later
catalogs "godkendt med" that round (a row's ``approved_with`` in the catalog's tables, as the
seed's Tabel 2 carries Forslag 1-5 "OFS 23-24").

A proposal is one proposal in every round that holds it, by its id: a revised version, in the
same catalog or in a later round's, *replaces* the earlier one in every total and never adds
to it. :func:`counted` gives each proposal once, as the latest round holds it.

>>> from gevinst.core.series import Series
>>> from decimal import Decimal as D
>>> a = {"BC01": Series({2025: D(-297)}), "F2": Series({2025: D(-1200)})}
>>> b = {"BC01": Series({2025: D(-400)})}   # BC01 carried into the next round and revised
>>> {pid: s[2025] for pid, (_, s) in counted([("Budget 2025", a), ("Budget 2026", b)]).items()}
{'F2': Decimal('-1200'), 'BC01': Decimal('-400')}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TypeVar

from gevinst.core.model import Catalog, CatalogGroup, CatalogTable, Proposal

T = TypeVar("T")


def approved_with(cat: Catalog) -> dict[str, str]:
    """Each proposal's "Godkendt med" as the catalog's tables print it (the first row naming
    the proposal), by proposal id; a proposal without a row, or with an empty one, is absent."""
    found: dict[str, str] = {}
    for t in cat.tables:
        for row in t.rows():
            if row.proposal is not None and row.approved_with and row.proposal not in found:
                found[row.proposal] = row.approved_with
    return found


def carried(cat: Catalog) -> dict[str, str]:
    """The proposals the catalog carries from another round, with the round (or the decision)
    they were approved with: every "Godkendt med" that is not the catalog's own round."""
    return {pid: w for pid, w in approved_with(cat).items() if w != cat.round}


def of_round(cat: Catalog) -> tuple[Proposal, ...]:
    """The proposals the catalog's own round decides: those it does not carry from another
    round. Their investments are what the round's pool is asked for."""
    earlier = carried(cat)
    return tuple(p for p in cat.proposals if p.id not in earlier)


def counted(rounds: Iterable[tuple[str, Mapping[str, T]]]) -> dict[str, tuple[str, T]]:
    """Each proposal once, by id, with the round and the value (a proposal, a figure) of the
    latest round that holds it: ``rounds`` oldest first, each a round's name and its values by
    proposal id. A later round's version replaces an earlier one; nothing is added twice."""
    latest: dict[str, tuple[str, T]] = {}
    for name, values in rounds:
        for pid, value in values.items():
            latest.pop(pid, None)  # in the order of the latest round that holds it
            latest[pid] = (name, value)
    return latest


def carry(cat: Catalog, new_id: str, new_round: str) -> Catalog:
    """``cat`` as the first catalog of ``new_round``: every proposal carried with its current
    version, every table row "godkendt med" the round it was approved with, or with ``cat``'s
    round where the row names none; nothing of the new round is decided yet, so it has no pool.
    """
    tables = tuple(_carried_table(t, cat.round) for t in cat.tables)
    return replace(cat, id=new_id, round=new_round, tables=tables, pool=None)


def _carried_table(t: CatalogTable, old_round: str) -> CatalogTable:
    groups = tuple(
        CatalogGroup(
            g.committee,
            tuple(replace(r, approved_with=r.approved_with or old_round) for r in g.rows),
        )
        for g in t.groups
    )
    return replace(t, groups=groups)
