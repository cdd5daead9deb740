# SPDX-License-Identifier: MPL-2.0
"""What the seed's proposals say in words (issue 14): every figure of their prose recorded as
a claim, every claim read by the pattern finder as it is recorded (figure, unit, precision),
and every claim with a reference either confirmed by the tables within its precision or
reported, as tests/test_seed.py pins it."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from gevinst.core.check.claims import RULE, TABLE
from gevinst.core.claims.claim import Claim, RatioRef, ShareRef
from gevinst.core.claims.fields import text_fields
from gevinst.core.claims.finder import find
from gevinst.core.claims.matcher import found_in
from gevinst.core.claims.report import shown
from gevinst.core.marks import Marks
from gevinst.core.model import Proposal
from tests.test_seed import KNOWN, catalog, findings

# The claims a person reads otherwise than the finder, and why: a figure without a unit or a
# counted word, figures joined by words, a fraction read as a share of another year.
READ_OTHERWISE = {
    ("F2", "de 900.000, der blev givet til BIF"): "a sum written without its unit",
    ("F2", "Finansiering af 2,5 ’Step Up-medarbejderårsværk’ på børne-"): "unit in quotes",
    ("F2", "Finansiering af 2,5 ’Step Up-medarbejderårsværk’ på det udsatte"): "unit in quotes",
    ("F2", "2 Projektleder/ Projektkoordinator"): "a count of a capitalised title",
    ("F3", "88 ud af 367 aktive"): "'88 ud af': a part without its own word",
    ("F3", "ca. 45, altså tæt ved 10 %"): "'ca. 45,' without its word",
    ("F3", "flere 4-6-årige børn"): "an age range joined to its word",
    ("F3", "at 52 Behandlings- og Specialundervisningstilbudsforløb afkortes med 2 måneder"): (
        "a count of a capitalised word"
    ),
    ("F3", "mellem 400 og 500 aktive"): "a range written with 'og'",
    ("F3", "10 tidlige forebyggende forløb i implementeringsåret stigende til 25 om året"): (
        "'25 om året': a count without its word"
    ),
    ("F3", "10 forebyggende indsatser i implementeringsåret stigende til 25 om året"): (
        "'25 om året': a count without its word"
    ),
    ("F3", "10 forløb i den nye indsats i første implementeringsår, stigende til 25 om året"): (
        "'25 om året': a count without its word"
    ),
    ("F3", "børn mellem 4 og 6 år"): "a range written with 'og'",
    ("F4", "forudsætter derfor 1/2 ÅV i 2024"): "recorded as half of 2025's FTE (a fraction)",
}


@cache
def claims() -> tuple[tuple[Proposal, Claim], ...]:
    return tuple((p, c) for p in catalog().proposals for c in p.claims)


def test_the_seed_records_dozens_of_claims_in_every_proposal_with_prose() -> None:
    counted = Counter(p.id for p, _ in claims())
    assert counted == {
        "BC01": 6,
        "BC02": 25,
        "F2": 83,
        "F3": 72,
        "F4": 40,
        "F5": 45,
        "F6": 3,
        "F7": 14,
    }
    # F1 is confidential: the catalog publishes its row, not its words
    assert catalog().proposal("F1").claims == ()


def test_every_figure_the_finder_reads_in_the_prose_is_recorded() -> None:
    cat = catalog()
    unrecorded = [
        (p.id, f.field, f.candidate.phrase)
        for p in cat.proposals
        for f in found_in(p, cat.profile)
        if f.recorded is None
    ]
    assert unrecorded == []


@pytest.mark.parametrize(
    "claim", [c for _, c in claims()], ids=lambda c: f"{c.field}: {c.phrase[:40]}"
)
def test_the_finder_reads_each_claim_as_recorded(claim: Claim) -> None:
    """Phrase in: the figures as written, the unit and the precision (qualifier) out."""
    p = next(p for p, c in claims() if c is claim)
    text = text_fields(p)[claim.field]
    start = text.index(claim.phrase)
    inside = [c for c in find(text) if start <= c.start and c.end <= start + len(claim.phrase)]
    figures = {w for c in inside for w in c.written}
    read = set(claim.written) <= figures and any(
        c.unit is claim.unit and c.qualifier is claim.qualifier
        for c in inside
        if set(c.written) & set(claim.written)
    )
    assert read != ((p.id, claim.phrase) in READ_OTHERWISE), [
        (c.phrase, c.written, c.unit, c.qualifier) for c in inside
    ]


def test_every_claim_is_confirmed_or_reported_as_pinned() -> None:
    reported = {(f.proposal, f.row) for f in findings() if (f.table, f.rule) == (TABLE, RULE)}
    pinned = {
        (k.proposal, row) for k in KNOWN if (k.table, k.rule) == (TABLE, RULE) for row, _ in k.cells
    }
    assert reported == pinned
    checked = [(p.id, c.phrase) for p, c in claims() if c.ref is not None]
    assert reported <= set(checked)
    # 8 cells of 6 claims are reported; the other 181 claims with a reference are confirmed
    assert (len(checked), len(reported)) == (187, 6)


def test_a_claim_the_tables_cannot_confirm_says_why() -> None:
    assert all(c.note for _, c in claims() if c.ref is None)


def test_a_phrase_names_one_place_in_its_field() -> None:
    """A phrase stands once in its text, so the page can show it beside the text (claims
    that read several figures of one phrase share it)."""
    for p, c in claims():
        assert text_fields(p)[c.field].count(c.phrase) == 1, (p.id, c.phrase)


def test_the_page_and_the_documents_show_each_claim_as_the_check_found_it() -> None:
    cat, found = catalog(), findings()
    statuses = Counter(s.status for p in cat.proposals for s in shown(p, cat.profile, found))
    assert statuses == {"confirmed": 181, "differs": 6, "context": 101}
    # the documents' list of differences names each reported claim by its phrase
    listed = [d.where for d in Marks(cat).outside if ", teksten, «" in d.where]
    assert listed == [
        "BC01, teksten, «hentes med 2/3 fra 2026», 2026",
        "Forslag 3, teksten, «fordelingsnøglen 47/53», 2026",
        "Forslag 3, teksten, «fordelingsnøglen 47/53», 2027",
        "Forslag 5, teksten, «fra 2028 en varig effektivisering på 5,6 mio. kr.», 2028",
        "Forslag 5, teksten, «fra 2028 en varig effektivisering på 5,6 mio. kr.», 2029",
        "Forslag 5, teksten, «til 8% i 2028», 2028",
        "Forslag 5, teksten, «Dette udgør 1 mio. kr. i 2025 og 1,3 mio. kr. i 2026», 2026",
        "Forslag 6, teksten, «energiforbedringer for 38 projekter»",
    ]


def test_the_matcher_proposes_the_recorded_reference_for_most_claims() -> None:
    """Measured on the seed: of the figures a claim refers to a single place or a sum of
    lines, the place a person recorded is among the matcher's three proposals for 126 of
    189 (the first for 74); a phrase with several figures counts each figure against the
    first claim that covers it, so these are lower bounds."""
    cat = catalog()
    first = among = counted = 0
    for p in cat.proposals:
        for f in found_in(p, cat.profile):
            c = f.recorded
            if c is None or c.ref is None or isinstance(c.ref, ShareRef | RatioRef):
                continue
            counted += 1
            refs = [s.ref for s in f.suggestions]
            first += refs[:1] == [c.ref]
            among += c.ref in refs
    assert (counted, first, among) == (189, 74, 126)
