# SPDX-License-Identifier: MPL-2.0
"""Plain-text tables for the terminal, laid out as the catalog prints them."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence

from gevinst.core import calc, layout
from gevinst.core import text as markup
from gevinst.core.check import TABLE_NAMES, check_proposal
from gevinst.core.findings import Finding
from gevinst.core.layout import Kind
from gevinst.core.model import Proposal
from gevinst.core.numbers import dk
from gevinst.core.profile import Profile
from gevinst.core.series import Series
from gevinst.core.summary import Summary
from gevinst.core.template import ADMIN_TABLE_TITLE, PARTNERS, SIGN_NOTE, TABLE1_TITLE
from gevinst.services.check import Count

TABLE_CHOICES = ("all", "1", "2.1", "admin", "A", "B", "C", "D", "E", "text")
WIDTH = 100
LABEL = 52
AREA = 16
CELL = 9
ZERO_MARK = "-"


def _cells(series: Series | None, years: Sequence[int], zero: str = "0") -> str:
    if series is None:
        return ""
    return "".join(f"{(dk(series[y]) if series[y] else zero):>{CELL}}" for y in years)


def _row(label: str, area: str, cells: str) -> list[str]:
    wrapped = textwrap.wrap(label, LABEL) or [""]
    lines = [f"{w:<{LABEL}}" for w in wrapped[:-1]]
    lines.append(f"{wrapped[-1]:<{LABEL}} {area:<{AREA}}{cells}")
    return lines


def _header(title: str, p: Proposal, first: str, second: str = "") -> list[str]:
    years = "".join(f"{y:>{CELL}}" for y in p.years)
    return [title, f"{first:<{LABEL}} {second:<{AREA}}{years}"]


def table1(p: Proposal, profile: Profile | None = None) -> list[str]:
    out = _header(TABLE1_TITLE, p, f"1.000 kr. {p.price_level} p/l", "Styringsområde")
    for row in layout.table1(p, profile):
        if row.kind is Kind.HEADING:
            out.append(row.label)
        else:
            cells = _cells(row.amounts, p.years) if row.amounts is not None else ""
            out += _row(row.label, row.text or row.area, cells)
    out.append(SIGN_NOTE)
    return out


def unit_table(
    title: str,
    p: Proposal,
    rows: Mapping[str, Series],
    profile: Profile,
    appropriations: Mapping[str, str],
) -> list[str]:
    out = _header(title, p, f"Udvalg (1.000 kr. {p.price_level} p/l)", "Bevilling")
    for unit in profile.sort_units(list(rows)):
        out += _row(
            profile.unit_name(unit),
            appropriations.get(unit, ""),
            _cells(rows[unit], p.years, ZERO_MARK),
        )
    out += _row("Total", "", _cells(calc.column_total(rows), p.years, ZERO_MARK))
    return out


def admin_table(p: Proposal) -> list[str]:
    out = _header(ADMIN_TABLE_TITLE, p, f"1.000 kr. {p.price_level} p/l")
    for row in p.admin_rows:
        out += _row(row.text, "", _cells(row.amounts, p.years))
    out += _row("Varige ændringer totalt, administration", "", _cells(calc.admin_total(p), p.years))
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


def texts(p: Proposal) -> list[str]:
    """The proposal's printed texts, section by section (``gevinst show ID --table text``)."""
    sections = (
        ("Kort resumé", p.summary),
        ("Beskrivelse af forslag", p.description),
        ("Økonomi", p.economy_text),
        ("Fordeling på udvalg", p.distribution_text),
        ("Implementering og opfølgning", p.followup_text),
        ("Risikovurdering", p.risk_text),
        ("Effektivisering på administration", p.admin_text),
        (PARTNERS, p.partners_text),
    )
    out: list[str] = []
    for heading, written in sections:
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

    blocks: list[list[str]] = []
    head = [f"{p.id} {p.title}" + (" (FORTROLIG)" if p.confidential else "")]
    if which == "text":
        blocks.append(texts(p))
    if wanted("1"):
        blocks.append(table1(p, profile))
    d = p.stated.distribution
    if wanted("2.1") and d is not None:
        blocks.append(
            unit_table(
                d.title or TABLE_NAMES["2.1"],
                p,
                calc.distribution(p, profile, d.includes_implementation),
                profile,
                {},
            )
        )
    if wanted("admin") and p.admin_rows:
        blocks.append(admin_table(p))
    for name, compute in calc.TECHNICAL_TABLES.items():
        stated = p.stated.technical.get(name)
        if wanted(name) and (stated is not None or which == name):
            rows = compute(p, profile)
            blocks.append(
                unit_table(
                    TABLE_NAMES[name], p, rows, profile, stated.appropriations if stated else {}
                )
            )
    if which == "all" and converted:
        blocks.append(
            ["Kontrollen gælder tallene, som forslaget er udarbejdet; se 'gevinst check'."]
        )
    elif which == "all" and (findings := check_proposal(p, profile)):
        blocks.append([f"{len(findings)} fund; se 'gevinst check'."])
    return "\n\n".join("\n".join(b) for b in [head, *blocks]) + "\n"


def render_summary(summary: Summary) -> str:
    """A catalog summary table as the catalog prints it, recomputed from the proposals."""
    t = summary.table
    years = "".join(f"{y:>{CELL}}" for y in t.years)
    out = [
        t.title,
        f"{'Udvalg / forslag':<{LABEL}} {'Godkendt med':<{AREA}}{years}{'Invest.':>{CELL}}",
    ]
    for group in summary.groups:
        out.append(group.committee)
        for r in group.rows:
            label = f"{r.row.no} {r.row.label}".strip()
            invest = f"{dk(r.investment, ZERO_MARK):>{CELL}}"
            out += _row(label, r.row.approved_with, _cells(r.effect, t.years) + invest)
    total = f"{dk(summary.total_investment()):>{CELL}}"
    out += _row("I alt", "", _cells(summary.total_effect(), t.years) + total)
    out.append(f"Varig virkning i alt: {dk(summary.total_steady_state())}")
    return "\n".join(out) + "\n"


def render_counts(counts: Iterable[Count]) -> str:
    """The check's opening: each proposal's findings by severity, one line each."""
    lines = [f"{'forslag':<12} {'fejl':>6} {'advarsler':>10} {'info':>6}"]
    for c in counts:
        lines.append(f"{c.proposal or 'katalog':<12} {c.error:>6} {c.warning:>10} {c.info:>6}")
    return "\n".join(lines) + "\n"


def render_findings(findings: Iterable[Finding], summary: Mapping[str, object]) -> str:
    lines = []
    for f in findings:
        where = " ".join(x for x in (f.proposal or "katalog", f"tabel {f.table}") if x)
        lines.append(f"{f.severity:<7} {where:<22} {f.message}")
    lines.append(
        f"{summary['findings']} fund i {summary['proposals']} forslag: "
        f"{summary['error']} fejl, {summary['warning']} advarsler, {summary['info']} info"
    )
    return "\n".join(lines) + "\n"
