# SPDX-License-Identifier: MPL-2.0
"""The daily reminders (``gevinst_reminders``, through Django's locmem e-mail backend): one
e-mail to each member of an administration with what it answers for, overdue or due; never a
confidential proposal's goal to one who may not read it in full; one a day at most."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from gevinst.stores.base import Change
from gevinst.web.models import Membership, ReminderSent, Role
from gevinst.web.store import DatabaseStore

KEY = "kk-budget-2025"
DAY = "2025-12-31"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"

pytestmark = pytest.mark.usefixtures("seeded", "members")


@pytest.fixture
def members(seeded: None) -> None:
    """The demo's users without addresses (they are told nothing), and two members of
    administrations: Anna edits for ØKF, Bo reads in SOF."""
    get_user_model().objects.update(email="")
    _member("anna", "ØKF", Role.EDITOR)
    _member("bo", "SOF")


def _member(username: str, administration: str, role: str = Role.READER) -> None:
    user = get_user_model().objects.create_user(username, email=f"{username}@kk.dk")
    Membership.objects.create(user=user, role=role, administration=administration)


def _run(*more: str) -> str:
    out = StringIO()
    with override_settings(EMAIL_BACKEND=LOCMEM):
        call_command("gevinst_reminders", "--date", DAY, *more, stdout=out)
    return out.getvalue()


def test_each_member_gets_one_email_of_what_their_administration_answers_for() -> None:
    _member("carl", "KFF")  # KFF answers for no goal of the seed
    out = _run("--site", "https://gevinst.kk.dk/")
    assert out == (
        "2025-12-31: 2 påmindelser sendt; 1 havde intet forfaldent eller aktuelt; "
        "0 havde fået dagens\n"
    )
    by = {m.to[0]: m for m in mail.outbox}
    assert sorted(by) == ["anna@kk.dk", "bo@kk.dk"]
    anna = by["anna@kk.dk"]
    assert anna.subject.startswith("gevinst: ") and "forfaldne eller aktuelle" in anna.subject
    assert anna.body.startswith(
        "Opfølgningsmål, som din forvaltning er ansvarlig for, den 2025-12-31:\n\n"
        "Katalog kk-budget-2025:\n"
        "- Forfalden: BC01, Ledergodkendelser er fjernet på fraværsindberetninger. "
        "(2025-07-01–2025-09-30; Koncernservice (projektejer))\n"
    )
    assert f"https://gevinst.kk.dk/katalog/{KEY}/opfoelgning/\n" in anna.body
    # only what ØKF answers for: Koncernservice, KEJD, KIT are ØKF's; F3's "Den fælles
    # projektledelse i BUF og SOF" is not
    assert "Den fælles projektledelse i BUF og SOF" not in anna.body
    assert "Den fælles projektledelse i BUF og SOF" in by["bo@kk.dk"].body
    assert "Kommende" not in anna.body and "Nået" not in anna.body.split("\n\n")[1]


def test_a_second_run_the_same_day_sends_nothing() -> None:
    _run()
    assert len(mail.outbox) == 2
    out = _run()
    assert len(mail.outbox) == 2
    assert out.endswith(
        "0 påmindelser sendt; 0 havde intet forfaldent eller aktuelt; 2 havde fået dagens\n"
    )
    sent = {r.user.username: r.items for r in ReminderSent.objects.all()}
    told = {m.to[0].split("@")[0]: int(m.subject.split()[1]) for m in mail.outbox}
    assert sent == told
    # the next day is a day of its own
    _run_on("2026-01-01")
    assert len(mail.outbox) == 4


def _run_on(day: str) -> None:
    with override_settings(EMAIL_BACKEND=LOCMEM):
        call_command("gevinst_reminders", "--date", day, stdout=StringIO())


def test_a_confidential_goal_only_to_who_may_read_it() -> None:
    """BC01 made confidential: a reader in ØKF is not told its goals, an editor in ØKF is."""
    store = DatabaseStore()
    current = store.proposal(KEY, "BC01")
    document = {**current.document, "confidential": True}
    change = Change(who="cfo", when=timezone.now(), why="fortrolig")
    store.save_proposal(KEY, "BC01", document, base=current.version, change=change)
    _member("dorte", "ØKF", Role.READER)
    _run()
    by = {m.to[0]: m.body for m in mail.outbox}
    assert "BC01" in by["anna@kk.dk"]
    assert "BC01" not in by["dorte@kk.dk"] and "Ledergodkendelser" not in by["dorte@kk.dk"]
    assert "BC02" in by["dorte@kk.dk"]


def test_a_failed_send_is_tried_again() -> None:
    with (
        override_settings(EMAIL_BACKEND="tests.web.test_reminders.Failing"),
        pytest.raises(OSError, match="forbindelsen"),
    ):
        call_command("gevinst_reminders", "--date", DAY, stdout=StringIO())
    assert not ReminderSent.objects.exists()
    _run()
    assert len(mail.outbox) == 2


def test_a_day_that_is_not_a_date_is_refused() -> None:
    with pytest.raises(CommandError, match="--date '31-12-2025' er ikke en dato"):
        call_command("gevinst_reminders", "--date", "31-12-2025", stdout=StringIO())


class Failing:
    """An e-mail backend whose server is down."""

    def __init__(self, **kwargs: object) -> None:
        pass

    def send_messages(self, messages: object) -> int:
        raise OSError("forbindelsen blev afvist")
