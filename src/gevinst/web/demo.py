# SPDX-License-Identifier: MPL-2.0
"""The demo: the shipped Copenhagen catalog and five users with the password ``demo``, made
only when gevinst runs without ``DATABASE_URL`` (on SQLite in the data directory). Each has
an address at ``example.invalid``, so that the notifications' e-mails show on the console."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gevinst.format.reader import load_catalog
from gevinst.stores.base import Change
from gevinst.web.models import Membership, Role
from gevinst.web.store import DatabaseStore

PASSWORD = "demo"
# username -> (full name, role, the administration whose proposals they write)
USERS = {
    "cfo": ("Center for Økonomi", Role.CFO, ""),
    "editor-okf": ("Redaktør, Økonomiforvaltningen", Role.EDITOR, "ØKF"),
    "editor-sof": ("Redaktør, Socialforvaltningen", Role.EDITOR, "SOF"),
    "reader": ("Læser", Role.READER, ""),
    "it-kredsen": ("Medlem, IT-kredsen", Role.READER, ""),
}
# username -> the bodies whose consultations they answer (the profile's consultation kinds)
BODIES = {"it-kredsen": ["it-kredsen"]}


def shipped_catalog() -> Path:
    """catalogs/kk-budget-2025: inside the installed package (the wheel carries it), or
    beside the source in a checkout."""
    here = Path(__file__).resolve()
    for catalogs in (here.parents[1] / "catalogs", here.parents[3] / "catalogs"):
        if (catalogs / "kk-budget-2025" / "catalog.yaml").is_file():
            return catalogs / "kk-budget-2025"
    raise FileNotFoundError("the shipped catalog kk-budget-2025 is missing from this install")


@transaction.atomic
def prepare() -> None:
    """The demo users and the shipped catalog, each made once."""
    users = get_user_model()
    for username, (name, role, administration) in USERS.items():
        if users.objects.filter(username=username).exists():
            continue
        first, _, last = name.partition(", ")
        user = users.objects.create_user(
            username,
            email=f"{username}@example.invalid",
            password=PASSWORD,
            first_name=first,
            last_name=last,
        )
        Membership.objects.create(
            user=user,
            role=role,
            administration=administration,
            bodies=BODIES.get(username, []),
        )
    store = DatabaseStore()
    if not store.catalogs():
        catalog = load_catalog(shipped_catalog())
        change = Change(who="demo", when=timezone.now(), why="demoens katalog indlæst")
        store.create_catalog(catalog.id, catalog, change)
