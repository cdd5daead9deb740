# SPDX-License-Identifier: MPL-2.0
"""The web application's settings for the tests: SQLite as the default database, and the
PostgreSQL server of this machine and CI (127.0.0.1:5432, user postgres, trust) as the
second, so that the database store's contract runs on both in one test run. With
``GEVINST_TEST_ON=postgres`` PostgreSQL is the default database too: tests/web/
test_on_postgresql.py runs the web tests so, in a run of their own."""

from __future__ import annotations

import os

os.environ["GEVINST_SECRET_KEY"] = "tests-only"
os.environ.pop("DATABASE_URL", None)

from gevinst.web.settings import *  # noqa: F403


def _postgresql(suffix: str) -> dict[str, object]:
    return {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ.get("GEVINST_TEST_PGHOST", "127.0.0.1"),
        "PORT": os.environ.get("GEVINST_TEST_PGPORT", "5432"),
        "USER": "postgres",
        "NAME": "gevinst",
        # a test database of this run's own, so that two runs at once (a developer's and
        # CI's) never drop each other's
        "TEST": {"NAME": f"test_gevinst_{os.getpid()}{suffix}"},
    }


SQLITE: dict[str, object] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
ON_POSTGRESQL = os.environ.get("GEVINST_TEST_ON") == "postgres"
DATABASES = {
    "default": _postgresql("_default") if ON_POSTGRESQL else SQLITE,
    "postgres": _postgresql(""),
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
