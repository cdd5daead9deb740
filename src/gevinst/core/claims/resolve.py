# SPDX-License-Identifier: MPL-2.0
"""The figure a claim's reference names, as the proposal's tables print it, and the name
of that place for a message in the profile's language ("Tabel A, ØU i 2027", "Table A, CS
in 2027/28").

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
from gevinst.core.template import wording

SERIES_TABLES = ("1", "2.1", "A", "B", "C", "D", "E", "admin", "targets")

# the names of the places a claim refers to, in each language a profile may choose
NAMES = {
    "da": {
        "table1": "Tabel 1, «{label}»",
        "admin": "Tabel 2 (administration), {row}",
        "targets": "Tabel 4 (måltal), «{row}»",
        "table": "Tabel {table}, {row}",
        "in-year": " i {year}",
        "rows": "antallet af rækker{which} i {title}",
        "containing": " med «{text}»",
        "and-above-zero": " og et tal over 0 i {column}",
        "with-figure": " med et tal i {column}",
        "param": "grundlaget for {line}, parameteren {param}{which}",
        "number": " nr. {n}",
        "key": "nøglen {key}, {unit}",
        "key-share": "nøglen {key}, {unit}s andel i procent",
        "line": "Tabel 1, linjen «{text}» ({id})",
        "lines": "Tabel 1, linjerne {ids}",
    },
    "en": {
        "table1": "Table 1, «{label}»",
        "admin": "Table 2 (administration), {row}",
        "targets": "Table 4 (targets), «{row}»",
        "table": "Table {table}, {row}",
        "in-year": " in {year}",
        "rows": "the number of rows{which} in {title}",
        "containing": " with «{text}»",
        "and-above-zero": " and a figure above 0 in {column}",
        "with-figure": " with a figure in {column}",
        "param": "the basis for {line}, the parameter {param}{which}",
        "number": " no. {n}",
        "key": "the key {key}, {unit}",
        "key-share": "the key {key}, {unit}'s share in per cent",
        "line": "Table 1, the line «{text}» ({id})",
        "lines": "Table 1, the lines {ids}",
    },
}


def _name(profile: Profile, which: str, /, **fields: object) -> str:
    return NAMES[profile.language][which].format(**fields)


def _in_year(profile: Profile, year: int | None) -> str:
    return "" if year is None else _name(profile, "in-year", year=profile.periods.label(year))


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


def _table_name(ref: CellRef, profile: Profile) -> str:
    if ref.table == "1":
        rows = wording(profile.language).table1_rows
        return _name(profile, "table1", label=rows.get(ref.row, ref.row))
    if ref.table == "admin":
        return _name(profile, "admin", row="total" if ref.row == "total" else f"«{ref.row}»")
    if ref.table == "targets":
        return _name(profile, "targets", row=ref.row)
    return _name(profile, "table", table=ref.table, row=ref.row)


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


def _rows(p: Proposal, profile: Profile, ref: RowsRef) -> Referent:
    """The number of a basis table's rows that ``ref`` counts, and what they are."""
    b = next((b for b in p.basis if b.id == ref.table), None)
    if b is None:
        raise MissingKeyError(f"grundlagstabellen {ref.table!r} findes ikke i forslag {p.id}")
    if ref.nonzero and ref.nonzero not in b.columns:
        raise MissingKeyError(f"{b.title} har ingen kolonne {ref.nonzero!r} i forslag {p.id}")
    totals = {t.row for t in b.total_rows}
    rows = [r for r in b.rows if r.label not in totals and ref.containing in r.label]
    which = _name(profile, "containing", text=ref.containing) if ref.containing else ""
    if ref.nonzero:
        rows = [r for r in rows if isinstance(v := r.values.get(ref.nonzero), Decimal) and v]
        which += _name(profile, "and-above-zero" if which else "with-figure", column=ref.nonzero)
    return Referent(_name(profile, "rows", which=which, title=b.title), value=Decimal(len(rows)))


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
            which = "" if ref.index is None else _name(profile, "number", n=ref.index + 1)
            name = _name(profile, "param", line=ref.line, param=ref.param, which=which)
            return Referent(name, value=v)
    raise MissingKeyError(
        f"grundlaget for linjen {ref.line!r} har ingen talparameter {ref.param!r} i forslag {p.id}"
    )


def _key(p: Proposal, profile: Profile, ref: KeyRef) -> Referent:
    key = p.keys.get(ref.key)
    if key is None or ref.unit not in key.weights:
        raise MissingKeyError(
            f"nøglen {ref.key!r} har ingen vægt for {ref.unit!r} i forslag {p.id}"
        )
    weight = key.weights[ref.unit]
    if not ref.share:
        return Referent(_name(profile, "key", key=ref.key, unit=ref.unit), value=weight)
    whole = sum(key.weights.values(), ZERO)
    share = weight * 100 / whole if whole else ZERO
    return Referent(_name(profile, "key-share", key=ref.key, unit=ref.unit), value=share)


def place(p: Proposal, profile: Profile, ref: Ref, tables: calc.Tables | None = None) -> Referent:
    """The place a (simple) reference names: not a share or a ratio, which combine places.
    A reference to what the proposal does not hold raises :class:`MissingKeyError`.
    ``tables`` are ``p``'s, shared by the caller's other references (made here if none)."""
    if isinstance(ref, LineRef):
        lines = [p.line(i) for i in ref.lines]
        if len(lines) == 1:
            name = _name(profile, "line", text=lines[0].text, id=lines[0].id)
        else:
            name = _name(profile, "lines", ids=" + ".join(ref.lines))
        name += _in_year(profile, ref.year)
        return Referent(name, series=sum_series(line.amounts for line in lines), year=ref.year)
    if isinstance(ref, CellRef):
        name = _table_name(ref, profile) + _in_year(profile, ref.year)
        derived = tables or calc.Tables(p, profile)
        return Referent(name, series=_table_row(p, profile, ref, derived), year=ref.year)
    if isinstance(ref, BasisRef):
        return _basis_cell(p, ref)
    if isinstance(ref, RowsRef):
        return _rows(p, profile, ref)
    if isinstance(ref, ParamRef):
        return _param(p, profile, ref)
    if isinstance(ref, KeyRef):
        return _key(p, profile, ref)
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
