# SPDX-License-Identifier: MPL-2.0
"""The catalog as a PDF: the document's blocks (:mod:`gevinst.documents.blocks`) laid out by
the typst template (``templates/catalog.typ``). The blocks travel to typst as JSON in
``sys_inputs``, so no user text is ever read as typst markup."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib
import typst
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import Destination, Fit, NameObject

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.documents import blocks, typeset

# The same DejaVu Sans that matplotlib draws the charts with: the PDF looks the same on every
# machine, needs no system fonts, and the charts' text is set in the document's font.
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


# proposals laid out in one process: typst keeps about 10 MB a proposal until its process ends
PART_SIZE = 25
_LAYOUTS = 3  # times the front is laid out before its number of pages must have settled


@cache
def _fonts() -> typst.Fonts:
    # read once: finding fonts is a good part of a small document's build time
    return typst.Fonts(include_system_fonts=False, font_paths=[str(FONTS)])


def render_pdf(cat: Catalog, options: ExportOptions, part_size: int = PART_SIZE) -> bytes:
    """What ``options`` selects of the catalog, as a PDF; a catalog of more than ``part_size``
    proposals in parts of that many (:func:`_in_parts`)."""
    cat = select(cat, options)
    document = blocks.document(cat, options)
    if len(document["proposals"]) <= part_size:
        return _compile(document)
    return _in_parts(document, part_size)


def _compile(document: dict[str, Any]) -> bytes:
    return typeset.typeset(json.dumps(document, ensure_ascii=False), _fonts())


def _in_parts(document: dict[str, Any], part_size: int) -> bytes:
    """The document compiled a part at a time, each in a process of its own, and joined.

    typst keeps what it laid out in memory for as long as its process lives (about 10 MB a
    proposal), so a 1.000-proposal catalog compiled at once needed many gigabytes; a process
    per part gives that memory back after each part. A proposal and the closing list are
    numbered on their own pages ("Side 2 af 5"), so a part numbers them as the whole would;
    the document's page number in the margin counts on from the part's first page; and the
    front matter (cover, contents, the catalog's tables) lists every part's headings at the
    pages they come to, from a page per part that is dropped when the parts are joined."""
    parts = [
        {
            **document,
            "front": False,
            "proposals": document["proposals"][i : i + part_size],
            "deviations": [],
        }
        for i in range(0, len(document["proposals"]), part_size)
    ]
    if document["deviations"]:
        parts.append(
            {**document, "front": False, "proposals": [], "deviations": document["deviations"]}
        )
    headings = [_outlined(part) for part in parts]
    front = {**document, "front": True, "proposals": [], "deviations": []}
    # the front's number of pages does not depend on the page numbers its contents list
    # shows: laid out once with any numbers, it tells where the parts begin
    stubs: list[dict[str, Any]] = [{"page": 1, "heading": h} for hs in headings for h in hs]
    front_pages, compiled = 0, list[bytes]()
    for _ in range(_LAYOUTS):
        pdf = _apart({**front, "stubs": stubs})
        pages = len(PdfReader(io.BytesIO(pdf)).pages) - 1  # the stand-ins' page
        if pages == front_pages:
            break
        front_pages, compiled, stubs = pages, [], []
        first = pages + 1
        for part, part_headings in zip(parts, headings, strict=True):
            done = _apart({**part, "first_page": first})
            starts = _starts(done, len(part_headings))
            stubs += [
                {"page": first + start, "heading": h}
                for start, h in zip(starts, part_headings, strict=True)
            ]
            compiled.append(done)
            first += len(PdfReader(io.BytesIO(done)).pages)
    else:
        raise RuntimeError("forsiden fik et nyt antal sider, hver gang den blev sat")
    return _join(pdf, front_pages, compiled, [s["page"] for s in stubs])


def _apart(document: dict[str, Any]) -> bytes:
    """The document laid out in a Python process of its own (:mod:`.typeset` as a program)."""
    done = subprocess.run(
        [sys.executable, "-m", typeset.__name__, str(FONTS)],
        input=json.dumps(document, ensure_ascii=False).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"en del af PDF'en kunne ikke sættes: {done.stderr.decode()[-2000:]}")
    return done.stdout


def _outlined(part: dict[str, Any]) -> list[str]:
    """The headings of a part that the contents list shows (level 1), in order."""
    found = []
    for p in part["proposals"]:
        found += [p["title"], *(b["text"] for b in p["blocks"] if _is_outlined(b))]
    return found + [b["text"] for b in part["deviations"] if _is_outlined(b)]


def _is_outlined(block: dict[str, Any]) -> bool:
    return bool(block["kind"] == "heading" and block["level"] <= 1)


def _starts(pdf: bytes, count: int) -> list[int]:
    """The pages (from 0) where a part's ``count`` outlined headings stand: its bookmarks."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = [
        reader.get_destination_page_number(m) for m in reader.outline if isinstance(m, Destination)
    ]
    if len(pages) != count or None in pages:
        raise RuntimeError(f"en del af PDF'en har {len(pages)} bogmærker, ventede {count}")
    return [page for page in pages if page is not None]


def _join(front: bytes, front_pages: int, parts: list[bytes], stubs: list[int]) -> bytes:
    """The front's own pages, then the parts; the front's last page, where the parts'
    headings stand in, is dropped, and the contents list's links to them (in the order of the
    headings, ``stubs`` the pages they stand for) lead to those pages. Every part's bookmarks
    are kept."""
    reader = PdfReader(io.BytesIO(front))
    stand_in = reader.pages[front_pages].indirect_reference
    to_stand_in = [
        (index, link["/Rect"], tuple(link["/Dest"][2:4]))
        for index, page in enumerate(reader.pages[:front_pages])
        for link in (a.get_object() for a in page.get("/Annots") or [])
        if "/Dest" in link and link["/Dest"][0] == stand_in
    ]
    # each heading stands in at a place of its own, met in the order of the headings (an
    # entry over two lines has a link on each)
    places = list(dict.fromkeys(place for _, _, place in to_stand_in))
    if len(places) != len(stubs):
        raise RuntimeError(f"indholdsfortegnelsen henviser til {len(places)} af {len(stubs)} dele")
    page_at = dict(zip(places, stubs, strict=True))
    links = [(index, rect, page_at[place]) for index, rect, place in to_stand_in]
    writer = PdfWriter()
    writer.append(reader, pages=(0, front_pages))
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    for index, rect, page_no in links:
        link = Link(rect=rect, target_page_index=page_no - 1, fit=Fit.fit())
        writer.add_annotation(index, link)
    writer.add_metadata(reader.metadata or {})
    if "/Lang" in reader.root_object:
        writer.root_object[NameObject("/Lang")] = reader.root_object["/Lang"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
