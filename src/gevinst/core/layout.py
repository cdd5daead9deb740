# SPDX-License-Identifier: MPL-2.0
"""What every renderer draws alike: the rows of Tabel 1 and the titles and headings of the
template (numbers as a proposal prints them: :mod:`gevinst.core.numbering`).

The core computes each figure; this module only decides which rows are shown and in which
order: the section headings, the lines, the subtotals (the implementation subtotal of a
styringsområde only where the proposal has lines on it, as the seed prints them; a service
subtotal one row per administration where the proposal prints it so, F3's "Samlet varig
ændring, service SOF"), the total impact and the two payback rows. A proposal without an
investment has no implementation section and no payback: the seed prints its lines and the
totals the proposal states (F6 "Samlet varig ændring", Forslag 7 "Samlet økonomisk
påvirkning"). A proposal known by its catalog row alone has its paybacks as it states them,
marked "(angivet)", never computed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from gevinst.core import calc
from gevinst.core.check import TARGET_TOTAL
from gevinst.core.model import Proposal, Section, TargetRole, TargetRow, Targets
from gevinst.core.profile import AreaRole, Profile
from gevinst.core.series import Series
from gevinst.core.template import DANISH, SECTION_HEADINGS, Printing, printing

# the column of a row's total over its years, where the profile's Tabel 1 prints one
# (``template.table1_total``), as the marks name its cells: Place(proposal, "1", row, TOTAL)
TOTAL_COLUMN = "total"


def prints_total(profile: Profile | None) -> bool:
    """Whether Tabel 1 prints a Total column (each row's total over its years)."""
    return profile is not None and profile.template.table1_total


class Kind(StrEnum):
    HEADING = "heading"  # a section heading, no figures
    LINE = "line"  # a line as typed
    SUBTOTAL = "subtotal"  # a subtotal of a section
    TOTAL = "total"  # Samlet økonomisk påvirkning
    PAYBACK = "payback"  # a payback row: text, no figures


@dataclass(frozen=True)
class Row:
    kind: Kind
    label: str
    area: str = ""
    amounts: Series | None = None
    text: str = ""  # the payback, "4 år (2028)"
    key: str = ""  # the row as findings name it: a line's id, a TABLE1_ROWS key, payback_total
    # the text is the proposal's own, not derived: the payback of a proposal known by its
    # catalog row alone (``Proposal.payback_derived``), which no renderer may compute
    stated: bool = False


_IMPLEMENTATION_ROWS = {calc.OPERATING: "impl_service", calc.CAPITAL: "impl_anlaeg"}


def _implementation_roles(p: Proposal) -> list[AreaRole]:
    """The roles (operating, capital) with an implementation subtotal: those the proposal
    has lines on or prints a subtotal for (BC02 prints its service row blank)."""
    used = {line.role for line in p.lines if line.section is Section.IMPLEMENTATION}
    return [
        role for role, key in _IMPLEMENTATION_ROWS.items() if role in used or key in p.stated.table1
    ]


def _area_name(p: Proposal, role: AreaRole, profile: Profile | None) -> str:
    """The printed name of the area that has a role: the profile's, else its lines'."""
    if profile is not None and (area := profile.area_of(role)):
        return area
    return next((line.area for line in p.lines if line.role is role and line.area), "")


def _subtotals(p: Proposal, section: Section, profile: Profile | None) -> list[Row]:
    if section is Section.PERMANENT:
        return [*_service_total(p, "varig_service", profile), _total("varig")]
    by_role = [
        _service_total(p, "impl_service", profile)
        if role is calc.OPERATING
        else [_total("impl_anlaeg", _area_name(p, role, profile))]
        for role in _implementation_roles(p)
    ]
    return [*(row for rows in by_role for row in rows), _total("impl")]


def _service_total(p: Proposal, key: str, profile: Profile | None) -> list[Row]:
    """The operating (service) subtotal, or its rows per administration where the proposal
    prints it so (their figures follow the bookings, hence the profile)."""
    area = _area_name(p, calc.OPERATING, profile)
    if profile is None or key not in p.table1_split:
        return [_total(key, area)]
    labels = p.table1_split[key]
    return [
        Row(Kind.SUBTOTAL, labels[admin], area, amounts, key=f"{key}:{admin}")
        for admin, amounts in calc.subtotal_by_administration(p, profile, key).items()
    ]


def _total(key: str, area: str = "") -> Row:
    kind = Kind.TOTAL if key == "impact" else Kind.SUBTOTAL
    return Row(kind, calc.TABLE1_ROWS[key][0], area, key=key)


def _lines(p: Proposal, section: Section) -> list[Row]:
    return [
        Row(Kind.LINE, line.text, line.area or "", line.amounts, key=line.id)
        for line in p.lines
        if line.section is section
    ]


def _without_investment(p: Proposal) -> list[Row]:
    stated = [key for key in ("varig_service", "varig", "impact") if key in p.stated.table1]
    heading = Row(Kind.HEADING, SECTION_HEADINGS[Section.PERMANENT])
    totals = [_total(k) for k in stated or ["varig"]]
    return [heading, *_lines(p, Section.PERMANENT), *totals, *_stated_paybacks(p)]


def _paybacks(p: Proposal) -> list[Row]:
    """The two payback rows, computed; or, where the data cannot give them, those the
    proposal states, as it states them."""
    if not p.payback_derived:
        return _stated_paybacks(p)
    return [
        Row(
            Kind.PAYBACK,
            f"Tilbagebetalingstid baseret på {label}",
            text=calc.payback_text(calc.payback(p, basis)),
            key=f"payback_{basis}",
        )
        for basis, label in calc.PAYBACK_BASES.items()
    ]


def _stated_paybacks(p: Proposal) -> list[Row]:
    """A proposal known by its catalog row alone: its paybacks as stated, marked so (a
    proposal with its Tabel 1 has none here; its paybacks are computed)."""
    if p.payback_derived:
        return []
    return [
        Row(
            Kind.PAYBACK,
            f"Tilbagebetalingstid baseret på {calc.PAYBACK_BASES[basis]} (angivet)",
            text=text,
            key=f"payback_{basis}",
            stated=True,
        )
        for basis, text in p.stated.payback.items()
    ]


def table1(
    p: Proposal, profile: Profile | None = None, printed: Printing | None = None
) -> list[Row]:
    """Tabel 1 of ``p``, row by row, worded as ``printed`` (else as the profile's documents
    print, else in Danish); with the profile, a service subtotal the proposal prints per
    administration is drawn so (the Excel sheet, whose subtotals are formulas over the lines,
    keeps the one row)."""
    words = printed or printing(profile)
    return [_worded(p, row, words) for row in _table1(p, profile)]


def _worded(p: Proposal, row: Row, printed: Printing) -> Row:
    """A row of Tabel 1 in the wording and years ``printed`` gives: its group heading, a
    subtotal the template names, the payback rows (a proposal's own wording stays its own:
    a heading it rewords, a subtotal it prints per administration, a payback it states)."""
    words = printed.words
    if row.kind is Kind.HEADING:
        danish = {v: k for k, v in SECTION_HEADINGS.items()}
        section = danish.get(row.label)
        return row if section is None else replace(row, label=words.section_headings[section])
    if row.kind in (Kind.SUBTOTAL, Kind.TOTAL) and row.label == DANISH.table1_rows.get(row.key):
        return replace(row, label=words.table1_rows[row.key])
    if row.kind is Kind.PAYBACK:
        basis = row.key.removeprefix("payback_")
        label = printed.payback_row(basis, row.stated)
        text = row.text if row.stated else printed.payback(calc.payback(p, basis))
        return replace(row, label=label, text=text)
    return row


def _table1(p: Proposal, profile: Profile | None) -> list[Row]:
    if not calc.has_investment(p):
        rows = _without_investment(p)
    else:
        rows = []
        for section, heading in SECTION_HEADINGS.items():
            rows += [
                Row(Kind.HEADING, heading),
                *_lines(p, section),
                *_subtotals(p, section, profile),
            ]
        rows.append(_total("impact"))
        rows += _paybacks(p)
    return [_with_amounts(p, row) for row in rows]


@dataclass(frozen=True)
class UnitRow:
    key: str  # the row as findings name it: a unit, "BIU / Service" (one styringsområde), total
    label: str
    amounts: Series
    share: str = ""  # the row's share of the total where the table prints its key: "8%"


def distribution(p: Proposal, profile: Profile, marked: Iterable[str] = ()) -> list[UnitRow]:
    """Tabel 2.1 row by row: the rows the source prints, in its order (a committee's row per
    styringsområde where it prints it so), then any other unit with figures or a mark
    (``marked``) in the profile's order, then Total; with the key's column where printed."""
    stated = p.stated.distribution
    with_impl = stated is not None and stated.includes_implementation
    rows = calc.distribution(p, profile, with_impl)
    printed = [k if " / " in k else profile.row_unit(k) for k in (stated.rows if stated else ())]
    split = {profile.row_unit(k) for k in printed if " / " in k}
    rest = (set(rows) | set(marked)) - split - set(printed)
    out = [_unit_row(p, profile, rows, k) for k in [*printed, *profile.sort_units(rest)]]
    out.append(UnitRow("total", "Total", calc.column_total(rows)))
    if stated is None or not stated.key_column:
        return out
    return _with_shares(p, out)


def _unit_row(p: Proposal, profile: Profile, rows: calc.SharedUnits, key: str) -> UnitRow:
    if " / " not in key:
        return UnitRow(key, profile.unit_name(key), rows.get(key, Series()))
    unit, printed_area = key.split(" / ", maxsplit=1)
    area = profile.find_area(printed_area) or printed_area
    with_impl = p.stated.distribution is not None and p.stated.distribution.includes_implementation
    on_area = calc.distribution_on_area(p, profile, with_impl, area)
    unit = profile.row_unit(unit)
    return UnitRow(key, f"{profile.unit_name(unit)} – {printed_area}", on_area.get(unit, Series()))


def _with_shares(p: Proposal, rows: list[UnitRow]) -> list[UnitRow]:
    """Each row's share of the total in the last year the total has figures."""
    total = rows[-1].amounts
    year = next((y for y in reversed(p.years) if total[y]), p.years[-1])
    return [
        replace(row, share=f"{calc.whole_percent(row.amounts[year], total[year])}%") for row in rows
    ]


def target_blocks(targets: Targets) -> list[tuple[str, list[TargetRow]]]:
    """The target accounting's rows in the tables the source prints them in: consecutive rows
    under one price basis, each block headed by it (Forslag 7: "1.000 kr. løbende p/l", then
    "1.000 kr. 2025 p/l")."""
    blocks: list[tuple[str, list[TargetRow]]] = []
    for row in targets.rows:
        basis = row.price_basis or targets.price_basis
        if not blocks or blocks[-1][0] != basis:
            blocks.append((basis, []))
        blocks[-1][1].append(row)
    return blocks


def target_derived(p: Proposal, row: TargetRow) -> tuple[str, Series] | None:
    """The mark's row and the derived figures of a target accounting's row that gevinst
    computes (the manko, the total permanent change), in the years the source fills; None
    for a row printed as stated."""
    t = p.targets
    if t is None or row.role not in (TargetRole.MANKO, TargetRole.TOTAL):
        return None
    if row.role is TargetRole.MANKO:
        key, derived, years = "manko", calc.manko(t.achieved, t.target), {*t.achieved, *t.target}
    else:
        key, derived, years = TARGET_TOTAL, calc.permanent(p), set(row.values)
    return key, Series({y: derived[y] for y in sorted(years)})


def _with_amounts(p: Proposal, row: Row) -> Row:
    if row.kind not in (Kind.SUBTOTAL, Kind.TOTAL) or row.amounts is not None:
        return row
    return replace(row, amounts=calc.TABLE1_ROWS[row.key][1](p))
