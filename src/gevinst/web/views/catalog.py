# SPDX-License-Identifier: MPL-2.0
"""The catalogs, and one catalog's overview: its summary tables recomputed live, and its
proposals with their number of findings."""

from __future__ import annotations

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gevinst.core.findings import Severity
from gevinst.core.summary import summarise
from gevinst.services.check import check_catalog
from gevinst.web.access import actor_of
from gevinst.web.store import DatabaseStore


def index(request: HttpRequest) -> HttpResponse:
    store = DatabaseStore()
    keys = store.catalogs()
    if len(keys) == 1:
        return redirect("catalog", catalog=keys[0])
    catalogs = [(key, store.catalog(key).title) for key in keys]
    return render(request, "gevinst/index.html", {"catalogs": catalogs})


def overview(request: HttpRequest, catalog: str) -> HttpResponse:
    checked = check_catalog(DatabaseStore(), actor_of(request.user), catalog)
    counts = Counter((f.proposal, f.severity) for f in checked.findings)
    proposals = [
        {
            "proposal": p,
            "errors": counts[p.id, Severity.ERROR],
            "warnings": counts[p.id, Severity.WARNING],
        }
        for p in checked.catalog.proposals
    ]
    context = {
        "catalog": checked.catalog,
        "slug": catalog,
        "proposals": proposals,
        "tables": [summarise(checked.catalog, t.id) for t in checked.catalog.tables],
    }
    return render(request, "gevinst/catalog.html", context)
