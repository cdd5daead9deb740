# SPDX-License-Identifier: MPL-2.0
"""The catalogs, and one catalog's overview: its proposals with their status and findings
(filtered by committee, administration, type and status, and sorted), the effect per year as
a chart, and the summary tables recomputed live."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from gevinst.core import calc
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Catalog, Proposal, ProposalType
from gevinst.core.pool import pool_balance
from gevinst.core.prices import unconverted_notes
from gevinst.core.summary import summarise
from gevinst.core.template import printing
from gevinst.documents.charts import catalog_chart_svg
from gevinst.services import comments, consultations
from gevinst.services.check import check_catalog
from gevinst.services.workflow import StatusInfo, status
from gevinst.web.access import actor_of
from gevinst.web.store import DatabaseStore
from gevinst.web.views import targets

if TYPE_CHECKING:
    # the type of a lazy text: the stubs' own, not installed with gevinst
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Listed:
    """A proposal as the overview lists it."""

    proposal: Proposal
    committees: frozenset[str]  # where its effect falls (2.1)
    errors: int
    warnings: int
    steady_state: Decimal  # its permanent effect in its last year, as a contribution
    status: StatusInfo | None  # None: the catalog's profile keeps no lifecycle
    # open comment threads and unanswered consultations; None where the user may not read
    # the proposal in full (its review is as confidential as its content)
    comments: int | None = None
    consultations: int | None = None


SORTS: dict[str, tuple[StrOrPromise, Callable[[Listed], object]]] = {
    "id": (_("Forslag"), lambda r: r.proposal.id),
    "titel": (_("Titel"), lambda r: r.proposal.title.casefold()),
    "fejl": (_("Flest fejl"), lambda r: (-r.errors, -r.warnings)),
    "effekt": (_("Største varige effekt"), lambda r: -r.steady_state),
}
# a type as the overview names it; the type itself is the format's word
TYPES = {
    ProposalType.INVESTMENT: _("Investering"),
    ProposalType.EFFICIENCY: _("Effektivisering"),
}


def index(request: HttpRequest, target: str = "catalog") -> HttpResponse:
    """The catalogs to choose from, each linking to its page named ``target``; the only
    catalog's page where there is one."""
    store = DatabaseStore()
    keys = store.catalogs()
    if len(keys) == 1:
        return redirect(target, catalog=keys[0])
    catalogs = [(key, store.catalog(key).title) for key in keys]
    return render(request, "gevinst/index.html", {"catalogs": catalogs, "target": target})


def _listed(
    cat: Catalog,
    findings: tuple[Finding, ...],
    statuses: dict[str, StatusInfo],
    review: tuple[dict[str, int], dict[str, int]],
) -> list[Listed]:
    counts = Counter((f.proposal, f.severity) for f in findings)
    comments, waiting = review
    return [
        Listed(
            p,
            frozenset(
                unit
                for unit, amounts in calc.tables_of(p, cat.profile).distribution(False).items()
                if any(amounts.values())
            ),
            counts[p.id, Severity.ERROR],
            counts[p.id, Severity.WARNING],
            -calc.steady_state(p),
            statuses.get(p.id),
            comments.get(p.id),
            waiting.get(p.id, 0) if p.id in comments else None,
        )
        for p in cat.proposals
    ]


def _chosen(listed: list[Listed], query: dict[str, str]) -> list[Listed]:
    committee, administration = query.get("udvalg", ""), query.get("forvaltning", "")
    kind, state = query.get("type", ""), query.get("status", "")
    shown = [
        r
        for r in listed
        if (not committee or committee in r.committees)
        and (not administration or administration in r.proposal.presenting)
        and (not kind or r.proposal.type == kind)
        and (not state or (r.status is not None and r.status.state == state))
    ]
    _, key = SORTS.get(query.get("sorter", ""), SORTS["id"])
    return sorted(shown, key=key)  # type: ignore[arg-type]


def _inline(svg: str) -> str:
    """A chart's SVG without its XML prologue, to stand in the page. matplotlib draws it from
    the catalog's figures and the profile's names and escapes every text it writes."""
    return mark_safe(svg[svg.index("<svg") :])


def overview(request: HttpRequest, catalog: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    checked = check_catalog(store, actor, catalog)
    cat = checked.catalog
    fields = ("udvalg", "forvaltning", "type", "status", "sorter")
    query = {k: request.GET.get(k, "") for k in fields}
    statuses = status(store, actor, catalog, checked.findings)
    waiting = {k: len(v) for k, v in consultations.unanswered(store, actor, catalog).items()}
    review = (comments.open_counts(store, actor, catalog), waiting)
    listed = _listed(cat, checked.findings, statuses, review)
    context = {
        "catalog": cat,
        # the profile's money, years and figures, which every amount on the page follows
        "pr": printing(cat.profile),
        "slug": catalog,
        "proposals": _chosen(listed, query),
        "total": len(listed),
        "query": query,
        "committees": [
            c for c in cat.profile.committees if any(c.code in r.committees for r in listed)
        ],
        "administrations": cat.profile.administrations,
        "types": [(t.value, label) for t, label in TYPES.items()],
        "states": cat.profile.workflow.states if cat.profile.workflow else (),
        "type_labels": TYPES,
        "sorts": [(k, label) for k, (label, _key) in SORTS.items()],
        "chart": _inline(catalog_chart_svg(cat)),
        "tables": [(summarise(cat, t.id), unconverted_notes(cat, t.id)) for t in cat.tables],
        "pool": pool_balance(cat),  # the catalog as the user may see it
        "targets": targets.shown(store, actor, catalog),
    }
    return render(request, "gevinst/catalog.html", context)
