# SPDX-License-Identifier: MPL-2.0
"""The catalog: every proposal checked, then the catalog's own tables (each row against the
proposal's own tables, its price level, its printed totals) and the figures it states in
words."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from gevinst.core import calc
from gevinst.core.check.compare import (
    Reason,
    compare_series,
    compare_value,
    off_by_one,
    printed_sum,
)
from gevinst.core.check.proposal import check_proposal
from gevinst.core.check.say import Messages, say, voice
from gevinst.core.check.table1 import payback_agrees
from gevinst.core.distribute import round_to
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Catalog, CatalogRow, CatalogTable, Proposal
from gevinst.core.money import rescale
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO, Series, sum_series
from gevinst.core.summary import Summary, summarise
from gevinst.core.template import Printing

MILLION = 1_000_000  # the scale a statement in words is written in: mio. kr.

MESSAGES: Messages = {
    "da": {
        "proposals-own": "forslagets egne tabeller giver det beregnede tal, kataloget angiver "
        "et andet",
        "no-investment": "forslagets egne tabeller har ingen investering (ingen "
        "implementeringsomkostninger); kataloget angiver en investering, som ikke står i "
        "forslaget",
        "rows-total": "summen af rækkerne, som de beregnes ud fra forslagenes egne tabeller",
        "service-only": "kataloget angiver kun den varige ændring på service ({service}); "
        "forslagets egne tabeller giver {computed} i alt",
        "rounding": "afrundingsforskel",
        "catalog-price-level": "{title}, {label}: kataloget er i {catalog} p/l, men forslagets "
        "Tabel 1 er i {proposal} p/l",
        "row": "{title}, {label}",
        "effect": "{name}, effekt",
        "investment": "{name}, samlet investering",
        "printed-investment": "{title}, samlet investering i alt (trykt total mod rækkerne)",
        "catalog-payback": "{title}, {label}, tilbagebetalingstid: angivet {stated!r}; "
        "forslagets Tabel 1 giver {computed}",
        "payback-basis": "{basis} {payback}",
        "printed-full-effect": "{title}, effektivisering ved fuld indfasning i alt (trykt "
        "total mod rækkerne)",
        "total": "{title}, i alt",
        "total-investment": "{title}, samlet investering i alt",
        "steady": "i varig virkning",
        "in-year": "i {year}",
        "catalog-statement": "Kataloget skriver {stated} mio. kr. {when}; forslagenes egne "
        "tabeller giver {computed} mio. kr.",
        "area-parts-effect": "{name}, effekt i alt mod summen af styringsområderne",
        "area-parts-investment": "{name}, samlet investering mod summen af styringsområderne",
        "area-parts": "rækkens dele på {areas} giver tilsammen det beregnede tal, rækkens i alt "
        "er et andet",
        "area-effect": "{name}, effekt på {area}",
        "area-investment": "{name}, investering på {area}",
        "area-own": "forslagets egne linjer på {area} giver det beregnede tal",
    },
    "en": {
        "proposals-own": "the proposal's own tables give the calculated figure; the catalogue "
        "states another",
        "no-investment": "the proposal's own tables have no investment (no implementation "
        "costs); the catalogue states an investment that is not in the proposal",
        "rows-total": "the sum of the rows as they are calculated from the proposals' own tables",
        "service-only": "the catalogue states only the permanent change on revenue "
        "({service}); the proposal's own tables give {computed} in all",
        "rounding": "rounding difference",
        "catalog-price-level": "{title}, {label}: the catalogue is in {catalog} prices, but "
        "the proposal's Table 1 is in {proposal} prices",
        "row": "{title}, {label}",
        "effect": "{name}, effect",
        "investment": "{name}, total investment",
        "printed-investment": "{title}, total investment in all (printed total against the rows)",
        "catalog-payback": "{title}, {label}, payback period: stated {stated!r}; the "
        "proposal's Table 1 gives {computed}",
        "payback-basis": "{basis} {payback}",
        "printed-full-effect": "{title}, saving at full implementation in all (printed total "
        "against the rows)",
        "total": "{title}, total",
        "total-investment": "{title}, total investment in all",
        "steady": "at full-year effect",
        "in-year": "in {year}",
        "catalog-statement": "The catalogue says {stated} million {when}; the proposals' own "
        "tables give {computed} million",
        "area-parts-effect": "{name}, effect in all against the sum of the areas",
        "area-parts-investment": "{name}, total investment against the sum of the areas",
        "area-parts": "the row's parts on {areas} add up to the calculated figure; the row's "
        "total is another",
        "area-effect": "{name}, effect on {area}",
        "area-investment": "{name}, investment on {area}",
        "area-own": "the proposal's own lines on {area} give the calculated figure",
    },
}


def _effect_reason(p: Proposal, pr: Printing) -> Reason:
    """Why the catalog's row differs from the proposal's own tables: where the catalog's
    figure is the proposal's change on service alone (Forslag 7's 43.143), it says so."""
    service = -calc.permanent(p, role=calc.OPERATING)

    quantum = pr.money.quantum  # a rounding difference: one 1.000 kr., 0,1 mio. kr.

    def reason(year: int, stated: Decimal, computed: Decimal) -> str:
        if abs(stated - service[year]) <= quantum < abs(computed - service[year]):
            return say(
                pr,
                MESSAGES,
                "service-only",
                service=pr.plain(service[year]),
                computed=pr.plain(computed),
            )
        if off_by_one(stated, computed, quantum):
            return say(pr, MESSAGES, "rounding")
        return say(pr, MESSAGES, "proposals-own")

    return reason


def _table(cat: Catalog, t: CatalogTable) -> Iterator[Finding]:
    result = summarise(cat, t.id)
    pr = voice(cat.profile)
    for r in result.rows():
        pid = r.row.proposal
        yield from _area_parts(t, r.row, pr)
        if pid is None:
            continue
        p = cat.proposal(pid)
        if p.price_level != cat.price_level:
            yield Finding(
                proposal=p.id,
                table=t.id,
                row=pid,
                year=None,
                stated=str(cat.price_level),
                computed=str(p.price_level),
                rule="catalog-price-level",
                severity=Severity.WARNING,
                message=say(
                    pr,
                    MESSAGES,
                    "catalog-price-level",
                    title=t.title,
                    label=r.row.label,
                    catalog=pr.year(cat.price_level),
                    proposal=pr.year(p.price_level),
                ),
            )
        name = say(pr, MESSAGES, "row", title=t.title, label=r.row.label)
        yield from compare_series(
            p.id,
            t.id,
            pid,
            say(pr, MESSAGES, "effect", name=name),
            r.row.effect,
            r.effect,
            t.years,
            "catalog-effect",
            reason=_effect_reason(p, pr),
            pr=pr,
        )
        yield from _payback(p, t, r.row, pr)
        if not p.catalog_entry_only:
            yield from _area_lines(p, t, r.row, cat.profile.areas, pr)
        if r.investment is not None:
            yield from compare_value(
                p.id,
                t.id,
                pid,
                say(pr, MESSAGES, "investment", name=name),
                r.row.investment,
                r.investment,
                "catalog-investment",
                say(pr, MESSAGES, "no-investment" if r.investment == 0 else "proposals-own"),
                pr=pr,
            )
    printed = {f"{i}": r.effect for i, r in enumerate(t.rows())}
    yield from printed_sum(None, t.id, t.title, printed, t.total_effect, t.years, pr=pr)
    printed_investment = sum((r.investment or ZERO for r in t.rows()), ZERO)
    yield from compare_value(
        None,
        t.id,
        "total",
        say(pr, MESSAGES, "printed-investment", title=t.title),
        t.total_investment,
        printed_investment,
        "printed-total",
        pr=pr,
    )
    yield from _full_effect(t, pr)
    yield from _total(t, result, pr)


def _area_parts(t: CatalogTable, row: CatalogRow, pr: Printing) -> Iterator[Finding]:
    """A row split by area: its parts against its total as printed, year by year and for
    the investment (the parts 0,8 and 0,4 against an effect of 1,2; one quantum off is a
    rounding warning, as everywhere)."""
    name = say(pr, MESSAGES, "row", title=t.title, label=row.label)
    key = row.proposal or row.label

    def why(areas: Iterable[str]) -> str:
        return say(pr, MESSAGES, "area-parts", areas=", ".join(areas))

    if row.effect_by_area:
        because = why(row.effect_by_area)
        yield from compare_series(
            row.proposal,
            t.id,
            key,
            say(pr, MESSAGES, "area-parts-effect", name=name),
            row.effect,
            sum_series(row.effect_by_area.values()),
            t.years,
            "catalog-area-sum",
            reason=_or_rounding(because, pr),
            pr=pr,
        )
    if row.investment_by_area and row.investment is not None:
        parts = sum(row.investment_by_area.values(), ZERO)
        yield from compare_value(
            row.proposal,
            t.id,
            key,
            say(pr, MESSAGES, "area-parts-investment", name=name),
            row.investment,
            parts,
            "catalog-area-sum",
            _rounding_or(row.investment, parts, why(row.investment_by_area), pr),
            pr=pr,
        )


def _area_lines(
    p: Proposal, t: CatalogTable, row: CatalogRow, areas: Iterable[str], pr: Printing
) -> Iterator[Finding]:
    """Each area's part of a split row against the proposal's own lines on that area
    (``-calc.permanent(p, area)``, ``calc.implementation(p, area).total()``); an area the
    row leaves out but the proposal's lines use is compared as 0, so no part goes unseen."""
    name = say(pr, MESSAGES, "row", title=t.title, label=row.label)
    if row.effect_by_area:
        for area in areas:
            computed = -calc.permanent(p, area)
            if area not in row.effect_by_area and not any(computed[y] for y in t.years):
                continue
            own = say(pr, MESSAGES, "area-own", area=area)
            yield from compare_series(
                p.id,
                t.id,
                p.id,
                say(pr, MESSAGES, "area-effect", name=name, area=area),
                row.effect_by_area.get(area, Series()),
                computed,
                t.years,
                "catalog-area-effect",
                reason=_or_rounding(own, pr),
                pr=pr,
            )
    if row.investment_by_area:
        for area in areas:
            spent = calc.implementation(p, area).total()
            if area not in row.investment_by_area and spent == 0:
                continue
            stated = row.investment_by_area.get(area, ZERO)
            own = say(pr, MESSAGES, "area-own", area=area)
            yield from compare_value(
                p.id,
                t.id,
                p.id,
                say(pr, MESSAGES, "area-investment", name=name, area=area),
                stated,
                spent,
                "catalog-area-investment",
                _rounding_or(stated, spent, own, pr),
                pr=pr,
            )


