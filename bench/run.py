# SPDX-License-Identifier: MPL-2.0
"""Every benchmark of gevinst in one run, each figure with its ratio to a baseline measured in
the same run (benchmarks measure; the tests assert).

- check: load + validate + check of synthetic catalogs (bench/generate.py) of growing size,
  from the YAML folder and from a JSON bundle; the baseline is libyaml parsing the same files
  and nothing else. Cost per proposal at each size shows whether growth is linear.
- spreadsheet: LibreOffice recalculating gevinst's technical workbook of a catalog, against
  gevinst loading and checking the same catalog (the figures the workbook recalculates), from
  its folder and from a JSON bundle of its documents.
- documents: PDF, Word and Excel of the seed catalog and of a large synthetic one, each in a
  process of its own so its peak memory (max RSS) is its own.
- national: the national portfolio (98 x 150) from its JSON bundles, load and check apart,
  against JSON parsing alone (bench/national.py, in a process of its own).
- web: the web application's pages, the seed's and a synthetic catalog's, against loading and
  checking the same catalog in the same process (bench/web.py, in a process of its own).

Each command is timed as installed: the bytecode of gevinst and its libraries is written first,
as an installer writes it (pip; ``uv sync --compile-bytecode``).

Run: uv run python -m bench.run [--sizes 10,100,1000] [--documents 1000] [--formats pdf,docx,xlsx]
     [--skip-libreoffice] [--national 98x150] [--web 1000]
Portfolios are generated once into bench/.portfolios/ (not committed).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import yaml

import gevinst
from bench.generate import write_portfolio
from bench.web import RECOMPUTE
from gevinst.core.check import check_catalog
from gevinst.format.reader import load_catalog
from gevinst.format.yamlsource import MAX_FILE_BYTES
from gevinst.importers.bundle import catalog_bundle, import_file

ROOT = Path(__file__).parents[1]
SEED = ROOT / "catalogs" / "kk-budget-2025"
CACHE = Path(__file__).parent / ".portfolios"
FORMATS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx"}
RECALCULATE_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def compile_bytecode() -> None:
    """The bytecode of gevinst and its libraries, written where it is not yet: a machine that
    keeps none (PYTHONDONTWRITEBYTECODE, as the development machines) would otherwise time each
    command compiling its 1.800 modules again (2,3 s a process, measured)."""
    libraries = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    for folder in sorted({*libraries, str(Path(gevinst.__file__).parent)}):
        compileall.compile_dir(folder, quiet=1, workers=0)


def named(proposals: int) -> str:
    """A synthetic catalog's name in the figures (the targets find theirs by it)."""
    return f"{proposals} forslag"


