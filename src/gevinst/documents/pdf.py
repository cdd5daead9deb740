# SPDX-License-Identifier: MPL-2.0
"""The catalog as a PDF: the document's blocks (:mod:`gevinst.documents.blocks`) laid out by
the typst template (``templates/catalog.typ``). The blocks travel to typst as JSON in
``sys_inputs``, so no user text is ever read as typst markup."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import matplotlib
import typst

from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions, select
from gevinst.documents import blocks

# The same DejaVu Sans that matplotlib draws the charts with: the PDF looks the same on every
# machine, needs no system fonts, and the charts' text is set in the document's font.
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def _fonts() -> typst.Fonts:
    # read once: finding fonts is a good part of a small document's build time
    return typst.Fonts(include_system_fonts=False, font_paths=[str(FONTS)])


def render_pdf(cat: Catalog, options: ExportOptions) -> bytes:
    """What ``options`` selects of the catalog, as a PDF."""
    cat = select(cat, options)
    template = (
        resources.files("gevinst.documents").joinpath("templates", "catalog.typ").read_bytes()
    )
    return typst.compile(
        template,
        format="pdf",
        sys_inputs={"document": json.dumps(blocks.document(cat, options), ensure_ascii=False)},
        font_paths=_fonts(),
    )
