# SPDX-License-Identifier: MPL-2.0
"""``django-admin gevinst_reminders``, meant for a daily timer (issue 13, item 7): each
member of an administration (an active user with an e-mail address whose
:class:`~gevinst.web.models.Membership` names it) gets one e-mail listing the follow-up
occurrences that are overdue or due that day and that the administration answers for
(:func:`gevinst.services.followup.reminders`), over every catalog.

A user is sent at most one reminder a day: what was sent is kept
(:class:`~gevinst.web.models.ReminderSent`), written in the same transaction as the e-mail is
handed to the backend, so a failed send is tried again on the next run and a second run the
same day sends nothing. A confidential proposal's goals are listed only to those who may read
it in full: each list is made as that user."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gevinst.services import followup
from gevinst.services.followup import Item
from gevinst.web.access import actor_of
from gevinst.web.models import ReminderSent
from gevinst.web.store import DatabaseStore
from gevinst.web.views.followup import STATUS_LABELS


def _listed(user: Any, day: date) -> list[tuple[str, list[Item]]]:
    """The catalogs with what ``user``'s administration has overdue or due on ``day``."""
    store, actor = DatabaseStore(), actor_of(user)
    administration = user.membership.administration
    found = []
    for key in store.catalogs():
        items = followup.reminders(store, actor, key, day, administration)
        if items:
            found.append((key, items))
    return found


def _body(day: date, listed: list[tuple[str, list[Item]]], site: str) -> str:
    lines = [
        _("Opfølgningsmål, som din forvaltning er ansvarlig for, den %(day)s:")
        % {"day": day.isoformat()}
    ]
    for key, items in listed:
        lines += ["", _("Katalog %(key)s:") % {"key": key}]
        lines += [
            f"- {STATUS_LABELS[i.status]}: {i.proposal}, {i.goal} "
            f"({i.due_from.isoformat()}–{i.due_to.isoformat()}; {i.responsible})"
            for i in items
        ]
        if site:
            lines.append(site.rstrip("/") + reverse("followup", args=[key]))
    lines += ["", _("Et mål tæller kun som nået, når der er registreret dokumentation for det.")]
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = (
        "Send hver forvaltnings medlemmer én e-mail med dagens forfaldne og aktuelle "
        "opfølgningsmål; højst én om dagen til hver."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="dagen der ses fra (ÅÅÅÅ-MM-DD; standard: i dag)")
        parser.add_argument(
            "--site",
            default="",
            help="webapplikationens adresse til linket i e-mailen, fx https://gevinst.kk.dk",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            day = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"--date {options['date']!r} er ikke en dato (ÅÅÅÅ-MM-DD)") from None
        counts = {"sent": 0, "nothing": 0, "already": 0}
        users = (
            get_user_model()
            .objects.filter(is_active=True, membership__isnull=False)
            .exclude(email="")
            .exclude(membership__administration="")
            .select_related("membership")
        )
        with translation.override(settings.LANGUAGE_CODE):
            for user in users.order_by("username"):
                counts[self._remind(user, day, options["site"])] += 1
        self.stdout.write(
            f"{day.isoformat()}: {counts['sent']} påmindelser sendt; {counts['nothing']} "
            f"havde intet forfaldent eller aktuelt; {counts['already']} havde fået dagens"
        )

    def _remind(self, user: Any, day: date, site: str) -> str:
        if ReminderSent.objects.filter(user=user, day=day).exists():
            return "already"
        listed = _listed(user, day)
        n = sum(len(items) for _, items in listed)
        if not n:
            return "nothing"
        subject = ngettext(
            "gevinst: %(n)s opfølgningsmål er forfaldent eller aktuelt",
            "gevinst: %(n)s opfølgningsmål er forfaldne eller aktuelle",
            n,
        ) % {"n": n}
        with transaction.atomic():
            # written first: a second run waits for this one's transaction, then finds it
            ReminderSent.objects.create(user=user, day=day, items=n)
            send_mail(subject, _body(day, listed, site), None, [user.email])
        return "sent"
