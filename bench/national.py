# SPDX-License-Identifier: MPL-2.0
"""The national portfolio (98 municipalities x 150 proposals) loaded from the JSON bundles the
web application stores and checked, one catalog at a time as a server would, in a process of
its own so that its peak memory is its own.

Figures: JSON parsing alone (the baseline), load (parse, validate, build the proposals) and
check, each summed over the catalogs; proposals a second; the peak memory (max RSS).

Run: uv run python -m bench.national [--catalogs 98] [--proposals 150] [--json OUT]
The portfolio and its bundles are generated once into bench/.portfolios/.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from bench.generate import write_portfolio
from gevinst.core.check import check_catalog
from gevinst.format.reader import load_catalog
from gevinst.importers.bundle import catalog_bundle, import_file

CACHE = Path(__file__).parent / ".portfolios"


def bundles(catalogs: int, proposals: int) -> list[Path]:
    """One JSON bundle per catalog of the portfolio, generated once."""
    folder = CACHE / f"national-{catalogs}x{proposals}"
    if not (folder / f"kommune-{catalogs:02d}" / "catalog.yaml").exists():
        write_portfolio(folder, catalogs, proposals, seed=1)
    out = []
    for catalog in sorted(p for p in folder.iterdir() if (p / "catalog.yaml").exists()):
        bundle = folder / f"{catalog.name}.json"
        if not bundle.exists():
            bundle.write_text(json.dumps(catalog_bundle(load_catalog(catalog)), default=str))
        out.append(bundle)
    return out


def measure(paths: list[Path]) -> dict[str, float]:
    parse = load = check = 0.0
    proposals = findings = 0
    for path in paths:
        start = time.perf_counter()
        json.loads(path.read_text(encoding="utf-8"))
        parsed = time.perf_counter()
        catalog = import_file(path)
        loaded = time.perf_counter()
        findings += len(check_catalog(catalog))
        checked = time.perf_counter()
        parse += parsed - start
        load += loaded - parsed
        check += checked - loaded
        proposals += len(catalog.proposals)
    return {
        "catalogs": len(paths),
        "proposals": proposals,
        "findings": findings,
        "json_parse_s": parse,
        "load_s": load,
        "check_s": check,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogs", type=int, default=98)
    parser.add_argument("--proposals", type=int, default=150)
    parser.add_argument("--json", type=Path, help="skriv tallene som JSON hertil")
    args = parser.parse_args()
    paths = bundles(args.catalogs, args.proposals)
    figures = measure(paths)
    n, total = figures["proposals"], figures["load_s"] + figures["check_s"]
    print(
        f"landsportefølje {figures['catalogs']:.0f} x {args.proposals} = {n:.0f} forslag fra "
        f"JSON: indlæsning {figures['load_s']:.1f} s + kontrol {figures['check_s']:.1f} s = "
        f"{total:.1f} s ({n / total:.0f} forslag/s; kontrol alene {n / figures['check_s']:.0f} "
        f"forslag/s), {figures['peak_mb']:.0f} MB; JSON-parsning alene "
        f"{figures['json_parse_s']:.1f} s (indlæsning + kontrol = "
        f"{total / figures['json_parse_s']:.0f} x parsning)",
        flush=True,
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
