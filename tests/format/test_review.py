# SPDX-License-Identifier: MPL-2.0
"""Review records as documents (review.yaml, the database's): each kind read back as
written, and a document that is not a record refused with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.core.errors import FormatError
from gevinst.core.review import ReviewRecord
from gevinst.format.review import record_document, record_from_document
from tests.stores.test_contract import REVIEW

PATH = Path("kat", "review.yaml")


@pytest.mark.parametrize("record", REVIEW)
def test_every_kind_of_record_reads_back_as_written(record: ReviewRecord) -> None:
    document = record_document(record)
    assert record_from_document(document, PATH, "BC01", 1) == record


def test_a_request_is_written_with_plain_values() -> None:
    assert record_document(REVIEW[0]) == {
        "record": "request",
        "to": "it-kredsen",
        "kind": "it-kredsen",
        "body": "IT-kredsen",
        "due": "2026-03-20",
        "note": "om løsningens arkitektur",
        "who": "CFØ",
        "when": "2026-03-02T10:00:00+00:00",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"record": "vote"}, r"\[2\]\.record: skal være en af request, answer"),
        ({"extra": 1}, r"\[2\]: en answer skal have netop felterne"),
        ({"heard": "ja"}, r"\[2\]\.heard: 'ja' skal være true eller false"),
        ({"request": 0}, r"\[2\]\.request: 0 skal være et helt tal fra 1"),
        ({"date": "2026-02-30"}, r"\[2\]\.date: '2026-02-30' er ikke en dato"),
        ({"when": "2026-03-18T12:00:00"}, r"\[2\]\.when: .* er ikke et tidspunkt"),
        ({"note": 5}, r"\[2\]\.note: 5 skal være en tekst"),
    ],
)
def test_a_record_that_does_not_follow_the_format_is_refused_with_its_place(
    change: dict[str, object], message: str
) -> None:
    document = {**record_document(REVIEW[1]), **change}
    with pytest.raises(FormatError, match=message):
        record_from_document(document, PATH, "BC01", 2)
