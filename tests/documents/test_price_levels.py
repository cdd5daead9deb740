# SPDX-License-Identifier: MPL-2.0
"""The documents say where a catalog table shows a proposal made in another price level:
Forslag 3 (2024 p/l) in the seed's Tabel 2 (2025 p/l), with its effect at 2025 p/l."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import docx

from gevinst.core.model import Catalog
from gevinst.core.prices import unconverted_notes
from gevinst.core.selection import ExportOptions, select
from gevinst.documents.blocks import document
from gevinst.documents.word import render_docx

NOTE = (
    "Forslag 3 er udarbejdet i 2024 p/l og står uomregnet i tabellen (1.000 kr. 2025 p/l); i "
    "2025 p/l er effektiviseringsbidraget 1.991, 2.569, 2.934 og 3.040 (2025-2028; omregnet "
    "med faktor 1,048: Pris- og lønudvikling, serviceudgifter, udgaven fra 2024-07-29)."
)


def test_the_seeds_tabel_2_says_f3_stands_unconverted(seed: Catalog) -> None:
    assert unconverted_notes(seed, "catalog-2") == [NOTE]
    assert unconverted_notes(seed, "catalog-1") == []


def test_without_an_index_the_note_says_so(seed: Catalog) -> None:
    bare = replace(seed, profile=replace(seed.profile, price_index=None))
    assert unconverted_notes(bare, "catalog-2") == [
        "Forslag 3 er udarbejdet i 2024 p/l og står uomregnet i tabellen (1.000 kr. 2025 p/l); "
        "profilen har intet prisindeks at omregne med."
    ]


def test_the_pdfs_blocks_and_the_word_document_print_it(seed: Catalog) -> None:
    options = ExportOptions()
    blocks = json.dumps(document(select(seed, options), options), ensure_ascii=False)
    assert blocks.count(NOTE) == 1
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(render_docx(seed, options))).paragraphs
    )
    assert NOTE in text
