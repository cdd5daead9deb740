# SPDX-License-Identifier: MPL-2.0
"""Plain-text tables for the terminal, laid out as the catalog prints them."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from gevinst.core import calc, layout
from gevinst.core import text as markup
from gevinst.core.check import check_proposal
from gevinst.core.layout import Kind
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.core.series import Series
from gevinst.core.summary import Summary, SummaryColumn, SummaryRow
from gevinst.core.template import DANISH, Printing, printing

TABLE_CHOICES = ("all", "1", "2.1", "admin", "A", "B", "C", "D", "E", "text")
WIDTH = 100
LABEL = 52
AREA = 16
CELL = 9
ZERO_MARK = "-"


def _cells(series: Series | None, years: Sequence[int], printed: Printing, zero: str = "0") -> str:
    """A row's figures in the profile's number format, each right-aligned in its column (as
    wide as the widest figure a column of the profile's money may hold: whole pounds run to
    "-1,250,000")."""
    if series is None:
        return ""
    width = _cell(printed)
    return "".join(f"{(printed.figure(series[y]) if series[y] else zero):>{width}}" for y in years)


def _cell(printed: Printing) -> int:
    """A year column's width: the seed's 9 characters, wider for a year's label or a figure
    of a small scale (whole currency units)."""
    figures = {1: 12, 1000: CELL, 1_000_000: CELL}[printed.money.scale]
    return max(figures, len(printed.year(2000)) + 2)


def _row(label: str, area: str, cells: str) -> list[str]:
    wrapped = textwrap.wrap(label, LABEL) or [""]
    lines = [f"{w:<{LABEL}}" for w in wrapped[:-1]]
    lines.append(f"{wrapped[-1]:<{LABEL}} {area:<{AREA}}{cells}")
    return lines


def _header(title: str, p: Proposal, printed: Printing, first: str, second: str = "") -> list[str]:
    width = _cell(printed)
    years = "".join(f"{printed.year(y):>{width}}" for y in p.years)
    return [title, f"{first:<{LABEL}} {second:<{AREA}}{years}"]


def table1(p: Proposal, profile: Profile | None = None) -> list[str]:
    """Tabel 1 in the profile's words, money, years and number format."""
    printed = printing(profile)
    words = printed.words
    area = words.area_header.replace("\u00ad", "")
    out = _header(words.table1_title(), p, printed, printed.prices(p.price_level), area)
    total = layout.prints_total(profile)
    if total:
        # the Total column, a little wider than a year's: ten years of whole pounds
        out[-1] += f"{words.row_total:>{_cell(printed) + 2}}"
    for row in layout.table1(p, profile, printed):
        if row.kind is Kind.HEADING:
            out.append(row.label)
        else:
            cells = _cells(row.amounts, p.years, printed) if row.amounts is not None else ""
            if total and row.amounts is not None:
                figure = printed.figure(calc.row_total(p, row.amounts))
                cells += f"{figure:>{_cell(printed) + 2}}"
            out += _row(row.label, row.text or row.area, cells)
    out.append(words.sign_note)
    return out


def unit_table(
    title: str,
    p: Proposal,
    rows: Mapping[str, Series],
    profile: Profile,
    appropriations: Mapping[str, str],
) -> list[str]:
    printed = printing(profile)
    words = printed.words
    first = f"{words.committee} ({printed.prices(p.price_level)})"
    out = _header(title, p, printed, first, words.appropriation)
    for unit in profile.sort_units(list(rows)):
        out += _row(
            profile.unit_name(unit),
            appropriations.get(unit, ""),
            _cells(rows[unit], p.years, printed, ZERO_MARK),
        )
    total = _cells(calc.column_total(rows), p.years, printed, ZERO_MARK)
    out += _row(words.total, "", total)
    return out


def admin_table(p: Proposal, profile: Profile | None = None) -> list[str]:
    printed = printing(profile)
    words = printed.words
    out = _header(words.admin_table_title(), p, printed, printed.prices(p.price_level))
    for row in p.admin_rows:
        out += _row(row.text, "", _cells(row.amounts, p.years, printed))
    out += _row(words.admin_total, "", _cells(calc.admin_total(p), p.years, printed))
    return out


def prose(written: str, width: int = WIDTH) -> list[str]:
    """A printed text in the format's markup as plain lines: paragraphs apart, "•" before a
    bullet item, its number before a numbered one; emphasis is dropped."""
    out: list[str] = []
    for block in markup.parse(written):
        if out:
            out.append("")
        if isinstance(block, markup.Paragraph):
            out += textwrap.wrap(block.text, width, break_on_hyphens=False) or [""]
            continue
        start = block.start if isinstance(block, markup.NumberedList) else 0
        for i, item in enumerate(block.items):
            mark = f"{start + i}." if start else "•"
            out += textwrap.wrap(
                item.text or " ",
                width,
                initial_indent=f"{mark} ",
                subsequent_indent=" " * (len(mark) + 1),
                break_on_hyphens=False,
            )
    return out


