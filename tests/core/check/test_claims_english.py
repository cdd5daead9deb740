# SPDX-License-Identifier: MPL-2.0
"""An English council's claims checked in its own money and language: "£1.15m" and
"£477,000" are compared with Table 1 in whole pounds (the profile's money), and a claim the
tables do not confirm is told in English, its figure as the text writes it ("£1.15m") and
its years as financial years ("2025/26"). The Danish messages are the seed's
(tests/test_seed_claims.py, tests/core/check/test_claims.py)."""

from __future__ import annotations

from dataclasses import replace

from gevinst.core.check.claims import check_claims
from gevinst.core.claims.claim import CellRef, Claim, ClaimUnit, LineRef, ParamRef, Qualifier
from gevinst.format.reader import load_catalog
from tests.paths import ROOT

EXAMPLE = ROOT / "catalogs" / "en-unitary-2025-26"


def _checked(*claims: Claim) -> list[str]:
    catalog = load_catalog(EXAMPLE)
    p = replace(catalog.proposal("OBC01"), claims=claims)
    return [f.message for f in check_claims(p, catalog.profile)]


def test_claims_the_tables_confirm_in_pounds() -> None:
    assert not _checked(
        Claim("£477,000", "summary", ("477.000",), ClaimUnit.KR, steady=True,
              ref=CellRef("1", "varig")),
        Claim("£1,150,000", "economy_text", ("1.150.000",), ClaimUnit.KR, years=(2025,),
              ref=CellRef("1", "impl_anlaeg")),
        Claim("£1.15m", "summary", ("1,15",), ClaimUnit.MIO_KR, years=(2025,),
              ref=LineRef(("i2",))),
        Claim("£0.3m", "summary", ("0,3",), ClaimUnit.MIO_KR, total=True,
              ref=LineRef(("i1",))),
        Claim("about 210,000 contacts", "description", ("210.000",), ClaimUnit.COUNT,
              qualifier=Qualifier.ABOUT),
    )  # fmt: skip


def test_a_wrong_english_claim_is_told_in_english() -> None:
    (message,) = _checked(
        Claim("£1.15m", "summary", ("1,15",), ClaimUnit.MIO_KR, years=(2025,),
              ref=CellRef("1", "impl")),
    )  # fmt: skip
    assert message == (
        "«£1.15m» (summary): the text says £1.15m in 2025/26, i.e. £1,145,000 to £1,155,000 "
        "(excl.); but Table 1, «Total implementation costs» in 2025/26 is 1,390,000 "
        "(difference 240,000)"
    )
    for danish in ("teksten", "mio. kr.", "1.000 kr.", "forskel", "dvs."):
        assert danish not in message


def test_a_wrong_fte_claim_names_its_unit_in_english() -> None:
    (message,) = _checked(
        Claim("Fourteen posts", "economy_text", ("12",), ClaimUnit.FTE,
              ref=ParamRef("e1", "fte")),
    )  # fmt: skip
    assert "the text says 12 FTE" in message and "is 14" in message, message
    assert "årsværk" not in message
