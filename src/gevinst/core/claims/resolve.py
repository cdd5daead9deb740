# SPDX-License-Identifier: MPL-2.0
"""The figure a claim's reference names, as the proposal's tables print it, and the name
of that place in Danish for a message ("Tabel A, ØU, 2027").

A line or a table's row is a figure a year, in 1.000 kr.; a printed row is read as printed
(the text is checked against what the reader sees), a row the document does not print is
derived by :mod:`gevinst.core.calc` (from a :class:`calc.Tables` the caller may share, so
that a proposal's tables are apportioned once for all its claims). A basis cell, a
parameter, a key's weight and a number of rows are single figures in their own unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.claims.claim import (
    BasisRef,
    CellRef,
    KeyRef,
    LineRef,
    ParamRef,
    RatioRef,
    Ref,
    RowsRef,
    ShareRef,
)
from gevinst.core.errors import MissingKeyError
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO, Series, sum_series

SERIES_TABLES = ("1", "2.1", "A", "B", "C", "D", "E", "admin", "targets")


@dataclass(frozen=True)
class Referent:
    """What a reference names: a row a year (``series``, 1.000 kr.) or one figure
    (``value``), and its name."""

    name: str
    series: Series | None = None
    value: Decimal | None = None
    year: int | None = None  # the row is read in this year, whatever the claim's

    def at(self, years: Iterable[int]) -> Decimal:
        """The figure in these years, added up (a single figure whatever the years)."""
        if self.series is None:
            assert self.value is not None
            return self.value
        if self.year is not None:
            return self.series[self.year]
        return sum((self.series[y] for y in years), ZERO)


def _missing(p: Proposal, ref: CellRef) -> MissingKeyError:
    return MissingKeyError(f"tabel {ref.table} har ingen række {ref.row!r} i forslag {p.id}")


def _table1_row(p: Proposal, ref: CellRef) -> Series:
    if ref.row in p.stated.table1:
        return p.stated.table1[ref.row]
    if ref.row in calc.TABLE1_ROWS:
        return calc.TABLE1_ROWS[ref.row][1](p)
    raise _missing(p, ref)


def _admin_row(p: Proposal, ref: CellRef) -> Series:
    if ref.row == "total":
        return p.stated.admin_total if p.stated.admin_total is not None else calc.admin_total(p)
    row = next((r.amounts for r in p.admin_rows if r.text == ref.row), None)
    if row is None:
        raise _missing(p, ref)
    return row


def _targets_row(p: Proposal, ref: CellRef) -> Series:
    rows = p.targets.rows if p.targets is not None else ()
    row = next((r.values for r in rows if r.label == ref.row), None)
    if row is None:
        raise _missing(p, ref)
    return row


def _unit_row(p: Proposal, profile: Profile, ref: CellRef, tables: calc.Tables) -> Series:
    """A row of 2.1 or of A to E: as printed, or derived where the table prints none."""
    st = p.stated
    printed = st.distribution if ref.table == "2.1" else st.technical.get(ref.table)
    if printed is not None and ref.row == "total" and printed.total is not None:
        return printed.total
    if printed is not None and ref.row in printed.rows:
        return printed.rows[ref.row]
    if ref.table == "2.1":
        implementation = printed.includes_implementation if printed is not None else True
        derived = tables.distribution(implementation)
        unit = profile.committee_of(profile.unit(ref.row)) if ref.row != "total" else ""
    else:
        derived = tables[ref.table]
        unit = profile.unit(ref.row) if ref.row != "total" else ""
    if ref.row == "total":
        return calc.column_total(derived)
    if unit not in derived:
        raise _missing(p, ref)
    return derived[unit]


def _table_row(p: Proposal, profile: Profile, ref: CellRef, tables: calc.Tables) -> Series:
    if ref.table == "1":
        return _table1_row(p, ref)
    if ref.table == "admin":
        return _admin_row(p, ref)
    if ref.table == "targets":
        return _targets_row(p, ref)
    if ref.table in ("2.1", *calc.TECHNICAL_TABLES):
        return _unit_row(p, profile, ref, tables)
    raise _missing(p, ref)


def _table_name(ref: CellRef) -> str:
    if ref.table == "1":
        label = calc.TABLE1_ROWS[ref.row][0] if ref.row in calc.TABLE1_ROWS else ref.row
        return f"Tabel 1, «{label}»"
    if ref.table == "admin":
        return "Tabel 2 (administration), " + ("total" if ref.row == "total" else f"«{ref.row}»")
    if ref.table == "targets":
        return f"Tabel 4 (måltal), «{ref.row}»"
    return f"Tabel {ref.table}, {ref.row}"


def _basis_cell(p: Proposal, ref: BasisRef) -> Referent:
    for b in p.basis:
        if b.id == ref.table:
            for r in b.rows:
                if r.label == ref.row:
                    v = r.values.get(ref.column)
                    if isinstance(v, Decimal):
                        return Referent(f"{b.title}, «{r.label}», {ref.column}", value=v)
                    raise MissingKeyError(
                        f"{b.title}, «{r.label}», {ref.column} er ikke et tal i forslag {p.id}"
                    )
            raise MissingKeyError(f"{b.title} har ingen række {ref.row!r} i forslag {p.id}")
    raise MissingKeyError(f"grundlagstabellen {ref.table!r} findes ikke i forslag {p.id}")


def _rows(p: Proposal, ref: RowsRef) -> Referent:
    """The number of a basis table's rows that ``ref`` counts, and what they are."""
    b = next((b for b in p.basis if b.id == ref.table), None)
    if b is None:
        raise MissingKeyError(f"grundlagstabellen {ref.table!r} findes ikke i forslag {p.id}")
    if ref.nonzero and ref.nonzero not in b.columns:
        raise MissingKeyError(f"{b.title} har ingen kolonne {ref.nonzero!r} i forslag {p.id}")
    totals = {t.row for t in b.total_rows}
    rows = [r for r in b.rows if r.label not in totals and ref.containing in r.label]
    which = f" med «{ref.containing}»" if ref.containing else ""
    if ref.nonzero:
        rows = [r for r in rows if isinstance(v := r.values.get(ref.nonzero), Decimal) and v]
        which += f" og et tal over 0 i {ref.nonzero}" if which else f" med et tal i {ref.nonzero}"
    return Referent(f"antallet af rækker{which} i {b.title}", value=Decimal(len(rows)))


