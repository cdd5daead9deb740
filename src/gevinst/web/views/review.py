# SPDX-License-Identifier: MPL-2.0
"""The review of a proposal from its page (issue 13, item 2): a consultation asked and
answered, a comment begun, replied to, resolved and reopened, each a form POSTed here that
works without a script, audited, and followed by the notifications it calls for; and the
signed-in user's notifications. A refusal is the error page with its message (4xx), and
nothing changes."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gevinst.core.comments import Address
from gevinst.core.errors import InputError
from gevinst.core.model import Proposal
from gevinst.services import comments, consultations
from gevinst.web import notify
from gevinst.web.access import actor_of, audit
from gevinst.web.models import Notification
from gevinst.web.store import DatabaseStore


def _date(request: HttpRequest, field: str) -> dt.date:
    value = request.POST.get(field, "")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(_("%(value)r er ikke en dato (ÅÅÅÅ-MM-DD)") % {"value": value}) from None


def _number(request: HttpRequest, field: str) -> int:
    try:
        return int(request.POST.get(field, ""))
    except ValueError:
        raise InputError(_("Siden mangler nummeret; hent den igen.")) from None


def _full(catalog: str, ident: str) -> Proposal:
    """The proposal as it is, to judge what a notification may say of it."""
    return DatabaseStore().catalog(catalog).proposal(ident)


def _back(catalog: str, ident: str, anchor: str) -> HttpResponse:
    return redirect(reverse("proposal", args=[catalog, ident]) + anchor)


@require_POST
def consult(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    to, note = request.POST.get("to", ""), request.POST.get("note", "")
    store, actor = DatabaseStore(), actor_of(request.user)
    made = consultations.request(store, actor, catalog, ident, to, _date(request, "due"), note)
    audit(request.user, "consult", catalog, ident, number=made.number, to=to)
    notify.asked(request, catalog, _full(catalog, ident), made)
    messages.success(
        request, _("%(body)s er bedt om at høre forslaget.") % {"body": made.request.body}
    )
    return _back(catalog, ident, "#hoeringer")


@require_POST
def answer(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    said = request.POST.get("heard", "")
    if said not in ("ja", "nej"):
        raise InputError(_("Svar ja eller nej."))
    store, actor = DatabaseStore(), actor_of(request.user)
    made, saved = consultations.answer(
        store,
        actor,
        catalog,
        ident,
        _number(request, "number"),
        heard_yes=said == "ja",
        date=_date(request, "date"),
        note=request.POST.get("note", ""),
        base=request.POST.get("base", ""),
    )
    audit(request.user, "answer", catalog, ident, number=made.number, heard=said, version=saved.id)
    notify.answered(request, catalog, _full(catalog, ident), made)
    messages.success(request, _("Svaret er gemt i Hvem er hørt?."))
    return _back(catalog, ident, "#hoeringer")


def _address(request: HttpRequest) -> Address:
    """The place a comment form names: ``afsnit:N``, ``linje:ID`` or ``celle`` with the
    cell's table, row and year."""
    kind, _sep, value = request.POST.get("place", "").partition(":")
    if kind == "afsnit":
        return Address(section=value)
    if kind == "linje":
        return Address(table="1", row=value)
    year = request.POST.get("year", "")
    if kind != "celle" or not year.isdigit():
        raise InputError(_("Vælg et afsnit, en linje eller en celle med et år."))
    return Address(
        table=request.POST.get("table", ""), row=request.POST.get("row", "").strip(), year=int(year)
    )


@require_POST
def comment(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    text = request.POST.get("text", "")
    thread = comments.comment(store, actor, catalog, ident, _address(request), text)
    audit(request.user, "comment", catalog, ident, number=thread.number)
    messages.success(request, _("Kommentaren er gemt."))
    return _back(catalog, ident, f"#kommentar-{thread.number}")


@require_POST
def reply(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    number = _number(request, "number")
    thread = comments.reply(store, actor, catalog, ident, number, request.POST.get("text", ""))
    audit(request.user, "reply", catalog, ident, number=number)
    notify.replied(request, catalog, _full(catalog, ident), thread)
    messages.success(request, _("Svaret er gemt."))
    return _back(catalog, ident, f"#kommentar-{number}")


@require_POST
def resolve(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    number, resolved = _number(request, "number"), request.POST.get("resolved") == "1"
    comments.resolve(store, actor, catalog, ident, number, resolved)
    audit(request.user, "resolve" if resolved else "reopen", catalog, ident, number=number)
    messages.success(request, _("Tråden er løst.") if resolved else _("Tråden er genåbnet."))
    return _back(catalog, ident, f"#kommentar-{number}")


def notifications(request: HttpRequest) -> HttpResponse:
    """The user's notifications, the newest first; a POST marks them read (one, or all)."""
    user = request.user
    assert user.is_authenticated  # every page but the login's asks for it
    mine = Notification.objects.filter(user=user)
    if request.method == "POST":
        chosen = mine.filter(read=None)
        if request.POST.get("id"):
            chosen = chosen.filter(pk=_number(request, "id"))
        chosen.update(read=timezone.now())
        return redirect("notifications")
    return render(request, "gevinst/notifications.html", {"notifications": mine[:200]})