def _rounding_or(stated: Decimal, computed: Decimal, why: str, pr: Printing) -> str:
    """Why two figures differ: a rounding where they are one quantum apart, else ``why``."""
    if off_by_one(stated, computed, pr.money.quantum):
        return say(pr, MESSAGES, "rounding")
    return why


def _or_rounding(why: str, pr: Printing) -> Reason:
    return lambda _year, stated, computed: _rounding_or(stated, computed, why, pr)


def _payback(p: Proposal, t: CatalogTable, row: CatalogRow, pr: Printing) -> Iterator[Finding]:
    """A row's payback against the proposal's own, on either basis of Tabel 1 (a catalog's
    column names none). Only a proposal whose data gives its yearly profile has one to
    compare; a row alone states its payback, and one not written in whole years ("3,5 år")
    stands as stated."""
    if not row.payback or not p.payback_derived:
        return
    computed = {basis: calc.payback(p, basis) for basis in calc.PAYBACK_BASES}
    agrees = [payback_agrees(row.payback, c, pr) for c in computed.values()]
    if None in agrees or any(agrees):
        return
    shown = ", ".join(
        say(
            pr,
            MESSAGES,
            "payback-basis",
            basis=pr.words.payback_bases[b],
            payback=pr.payback(c),
        )
        for b, c in computed.items()
    )
    yield Finding(
        proposal=p.id,
        table=t.id,
        row=p.id,
        year=None,
        stated=row.payback,
        computed=pr.payback(computed["total"]),
        rule="catalog-payback",
        severity=Severity.ERROR,
        message=say(
            pr,
            MESSAGES,
            "catalog-payback",
            title=t.title,
            label=row.label,
            stated=row.payback,
            computed=shown,
        ),
    )


