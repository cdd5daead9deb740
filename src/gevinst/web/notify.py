# SPDX-License-Identifier: MPL-2.0
"""Notifications of the review (issue 13, item 2): in the application (a user's list of
:class:`gevinst.web.models.Notification`, the header's unread count) and by e-mail through
Django's e-mail backend (the console in the demo, ``GEVINST_EMAIL_*`` in production).

- A consultation asked: the members of the body asked (their membership names the body, or
  it is their administration), except the one who asked.
- A consultation answered: the one who asked.
- A reply in a thread: everyone who wrote in it, except the one who replied.

A message names the proposal by its id and title, and never quotes a comment or a note. To a
user who may not read a confidential proposal in full it names the proposal's id alone, in the
application and in the e-mail alike; the page it links to shows them nothing more."""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from gevinst.core.access import may_read_in_full
from gevinst.core.comments import Thread
from gevinst.core.consultation import Asked
from gevinst.core.model import Proposal
from gevinst.core.numbers import dk_date
from gevinst.web.access import actor_of
from gevinst.web.models import Membership, Notification

log = logging.getLogger(__name__)


def unread(request: HttpRequest) -> dict[str, int]:
    """The template context's ``unread``: the signed-in user's unread notifications."""
    if not request.user.is_authenticated:
        return {}
    return {"unread": Notification.objects.filter(user=request.user, read=None).count()}


def _named(user: Any, p: Proposal) -> str:
    """The proposal as a message to ``user`` may name it."""
    if may_read_in_full(actor_of(user), p):
        return f"{p.id} {p.title}"
    return _("%(id)s (fortroligt)") % {"id": p.id}


def _send(request: HttpRequest, users: Iterable[Any], link: str, text_of: Any) -> int:
    """Each user's message, ``text_of(user)``, kept and, where they have an address, mailed
    with the link; how many were told. A mail server that fails is logged: what was done
    is done, and the message is in the application."""
    told = 0
    for user in users:
        text = text_of(user)
        Notification.objects.create(user=user, text=text, link=link)
        if user.email:
            body = f"{text}\n\n{request.build_absolute_uri(link)}"
            try:
                send_mail(f"gevinst: {text}"[:150], body, None, [user.email])
            except (smtplib.SMTPException, OSError) as e:
                log.warning("e-mail to %s not sent: %s", user.get_username(), e)
        told += 1
    return told


def _users(names: Iterable[str], but: str) -> list[Any]:
    wanted = [n for n in dict.fromkeys(names) if n != but]
    return list(get_user_model().objects.filter(username__in=wanted, is_active=True))


def members(to: str) -> list[Any]:
    """The active users who answer for body ``to`` (a consultation kind or an
    administration's code)."""
    found = Membership.objects.select_related("user").filter(user__is_active=True)
    return [m.user for m in found if to in (m.bodies or ()) or m.administration == to]


def _page(catalog: str, p: Proposal, anchor: str) -> str:
    return reverse("proposal", args=[catalog, p.id]) + anchor


def asked(request: HttpRequest, catalog: str, p: Proposal, a: Asked) -> int:
    def text(user: Any) -> str:
        return _("%(body)s er bedt om at høre forslag %(proposal)s senest %(due)s.") % {
            "body": a.request.body,
            "proposal": _named(user, p),
            "due": dk_date(a.request.due),
        }

    users = [u for u in members(a.request.to) if u.get_username() != a.request.who]
    return _send(request, users, _page(catalog, p, "#hoeringer"), text)


def answered(request: HttpRequest, catalog: str, p: Proposal, a: Asked) -> int:
    assert a.answer is not None
    answer = a.answer

    def text(user: Any) -> str:
        said = _("ja") if answer.heard else _("nej")
        return _("%(body)s har svaret %(answer)s i høringen af forslag %(proposal)s.") % {
            "body": a.request.body,
            "answer": said,
            "proposal": _named(user, p),
        }

    users = _users([a.request.who], but=answer.who)
    return _send(request, users, _page(catalog, p, "#hoeringer"), text)


def replied(request: HttpRequest, catalog: str, p: Proposal, t: Thread) -> int:
    last = t.replies[-1]

    def text(user: Any) -> str:
        return _("%(who)s har svaret i en kommentartråd på forslag %(proposal)s.") % {
            "who": last.who,
            "proposal": _named(user, p),
        }

    users = _users(t.participants, but=last.who)
    return _send(request, users, _page(catalog, p, f"#kommentar-{t.number}"), text)
