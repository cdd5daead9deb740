# SPDX-License-Identifier: MPL-2.0
"""The web application on PostgreSQL, the production database: every web test (pages,
editor, history, confidentiality, search, upload, i18n) run again with PostgreSQL as the
default database, in a test run of its own (Django's settings hold one default database per
process). The browser tests run on SQLite only; the store's contract and the concurrency
tests run on both already."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.paths import ROOT

pytestmark = pytest.mark.skipif(
    os.environ.get("GEVINST_TEST_ON") == "postgres", reason="this is the run on PostgreSQL"
)


def test_the_web_tests_pass_with_postgresql_as_the_database() -> None:
    env = {**os.environ, "GEVINST_TEST_ON": "postgres"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/web",
            "--ignore-glob=tests/web/test_browser*.py",
            "--ignore=tests/web/test_on_postgresql.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout.splitlines()[-1]
