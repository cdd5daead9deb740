# SPDX-License-Identifier: MPL-2.0
"""The proposal editor: every section of the proposal in a form, every derived figure
following from the server as the user types (htmx), and a save that names the version it
was edited from. A save that meets another save is merged where the two touched different
places; where they touched the same one, the user chooses."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gevinst.core import calc, layout, template
from gevinst.core.access import require_edit
from gevinst.core.change_requests import ChangeRequest
from gevinst.core.errors import AccessDeniedError, ConflictError, FormatError, InputError
from gevinst.core.model import Proposal
from gevinst.core.profile import Profile
from gevinst.core.series import Series
from gevinst.core.template import printing
from gevinst.format.diff import merge, resolve
from gevinst.format.jsonsource import parse_json
from gevinst.format.writer import proposal_document
from gevinst.services import change_requests, proposals, workflow
from gevinst.web import editor
from gevinst.web.access import actor_of, audit, record_read
from gevinst.web.store import DatabaseStore

MERGED = gettext_lazy(
    "En anden har gemt forslaget, mens du rettede. Jeres ændringer rører ikke de samme "
    "felter og er flettet sammen; se tallene igennem og gem igen."
)

CHOICE_GROUPS = (
    ("presenting", gettext_lazy("Fremstillende forvaltning")),
    ("affected", gettext_lazy("Berørte forvaltninger")),
)


def _table_a(p: Proposal, profile: Profile) -> list[tuple[str, Series]]:
    """Tabel A, the target effect per unit, in the profile's order."""
    table = calc.tables_of(p, profile)["A"]
    return [(unit, table[unit]) for unit in profile.sort_units(list(table))]


def _context(
    request: HttpRequest, catalog: str, ident: str, form: editor.Form, doc: dict[str, Any]
) -> dict[str, Any]:
    store, actor = DatabaseStore(), actor_of(request.user)
    shown = proposals.preview(store, actor, catalog, ident, doc)
    said = [(p.field, p.message) for p in shown.problems]
    editor.place_problems(form, said)  # each at its field, where the form is drawn again
    p = shown.proposal
    profile = shown.profile
    return {
        "slug": catalog,
        # the profile's money, years and figures, which every amount on the page follows
        "pr": printing(profile),
        "ident": ident,
        "title": form.texts["title"],
        "form": form,
        "years": doc.get("years", []),
        "kinds": editor.KINDS,
        "sections": editor.SECTIONS,
        "areas": profile.areas,
        "units": editor.unit_choices(profile),
        "administrations": editor.administration_choices(profile, form),
        "key_kinds": editor.KEY_KINDS,
        "risk_levels": editor.RISK_LEVELS,
        "headings": template.SECTIONS,
        "partners_heading": template.PARTNERS,
        "distribution_heading": template.DISTRIBUTION,
        "followup_title": template.FOLLOWUP_TITLE,
        "followup_columns": template.FOLLOWUP_COLUMNS,
        "followup_phases": template.FOLLOWUP_PHASES,
        "goal_columns": list(zip(editor.GOAL_FIELDS[1:], template.FOLLOWUP_COLUMNS, strict=True)),
        "choice_groups": CHOICE_GROUPS,
        # the derived panel, which does not redraw the form, says every problem
        "all_problems": [f"{place}: {message}" if place else message for place, message in said],
        "p": p,
        "table1": layout.table1(p, profile) if p else [],
        "table_a": _table_a(p, profile) if p else [],
        "findings": shown.findings,
        # after approval the save is a change request: the editor says so before it is made
        "as_request": workflow.requires_change_request(store, catalog, ident),
    }


def _key_units(catalog: str) -> list[str]:
    """The units a key offers a weight for beside its own: the administrations."""
    return [a.code for a in DatabaseStore().catalog(catalog).profile.administrations]


def _base(request: HttpRequest, catalog: str, ident: str, version: str) -> dict[str, Any]:
    return proposals.read_version(DatabaseStore(), actor_of(request.user), catalog, ident, version)


