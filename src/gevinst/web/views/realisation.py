# SPDX-License-Identifier: MPL-2.0
"""Gevinstrealisering in the browser (issue 13, item 6): a proposal's realisation page (its
goals' baselines and measurements, its realised effect against Tabel A and its spending
against the investment granted, each as a table and a chart, and the forms that record
them, a CSV export among them) and the catalog's summary per committee and year.

Every write names the number of records the page showed (``expected_count``): a stale page
is shown again with the conflict said (409). A refused value is the page again with the
reason (400); a CSV file with rejected values is the page with every rejection named (422)
and nothing saved, unless the rejections were accepted. Every write is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gevinst.core import realisation as r
from gevinst.core.access import may_edit
from gevinst.core.errors import ConflictError, InputError
from gevinst.core.template import printing
from gevinst.documents.charts import realisation_chart_svg
from gevinst.importers.measurements import table_from_bytes
from gevinst.services import realisation as svc
from gevinst.web.access import actor_of, audit
from gevinst.web.store import DatabaseStore

MAX_CSV_UPLOAD = 10 * 1024 * 1024


def _chart(title: str, comparison: r.PlanAndOutcome, unit: str) -> str:
    svg = realisation_chart_svg(title, comparison, unit)
    return mark_safe(svg[svg.index("<svg") :])  # matplotlib's own SVG, no user text but the title


def _context(request: HttpRequest, catalog: str, ident: str) -> dict[str, Any]:
    store, actor = DatabaseStore(), actor_of(request.user)
    seen = svc.proposal_realisation(store, actor, catalog, ident)
    p = seen.proposal
    if p.confidential:
        # what is recorded against a confidential proposal is as confidential as its file,
        # even where the file holds only the catalog's row (record_read skips those)
        audit(request.user, "read-confidential", catalog, p.id, page="realisation")
    cat = store.catalog(catalog)
    pr = printing(cat.profile)
    unit = _("%(unit)s, %(level)s p/l") % {"unit": pr.unit, "level": pr.year(p.price_level)}
    return {
        "slug": catalog,
        "catalog": cat,
        "pr": pr,  # the profile's money, years and figures
        "p": p,
        "seen": seen,
        "may_edit": may_edit(actor, p),
        # the goals a CSV column may be mapped to: any the user may record against
        "goals": svc.goal_choices(store, actor, catalog),
        "effect_chart": _chart(_("Realiseret effekt mod planlagt"), seen.effect, unit),
        "spending_chart": _chart(_("Forbrug mod bevilget investering"), seen.spending, unit),
        "unit": unit,
    }


def page(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    return render(request, "gevinst/realisation.html", _context(request, catalog, ident))


def _again(
    request: HttpRequest, catalog: str, ident: str, status: int, **extra: Any
) -> HttpResponse:
    context = {**_context(request, catalog, ident), **extra}
    return render(request, "gevinst/realisation.html", context, status=status)


def _number(request: HttpRequest, name: str, label: str) -> Any:
    try:
        return r.read_number(request.POST.get(name, ""), decimal_comma=True)
    except InputError as e:
        raise InputError(f"{label}: {e}") from None


def _year(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("year", ""))
    except ValueError:
        raise InputError(_("Vælg et år.")) from None


def _day(request: HttpRequest) -> Any:
    try:
        return r.read_date(request.POST.get("date", ""))
    except InputError as e:
        raise InputError(_("Dato: %(why)s") % {"why": e}) from None


def _record(request: HttpRequest, catalog: str, ident: str, what: str, count: int) -> str:
    """Record what the form holds; the audit's words for it."""
    store, actor = DatabaseStore(), actor_of(request.user)
    post = request.POST
    if what == "realised":
        e = svc.record_realised(
            store, actor, catalog, ident, _year(request),
            _number(request, "amount", _("Beløb")), post.get("evidence", ""),
            post.get("committee") or None, expected_count=count,
        )  # fmt: skip
        return f"{e.year} {e.committee or ''} {e.amount}"
    if what == "spending":
        s = svc.record_spending(
            store, actor, catalog, ident, _year(request),
            _number(request, "amount", _("Beløb")), post.get("note", ""),
            post.get("committee") or None, expected_count=count,
        )  # fmt: skip
        return f"{s.year} {s.committee or ''} {s.amount}"
    if what == "measurement":
        m = svc.record_measurement(
            store, actor, catalog, post.get("goal", ""), _number(request, "value", _("Værdi")),
            _day(request), post.get("note", ""), expected_count=count,
        )  # fmt: skip
        return f"{m.goal} {m.day} {m.value}"
    if what == "baseline":
        b = svc.record_baseline(
            store, actor, catalog, post.get("goal", ""), _number(request, "value", _("Værdi")),
            _day(request), post.get("source", ""), expected_count=count,
        )  # fmt: skip
        return f"{b.goal} {b.day} {b.value}"
    raise InputError(_("Ukendt registrering: %(what)s") % {"what": what})