def texts(p: Proposal, profile: Profile | None = None) -> list[str]:
    """The proposal's printed texts, section by section (``gevinst show ID --table text``),
    headed in the profile's language."""
    written_texts = (
        p.summary,
        p.description,
        p.economy_text,
        p.distribution_text,
        p.followup_text,
        p.risk_text,
        p.admin_text,
        p.partners_text,
    )
    headings = printing(profile).words.text_headings
    out: list[str] = []
    for heading, written in zip(headings, written_texts, strict=True):
        if written.strip():
            out += [*([""] if out else []), heading, "-" * len(heading), *prose(written)]
    return out


def render_proposal(
    p: Proposal, profile: Profile, which: str = "all", *, converted: bool = False
) -> str:
    """The proposal's tables (``which``), and with all of them the number of findings; a
    proposal ``converted`` to another price level is checked as made, not as shown (every
    rounding of the conversion and each calculation basis would be a finding)."""

    def wanted(name: str) -> bool:
        return which in ("all", name)

    words = printing(profile).words
    names = DANISH.table_names if words is DANISH else words.table_names
    blocks: list[list[str]] = []
    head = [f"{p.id} {p.title}" + (words.confidential_mark if p.confidential else "")]
    if which == "text":
        blocks.append(texts(p, profile))
    if wanted("1"):
        blocks.append(table1(p, profile))
    d = p.stated.distribution
    if wanted("2.1") and d is not None:
        blocks.append(
            unit_table(
                d.title or names["2.1"],
                p,
                calc.distribution(p, profile, d.includes_implementation),
                profile,
                {},
            )
        )
    if wanted("admin") and p.admin_rows:
        blocks.append(admin_table(p, profile))
    computed = calc.tables_of(p, profile)
    for name in calc.TECHNICAL_TABLES:
        stated = p.stated.technical.get(name)
        if wanted(name) and (stated is not None or which == name):
            rows = computed[name]
            blocks.append(
                unit_table(names[name], p, rows, profile, stated.appropriations if stated else {})
            )
    if which == "all" and converted:
        blocks.append(
            ["Kontrollen gælder tallene, som forslaget er udarbejdet; se 'gevinst check'."]
        )
    elif which == "all" and (findings := check_proposal(p, profile)):
        blocks.append([f"{len(findings)} fund; se 'gevinst check'."])
    return "\n\n".join("\n".join(b) for b in [head, *blocks]) + "\n"


# the columns the terminal's summary prints in its own places
_OWN_COLUMNS = frozenset({"effect_years", "investment", "approved_with"})


def _stated_cell(summary: Summary, r: SummaryRow | None, c: SummaryColumn, pr: Printing) -> str:
    """A row's (None: the total's) cell of one of the profile's other columns."""
    if c.kind == "payback":
        return "" if r is None else r.row.payback
    if c.kind == "full_effect":
        value = summary.total_full_effect() if r is None else r.row.full_effect
    else:
        value = summary.area_part(r, c)
    return "" if value is None else pr.figure(value)


def render_summary(summary: Summary, profile: Profile | None = None) -> str:
    """A catalog summary table as the catalog prints it, recomputed from the proposals, in
    the profile's words, years and number format."""
    printed = printing(profile)
    words = printed.words
    t = summary.table
    width = _cell(printed)
    years = "".join(f"{printed.year(y):>{width}}" for y in t.years)
    first, _, approved = words.summary_columns
    # the profile's other columns after the investment, in its order ("Ved fuld indfasning",
    # "Investering, Anlæg", "Tilbagebetalingstid"); Copenhagen's profile names none
    extra = [c for c in summary.columns() if c.kind not in _OWN_COLUMNS]
    heads = [summary.heading(c, printed) for c in extra]
    widths = [max(width, len(h) + 1) for h in heads]
    more = "".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
    out = [
        t.title,
        f"{first:<{LABEL}} {approved:<{AREA}}{years}{words.invest_short:>{width}}{more}",
    ]

    def stated(r: SummaryRow | None) -> str:
        texts = [_stated_cell(summary, r, c, printed) for c in extra]
        return "".join(f"{text:>{w}}" for text, w in zip(texts, widths, strict=True))

    for group in summary.groups:
        out.append(group.committee)
        for r in group.rows:
            label = f"{r.row.no} {r.row.label}".strip()
            invest = f"{printed.figure(r.investment, ZERO_MARK):>{width}}" + stated(r)
            out += _row(label, r.row.approved_with, _cells(r.effect, t.years, printed) + invest)
    total = f"{printed.figure(summary.total_investment()):>{width}}" + stated(None)
    out += _row(words.in_all, "", _cells(summary.total_effect(), t.years, printed) + total)
    out.append(f"{words.steady_state_total}: {printed.figure(summary.total_steady_state())}")
    return "\n".join(out) + "\n"
