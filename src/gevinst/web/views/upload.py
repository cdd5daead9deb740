# SPDX-License-Identifier: MPL-2.0
"""A file uploaded as a proposal's next version (:mod:`gevinst.services.uploads`): an Excel
workbook exported by gevinst, or the proposal's YAML or JSON document. Every problem is
shown on the page at its place (sheet and cell, or file, field and line) and nothing is
saved; a file larger than the limit is not read past it."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from gevinst.core.access import require_edit
from gevinst.core.errors import ConflictError, FormatError, InputError, Problem
from gevinst.format.writer import version
from gevinst.services import uploads
from gevinst.web.access import actor_of, audit
from gevinst.web.store import DatabaseStore

FIELD = "fil"
# the changed cells listed after a save; the history shows them all
_SHOWN = 12
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")
# a multipart request holds the file and a few form fields besides
_OVERHEAD = 64 * 1024


class _Limited(FileUploadHandler):
    """Skips a file once it passes the limit, so a huge upload is never kept."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit, self.too_big = limit, False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self.too_big = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler keeps the file


def _length(request: HttpRequest) -> int:
    """The request's declared length; none or nonsense is 0, as Django's parser reads it."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@csrf_exempt  # checked by _receive, once the upload handlers are set (Django's own pattern)
def page(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    p = store.catalog(catalog).proposal(ident)
    require_edit(actor, p)
    context: dict[str, Any] = {
        "slug": catalog,
        "p": p,
        "base": version(p),
        "limit": uploads.MAX_UPLOAD_TEXT,
    }
    if request.method != "POST":
        return render(request, "gevinst/upload.html", context)
    limit = uploads.MAX_UPLOAD_BYTES
    if _length(request) > limit + _OVERHEAD:
        return _too_big(request, context)
    limited = _Limited(request, limit)
    request.upload_handlers = [limited, *request.upload_handlers]
    return _receive(request, context, limited)


@csrf_protect
def _receive(request: HttpRequest, context: dict[str, Any], limited: _Limited) -> HttpResponse:
    upload = request.FILES.get(FIELD)  # the request is read here, through the handlers
    if limited.too_big:
        return _too_big(request, context)
    if upload is None:
        return _failed(request, context, [_("Vælg en fil at indlæse.")])
    slug, ident = context["slug"], context["p"].id
    # the name as the user knows it, without what a file name on this machine cannot hold
    name = _UNSAFE.sub("", Path(upload.name or "").name)[-120:] or "fil"
    why = request.POST.get("why", "")
    context["why"] = why
    with tempfile.TemporaryDirectory(prefix="gevinst-upload-") as folder:
        path = Path(folder, name)
        with path.open("wb") as f:
            for chunk in upload.chunks():
                f.write(chunk)
        try:
            done = uploads.upload_proposal(
                DatabaseStore(),
                actor_of(request.user),
                slug,
                ident,
                path,
                base=request.POST.get("base", ""),
                why=why,
            )
        except FormatError as e:
            return _failed(request, context, [], name=name, problems=_places(e.problems))
        except (InputError, ConflictError) as e:
            return _failed(request, context, [str(e)], name=name)
    audit(request.user, "upload", slug, ident, file=name, changes=list(done.changes))
    saved = {"ident": ident, "name": name, "n": len(done.changes)}
    if done.changes:
        said = ngettext(
            "%(ident)s er gemt som en ny version fra %(name)s (%(n)d ændrede celler).",
            "%(ident)s er gemt som en ny version fra %(name)s (%(n)d ændrede celler).",
            len(done.changes),
        )
    else:
        said = _("%(ident)s er gemt som en ny version fra %(name)s.")
    messages.success(request, said % saved)
    for line in (*done.changes[:_SHOWN], *done.notes):
        messages.info(request, line)
    if len(done.changes) > _SHOWN:
        more = len(done.changes) - _SHOWN
        said = ngettext(
            "… og %(n)d ændringer mere; se dem i historikken.",
            "… og %(n)d ændringer mere; se dem i historikken.",
            more,
        )
        messages.info(request, said % {"n": more})
    return redirect("proposal", catalog=slug, ident=ident)


def _places(problems: tuple[Problem, ...]) -> list[tuple[str, str]]:
    """Each problem as (where, what): the file by its uploaded name, its line and field; a
    workbook's problems name their sheet and cell in the message."""
    out = []
    for p in problems:
        where = [p.path.name]
        if p.line:
            where.append(_("linje %(n)d") % {"n": p.line})
        if p.field:
            where.append(_("felt %(name)s") % {"name": p.field})
        out.append((", ".join(where), p.message))
    return out


def _failed(
    request: HttpRequest,
    context: dict[str, Any],
    errors: list[str],
    *,
    name: str = "",
    problems: list[tuple[str, str]] | None = None,
    status: int = 422,
) -> HttpResponse:
    context = {**context, "errors": errors, "problems": problems or [], "name": name}
    return render(request, "gevinst/upload.html", context, status=status)


def _too_big(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    message = _("Filen er for stor: højst %(limit)s indlæses. Intet er gemt.") % context
    return _failed(request, context, [message], status=413)
