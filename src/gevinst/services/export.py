# SPDX-License-Identifier: MPL-2.0
"""Export: what an actor may see of a catalog, rendered as a PDF, a Word document, a
workbook, a CSV file or a Fiscal Data Package, with its charts if asked for.

The result is the files' bytes and their media type; where they go (a file, a folder, an
HTTP response) is the caller's choice. The writers are loaded only when a format is asked
for, so that a command that exports nothing never loads typst, matplotlib or python-docx.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from types import MappingProxyType
from typing import Any

from gevinst.core.access import Actor, require_read_in_full
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.stores.base import Store


@dataclass(frozen=True)
class Format:
    """One export format: its renderer (in :mod:`gevinst.documents`), media type and suffix."""

    module: str
    function: str
    media_type: str
    suffix: str  # "" for a folder of files
    document: bool = False  # prints figures for a reader, so --as-stated applies

    @property
    def folder(self) -> bool:
        return not self.suffix


FORMATS = {
    "pdf": Format("pdf", "render_pdf", "application/pdf", ".pdf", document=True),
    "docx": Format(
        "word",
        "render_docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
        document=True,
    ),
    "xlsx": Format(
        "xlsx",
        "render_xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsx",
    ),
    "csv": Format("csv_file", "render_csv", "text/csv; charset=utf-8", ".csv"),
    # the package's descriptor (datapackage.json) as IANA registers it; the CSV files beside it
    "fdp": Format("fdp", "render_fdp", "application/vnd.datapackage+json", ""),
}

Files = Mapping[str, bytes]


@dataclass(frozen=True)
class Export:
    """An export's files: a document is one file under ``name``; a data package is a folder
    ``name`` holding ``files`` by their path in it (``data/linjer.csv``)."""

    name: str
    media_type: str
    folder: bool
    files: Files
    charts: Files  # SVG by file name, when asked for

    @property
    def content(self) -> bytes:
        """A document's one file."""
        if self.folder:
            raise ValueError("a data package is a folder of files, not one")
        return self.files[self.name]


def export(
    store: Store,
    actor: Actor,
    key: str,
    fmt: str,
    options: ExportOptions,
    *,
    charts: bool = False,
) -> Export:
    """What ``options`` selects of the catalog ``key`` in the format ``fmt``, for ``actor``:
    confidential proposals in full only if asked for and the actor may read every one of
    them."""
    form = FORMATS[fmt]
    if options.as_stated and not form.document:
        raise InputError("--as-stated gælder kun dokumenterne (pdf og docx)")
    cat = store.catalog(key)
    if options.include_confidential:
        asked = cat.proposals if options.proposal is None else (cat.proposal(options.proposal),)
        for p in asked:
            require_read_in_full(actor, p)
    name = (cat.id if options.proposal is None else f"{cat.id}-{options.proposal}") + form.suffix
    render: Callable[[Catalog, ExportOptions], bytes | dict[str, bytes]] = _load(
        form.module, form.function
    )
    rendered = render(cat, options)
    files = rendered if isinstance(rendered, dict) else {name: rendered}
    drawn: dict[str, bytes] = _load("charts", "render_charts")(cat, options) if charts else {}
    return Export(
        name, form.media_type, form.folder, MappingProxyType(files), MappingProxyType(drawn)
    )


def _load(module: str, function: str) -> Any:
    return getattr(import_module(f"gevinst.documents.{module}"), function)