def _full_effect(t: CatalogTable, pr: Printing) -> Iterator[Finding]:
    """The printed total at full phase-in against its rows as printed. A row's figure at full
    phase-in has no year, so no line gives it: it is stated, and only the sum is checked."""
    if t.total_full_effect is None:
        return
    rows = sum((r.full_effect or ZERO for r in t.rows()), ZERO)
    yield from compare_value(
        None,
        t.id,
        "total",
        say(pr, MESSAGES, "printed-full-effect", title=t.title),
        t.total_full_effect,
        rows,
        "printed-total-full-effect",
        pr=pr,
    )


def _total(t: CatalogTable, result: Summary, pr: Printing) -> Iterator[Finding]:
    """The printed "I alt" against the total of the recomputed rows."""
    rows_total = say(pr, MESSAGES, "rows-total")
    if t.total_effect is not None:
        yield from compare_series(
            None,
            t.id,
            "total",
            say(pr, MESSAGES, "total", title=t.title),
            t.total_effect,
            result.total_effect(),
            t.years,
            "catalog-total",
            reason=lambda _year, _stated, _computed: rows_total,
            pr=pr,
        )
    yield from compare_value(
        None,
        t.id,
        "total",
        say(pr, MESSAGES, "total-investment", title=t.title),
        t.total_investment,
        result.total_investment(),
        "catalog-total",
        rows_total,
        pr=pr,
    )


