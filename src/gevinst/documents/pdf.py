# SPDX-License-Identifier: MPL-2.0
"""The catalog as a PDF: the document's blocks (:mod:`gevinst.documents.blocks`) laid out by
the typst template (``templates/catalog.typ``). The blocks travel to typst as JSON in
``sys_inputs``, so no user text is ever read as typst markup."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, cast

import matplotlib
import typst
from pikepdf import Array, Dictionary, Name, Object, OutlineItem, Page, Pdf, Rectangle

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
# the last parts, laid out beside the front's first layout (which needs every part's headings)
# rather than before it: both cores stay busy to the end
_BESIDE_FRONT = 2


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
        parts: list[dict[str, Any]] = []
        laying: list[Future[bytes]] = []
        for part in _parts(head, proposals, part_size):
            parts.append(part)
            if len(parts) > _BESIDE_FRONT:
                laying.append(pool.submit(_apart, parts[-1 - _BESIDE_FRONT]))
        headings = [h for part in parts for h in _outlined(part)]
        # the front's number of pages does not depend on the page numbers its contents list
        # shows: laid out once with any numbers, it tells where the parts begin
        stubs = [{"page": 1, "heading": h} for h in headings]
        first = pool.submit(_apart, {**front, "stubs": stubs})
        laying += [pool.submit(_apart, part) for part in parts[len(laying) :]]
        # each part joins the others as soon as it is laid out, while the next are
        body = _Body()
        for part, done in zip(parts, laying, strict=True):
            body.add(_open(done.result()), len(_outlined(part)))
        front_pages = _page_count(first.result())
        for _ in range(_LAYOUTS):
            pages = [front_pages + 1 + at for _, at, _ in body.bookmarks]
            stubs = [{"page": page, "heading": h} for page, h in zip(pages, headings, strict=True)]
            margins = _margins(head, body.pdf, front_pages)
            pdf, *stamps = pool.map(_apart, [{**front, "stubs": stubs}, *margins])
            laid_out = _page_count(pdf)
            if laid_out == front_pages:
                return _join(pdf, front_pages, body, stamps, pages)
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


def _open(pdf: bytes) -> Pdf:
    return Pdf.open(io.BytesIO(pdf))


class _Body:
    """The parts of a document joined in order: their pages, and their bookmarks, each its
    title, its page (from 0) and its view of the page."""

    def __init__(self) -> None:
        self.pdf = Pdf.new()
        self.bookmarks: list[tuple[str, int, list[Object]]] = []
        # kept open: qpdf reads a copied page's streams from its part when the whole is written
        self._parts: list[Pdf] = []

    def add(self, part: Pdf, outlined: int) -> None:
        """``part`` after the others; ``outlined``: how many headings it has in the contents."""
        found = _bookmarks(part, len(self.pdf.pages))
        if len(found) != outlined:
            raise RuntimeError(f"en del af PDF'en har {len(found)} bogmærker, ventede {outlined}")
        self.bookmarks += found
        self.pdf.pages.extend(part.pages)
        self._parts.append(part)


def _page_count(front: bytes) -> int:
    """The front's own pages: all but the last, where the parts' headings stand in."""
    return len(_open(front).pages) - 1


def _margins(document: dict[str, Any], parts: Pdf, front_pages: int) -> list[dict[str, Any]]:
    """The documents of the parts' margin numbers, a page for each page of the parts, of its
    shape, in documents of at most :data:`_MARGINS` pages that are laid out two at a time."""
    shapes = (Rectangle(page.mediabox) for page in parts.pages)
    wide = [shape.width > shape.height for shape in shapes]
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


def _bookmarks(part: Pdf, before: int) -> list[tuple[str, int, list[Object]]]:
    """A part's bookmarks, each its title, its page in the whole (``before`` pages come before
    the part's) and its view of the page; a part's bookmarks are its proposals' headings, a
    level alone, each leading to its page as typst writes it: [page /XYZ left top zoom]."""
    index = {page.obj.objgen: i for i, page in enumerate(part.pages)}
    found = []
    for item in part.open_outline().root:
        destination = item.destination
        if _target(destination) not in index:
            raise RuntimeError(f"bogmærket {item.title!r} fører ikke til en side i sin del")
        page, *view = cast(Array, destination)
        found.append((item.title, before + index[page.objgen], view))
    return found


def _target(destination: object) -> tuple[int, int] | None:
    """The object number of the page an explicit destination ([page /XYZ ...]) leads to."""
    if isinstance(destination, Array) and len(destination) > 0:
        return destination[0].objgen
    return None


def _join(
    front: bytes, front_pages: int, body: _Body, margins: list[bytes], stubs: list[int]
) -> bytes:
    """The front's own pages, then the parts with their margins' numbers (``margins``, a page
    for each of theirs); the front's last page, where the parts' headings stand in, is dropped,
    and the contents list's links to them (in the order of the headings, ``stubs`` the pages
    they stand for) lead to those pages. The front's document (its language, metadata, bookmarks)
    is the whole's, and every part's bookmarks are kept."""
    source = _open(front)
    front_list = list(source.pages)
    stand_in = front_list[front_pages].obj.objgen
    to_stand_in = [
        link
        for page in front_list[:front_pages]
        for link in page.obj.get(Name.Annots, Array())
        if _target(link.get(Name.Dest)) == stand_in
    ]
    # each heading stands in at a place of its own, met in the order of the headings (an
    # entry over two lines has a link on each)
    places = list(dict.fromkeys(_place(link) for link in to_stand_in))
    if len(places) != len(stubs):
        raise RuntimeError(f"indholdsfortegnelsen henviser til {len(places)} af {len(stubs)} dele")
    page_at = dict(zip(places, stubs, strict=True))
    # the stand-in's page is not copied: until the front's pages are, such a link leads to
    # the number of its page
    for link in to_stand_in:
        link.Dest = Array([page_at[_place(link)], Name.Fit])
    pdf = body.pdf
    for i, page in enumerate(front_list[:front_pages]):
        pdf.pages.insert(i, page)
    # the pages listed once: pikepdf finds a page by its place, or a slice, in a walk of them all
    pages = list(pdf.pages)
    for page in pages[:front_pages]:
        for link in page.obj.get(Name.Annots, Array()):
            destination = link.get(Name.Dest)
            if isinstance(destination, Array) and isinstance(destination[0], int):
                link.Dest = Array([pages[destination[0] - 1].obj, Name.Fit])
    marks = _bookmarks(source, 0) + [(t, front_pages + at, v) for t, at, v in body.bookmarks]
    with pdf.open_outline() as outline:
        outline.root.extend(_bookmark(pages[at], title, view) for title, at, view in marks)
    # the margins' documents are kept open until the whole is written, when qpdf copies their
    # streams
    stamps = [_open(numbers) for numbers in margins]
    _stamp(pdf, pages[front_pages:], [page for numbers in stamps for page in numbers.pages])
    _describe(pdf, source, len(pages))
    out = io.BytesIO()
    pdf.save(out, min_version=source.pdf_version, deterministic_id=True)
    return out.getvalue()


def _describe(pdf: Pdf, front: Pdf, pages: int) -> None:
    """``pdf`` described as its ``front`` describes itself (title, author, language, metadata),
    but for its number of ``pages``."""
    pdf.docinfo = cast(Dictionary, pdf.copy_foreign(front.docinfo))
    for key in (Name.Lang, Name.ViewerPreferences, Name.Metadata):
        if key in front.Root:
            value = front.Root[key]
            pdf.Root[key] = pdf.copy_foreign(
                value if value.is_indirect else front.make_indirect(value)
            )
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp[_PAGES] = str(pages)


def _place(link: Object) -> tuple[float, float]:
    """Where on its page a link leads ([page /XYZ left top zoom])."""
    return float(link.Dest[2]), float(link.Dest[3])


def _bookmark(page: Page, title: str, view: list[Object]) -> OutlineItem:
    item = OutlineItem(title)
    item.destination = Array([page.obj, *view])
    return item


# XMP's number of pages (xmpTPg:NPages)
_PAGES = "{http://ns.adobe.com/xap/1.0/t/pg/}NPages"

# a page's own drawing between these two, and its margin's number after it: whatever state the
# page's drawing leaves, the number is drawn as its own page drew it
_BEFORE = b"q\n"
_AFTER = b"\nQ q /GvMargin Do Q\n"


def _stamp(pdf: Pdf, pages: Sequence[Page], numbers: Sequence[Page]) -> None:
    """Each of ``pages`` with the page of ``numbers`` drawn over it, as a form of its own: the
    pages' drawings are never read (a table's page holds thousands of operations), only
    followed by a few bytes that draw the form."""
    before, after = pdf.make_stream(_BEFORE), pdf.make_stream(_AFTER)
    for page, number in zip(pages, numbers, strict=True):
        _give_form(page, pdf.copy_foreign(number.as_form_xobject()))
        page.contents_add(before, prepend=True)
        page.contents_add(after)


def _give_form(page: Page, form: Object) -> None:
    """``page`` with ``form`` among its resources, named /GvMargin; the resources are copied,
    not changed, as pages may share them."""
    resources = _copy(page.obj.get(Name.Resources, Dictionary()))
    xobjects = _copy(resources.get(Name.XObject, Dictionary()))
    xobjects.GvMargin = form
    resources.XObject = xobjects
    page.obj.Resources = resources


def _copy(dictionary: Object) -> Dictionary:
    """A new dictionary of the same entries as ``dictionary``."""
    return Dictionary(cast(Mapping[str, Object], dictionary))
