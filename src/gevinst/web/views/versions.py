# SPDX-License-Identifier: MPL-2.0
"""A catalog's versions (issue 13, item 3): the versions frozen as sent to a meeting and a
new one frozen (CFØ), what changed since one of them proposal by proposal and cell by cell,
the catalog as of a frozen version or a day, and the change requests of approved proposals
with their review (CFØ accepts or rejects). Every freeze and decision is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gevinst.core import calc
from gevinst.core.access import Edits
from gevinst.core.errors import InputError
from gevinst.core.pool import pool_balance
from gevinst.core.summary import summarise
from gevinst.core.template import printing
from gevinst.format.diff import Difference, word_diff
from gevinst.services import catalog_versions, change_requests
from gevinst.web.access import actor_of, audit, record_read
from gevinst.web.store import DatabaseStore


def cells(diffs: tuple[Difference, ...]) -> list[dict[str, object]]:
    """Each difference with its old and new value, a changed text as a word diff."""
    return [
        {
            "place": d.place,
            "before": d.before,
            "after": d.after,
            "words": word_diff(d.before, d.after)
            if isinstance(d.before, str) and isinstance(d.after, str)
            else None,
        }
        for d in diffs
    ]


def page(request: HttpRequest, catalog: str) -> HttpResponse:
    """The frozen versions, the form that freezes one, and the as-of forms."""
    store, actor = DatabaseStore(), actor_of(request.user)
    cat = store.catalog(catalog)
    frozen = catalog_versions.frozen_versions(store, catalog)
    context = {
        "catalog": cat,
        "slug": catalog,
        "frozen": list(reversed(frozen)),
        "may_freeze": actor.edits is Edits.CATALOG,
        "requests": change_requests.list_requests(store, actor, catalog),
    }
    return render(request, "gevinst/versions.html", context)


@require_POST
def freeze(request: HttpRequest, catalog: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    frozen = catalog_versions.freeze_catalog(store, actor, catalog, request.POST.get("name", ""))
    audit(request.user, "freeze", catalog, name=frozen.name, versions=dict(frozen.versions))
    messages.success(request, _("Kataloget er frosset som “%(name)s”.") % {"name": frozen.name})
    return redirect("catalog-versions", catalog=catalog)


def changes(request: HttpRequest, catalog: str) -> HttpResponse:
    """What changed since the frozen version ``?siden=NAME``."""
    store, actor = DatabaseStore(), actor_of(request.user)
    name = request.GET.get("siden", "")
    if not name:
        raise InputError(_("Vælg den frosne version, der skal sammenlignes med."))
    changed = catalog_versions.changes_since(store, actor, catalog, name)
    cat = store.catalog(catalog)
    for c in changed:
        if c.change.after is not None:
            record_read(request.user, catalog, cat.proposal(c.change.proposal))
    context = {
        "catalog": cat,
        "slug": catalog,
        "name": name,
        "changed": [(c, cells(c.differences)) for c in changed],
    }
    return render(request, "gevinst/changes.html", context)


def _moment(day: str) -> dt.datetime:
    """The end of ``day`` (ÅÅÅÅ-MM-DD) in the application's time zone."""
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        raise InputError(_("%(day)s er ikke en dato (ÅÅÅÅ-MM-DD).") % {"day": day}) from None
    end = dt.datetime.combine(date, dt.time.max)
    return timezone.make_aware(end)


def as_of(request: HttpRequest, catalog: str) -> HttpResponse:
    """The catalog as of the frozen version ``?version=NAME`` or the day ``?dato=...``."""
    store, actor = DatabaseStore(), actor_of(request.user)
    name, day = request.GET.get("version", ""), request.GET.get("dato", "")
    if name:
        shown = catalog_versions.as_of_frozen(store, actor, catalog, name)
    elif day:
        shown = catalog_versions.as_of_moment(store, actor, catalog, _moment(day))
    else:
        raise InputError(_("Vælg en frossen version eller en dato."))
    cat = shown.catalog
    for p in cat.proposals:
        record_read(request.user, catalog, p)  # logs a confidential one shown in full
    context: dict[str, Any] = {
        "catalog": cat,
        "pr": printing(cat.profile),  # the profile's money, years and figures
        "slug": catalog,
        "name": name,
        "day": day,
        "rows": [(p, -calc.steady_state(p), shown.versions[p.id]) for p in cat.proposals],
        "tables": [summarise(cat, t.id) for t in cat.tables if _complete(cat, t.id)],
        "pool": pool_balance(cat),
    }
    return render(request, "gevinst/as_of.html", context)


def _complete(cat: Any, table_id: str) -> bool:
    """Whether every proposal a summary table names was in the catalog then."""
    held = {p.id for p in cat.proposals}
    return all(r.proposal is None or r.proposal in held for r in cat.table(table_id).rows())


def request_page(request: HttpRequest, catalog: str, number: int) -> HttpResponse:
    """A change request: the difference from the version it was edited from, why, who asked,
    and for CFØ the forms that accept or reject it."""
    store, actor = DatabaseStore(), actor_of(request.user)
    shown = change_requests.detail(store, actor, catalog, number)
    p = store.catalog(catalog).proposal(shown.request.proposal)
    record_read(request.user, catalog, p)
    context = {
        "slug": catalog,
        "detail": shown,
        "r": shown.request,
        "cells": cells(shown.differences),
        "may_decide": actor.edits is Edits.CATALOG and shown.request.is_open,
    }
    return render(request, "gevinst/change_request.html", context)


@require_POST
def decide(request: HttpRequest, catalog: str, number: int) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    note = request.POST.get("note", "")
    r = change_requests.detail(store, actor, catalog, number).request
    if request.POST.get("decision") == "accept":
        saved = change_requests.accept(store, actor, catalog, number, note)
        audit(request.user, "change-accept", catalog, r.proposal, number=number, version=saved.id)
        messages.success(
            request,
            _("Ændringsanmodning %(n)s er godkendt; %(ident)s er gemt som en ny version.")
            % {"n": number, "ident": r.proposal},
        )
    elif request.POST.get("decision") == "reject":
        change_requests.reject(store, actor, catalog, number, note)
        audit(request.user, "change-reject", catalog, r.proposal, number=number, note=note)
        messages.success(request, _("Ændringsanmodning %(n)s er afvist.") % {"n": number})
    else:
        raise InputError(_("Vælg godkend eller afvis."))
    return redirect("change-request", catalog=catalog, number=number)
