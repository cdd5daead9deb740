# SPDX-License-Identifier: MPL-2.0
"""A proposal's page: the proposal as its document prints it (the same blocks as the PDF:
every section, Tabel 1 to E with their marks, the basis, the charts), its findings and the
list of figures that differ from the stated ones."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from gevinst.core.access import may_edit
from gevinst.core.findings import Severity
from gevinst.core.selection import ExportOptions, select
from gevinst.documents import blocks, html
from gevinst.services.check import check_catalog
from gevinst.web.access import actor_of, record_read
from gevinst.web.store import DatabaseStore


def page(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    actor = actor_of(request.user)
    checked = check_catalog(DatabaseStore(), actor, catalog)
    p = checked.catalog.proposal(ident)
    record_read(request.user, catalog, p)
    # the catalog as this user may see it, cut to the proposal as a document of it is
    options = ExportOptions(p.id, include_confidential=True)
    document = blocks.document(select(checked.catalog, options), options)
    [shown] = document["proposals"]
    findings = [f for f in checked.findings if f.proposal == p.id]
    context = {
        "catalog": checked.catalog,
        "slug": catalog,
        "p": p,
        "title": shown["title"],
        "kicker": shown["kicker"],
        # html.render escapes every text of the proposal
        "body": mark_safe(html.render(shown["blocks"])),
        "deviations": mark_safe(html.render(document["deviations"])),
        "findings": findings,
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "may_edit": may_edit(actor, p),
    }
    return render(request, "gevinst/proposal.html", context)
