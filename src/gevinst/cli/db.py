# SPDX-License-Identifier: MPL-2.0
"""``gevinst db import FOLDER`` and ``gevinst db export CATALOG FOLDER``: a catalog folder
into the web application's database and back, in the same format, byte for byte as gevinst
writes it. The database is the one ``gevinst serve`` uses (``DATABASE_URL``, or the demo's
SQLite in the data directory), migrated first. Loaded only for these commands."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management import call_command

from gevinst.cli.serve import setup
from gevinst.core.access import LOCAL
from gevinst.services.catalogs import copy_catalog
from gevinst.stores.base import Store
from gevinst.stores.folder import FolderStore


def _database() -> Store:
    setup()
    call_command("migrate", interactive=False, verbosity=0)
    # the models can be imported only once Django is set up
    from gevinst.web.store import DatabaseStore  # noqa: PLC0415

    return DatabaseStore()


def import_folder(folder: Path, key: str | None) -> int:
    why = f"indlæst fra {folder}"
    key, catalog = copy_catalog(FolderStore(), str(folder), _database(), key, LOCAL, why)
    sys.stdout.write(f"{len(catalog.proposals)} forslag indlæst i databasen som {key}\n")
    return 0


def export_folder(key: str, folder: Path) -> int:
    _, catalog = copy_catalog(_database(), key, FolderStore(), str(folder), LOCAL, "")
    sys.stdout.write(f"{len(catalog.proposals)} forslag skrevet til {folder}\n")
    return 0
