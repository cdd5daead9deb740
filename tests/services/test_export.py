# SPDX-License-Identifier: MPL-2.0
"""The export through the service: the seed rendered to bytes in every format, a
confidential proposal shown by its catalog row alone unless asked for, and asked for only
by one who may read it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

import docx
import openpyxl
import pytest

from gevinst.core.access import LOCAL
from gevinst.core.errors import AccessDeniedError, InputError, NotFoundError
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.services.export import FORMATS, Export, export
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import READER

# BC01's first line, made the proposal's secret: the catalog row does not publish it
SECRET = "Hemmelig effektivisering i Koncernservice"
ONLY_BC01 = ExportOptions(proposal="BC01")
IN_FULL = ExportOptions(proposal="BC01", include_confidential=True)


@pytest.fixture
def secret_store(seed: Catalog) -> MemoryStore:
    bc01 = seed.proposal("BC01")
    lines = (replace(bc01.lines[0], text=SECRET), *bc01.lines[1:])
    secret = replace(bc01, confidential=True, lines=lines)
    kept = MemoryStore()
    when = datetime(2026, 1, 1, tzinfo=UTC)
    cat = replace(seed, proposals=(secret, *seed.proposals[1:]))
    kept.create_catalog("kat", cat, Change(who="x", when=when, why="x"))
    return kept


def text_of(done: Export) -> str:
    """Every text an export holds, read back as its reader reads it."""
    if done.name.endswith(".pdf"):
        pdf = subprocess.run(
            ["pdftotext", "-", "-"], input=done.content, capture_output=True, check=True
        )
        return " ".join(pdf.stdout.decode("utf-8").split())
    if done.name.endswith(".docx"):
        document = docx.Document(io.BytesIO(done.content))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if done.name.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(done.content))
        return "\n".join(str(c.value) for s in book for r in s.iter_rows() for c in r if c.value)
    return "\n".join(b.decode("utf-8-sig") for b in done.files.values())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_confidential_proposal_is_shown_in_full_only_when_asked(
    secret_store: MemoryStore, fmt: str
) -> None:
    public = export(secret_store, LOCAL, "kat", fmt, ONLY_BC01)
    full = export(secret_store, LOCAL, "kat", fmt, IN_FULL)
    assert public.media_type == full.media_type == FORMATS[fmt].media_type
    assert "Samlet ferieløsning" in text_of(public)  # the catalog's row: its title
    assert SECRET not in text_of(public)
    assert SECRET in text_of(full)


def test_each_format_is_its_own_kind_of_file(store: MemoryStore) -> None:
    made = {fmt: export(store, LOCAL, "kat", fmt, ONLY_BC01) for fmt in FORMATS}
    assert made["pdf"].name == "kk-budget-2025-BC01.pdf"
    assert made["pdf"].content.startswith(b"%PDF-")
    for fmt in ("docx", "xlsx"):
        assert zipfile.ZipFile(io.BytesIO(made[fmt].content)).testzip() is None
    rows = list(csv.reader(io.StringIO(made["csv"].content.decode("utf-8-sig")), delimiter=";"))
    assert {r[0] for r in rows[1:]} == {"BC01"}
    package = made["fdp"]
    assert package.folder
    assert sorted(package.files) == ["data/linjer.csv", "data/udvalg.csv", "datapackage.json"]
    assert json.loads(package.files["datapackage.json"])["name"] == "kk-budget-2025-bc01"
    with pytest.raises(ValueError):
        package.content  # noqa: B018 - a folder has no one content


def test_charts_come_with_the_export_only_when_asked(store: MemoryStore) -> None:
    assert export(store, LOCAL, "kat", "csv", ONLY_BC01).charts == {}
    charts = export(store, LOCAL, "kat", "csv", ONLY_BC01, charts=True).charts
    assert sorted(charts) == ["BC01.svg", "katalog.svg"]
    assert b"Tilbagebetaling 2028" in charts["BC01.svg"]


def test_a_reader_may_not_include_confidential_proposals(store: MemoryStore) -> None:
    # F1 is confidential (FORTROLIG): the whole catalog in full would show it
    with pytest.raises(AccessDeniedError, match="F1 er fortroligt"):
        export(store, READER, "kat", "csv", ExportOptions(include_confidential=True))
    # what a reader may see is exported as it is published
    shown = export(store, READER, "kat", "csv", ExportOptions())
    assert b"F1;" in shown.content
    # a proposal that is not confidential is shown in full all the same
    assert export(store, READER, "kat", "csv", IN_FULL).content == (
        export(store, LOCAL, "kat", "csv", ONLY_BC01).content
    )


def test_as_stated_is_for_the_documents_alone(store: MemoryStore) -> None:
    with pytest.raises(InputError, match="--as-stated gælder kun dokumenterne"):
        export(store, LOCAL, "kat", "xlsx", ExportOptions(as_stated=True))


def test_an_unknown_proposal_is_not_found(store: MemoryStore) -> None:
    with pytest.raises(NotFoundError):
        export(store, LOCAL, "kat", "csv", ExportOptions(proposal="XX9"))