def page(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    p = store.catalog(catalog).proposal(ident)
    require_edit(actor, p)
    if request.method != "POST":
        record_read(request.user, catalog, p)
        current = proposals.read_proposal(store, actor, catalog, ident)
        form = editor.form_of(current.document, current.version, _key_units(catalog))
        return _render(request, catalog, ident, form, current.document)
    base = _base(request, catalog, ident, request.POST.get("base", ""))
    years = base.get("years", [])
    form = editor.form_from_post(request.POST, years)
    op = request.POST.get("op", "")
    if op == "save":
        return _save(request, catalog, ident, form, base)
    if op == "resolve":
        return _resolve(request, catalog, ident, form)
    editor.apply_op(form, op, years, _key_units(catalog))
    return _render(request, catalog, ident, form, editor.document_of(form, base, years))


def derived(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    """The derived figures of the form as typed (htmx, on every change)."""
    # asked first: the form is not read for anyone who may not edit the proposal
    require_edit(actor_of(request.user), DatabaseStore().catalog(catalog).proposal(ident))
    base = _base(request, catalog, ident, request.POST.get("base", ""))
    years = base.get("years", [])
    form = editor.form_from_post(request.POST, years)
    doc = editor.document_of(form, base, years)
    return render(request, "gevinst/_derived.html", _context(request, catalog, ident, form, doc))


def _render(
    request: HttpRequest,
    catalog: str,
    ident: str,
    form: editor.Form,
    doc: dict[str, Any],
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    context = {**_context(request, catalog, ident, form, doc), **extra}
    return render(request, "gevinst/edit.html", context, status=status)


def _save(
    request: HttpRequest, catalog: str, ident: str, form: editor.Form, base: dict[str, Any]
) -> HttpResponse:
    years = base.get("years", [])
    mine = editor.document_of(form, base, years)
    if form.has_errors:
        return _render(request, catalog, ident, form, mine, status=422)
    store, actor = DatabaseStore(), actor_of(request.user)
    try:
        # after approval the save becomes a change request for CFØ to accept or reject
        kept = change_requests.submit_edit(
            store, actor, catalog, ident, mine, base=form.base, why=form.why
        )
    except ConflictError:
        return _conflict(request, catalog, ident, form, base, mine)
    except FormatError as e:
        problems = editor.place_problems(form, [(p.field, p.message) for p in e.problems])
        return _render(request, catalog, ident, form, mine, status=422, save_problems=problems)
    except (InputError, AccessDeniedError) as e:
        # e.g. an editor who unticks its own administration as the presenting one
        return _render(request, catalog, ident, form, mine, status=422, save_problems=[str(e)])
    if isinstance(kept, ChangeRequest):
        audit(request.user, "change-request", catalog, ident, number=kept.number, why=form.why)
        messages.success(
            request,
            _(
                "%(ident)s er godkendt, så din ændring er sendt til CFØ som ændringsanmodning "
                "%(n)s; den gemmes, når CFØ godkender den."
            )
            % {"ident": ident, "n": kept.number},
        )
        return redirect("change-request", catalog=catalog, number=kept.number)
    audit(request.user, "save", catalog, ident, why=form.why)
    messages.success(request, _("%(ident)s er gemt som en ny version.") % {"ident": ident})
    return redirect("proposal", catalog=catalog, ident=ident)


def _conflict(
    request: HttpRequest,
    catalog: str,
    ident: str,
    form: editor.Form,
    base: dict[str, Any],
    mine: dict[str, Any],
) -> HttpResponse:
    current = proposals.read_proposal(DatabaseStore(), actor_of(request.user), catalog, ident)
    record_read(request.user, catalog, DatabaseStore().catalog(catalog).proposal(ident))
    merged, conflicts = merge(base, current.document, mine)
    merged_form = editor.form_of(merged, current.version, _key_units(catalog))
    merged_form.why = form.why
    if not conflicts:
        messages.info(request, MERGED)
        return _render(request, catalog, ident, merged_form, merged, status=409)
    return _render(
        request,
        catalog,
        ident,
        merged_form,
        merged,
        status=409,
        conflicts=conflicts,
        mine=json.dumps(mine, ensure_ascii=False, default=str),
    )


def _resolve(request: HttpRequest, catalog: str, ident: str, form: editor.Form) -> HttpResponse:
    """The user's choice at each conflict: their own value where they took it."""
    base = _base(request, catalog, ident, form.base)
    merged = editor.document_of(form, base, base.get("years", []))
    # the user's own edit, sent back by their browser: read with the format's guards (a
    # JsonError is said on the page like any error of the user's input)
    sent = parse_json(request.POST.get("mine", "{}"))
    shown = proposals.preview(DatabaseStore(), actor_of(request.user), catalog, ident, sent)
    if shown.proposal is None:
        raise InputError(
            _("Din egen rettelse kom ikke uskadt tilbage fra browseren; åbn forslaget igen.")
        )
    # in the format's own shape (JSON keeps a year as text)
    mine = proposal_document(shown.proposal)
    chosen = resolve(merged, mine, request.POST.getlist("take"))
    resolved = editor.form_of(chosen, form.base, _key_units(catalog))
    resolved.why = form.why
    messages.info(request, _("Dine valg er lagt ind. Se tallene igennem og gem."))
    return _render(request, catalog, ident, resolved, chosen)
