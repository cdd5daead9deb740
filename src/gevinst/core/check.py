# SPDX-License-Identifier: MPL-2.0
"""Recompute every figure, compare it with what the document states, apply the template.

A difference of exactly one (1.000 kr.) is a rounding difference and a warning; any other
difference is an error. A printed table whose rows do not add up to its own total is an
error of the table itself, whatever gevinst computes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.distribute import round_to
from gevinst.core.effects import MODELS, evaluate
from gevinst.core.errors import GevinstError
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import (
    BasisTable,
    Catalog,
    CatalogTable,
    Parts,
    Proposal,
    Section,
    StatedTable,
)
from gevinst.core.numbers import dk
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO, Series, sum_series
from gevinst.core.summary import Summary, summarise

# the row of the target accounting's "Samlet varig ændring" (Forslag 7's Tabel 4)
TARGET_TOTAL = "target_total"
# the row of a table's unit line, where it names a price basis ("1.000 kr. 2025 p/l")
PRICE_BASIS = "price_basis"
_PRICE_LEVEL = re.compile(r"\b(\d{4}) p/l\b")

TABLE_NAMES = {
    "A": "Tabel A (måltalseffekt)",
    "B": "Tabel B (bevillingsmæssig effekt – varig drift)",
    "C": "Tabel C (bevillingsmæssig effekt hvis indarbejdes)",
    "D": "Tabel D (anlægsinvesteringer)",
    "E": "Tabel E (serviceinvesteringer)",
    "2.1": "Tabel 2.1 (fordeling på udvalg)",
}


def _severity(stated: Decimal, computed: Decimal) -> Severity:
    return Severity.WARNING if abs(stated - computed) == 1 else Severity.ERROR


# why a row split by a key differs by one from the source's row
KEY_ROUNDING = (
    "forslaget har afrundet rækken for sig; de beregnede rækker er fordelt efter forslagets "
    "nøgle og afrundet samlet (største rest), så de giver totalen"
)


def _kind(stated: Decimal, computed: Decimal, rounding: str) -> str:
    if abs(stated - computed) != 1:
        return "uoverensstemmelse"
    return f"afrundingsforskel: {rounding}" if rounding and stated != 0 else "afrundingsforskel"


def compare_series(
    proposal: str | None,
    table: str,
    row: str,
    row_name: str,
    stated: Series,
    computed: Series,
    years: tuple[int, ...],
    rule: str,
    rounding: str = "",
    reason: Callable[[int, Decimal, Decimal], str] | None = None,
) -> Iterator[Finding]:
    """One finding per year where a stated row differs from the computed one; ``rounding``
    says why a difference of one arises, and ``reason`` why any difference does, where the
    caller knows."""
    for year in years:
        s, c = stated[year], computed[year]
        if s != c:
            kind = reason(year, s, c) if reason is not None else _kind(s, c, rounding)
            yield Finding(
                proposal,
                table,
                row,
                year,
                s,
                c,
                rule,
                _severity(s, c),
                f"{row_name}, {year}: angivet {dk(s)}, beregnet {dk(c)} "
                f"(forskel {dk(s - c)}; {kind})",
            )


def _printed_sum(
    proposal: str | None,
    table: str,
    title: str,
    rows: Mapping[str, Series],
    total: Series | None,
    years: tuple[int, ...],
) -> Iterator[Finding]:
    """The source's rows against the source's total of the same table: the source's own
    arithmetic, whatever gevinst derives."""
    if total is None or not rows:
        return
    source = "kataloget" if proposal is None else "forslaget"
    for year in years:
        s, c = total[year], sum_series(rows.values())[year]
        if s != c:
            yield Finding(
                proposal,
                table,
                "total",
                year,
                s,
                c,
                "printed-total",
                _severity(s, c),
                f"{title}, {year}: i {source} er totalen {dk(s)}, men {source}s rækker "
                f"giver {dk(c)}",
            )


# --- Tabel 1 and payback ------------------------------------------------------------------

_PAYBACK = re.compile(r"^\s*(\d+)\s*(?:år)?\s*(?:\((\d{4})\))?\s*$")
_NO_PAYBACK = "ingen"


def _sum_reason(p: Proposal) -> Callable[[int, Decimal, Decimal], str]:
    """Why a row of Tabel 1 differs from the sum of the lines: a year's operating costs
    counted twice (Forslag 3's 4.850), or plainly the lines' sum."""
    costs = calc.operating_costs(p)

    def reason(year: int, stated: Decimal, computed: Decimal) -> str:
        if costs[year] != 0 and abs(stated - computed) == abs(costs[year]):
            return (
                f"forskellen er årets varige driftsudgifter ({dk(abs(costs[year]))}), som "
                "forslaget har talt med to gange"
            )
        if abs(stated - computed) == 1:
            return "afrundingsforskel"
        return "det beregnede tal er summen af forslagets linjer"

    return reason


def _table1(p: Proposal) -> Iterator[Finding]:
    reason = _sum_reason(p)
    for key, stated in p.stated.table1.items():
        name, compute = calc.TABLE1_ROWS[key]
        yield from compare_series(
            p.id, "1", key, name, stated, compute(p), p.years, "table1-sum", reason=reason
        )
    for basis, text in p.stated.payback.items():
        computed = calc.payback(p, basis)
        match = _PAYBACK.match(text)
        label = calc.PAYBACK_BASES[basis]
        if text.strip().casefold() == _NO_PAYBACK and computed is None:
            continue
        if match is None:
            yield Finding(
                p.id,
                "1",
                f"payback_{basis}",
                None,
                text,
                calc.payback_text(computed),
                "payback-format",
                Severity.WARNING,
                f"Tilbagebetalingstid baseret på {label}: {text!r} kan ikke læses",
            )
            continue
        years, year = int(match[1]), match[2] and int(match[2])
        if computed is None or computed.years != years or (year and year != computed.year):
            shown = calc.payback_text(computed)
            yield Finding(
                p.id,
                "1",
                f"payback_{basis}",
                None,
                text.strip(),
                shown,
                "payback",
                Severity.ERROR,
                f"Tilbagebetalingstid baseret på {label}: angivet {text.strip()!r}, "
                f"beregnet {shown} (tælles fra første år med beløb til og med første "
                f"år, hvor den akkumulerede påvirkning er og forbliver <= 0)",
            )
    for line in p.lines:
        if line.area_assumed and line.area is not None:
            yield Finding(
                p.id,
                "1",
                line.id,
                None,
                None,
                line.area,
                "area-blank",
                Severity.INFO,
                f"Linjen {line.text!r} har intet styringsområde; regnet som {line.area}",
            )
        if isinstance(line.booking, Parts):
            parts = sum_series(line.booking.parts.values())
            yield from compare_series(
                p.id,
                "1",
                line.id,
                f"Fordelingen af {line.text!r}",
                parts,
                line.amounts,
                p.years,
                "parts-sum",
            )


# --- distribution and technical tables -------------------------------------------------


def rows_by_unit(
    rows: Mapping[str, Series], profile: Profile, committees: bool = False
) -> dict[str, Series]:
    """Printed rows added up by the unit (or committee) they belong to."""
    out: dict[str, Series] = {}
    for label, row in rows.items():
        unit = profile.row_unit(label)
        if committees:
            unit = profile.committee_of(unit)
        out[unit] = out.get(unit, Series()) + row
    return out


# why Tabel B is derived as nothing where the source prints each committee's own cost
NOTHING_MOVES = (
    "Tabel B viser beløb, der flyttes mellem udvalgenes budgetrammer; forslagets linjer "
    "placerer ingen udgift hos et andet udvalg end det, som afholder den, så intet flyttes"
)


def _unit_reason(
    table: str, has_row: bool, total: bool = False
) -> Callable[[int, Decimal, Decimal], str]:
    """Why a unit's row (or the total) differs from the derived one, as far as the check
    can tell."""

    def reason(_year: int, stated: Decimal, computed: Decimal) -> str:
        if not has_row:
            return f"forslagets tabel har ingen række her; forslagets linjer giver {dk(computed)}"
        if table == "B" and computed == 0:
            return NOTHING_MOVES
        if abs(stated - computed) == 1:
            return _kind(stated, computed, "" if total else KEY_ROUNDING)
        if total:
            return "det beregnede tal er summen af de beregnede rækker"
        if table == "C":
            return "den beregnede Tabel C er de beregnede Tabel A og Tabel B lagt sammen"
        return "det beregnede tal er det, forslagets linjer fordeler til rækken"

    return reason


def _unit_rows(
    p: Proposal,
    table: str,
    stated: StatedTable,
    computed: Mapping[str, Series],
    profile: Profile,
    rule: str,
) -> Iterator[Finding]:
    title = TABLE_NAMES[table]
    if not stated.rows and stated.total is None:
        return
    resolved = rows_by_unit(stated.rows, profile, committees=table == "2.1")
    for unit in profile.sort_units(set(resolved) | set(computed)):
        yield from compare_series(
            p.id,
            table,
            unit,
            f"{title}, {profile.unit_name(unit)}",
            resolved.get(unit, Series()),
            computed.get(unit, Series()),
            p.years,
            rule,
            reason=_unit_reason(table, unit in resolved),
        )
    if stated.total is not None:
        yield from compare_series(
            p.id,
            table,
            "total",
            f"{title}, total",
            stated.total,
            calc.column_total(computed),
            p.years,
            rule,
            reason=_unit_reason(table, True, total=True),
        )
    yield from _printed_sum(p.id, table, title, stated.rows, stated.total, p.years)


def _technical(p: Proposal, profile: Profile) -> Iterator[Finding]:
    for line in p.lines:
        if line.section is Section.IMPLEMENTATION and line.area not in (calc.ANLAEG, calc.SERVICE):
            yield Finding.note(
                p.id,
                "1",
                line.id,
                "implementation-area",
                Severity.WARNING,
                f"Implementeringsomkostningen {line.text!r} er på {line.area or 'intet'} "
                "styringsområde; Tabel D og E fordeler kun Anlæg og Service",
            )
    if calc.unbooked(p) and (p.stated.technical or p.stated.distribution):
        yield Finding.note(
            p.id,
            "A",
            None,
            "booking-missing",
            Severity.ERROR,
            "Mindst én linje har ingen fordeling på udvalg; tabellerne kan ikke beregnes",
        )
        return
    for table, stated in p.stated.technical.items():
        yield from _unit_rows(
            p, table, stated, calc.TECHNICAL_TABLES[table](p, profile), profile, f"table-{table}"
        )
    d = p.stated.distribution
    if d is not None:
        yield from _unit_rows(
            p,
            "2.1",
            d,
            calc.distribution(p, profile, d.includes_implementation),
            profile,
            "table-2.1",
        )


def _stated_c_is_a_plus_b(p: Proposal, profile: Profile) -> Iterator[Finding]:
    """The printed tables themselves must satisfy C = A + B, row by row."""
    printed = [p.stated.technical.get(t) for t in "ABC"]
    if not all(_filled(t) for t in printed):
        return
    a, b, c = (rows_by_unit(t.rows, profile) for t in printed if t)
    for unit in profile.sort_units(set(a) | set(b) | set(c)):
        a_plus_b = a.get(unit, Series()) + b.get(unit, Series())
        for year in p.years:
            stated, computed = c.get(unit, Series())[year], a_plus_b[year]
            if stated != computed:
                yield Finding(
                    p.id,
                    "C",
                    unit,
                    year,
                    stated,
                    computed,
                    "C=A+B",
                    _severity(stated, computed),
                    f"Tabel C, {profile.unit_name(unit)}, {year}: i forslaget er Tabel C "
                    f"{dk(stated)}, men forslagets Tabel A + Tabel B giver {dk(computed)}",
                )


# --- the template's rules ----------------------------------------------------------------


def _filled(t: StatedTable | None) -> bool:
    return t is not None and bool(t.rows or t.total)


# why the template calls for each technical table (its rule, in the template's own words)
_CALLED_FOR = {
    "A": "Forslaget har varige driftsudgifter",
    "B": "Forslaget har varige driftsudgifter",
    "C": "Forslaget har varige driftsudgifter",
    "D": f"Investeringen på {calc.ANLAEG} fordeler sig på flere udvalg",
    "E": f"Investeringen på {calc.SERVICE} fordeler sig på flere udvalg",
}


def required_tables(p: Proposal, profile: Profile) -> tuple[str, ...]:
    """The technical tables the template's rules call for: A, B and C where the proposal has
    permanent operating costs; D (Anlæg) and E (Service) where its investment falls on more
    than one committee. The check and every document ask this one function."""
    if p.catalog_entry_only:
        return ()
    tables = list("ABC") if not calc.operating_costs(p).is_zero() else []
    for t in ("D", "E") if not calc.unbooked(p) else ():
        units = calc.TECHNICAL_TABLES[t](p, profile)
        if len({profile.committee_of(u) for u, s in units.items() if not s.is_zero()}) > 1:
            tables.append(t)
    return tuple(tables)


def _template(p: Proposal, profile: Profile) -> Iterator[Finding]:
    def rule(name: str, message: str, severity: Severity = Severity.WARNING) -> Finding:
        return Finding.note(p.id, "template", None, name, severity, message)

    if p.catalog_entry_only:
        return
    for t in required_tables(p, profile):
        if not _filled(p.stated.technical.get(t)):
            yield rule(f"template-{t}", f"{_CALLED_FOR[t]}, men Tabel {t} er ikke udfyldt")
    heard = {c.kind: c for c in p.consultations}
    cfo = heard.get("cfo")
    if cfo is None or not cfo.heard:
        yield rule(
            "template-cfo",
            "Forslaget er ikke godkendt i endelig form af Center for "
            "Økonomi (skal ske før udvalgsgodkendelse)",
        )
    required = (
        (p.scope.m2_change, "ejendom", "Ændrede m2-behov kræver en ejendomsfaglig vurdering"),
        (
            p.scope.digitalisation,
            "it-kredsen",
            "Digitaliseringsprojekter skal i høring i IT-kredsen",
        ),
        (p.scope.new_it_system, "koncern-it", "Nye it-systemer skal vurderes af Koncern IT"),
        (
            p.scope.employer_area,
            "hr-kredsen",
            "Effektiviseringer på arbejdsgiverområdet skal i høring i HR-kredsen",
        ),
    )
    for applies, kind, text in required:
        if applies and not (kind in heard and heard[kind].heard):
            yield rule(f"template-{kind}", f"{text}, før Center for Økonomi kan godkende endeligt")


# --- admin, basis and targets ---------------------------------------------------------------


def _admin(p: Proposal) -> Iterator[Finding]:
    if p.stated.admin_total is not None:
        yield from compare_series(
            p.id,
            "admin",
            "total",
            "Varige ændringer totalt, administration",
            p.stated.admin_total,
            calc.admin_total(p),
            p.years,
            "admin-sum",
        )


def _basis_table(p: Proposal, b: BasisTable) -> Iterator[Finding]:
    def number(v: object) -> Decimal:
        return v if isinstance(v, Decimal) else ZERO

    if b.total_column:
        parts = [c for c in b.columns if c != b.total_column]
        for row in b.rows:
            stated = row.values.get(b.total_column)
            if not isinstance(stated, Decimal):
                continue
            computed = sum((number(row.values.get(c)) for c in parts), ZERO)
            if stated != computed:
                yield Finding(
                    p.id,
                    "basis",
                    f"{b.id}: {row.label}",
                    None,
                    stated,
                    computed,
                    "basis-row-total",
                    _severity(stated, computed),
                    f"{b.title}, {row.label!r}: {b.total_column} er {dk(stated)}, "
                    f"men kolonnerne giver {dk(computed)}",
                )
    rows = {r.label: r for r in b.rows}
    for total in b.total_rows:
        for col in b.columns:
            stated = rows[total.row].values.get(col) if total.row in rows else None
            if not isinstance(stated, Decimal):
                continue
            computed = sum((number(rows[r].values.get(col)) for r in total.of if r in rows), ZERO)
            if stated != computed:
                yield Finding(
                    p.id,
                    "basis",
                    f"{b.id}: {total.row}",
                    None,
                    stated,
                    computed,
                    "basis-column-total",
                    _severity(stated, computed),
                    f"{b.title}, {total.row!r}, {col}: angivet {dk(stated)}, men "
                    f"rækkerne giver {dk(computed)}",
                )


def _effects(p: Proposal, profile: Profile) -> Iterator[Finding]:
    """Each effect model against the line it explains, each value it had to assume, and each
    permanent line that no model explains."""
    explained = {line_id for e in p.effects for line_id in e.lines}
    for line in p.lines:
        if (
            line.section is Section.PERMANENT
            and line.id not in explained
            and not p.catalog_entry_only
        ):
            yield Finding.note(
                p.id,
                "basis",
                line.id,
                "basis-missing",
                Severity.INFO,
                f"Beregningsgrundlaget for {line.text!r} er ikke udtrykt som en "
                "model; forslaget oplyser ikke nok til at genberegne linjen",
            )
    for e in p.effects:
        line = p.line(e.line)
        name = f"Grundlaget for {line.text!r} ({MODELS[e.model].label.lower()})"
        try:
            result = evaluate(e, p.years, profile.assumptions, p.assumptions_date)
        except GevinstError as err:
            reason = str(err)
            yield Finding.note(
                p.id,
                "basis",
                e.line,
                "basis-error",
                Severity.ERROR,
                f"{name} kan ikke beregnes: {reason}",
            )
            continue
        yield from compare_series(
            p.id, "basis", e.line, name, calc.explained(p, e), result.series, p.years, "basis-model"
        )
        for param in e.params.values():
            if param.assumed:
                yield Finding.note(
                    p.id,
                    "basis",
                    e.line,
                    "basis-assumed",
                    Severity.INFO,
                    f"{name}: parameteren {param.name!r} er ikke oplyst i forslaget"
                    f" ({param.source})",
                )


def _targets(p: Proposal) -> Iterator[Finding]:
    t = p.targets
    if t is None:
        return
    if t.stated_manko is not None:
        yield from compare_series(
            p.id,
            "1",
            "manko",
            "Manko",
            t.stated_manko,
            calc.manko(t.achieved, t.target),
            tuple(t.stated_manko),
            "manko",
        )
    if t.stated_total is not None:
        yield from compare_series(
            p.id,
            "1",
            TARGET_TOTAL,
            "Samlet varig ændring (måltalsopgørelsen)",
            t.stated_total,
            calc.permanent(p),
            tuple(t.stated_total),
            "target-total",
        )


def price_basis(p: Proposal) -> str:
    """The unit line of the proposal's tables: its own price level."""
    return f"1.000 kr. {p.price_level} p/l"


def _price_bases(p: Proposal) -> Iterator[Finding]:
    """A stated table printed under another price level than the proposal's, over the same
    figures (F3's tables A-E say 2025 p/l; its figures are its 2024 p/l)."""
    own = price_basis(p)
    for name, t in p.stated.technical.items():
        level = _PRICE_LEVEL.search(t.price_basis)
        if level is not None and int(level[1]) != p.price_level:
            yield Finding(
                p.id,
                name,
                PRICE_BASIS,
                None,
                t.price_basis,
                own,
                "table-price-basis",
                Severity.WARNING,
                f"{TABLE_NAMES[name]}, prisniveau: tabellen angiver {t.price_basis}, men dens "
                f"tal er forslagets egne i {p.price_level} p/l (ikke omregnet)",
            )


def check_proposal(p: Proposal, profile: Profile) -> list[Finding]:
    findings = [
        *_table1(p),
        *_effects(p, profile),
        *_technical(p, profile),
        *_stated_c_is_a_plus_b(p, profile),
        *_admin(p),
        *_template(p, profile),
        *_targets(p),
        *_price_bases(p),
    ]
    for b in p.basis:
        findings.extend(_basis_table(p, b))
    return findings


# --- the catalog -----------------------------------------------------------------------------


def _compare_value(
    proposal: str | None,
    table: str,
    row: str,
    name: str,
    stated: Decimal | None,
    computed: Decimal,
    rule: str,
    why: str = "",
) -> Iterator[Finding]:
    """A single stated figure (no year) against its computed value; ``why`` says why they
    differ, where the caller knows."""
    if stated is not None and stated != computed:
        because = f" ({why})" if why else ""
        yield Finding(
            proposal,
            table,
            row,
            None,
            stated,
            computed,
            rule,
            _severity(stated, computed),
            f"{name}: angivet {dk(stated)}, beregnet {dk(computed)}{because}",
        )


_PROPOSALS_OWN = "forslagets egne tabeller giver det beregnede tal, kataloget angiver et andet"
_NO_INVESTMENT = (
    "forslagets egne tabeller har ingen investering (ingen implementeringsomkostninger); "
    "kataloget angiver en investering, som ikke står i forslaget"
)
_ROWS_TOTAL = "summen af rækkerne, som de beregnes ud fra forslagenes egne tabeller"


def _catalog_effect_reason(p: Proposal) -> Callable[[int, Decimal, Decimal], str]:
    """Why the catalog's row differs from the proposal's own tables: where the catalog's
    figure is the proposal's change on service alone (Forslag 7's 43.143), it says so."""
    service = -calc.permanent(p, calc.SERVICE)

    def reason(year: int, stated: Decimal, computed: Decimal) -> str:
        if abs(stated - service[year]) <= 1 < abs(computed - service[year]):
            return (
                f"kataloget angiver kun den varige ændring på service ({dk(service[year])}); "
                f"forslagets egne tabeller giver {dk(computed)} i alt"
            )
        if abs(stated - computed) == 1:
            return "afrundingsforskel"
        return _PROPOSALS_OWN

    return reason


def _catalog_table(cat: Catalog, t: CatalogTable) -> Iterator[Finding]:
    result = summarise(cat, t.id)
    for r in result.rows():
        pid = r.row.proposal
        if pid is None:
            continue
        p = cat.proposal(pid)
        if p.price_level != cat.price_level:
            yield Finding(
                p.id,
                t.id,
                pid,
                None,
                str(cat.price_level),
                str(p.price_level),
                "catalog-price-level",
                Severity.WARNING,
                f"{t.title}, {r.row.label}: kataloget er i {cat.price_level} p/l, men "
                f"forslagets Tabel 1 er i {p.price_level} p/l",
            )
        name = f"{t.title}, {r.row.label}"
        yield from compare_series(
            p.id,
            t.id,
            pid,
            f"{name}, effekt",
            r.row.effect,
            r.effect,
            t.years,
            "catalog-effect",
            reason=_catalog_effect_reason(p),
        )
        if r.investment is not None:
            yield from _compare_value(
                p.id,
                t.id,
                pid,
                f"{name}, samlet investering",
                r.row.investment,
                r.investment,
                "catalog-investment",
                _NO_INVESTMENT if r.investment == 0 else _PROPOSALS_OWN,
            )
    printed = {f"{i}": r.effect for i, r in enumerate(t.rows())}
    yield from _printed_sum(None, t.id, t.title, printed, t.total_effect, t.years)
    printed_investment = sum((r.investment or ZERO for r in t.rows()), ZERO)
    yield from _compare_value(
        None,
        t.id,
        "total",
        f"{t.title}, samlet investering i alt (trykt total mod rækkerne)",
        t.total_investment,
        printed_investment,
        "printed-total",
    )
    yield from _catalog_total(t, result)


def _catalog_total(t: CatalogTable, result: Summary) -> Iterator[Finding]:
    """The printed "I alt" against the total of the recomputed rows."""
    if t.total_effect is not None:
        yield from compare_series(
            None,
            t.id,
            "total",
            f"{t.title}, i alt",
            t.total_effect,
            result.total_effect(),
            t.years,
            "catalog-total",
            reason=lambda _year, _stated, _computed: _ROWS_TOTAL,
        )
    yield from _compare_value(
        None,
        t.id,
        "total",
        f"{t.title}, samlet investering i alt",
        t.total_investment,
        result.total_investment(),
        "catalog-total",
        _ROWS_TOTAL,
    )


def _statements(cat: Catalog) -> Iterator[Finding]:
    for st in cat.statements:
        result = summarise(cat, st.table)
        total = result.total_steady_state() if st.year is None else result.total_effect()[st.year]
        computed = round_to(total / 1000, st.mio_kr)
        if computed != st.mio_kr:
            when = "i varig virkning" if st.year is None else f"i {st.year}"
            places = -int(st.mio_kr.as_tuple().exponent)
            yield Finding(
                None,
                st.table,
                "statement",
                st.year,
                st.mio_kr,
                computed,
                "catalog-statement",
                Severity.ERROR,
                f"Kataloget skriver {dk(st.mio_kr, places=places)} mio. kr. {when}; "
                f"forslagenes egne tabeller giver {dk(computed, places=places)} mio. kr.",
            )


def check_catalog(cat: Catalog) -> list[Finding]:
    findings: list[Finding] = []
    for p in cat.proposals:
        findings.extend(check_proposal(p, cat.profile))
    for t in cat.tables:
        findings.extend(_catalog_table(cat, t))
    findings.extend(_statements(cat))
    return findings


def summary(findings: list[Finding], cat: Catalog) -> dict[str, object]:
    by_severity = {str(s): sum(1 for f in findings if f.severity is s) for s in Severity}
    return {
        "catalog": cat.id,
        "proposals": len(cat.proposals),
        "findings": len(findings),
        **by_severity,
    }