def _count(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("expected_count", ""))
    except ValueError:
        raise InputError(_("Siden mangler antallet af registreringer; hent den igen.")) from None


@require_POST
def record(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    """A measurement, a baseline, a realised amount or spending, from the page's forms."""
    what = request.POST.get("what", "")
    try:
        done = _record(request, catalog, ident, what, _count(request))
    except ConflictError as e:
        return _again(request, catalog, ident, 409, problem=str(e))
    except InputError as e:
        return _again(request, catalog, ident, 400, problem=str(e))
    audit(request.user, f"realisation-{what}", catalog, ident, recorded=done)
    messages.success(request, _("Registreringen er gemt."))
    return redirect("realisation", catalog=catalog, ident=ident)


def _mapping(text: str) -> dict[str, str]:
    """The mapping field's lines, ``Kolonne=BC02/4`` or ``Dato=dato``."""
    out = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        column, sep, target = line.rpartition("=")
        if not sep or not column.strip() or not target.strip():
            raise InputError(
                _("Koblingen %(line)r: skriv Kolonne=mål, fx Udlejede ladere=BC02/4")
                % {"line": line.strip()}
            )
        out[column.strip()] = target.strip()
    return out


@require_POST
def upload(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    """An operational system's CSV export: saved whole, or with the accepted rejections;
    otherwise the page with every rejected value named and nothing saved (422)."""
    sent = request.FILES.get("fil")
    typed = request.POST.get("mapping", "")
    try:
        if sent is None:
            raise InputError(_("Vælg en CSV-fil."))
        if sent.size is not None and sent.size > MAX_CSV_UPLOAD:
            raise InputError(_("Filen er større end 10 MB."))
        table = table_from_bytes(sent.read(), sent.name or "fil.csv")
        done = svc.import_measurements(
            DatabaseStore(),
            actor_of(request.user),
            catalog,
            table,
            _mapping(typed),
            accept_rejections=request.POST.get("accept") == "on",
            expected_count=_count(request),
        )
    except ConflictError as e:
        return _again(request, catalog, ident, 409, problem=str(e))
    except InputError as e:
        return _again(request, catalog, ident, 400, problem=str(e), mapping=typed)
    if not done.saved:
        # the file must be chosen again (a browser never fills in a file), the mapping not
        return _again(request, catalog, ident, 422, imported=done, mapping=typed)
    audit(
        request.user,
        "realisation-import",
        catalog,
        ident,
        file=table.file,
        measurements=len(done.measurements),
        rejected=[str(x) for x in done.rejections],
        mapped=[f"{m.column}={m.goal or r.DATE_COLUMN}" for m in done.mapped],
    )
    messages.success(
        request,
        _("%(n)s målinger er gemt fra %(file)s; %(rejected)s værdier er afvist.")
        % {"n": len(done.measurements), "file": table.file, "rejected": len(done.rejections)},
    )
    return redirect("realisation", catalog=catalog, ident=ident)


def summary(request: HttpRequest, catalog: str) -> HttpResponse:
    """The catalog's realisation per committee and year, as the user may see it."""
    store = DatabaseStore()
    cat = store.catalog(catalog)
    done = svc.catalog_realisation(store, actor_of(request.user), catalog)
    shown = [p.id for p in cat.proposals if p.confidential and p.id not in done.withheld]
    if shown:
        audit(request.user, "read-confidential", catalog, page="realisation", proposals=shown)
    pr = printing(cat.profile)
    unit = _("%(unit)s, %(level)s p/l") % {"unit": pr.unit, "level": pr.year(cat.price_level)}
    context = {
        "slug": catalog,
        "catalog": cat,
        "pr": pr,  # the profile's money, years and figures
        "summary": done,
        "unit": unit,
        "effect_chart": _chart(_("Realiseret effekt mod planlagt"), done.effect, unit),
        "spending_chart": _chart(_("Forbrug mod bevilget investering"), done.spending, unit),
    }
    return render(request, "gevinst/catalog_realisation.html", context)
