# SPDX-License-Identifier: MPL-2.0
"""The web application's latency, server side: the catalog page, a proposal's page, and the
recompute of one proposal as its editor types (the htmx request the editor sends), each
against the baseline of loading and checking the seed catalog in the same process.

Run: uv run python -m bench.web [--repeat 20]
It runs on an SQLite database in memory with the demo's users and the seed catalog, through
Django's test client (no network, the whole request and response).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from tests.paths import SEED

from gevinst.core.check import check_catalog
from gevinst.format.reader import load_catalog

ROOT_CATALOG = "/katalog/kk-budget-2025/"
BC01 = ROOT_CATALOG + "forslag/BC01/"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.web.settings")
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.test.utils import setup_test_environment  # noqa: PLC0415

    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)


def _median(run: Callable[[], object], repeat: int) -> float:
    run()  # warm: caches, templates, imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    _setup()
    # the web application's modules can be imported only once Django is set up
    from django.test import Client  # noqa: PLC0415
    from tests.web.forms import form_data  # noqa: PLC0415

    from gevinst.web import demo  # noqa: PLC0415

    demo.prepare()
    client = Client()
    client.login(username="editor-okf", password=demo.PASSWORD)
    form = form_data(client.get(BC01 + "rediger/").content.decode())
    edited = form | {"line-2-2027": "-1.000"}

    def recompute() -> None:
        response = client.post(BC01 + "rediger/beregn/", edited)
        assert response.status_code == 200

    baseline = _median(lambda: check_catalog(load_catalog(SEED)), args.repeat)
    rows = [
        ("load + check of the seed catalog (baseline)", baseline),
        ("catalog page (GET)", _median(lambda: client.get(ROOT_CATALOG), args.repeat)),
        ("proposal page, BC01 (GET)", _median(lambda: client.get(BC01), args.repeat)),
        ("recompute while editing BC01 (POST)", _median(recompute, args.repeat)),
    ]
    print(f"{'':46} {'median':>10} {'ratio':>7}")
    for label, seconds in rows:
        print(f"{label:46} {seconds * 1000:8.1f} ms {seconds / baseline:6.2f}x")


if __name__ == "__main__":
    main()
