# SPDX-License-Identifier: MPL-2.0
"""A proposal's page: its sections as the document prints them, its tables as the core
derives them, and its findings."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gevinst.core import layout
from gevinst.core.access import may_edit
from gevinst.core.template import SECTIONS, TABLE1_TITLE
from gevinst.services.check import check_catalog
from gevinst.web.access import actor_of, record_read
from gevinst.web.store import DatabaseStore


def page(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    actor = actor_of(request.user)
    checked = check_catalog(DatabaseStore(), actor, catalog)
    p = checked.catalog.proposal(ident)
    record_read(request.user, catalog, p)
    context = {
        "catalog": checked.catalog,
        "slug": catalog,
        "p": p,
        "sections": SECTIONS,
        "table1_title": TABLE1_TITLE,
        "table1": layout.table1(p, checked.catalog.profile),
        "distribution": layout.distribution(p, checked.catalog.profile),
        "findings": [f for f in checked.findings if f.proposal == p.id],
        "may_edit": may_edit(actor, p),
    }
    return render(request, "gevinst/proposal.html", context)
