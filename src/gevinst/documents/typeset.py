# SPDX-License-Identifier: MPL-2.0
"""The catalog template (``templates/catalog.typ``) laid out by typst, from a document's
blocks as JSON (:mod:`gevinst.documents.blocks`) to the PDF's bytes.

Run as a program it lays out one part of a large catalog in a process of its own
(:func:`gevinst.documents.pdf.render_pdf`): the blocks on stdin, the fonts' folder as its
argument, the PDF on stdout. It imports typst and nothing of gevinst's, so the process starts
in a fraction of a second; the process ends after its part, and with it the memory typst
keeps of everything it laid out.
"""

from __future__ import annotations

import sys
from importlib import resources

import typst


def typeset(document: str, fonts: typst.Fonts, tags: bool = True) -> bytes:
    """The PDF of ``document`` (the blocks as JSON); ``tags``: a tagged PDF (a part of a
    large catalog is not: its tags would not survive the join)."""
    template = (
        resources.files("gevinst.documents").joinpath("templates", "catalog.typ").read_bytes()
    )
    return typst.compile(
        template,
        format="pdf",
        sys_inputs={"document": document},
        font_paths=fonts,
        pdf_tags=tags,
    )


if __name__ == "__main__":
    text = sys.stdin.buffer.read().decode("utf-8")
    fonts = typst.Fonts(include_system_fonts=False, font_paths=[sys.argv[1]])
    sys.stdout.buffer.write(typeset(text, fonts, tags=False))