def portfolio(proposals: int) -> Path:
    """One synthetic catalog of ``proposals`` proposals, generated once."""
    folder = CACHE / f"p{proposals}"
    if not (folder / "kommune-01" / "catalog.yaml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_portfolio(folder, 1, proposals, seed=proposals)
    return folder / "kommune-01"


def median_time(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _libyaml(folder: Path) -> None:
    for f in sorted(folder.rglob("*.yaml")):
        yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _load_and_check(folder: Path) -> None:
    check_catalog(load_catalog(folder))


def _import_and_check(bundle: Path) -> None:
    check_catalog(import_file(bundle))


def _rounds(proposals: int) -> int:
    return max(1, min(7, 700 // proposals))


def bench_check(catalogs: dict[str, Path]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for name, folder in catalogs.items():
        n = len(list((folder / "proposals").glob("*.yaml")))
        rounds = _rounds(n)
        base = median_time(partial(_libyaml, folder), rounds)
        total = median_time(partial(_load_and_check, folder), rounds)
        bundle = Path(tempfile.mkdtemp()) / "bundle.json"
        bundle.write_text(json.dumps(catalog_bundle(load_catalog(folder)), default=str))
        # the importer reads no file over MAX_FILE_BYTES: a larger catalog is not one bundle
        fits = bundle.stat().st_size <= MAX_FILE_BYTES
        from_json = median_time(partial(_import_and_check, bundle), rounds) if fits else None
        rows.append(
            {
                "catalog": name,
                "proposals": n,
                "libyaml_s": base,
                "yaml_check_s": total,
                "json_check_s": from_json,
                "per_proposal_ms": total / n * 1000,
                "json_per_proposal_ms": from_json / n * 1000 if from_json else None,
            }
        )
        json_text = (
            f"{from_json:7.2f} s fra JSON ({from_json / n * 1000:5.1f} ms/forslag)"
            if from_json is not None
            else "JSON: over importens grænse for én fil"
        )
        print(
            f"check {name:>14}: {total:7.2f} s fra YAML ({total / n * 1000:5.1f} ms/forslag, "
            f"{total / base:4.1f} x libyaml alene), {json_text}",
            flush=True,
        )
    return rows


def _tree_rss(pid: int) -> int:
    """The resident memory (bytes) of a process and all its descendants, now: the PDF of a
    large catalog is laid out by child processes while the parent holds its blocks."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        child = int(stat.parent.name)
        parents[child], rss[child] = int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, grew = {pid}, True
    while grew:
        more = {c for c, p in parents.items() if p in tree} - tree
        tree, grew = tree | more, bool(more)
    return sum(rss.get(p, 0) for p in tree)


def _peak(argv: Sequence[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float, float]:
    """Wall time, peak memory (MB) and processor time of one command in a process of its own,
    with the processes it starts: the resident memory of all of them together, sampled every
    50 ms, or the largest process's own peak (max RSS) where that is more; the processor time
    (user and system) of the command and the processes it waited for, which other work on a
    shared machine does not inflate as it does the wall time; ``ok`` are the exit codes that
    mean it ran (``check`` says 1 when it finds an error)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampled = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        sampled = max(sampled, _tree_rss(proc.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        sys.exit(f"{' '.join(argv)} fejlede: {proc.stderr.read().decode() if proc.stderr else ''}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, max(usage.ru_maxrss * 1024, sampled) / 2**20, cpu


def _gevinst(*args: str) -> list[str]:
    return [sys.executable, "-m", "gevinst.cli", *args]


def bench_documents(
    catalogs: dict[str, Path], formats: Sequence[str] = tuple(FORMATS)
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder in catalogs.items():
            base, _, _ = _peak(_gevinst("check", str(folder), "--format", "json"), ok=(0, 1))
            for fmt in formats:
                out = Path(tmp) / f"{name}.{fmt}"
                args = ("export", str(folder), "--format", fmt, "-o", str(out))
                seconds, mb, cpu = _peak(_gevinst(*args, "--include-confidential"))
                rows.append(
                    {
                        "catalog": name,
                        "format": fmt,
                        "s": seconds,
                        "cpu_s": cpu,
                        "peak_mb": mb,
                        "ratio": seconds / base,
                    }
                )
                print(
                    f"{fmt:>4} af {name:>14}: {seconds:7.2f} s ({cpu:7.2f} s processortid), "
                    f"{mb:7.0f} MB ({seconds / base:5.1f} x check af samme katalog, {base:.2f} s)",
                    flush=True,
                )
    return rows


def bench_libreoffice(proposals: int) -> dict[str, object]:
    """LibreOffice opening gevinst's workbook, recalculating every formula, saving it; against
    gevinst computing and checking the same figures from the same catalog."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice er ikke installeret: regnearkssammenligningen er sprunget over")
        return {}
    folder = portfolio(proposals)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        book = work / "katalog.xlsx"
        subprocess.run(
            _gevinst("export", str(folder), "--format", "xlsx", "-o", str(book)), check=True
        )
        user = work / "profile" / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(RECALCULATE_ALWAYS, encoding="utf-8")
        argv = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(work / "out"),
            str(book),
        ]
        subprocess.run(argv, check=True, capture_output=True)  # warm LibreOffice's profile once
        office, _, _ = _peak(argv)
        # gevinst from its two kinds of storage: the catalog folder, and the JSON documents
        # the web application keeps (here one bundle)
        bundle = work / "bundle.json"
        bundle.write_text(json.dumps(catalog_bundle(load_catalog(folder)), default=str))
        from_json = median_time(partial(_import_and_check, bundle), 3)
    ours = median_time(partial(_load_and_check, folder), 3)
    print(
        f"regneark {proposals} forslag: LibreOffice {office:.2f} s; gevinst fra YAML "
        f"{ours:.2f} s = LibreOffice/gevinst {office / ours:.1f}, fra JSON {from_json:.2f} s "
        f"= LibreOffice/gevinst {office / from_json:.1f}",
        flush=True,
    )
    return {
        "proposals": proposals,
        "libreoffice_s": office,
        "gevinst_s": ours,
        "gevinst_json_s": from_json,
    }


def bench_national(size: str) -> dict[str, object]:
    catalogs, proposals = size.split("x")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "national.json"
        argv = ["--catalogs", catalogs, "--proposals", proposals, "--json", str(out)]
        subprocess.run([sys.executable, "-m", "bench.national", *argv], check=True)
        figures: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return figures


def bench_web(proposals: int) -> dict[str, object]:
    """The web application's pages (bench/web.py, in a process of its own: it sets up Django
    with a database in memory), with a synthetic catalog of ``proposals`` proposals."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "web.json"
        argv = ["--repeat", "10", "--proposals", str(proposals), "--json", str(out)]
        subprocess.run([sys.executable, "-m", "bench.web", *argv], check=True)
        figures: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return figures


# issue 11's targets: (what, the figure's limit); a figure above its limit misses it
TARGETS = {
    "seed": ("seedkataloget: indlæsning + kontrol (s)", 0.2),
    "national": ("10.000 forslag: indlæsning + kontrol (s, efter landsporteføljens tempo)", 5.0),
    "pdf": ("PDF af 1.000 forslag (s)", 30.0),
    "pdf_gb": ("PDF af 1.000 forslag, største hukommelse (GB)", 1.0),
    "recompute": ("genberegning af ét forslag efter en rettelse (s)", 0.05),
    "libreoffice": ("gevinst fra JSON / LibreOffice på samme regneark (højst 1/20)", 1 / 20),
}


def measured(results: dict[str, Any]) -> dict[str, float]:
    """The figures of ``results`` that issue 11 sets a target for, where they were measured."""
    found = {"seed": results["check"][0]["yaml_check_s"]}
    if national := results.get("national"):
        total = national["load_s"] + national["check_s"]
        found["national"] = total / national["proposals"] * 10_000
    for row in results["documents"]:
        if row["catalog"] == named(1000) and row["format"] == "pdf":
            found["pdf"], found["pdf_gb"] = row["s"], row["peak_mb"] / 1024
    if web := results.get("web"):
        found["recompute"] = web[RECOMPUTE]
    if sheet := results.get("spreadsheet"):
        found["libreoffice"] = sheet["gevinst_json_s"] / sheet["libreoffice_s"]
    return found


def print_targets(found: dict[str, float]) -> None:
    """Each target measured, met or missed by how much (README's Performance says why)."""
    for key, value in found.items():
        what, limit = TARGETS[key]
        verdict = "nået" if value <= limit else f"ikke nået: {value / limit:.1f} x for meget"
        print(f"mål: {what}: {value:.3g} (grænse {limit:.3g}) - {verdict}", flush=True)
    print("hvorfor et mål ikke er nået: README.md, Performance", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--formats", default=",".join(FORMATS), help="fx pdf (dokumenterne)")
    parser.add_argument("--spreadsheet", type=int, default=100)
    parser.add_argument("--skip-libreoffice", action="store_true")
    parser.add_argument("--national", help="landsporteføljen, fx 98x150 (kataloger x forslag)")
    parser.add_argument(
        "--web", type=int, help="webapplikationens sider, med et katalog på fx 1000"
    )
    parser.add_argument("--json", type=Path, help="skriv tallene som JSON hertil")
    args = parser.parse_args()
    print(f"maskine: {os.cpu_count()} kerner, Python {sys.version.split()[0]}", flush=True)
    compile_bytecode()
    sizes = {named(n): portfolio(n) for n in map(int, args.sizes.split(","))}
    results: dict[str, object] = {"check": bench_check({"seed": SEED, **sizes})}
    if not args.skip_libreoffice:
        results["spreadsheet"] = bench_libreoffice(args.spreadsheet)
    catalogs = {"seed": SEED, named(args.documents): portfolio(args.documents)}
    results["documents"] = bench_documents(catalogs, args.formats.split(","))
    if args.national:
        results["national"] = bench_national(args.national)
    if args.web:
        results["web"] = bench_web(args.web)
    print_targets(measured(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