def _param(p: Proposal, profile: Profile, ref: ParamRef) -> Referent:
    """A parameter's value; a shared assumption's as of the proposal's price level."""
    for e in p.effects:
        param = e.params.get(ref.param)
        if e.line != ref.line or param is None:
            continue
        v: Decimal | tuple[Decimal, ...] | None = param.value
        if param.assumption is not None and param.assumption in profile.assumptions:
            v = profile.assumptions.value(param.assumption, p.assumptions_date)
        if isinstance(v, tuple) and ref.index is not None and 0 <= ref.index < len(v):
            v = v[ref.index]
        if isinstance(v, Decimal):
            where = "" if ref.index is None else f" nr. {ref.index + 1}"
            return Referent(f"grundlaget for {ref.line}, parameteren {ref.param}{where}", value=v)
    raise MissingKeyError(
        f"grundlaget for linjen {ref.line!r} har ingen talparameter {ref.param!r} i forslag {p.id}"
    )


def _key(p: Proposal, ref: KeyRef) -> Referent:
    key = p.keys.get(ref.key)
    if key is None or ref.unit not in key.weights:
        raise MissingKeyError(
            f"nøglen {ref.key!r} har ingen vægt for {ref.unit!r} i forslag {p.id}"
        )
    weight = key.weights[ref.unit]
    if not ref.share:
        return Referent(f"nøglen {ref.key}, {ref.unit}", value=weight)
    whole = sum(key.weights.values(), ZERO)
    share = weight * 100 / whole if whole else ZERO
    return Referent(f"nøglen {ref.key}, {ref.unit}s andel i procent", value=share)


def place(p: Proposal, profile: Profile, ref: Ref, tables: calc.Tables | None = None) -> Referent:
    """The place a (simple) reference names: not a share or a ratio, which combine places.
    A reference to what the proposal does not hold raises :class:`MissingKeyError`.
    ``tables`` are ``p``'s, shared by the caller's other references (made here if none)."""
    if isinstance(ref, LineRef):
        lines = [p.line(i) for i in ref.lines]
        if len(lines) == 1:
            name = f"Tabel 1, linjen «{lines[0].text}» ({lines[0].id})"
        else:
            name = f"Tabel 1, linjerne {' + '.join(ref.lines)}"
        name += f" i {ref.year}" if ref.year is not None else ""
        return Referent(name, series=sum_series(line.amounts for line in lines), year=ref.year)
    if isinstance(ref, CellRef):
        name = _table_name(ref) + (f" i {ref.year}" if ref.year is not None else "")
        derived = tables or calc.Tables(p, profile)
        return Referent(name, series=_table_row(p, profile, ref, derived), year=ref.year)
    if isinstance(ref, BasisRef):
        return _basis_cell(p, ref)
    if isinstance(ref, RowsRef):
        return _rows(p, ref)
    if isinstance(ref, ParamRef):
        return _param(p, profile, ref)
    if isinstance(ref, KeyRef):
        return _key(p, ref)
    raise TypeError(f"{type(ref).__name__} samler flere steder; brug share_of eller ratio_of")


def simple_refs(ref: Ref) -> Iterator[Ref]:
    """The places a reference reads: itself, or a share's and a ratio's parts."""
    if isinstance(ref, ShareRef):
        yield from simple_refs(ref.part)
        yield from simple_refs(ref.whole)
    elif isinstance(ref, RatioRef):
        for part in ref.parts:
            yield from simple_refs(part)
    else:
        yield ref


def share_of(
    p: Proposal,
    profile: Profile,
    ref: ShareRef,
    years: Iterable[int],
    tables: calc.Tables | None = None,
) -> tuple[Referent, Decimal, Referent, Decimal]:
    """A share's part and whole, each with its figure in ``years``."""
    ys = tuple(years)
    part, whole = place(p, profile, ref.part, tables), place(p, profile, ref.whole, tables)
    return part, part.at(ys), whole, whole.at(ys)


def ratio_of(
    p: Proposal,
    profile: Profile,
    ref: RatioRef,
    years: Iterable[int],
    tables: calc.Tables | None = None,
) -> tuple[str, tuple[Decimal, ...]]:
    """A ratio's name and its parts in ``years``."""
    ys = tuple(years)
    places = [place(p, profile, r, tables) for r in ref.parts]
    return " / ".join(pl.name for pl in places), tuple(pl.at(ys) for pl in places)
