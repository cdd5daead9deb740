# SPDX-License-Identifier: MPL-2.0
"""A proposal's page: the proposal as its document prints it (the same blocks as the PDF:
every section, Tabel 1 to E with their marks, the basis, the charts), the list of figures
that differ from the stated ones, the options appraisal as a panel (a proposal's
``appraisal:``, as the documents print it after the financial section), a what-if panel (an
assumption, a parameter or a phase-in changed, payback and the committee split following,
nothing saved), its findings, and its state in the lifecycle with the transitions the user
may take (a move POSTed here)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gevinst.core.access import Actor, may_edit
from gevinst.core.claims import report as claims_report
from gevinst.core.errors import ConflictError, InputError, TransitionRefusedError
from gevinst.core.findings import Severity
from gevinst.core.model import Proposal
from gevinst.core.selection import ExportOptions, select
from gevinst.core.template import printing
from gevinst.documents import appraisal as appraisal_document
from gevinst.documents import blocks, html
from gevinst.format.writer import version
from gevinst.services import uploads
from gevinst.services import whatif as whatif_service
from gevinst.services import workflow as workflow_service
from gevinst.services.check import check_catalog
from gevinst.web import claims as web_claims
from gevinst.web import review, whatif, workflow
from gevinst.web.access import actor_of, audit, record_read
from gevinst.web.store import DatabaseStore


def page(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    return render(request, "gevinst/proposal.html", _context(request, catalog, ident))


def _context(
    request: HttpRequest, catalog: str, ident: str, panel: whatif.Panel | None = None
) -> dict[str, Any]:
    actor = actor_of(request.user)
    checked = check_catalog(DatabaseStore(), actor, catalog)
    p = checked.catalog.proposal(ident)
    record_read(request.user, catalog, p)
    # the catalog as this user may see it, cut to the proposal as a document of it is
    options = ExportOptions(p.id, include_confidential=True)
    document = blocks.document(select(checked.catalog, options), options)
    [shown] = document["proposals"]
    # the options appraisal is shown as a panel of its own beside the document
    body, appraisal = _appraisal_apart(shown["blocks"])
    pointed = html.anchors(shown["blocks"])
    # the review of the proposal as it is, for those who may read it in full
    full = DatabaseStore().catalog(catalog).proposal(p.id)
    reviewed = review.panel(DatabaseStore(), actor, catalog, full, checked.catalog.profile)
    # the figures its words state, marked in the text and listed beside it
    claims = claims_report.shown(p, checked.catalog.profile, checked.findings)
    findings = [
        (f, f"#{html.anchor_id(f.table)}" if f.table in pointed else "")
        for f in checked.findings
        if f.proposal == p.id
    ]
    return {
        "catalog": checked.catalog,
        # the profile's money, years and figures, which every amount on the page follows
        "pr": printing(checked.catalog.profile),
        "slug": catalog,
        "p": p,
        "title": shown["title"],
        "kicker": shown["kicker"],
        # html.render escapes every text of the proposal; the comments' markers are rendered
        # by a template, which escapes theirs
        "body": mark_safe(
            web_claims.marked(
                html.render(body, review.markers(reviewed.threads) if reviewed else None),
                claims,
            )
        ),
        "review": reviewed,
        "deviations": mark_safe(html.render(document["deviations"])),
        # the appraisal panel: its heading, then its blocks (html.render escapes their texts)
        "appraisal_heading": appraisal[0]["text"] if appraisal else "",
        "appraisal": mark_safe(html.render(appraisal[1:])),
        "claims": claims,
        "findings": findings,
        "errors": sum(f.severity is Severity.ERROR for f, _ in findings),
        "warnings": sum(f.severity is Severity.WARNING for f, _ in findings),
        "may_edit": may_edit(actor, p),
        # the upload form's: a document uploaded is saved from the version on this page
        "base": version(p),
        "limit": uploads.MAX_UPLOAD_TEXT,
        # the calculation basis as `gevinst basis` explains it: models, sources, steps
        "basis": _basis(actor, catalog, p),
        # a proposal the user may read only as the catalog publishes it has no basis here
        "whatif": panel or (whatif.panel(p, checked.catalog.profile) if p.effects else None),
        "flow": workflow.flow(DatabaseStore(), actor, catalog, p.id, checked.findings),
    }


def _appraisal_apart(
    shown: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The document's blocks without the options appraisal, and the appraisal's blocks
    (:mod:`gevinst.documents.appraisal`: its heading first), which the page shows as a panel."""
    own = [b for b in shown if b.get("part") != appraisal_document.PART]
    return own, [b for b in shown if b.get("part") == appraisal_document.PART]


def _basis(actor: Actor, catalog: str, p: Proposal) -> list[whatif_service.Explained]:
    """The basis explained, for a proposal shown in full that has one; a basis that cannot
    be computed is said among the findings instead."""
    if not p.effects:
        return []
    try:
        return whatif_service.explain(whatif_service.basis(DatabaseStore(), actor, catalog, p.id))
    except InputError:
        return []


@require_POST
def whatif_panel(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    """The what-if of the panel's fields, nothing saved: the panel again (htmx), or the whole
    page with it where the browser runs no script."""
    store, actor = DatabaseStore(), actor_of(request.user)
    basis = whatif_service.basis(store, actor, catalog, ident)
    record_read(request.user, catalog, basis.proposal)  # its figures are shown in full

    def run(asked: whatif_service.Request) -> whatif_service.Report:
        return whatif_service.whatif(store, actor, catalog, ident, asked)

    panel = whatif.posted(basis.proposal, basis.profile, request.POST, run)
    if request.headers.get("HX-Request"):
        context = {
            "slug": catalog,
            "p": basis.proposal,
            "whatif": panel,
            "pr": printing(basis.profile),  # the profile's money, years and figures
        }
        return render(request, "gevinst/_whatif.html", context)
    return render(request, "gevinst/proposal.html", _context(request, catalog, ident, panel))


@require_POST
def move(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    """A transition taken from the page's status panel, audited; a refused one is the page
    again with what it misses (422), one from a stale page the page with the state as it is
    now (409). Neither changes anything."""
    transition = request.POST.get("transition", "")
    try:
        expected = int(request.POST.get("expected_count", ""))
    except ValueError as e:
        raise InputError(_("Siden mangler forslagets antal statusskift; hent den igen.")) from e
    try:
        event = workflow_service.move(
            DatabaseStore(),
            actor_of(request.user),
            catalog,
            ident,
            transition,
            request.POST.get("comment", ""),
            expected_count=expected,
        )
    except TransitionRefusedError as e:
        context = _context(request, catalog, ident)
        label = context["catalog"].profile.workflow.transition(transition).label
        context["refused"] = workflow.Refused(label, e.missing)
        return render(request, "gevinst/proposal.html", context, status=422)
    except ConflictError as e:
        messages.error(request, str(e))
        return render(
            request, "gevinst/proposal.html", _context(request, catalog, ident), status=409
        )
    audit(
        request.user,
        "move",
        catalog,
        ident,
        transition=event.transition,
        from_state=event.from_state,
        to_state=event.to_state,
        comment=event.comment,
    )
    messages.success(request, _("%(ident)s har skiftet status.") % {"ident": ident})
    return redirect("proposal", catalog=catalog, ident=ident)
