# SPDX-License-Identifier: MPL-2.0
"""``gevinst serve``: the web application. Without ``DATABASE_URL`` a demo on SQLite in the
data directory, with the shipped catalog and the demo users; with it, the production
database, migrated, with no demo users. This module is loaded only for this command, so
Django is not loaded for the others."""

from __future__ import annotations

import os
import sys

import django
from django.conf import settings
from django.core.management import call_command

DEMO_LOGINS = "cfo, editor-okf, editor-sof og reader (adgangskode: demo)"
PRODUCTION_NOTE = (
    "gevinst serve bruger Djangos udviklingsserver. I drift: kør WSGI-applikationen "
    "gevinst.web.wsgi:application bag en WSGI-server (fx gunicorn) og en HTTPS-proxy.\n"
)


def setup() -> None:
    """Django configured from the environment (gevinst.web.settings)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gevinst.web.settings")
    django.setup()


def serve(host: str, port: int) -> int:
    setup()
    call_command("migrate", interactive=False, verbosity=0)
    if settings.DEMO:
        # the models can be imported only once Django is set up
        from gevinst.web import demo  # noqa: PLC0415

        demo.prepare()
        sys.stdout.write(f"gevinst (demo på SQLite i {settings.DATA_DIR})\n")
        sys.stdout.write(f"Log ind som {DEMO_LOGINS}\n")
    else:
        # runserver is Django's development server: fine for a trial, not for many users
        sys.stderr.write(PRODUCTION_NOTE)
    sys.stdout.write(f"Åbn http://{host}:{port}/ i en browser; stop med Ctrl+C\n")
    sys.stdout.flush()
    call_command("runserver", f"{host}:{port}", use_reloader=False)
    return 0
