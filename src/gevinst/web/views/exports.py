# SPDX-License-Identifier: MPL-2.0
"""Documents from the browser: the catalog or one proposal as PDF, Word, Excel or CSV,
through the same service and writers as ``gevinst export``, with the same confidentiality
rule; every download is logged."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from gevinst.core.access import may_read_in_full
from gevinst.core.selection import ExportOptions
from gevinst.services import export as export_service
from gevinst.web.access import actor_of, audit
from gevinst.web.store import DatabaseStore

# the formats a browser downloads as one file (a data package is a folder)
DOWNLOADS = ("pdf", "docx", "xlsx", "csv")


def _download(request: HttpRequest, catalog: str, fmt: str, options: ExportOptions) -> HttpResponse:
    if fmt not in DOWNLOADS:
        raise Http404(fmt)
    done = export_service.export(DatabaseStore(), actor_of(request.user), catalog, fmt, options)
    audit(
        request.user,
        "export",
        catalog,
        options.proposal or "",
        format=fmt,
        confidential_in_full=options.include_confidential,
    )
    response = HttpResponse(done.content, content_type=done.media_type)
    response["Content-Disposition"] = f'attachment; filename="{done.name}"'
    return response


def catalog_download(request: HttpRequest, catalog: str, fmt: str) -> HttpResponse:
    """The catalog as it is published: confidential proposals as their published rows."""
    return _download(request, catalog, fmt, ExportOptions())


def proposal_download(request: HttpRequest, catalog: str, ident: str, fmt: str) -> HttpResponse:
    """One proposal, in full where the user may read it in full."""
    p = DatabaseStore().catalog(catalog).proposal(ident)
    full = may_read_in_full(actor_of(request.user), p)
    return _download(request, catalog, fmt, ExportOptions(p.id, include_confidential=full))