def _statements(cat: Catalog) -> Iterator[Finding]:
    """Each statement in words ("55,6 mio. kr. i 2025") against its table's total, the total
    converted from the profile's scale to mio. kr. (55.634 t.kr. is 55,6; a profile in
    mio. kr. compares as written, one in kroner divides by 1.000.000)."""
    scale = cat.profile.money.scale
    pr = voice(cat.profile)
    for st in cat.statements:
        result = summarise(cat, st.table)
        total = result.total_steady_state() if st.year is None else result.total_effect()[st.year]
        computed = round_to(rescale(total, scale, MILLION), st.mio_kr)
        if computed != st.mio_kr:
            when = (
                say(pr, MESSAGES, "steady")
                if st.year is None
                else say(pr, MESSAGES, "in-year", year=pr.year(st.year))
            )
            places = -int(st.mio_kr.as_tuple().exponent)
            yield Finding(
                proposal=None,
                table=st.table,
                row="statement",
                year=st.year,
                stated=st.mio_kr,
                computed=computed,
                rule="catalog-statement",
                severity=Severity.ERROR,
                message=say(
                    pr,
                    MESSAGES,
                    "catalog-statement",
                    stated=pr.figure(st.mio_kr, places=places),
                    when=when,
                    computed=pr.figure(computed, places=places),
                ),
            )


Progress = Callable[[int, int], None]  # told the proposals checked so far, of how many
ProposalCheck = Callable[[Proposal, Profile], list[Finding]]  # as check_proposal


def check_catalog(
    cat: Catalog, progress: Progress | None = None, of_proposal: ProposalCheck = check_proposal
) -> list[Finding]:
    """Every finding about the catalog: its proposals' (each by ``of_proposal``, which may
    remember what it found of a proposal checked before), its tables', its statements';
    ``progress`` is told after each proposal."""
    findings: list[Finding] = []
    for done, p in enumerate(cat.proposals, start=1):
        findings.extend(of_proposal(p, cat.profile))
        if progress is not None:
            progress(done, len(cat.proposals))
    for t in cat.tables:
        findings.extend(_table(cat, t))
    findings.extend(_statements(cat))
    return findings


def summary(findings: list[Finding], cat: Catalog) -> dict[str, object]:
    """The count of findings by severity, for the command line's report."""
    by_severity = {str(s): sum(1 for f in findings if f.severity is s) for s in Severity}
    return {
        "catalog": cat.id,
        "proposals": len(cat.proposals),
        "findings": len(findings),
        **by_severity,
    }
