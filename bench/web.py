# SPDX-License-Identifier: MPL-2.0
"""The web application's latency, server side: the catalog page, a proposal's page, and the
recompute of one proposal as its editor types (the htmx request the editor sends), each
against the baseline of loading and checking the seed catalog in the same process.

With ``--proposals N`` it also stores a synthetic catalog of N proposals (bench/generate.py)
and measures its catalog page as a finance officer meets it: unchanged since the last visit,
and just after one of its proposals was saved (the page reads and checks the saved version
alone); against loading and checking that catalog in the same process.

Run: uv run python -m bench.web [--repeat 20] [--proposals 1000] [--json OUT]
It runs on an SQLite database in memory with the demo's users and the seed catalog, through
Django's test client (no network, the whole request and response).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from tests.paths import SEED

from gevinst.core.check import check_catalog
from gevinst.format.reader import load_catalog

if TYPE_CHECKING:
    from django.test import Client

ROOT_CATALOG = "/katalog/kk-budget-2025/"
_NOW = datetime(2026, 12, 2, tzinfo=UTC)
BC01 = ROOT_CATALOG + "forslag/BC01/"
RECOMPUTE = "recompute while editing BC01 (POST)"  # the row issue 11's target is about


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.web.settings")
    # the test client's host; Django's test environment is not set up: it would instrument
    # every template's rendering (a signal and a copy of its context for each, which the
    # test client keeps), a cost the running application does not have
    os.environ.setdefault("GEVINST_ALLOWED_HOSTS", "testserver")
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

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
    parser.add_argument("--proposals", type=int, help="også et syntetisk katalog, fx 1000")
    parser.add_argument("--json", type=Path, help="skriv tallene (sekunder) som JSON hertil")
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
    # the body htmx sends for the editor's form (no enctype: url-encoded, as the browser's
    # own submit), encoded once: Django's test client would send a dict multipart, whose
    # parsing cost more than the recompute itself
    edited = urlencode(form | {"line-2-2027": "-1.000"}, doseq=True)

    def recompute() -> None:
        response = client.post(
            BC01 + "rediger/beregn/",
            edited,
            content_type="application/x-www-form-urlencoded",
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200

    baseline = _median(lambda: check_catalog(load_catalog(SEED)), args.repeat)
    rows = [
        ("load + check of the seed catalog (baseline)", baseline),
        ("catalog page (GET)", _median(lambda: client.get(ROOT_CATALOG), args.repeat)),
        ("proposal page, BC01 (GET)", _median(lambda: client.get(BC01), args.repeat)),
        (RECOMPUTE, _median(recompute, args.repeat)),
    ]
    _table(rows)
    if args.proposals:
        large = _large(client, args.proposals, args.repeat)
        _table(large)
        rows += large
    if args.json:
        figures = {label: seconds for label, seconds in rows}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def _table(rows: list[tuple[str, float]]) -> None:
    """The rows, each with its ratio to the first (the baseline)."""
    baseline = rows[0][1]
    print(f"{'':52} {'median':>10} {'ratio':>7}")
    for label, seconds in rows:
        print(f"{label:52} {seconds * 1000:8.1f} ms {seconds / baseline:6.2f}x", flush=True)


def _large(client: Client, proposals: int, repeat: int) -> list[tuple[str, float]]:
    """The catalog page of a synthetic catalog of ``proposals`` proposals, unchanged and just
    after a save of one of them, against loading and checking the catalog in-process."""
    from bench.run import portfolio  # noqa: PLC0415
    from gevinst.stores.base import Change  # noqa: PLC0415
    from gevinst.web.store import DatabaseStore  # noqa: PLC0415

    folder = portfolio(proposals)
    store, key = DatabaseStore(), f"syntetisk-{proposals}"
    store.create_catalog(key, load_catalog(folder), Change(who="bench", when=_NOW, why="benchmark"))
    page = f"/katalog/{key}/"
    rounds = max(3, repeat // 4)
    saves = iter(range(1, 10_000))

    def after_a_save() -> float:
        """The page's time right after one proposal's line changed (the save not timed)."""
        current = store.proposal(key, "P0001")
        line = current.document["lines"][0]
        changed = {**line, "amounts": {y: -next(saves) for y in line["amounts"]}}
        document = {**current.document, "lines": [changed, *current.document["lines"][1:]]}
        store.save_proposal(
            key,
            "P0001",
            document,
            base=current.version,
            change=Change(who="bench", when=_NOW, why="edit"),
        )
        start = time.perf_counter()
        assert client.get(page).status_code == 200
        return time.perf_counter() - start

    label = f"{proposals} proposals"
    return [
        (
            f"load + check of {label} (baseline)",
            _median(lambda: check_catalog(load_catalog(folder)), rounds),
        ),
        (f"catalog page of {label}, unchanged (GET)", _median(lambda: client.get(page), rounds)),
        (
            f"catalog page of {label}, after a save (GET)",
            statistics.median(after_a_save() for _ in range(rounds)),
        ),
    ]


if __name__ == "__main__":
    main()
