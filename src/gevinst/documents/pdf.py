# SPDX-License-Identifier: MPL-2.0
"""The catalog as a PDF: the document's blocks (:mod:`gevinst.documents.blocks`) laid out by
the typst template (``templates/catalog.typ``). The blocks travel to typst as JSON in
``sys_inputs``, so no user text is ever read as typst markup."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, cast

import matplotlib
import typst
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    Destination,
    DictionaryObject,
    Fit,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
)

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.documents import blocks, typeset
from gevinst.documents.block_kinds import Block

# The same DejaVu Sans that matplotlib draws the charts with: the PDF looks the same on every
# machine, needs no system fonts, and the charts' text is set in the document's font.
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


# proposals laid out in one process: typst keeps about 10 MB a proposal until its process ends
PART_SIZE = 25
# parts laid out at once: the two cores of the machine it is measured on, and two parts' memory
# (about 250 MB each for 25 proposals, measured) beside the catalog's stays under 1 GB
_AT_ONCE = 2
# pages of margins' numbers laid out in one process: a 1.000-proposal catalog's 3.500 pages
# take typst about a millisecond each, shared out over both processes
_MARGINS = 1000
_LAYOUTS = 3  # times the front is laid out before its number of pages must have settled


@cache
def _fonts() -> typst.Fonts:
    # read once: finding fonts is a good part of a small document's build time
    return typst.Fonts(include_system_fonts=False, font_paths=[str(FONTS)])


def render_pdf(cat: Catalog, options: ExportOptions, part_size: int = PART_SIZE) -> bytes:
    """What ``options`` selects of the catalog, as a PDF; a catalog of more than ``part_size``
    proposals in parts of that many (:func:`_in_parts`)."""
    cat = select(cat, options)
    head, proposals = blocks.streamed(cat, options)
    if len(cat.proposals) <= part_size:
        return _compile({**head, "proposals": list(proposals)})
    return _in_parts(head, proposals, part_size)


def _compile(document: dict[str, Any]) -> bytes:
    return typeset.typeset(json.dumps(document, ensure_ascii=False), _fonts())


def _in_parts(head: dict[str, Any], proposals: Iterator[Block], part_size: int) -> bytes:
    """The document (``head``, and its ``proposals`` as they are built) compiled a part at a
    time, each in a process of its own, and joined.

    typst keeps what it laid out in memory for as long as its process lives (about 10 MB a
    proposal), so a 1.000-proposal catalog compiled at once needed many gigabytes; a process
    per part gives that memory back after each part. A proposal and the closing list are
    numbered on their own pages ("Side 2 af 5"), so a part numbers them as the whole would.
    The parts are laid out two at a time, each as soon as its proposals' blocks are built,
    before the page it begins at is known: the document's page numbers in their margins are
    laid out after them, apart, and drawn over their pages (:func:`_stamp`). The front matter
    (cover, contents, the catalog's tables) lists every part's headings at the pages they
    come to, from a page per part that is dropped when the parts are joined."""
    front = _part(head, front=True)
    with ThreadPoolExecutor(_AT_ONCE) as pool:
        parts, laying = [], []
        for part in _parts(head, proposals, part_size):
            parts.append(part)
            laying.append(pool.submit(_apart, part))
        headings = [h for part in parts for h in _outlined(part)]
        # the front's number of pages does not depend on the page numbers its contents list
        # shows: laid out once with any numbers, it tells where the parts begin
        stubs = [{"page": 1, "heading": h} for h in headings]
        first = pool.submit(_apart, {**front, "stubs": stubs})
        compiled = [PdfReader(io.BytesIO(done.result())) for done in laying]
        offsets = _offsets(compiled, [len(_outlined(part)) for part in parts])
        front_pages = _page_count(first.result())
        for _ in range(_LAYOUTS):
            pages = [front_pages + 1 + offset for offset in offsets]
            stubs = [{"page": page, "heading": h} for page, h in zip(pages, headings, strict=True)]
            margins = _margins(head, compiled, front_pages)
            pdf, *stamps = pool.map(_apart, [{**front, "stubs": stubs}, *margins])
            laid_out = _page_count(pdf)
            if laid_out == front_pages:
                return _join(pdf, front_pages, compiled, stamps, pages)
            front_pages = laid_out
    raise RuntimeError("forsiden fik et nyt antal sider, hver gang den blev sat")


def _parts(
    head: dict[str, Any], proposals: Iterator[Block], part_size: int
) -> Iterator[dict[str, Any]]:
    """The parts of the document: ``part_size`` proposals each, built as they are asked for,
    and the closing list."""
    for chunk in iter(lambda: list(islice(proposals, part_size)), []):
        yield _part(head, margin=False, proposals=chunk)
    if head["deviations"]:
        yield _part(head, margin=False, deviations=head["deviations"])


def _part(document: dict[str, Any], **content: Any) -> dict[str, Any]:
    """A part of the document compiled apart: ``content`` says what of it the part shows
    (its proposals, its closing list, the front or the margins' numbers), nothing else."""
    return {**document, "front": False, "proposals": [], "deviations": [], **content}


def _offsets(parts: list[PdfReader], outlined: list[int]) -> list[int]:
    """Where the parts' outlined headings stand, in pages (from 0) after the front; ``outlined``
    how many each part has."""
    offsets, before = [], 0
    for part, count in zip(parts, outlined, strict=True):
        offsets += [before + start for start in _starts(part, count)]
        before += len(part.pages)
    return offsets


def _page_count(front: bytes) -> int:
    """The front's own pages: all but the last, where the parts' headings stand in."""
    return len(PdfReader(io.BytesIO(front)).pages) - 1


def _margins(
    document: dict[str, Any], parts: list[PdfReader], front_pages: int
) -> list[dict[str, Any]]:
    """The documents of the parts' margin numbers, a page for each page of the parts, of its
    shape, in documents of at most :data:`_MARGINS` pages that are laid out two at a time."""
    wide = [page.mediabox.width > page.mediabox.height for part in parts for page in part.pages]
    numbered = [{"page": front_pages + 1 + i, "wide": is_wide} for i, is_wide in enumerate(wide)]
    return [
        _part(document, margins=numbered[i : i + _MARGINS])
        for i in range(0, len(numbered), _MARGINS)
    ]


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


def _starts(reader: PdfReader, count: int) -> list[int]:
    """The pages (from 0) where a part's ``count`` outlined headings stand: its bookmarks."""
    pages = [
        reader.get_destination_page_number(m) for m in reader.outline if isinstance(m, Destination)
    ]
    if len(pages) != count or None in pages:
        raise RuntimeError(f"en del af PDF'en har {len(pages)} bogmærker, ventede {count}")
    return [page for page in pages if page is not None]


def _join(
    front: bytes, front_pages: int, parts: list[PdfReader], margins: list[bytes], stubs: list[int]
) -> bytes:
    """The front's own pages, then the parts with their margins' numbers (``margins``, a page
    for each of theirs); the front's last page, where the parts' headings stand in, is dropped,
    and the contents list's links to them (in the order of the headings, ``stubs`` the pages
    they stand for) lead to those pages. Every part's bookmarks are kept."""
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
        writer.append(part)
    numbers = [page for pdf in margins for page in PdfReader(io.BytesIO(pdf)).pages]
    _stamp(writer, writer.pages[front_pages:], numbers)
    for index, rect, page_no in links:
        link = Link(rect=rect, target_page_index=page_no - 1, fit=Fit.fit())
        writer.add_annotation(index, link)
    writer.add_metadata(reader.metadata or {})
    if "/Lang" in reader.root_object:
        writer.root_object[NameObject("/Lang")] = reader.root_object["/Lang"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# a page's own drawing between these two, and its margin's number after it: whatever state the
# page's drawing leaves, the number is drawn as its own page drew it
_BEFORE = b"q\n"
_AFTER = b"\nQ q /GvMargin Do Q\n"


def _stamp(writer: PdfWriter, pages: Sequence[PageObject], numbers: Sequence[PageObject]) -> None:
    """Each of ``pages`` with the page of ``numbers`` drawn over it, as a form of its own: the
    pages' drawings are never read (a table's page holds thousands of operations), only
    followed by a few bytes that draw the form."""
    before, after = (writer._add_object(_stream(data)) for data in (_BEFORE, _AFTER))
    for page, number in zip(pages, numbers, strict=True):
        _give_form(page, writer._add_object(_form(number, writer)))
        page[NameObject("/Contents")] = ArrayObject([before, *_drawing(page), after])


def _form(page: PageObject, writer: PdfWriter) -> StreamObject:
    """``page`` as a form (a Form XObject) of ``writer`` that another page can draw."""
    contents = page.get_contents()
    form = _stream(b"" if contents is None else contents.get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): page.mediabox,
            NameObject("/Resources"): page["/Resources"].clone(writer),
        }
    )
    return form


def _give_form(page: PageObject, form: IndirectObject) -> None:
    """``page`` with ``form`` among its resources, named /GvMargin; the resources are copied,
    not changed, as pages may share them."""
    resources = DictionaryObject(cast(DictionaryObject, page["/Resources"]))
    xobjects = DictionaryObject(cast(DictionaryObject, resources.get("/XObject", {})))
    xobjects[NameObject("/GvMargin")] = form
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources


def _drawing(page: PageObject) -> list[PdfObject]:
    """The streams that draw ``page``, in order (its contents are one stream or a list)."""
    contents = page.raw_get("/Contents")
    if isinstance(contents.get_object(), ArrayObject):
        return list(contents.get_object())
    return [contents]


def _stream(data: bytes) -> StreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream
