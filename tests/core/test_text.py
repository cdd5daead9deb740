# SPDX-License-Identifier: MPL-2.0
"""The markup of printed texts (docs/format.md, "Markup of printed texts")."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.text import (
    BulletList,
    NumberedList,
    Paragraph,
    Run,
    paragraphs,
    parse,
    plain,
)


def para(*runs: Run | str) -> Paragraph:
    return Paragraph(tuple(Run(r) if isinstance(r, str) else r for r in runs))


def test_a_blank_line_separates_paragraphs_and_a_single_break_is_a_space() -> None:
    text = "Første linje\nfortsætter her.\n\nAndet afsnit.\n  \nTredje."
    assert parse(text) == (
        para("Første linje fortsætter her."),
        para("Andet afsnit."),
        para("Tredje."),
    )


def test_bullet_items_continue_until_the_next_item_or_a_blank_line() -> None:
    text = (
        "Formålet er:\n- At medarbejderne i hhv. BIF og SOF\n  arbejder sammen\n"
        "- Færre udsættelser\nfra boligen\n\nEfter listen."
    )
    assert parse(text) == (
        para("Formålet er:"),
        BulletList(
            (
                para("At medarbejderne i hhv. BIF og SOF arbejder sammen"),
                para("Færre udsættelser fra boligen"),
            )
        ),
        para("Efter listen."),
    )


def test_numbered_items_keep_the_first_number() -> None:
    assert parse("1. Investering\n2. Kompetenceudvikling") == (
        NumberedList((para("Investering"), para("Kompetenceudvikling"))),
    )
    # the seed numbers a lone item "2. Fremskudt beskæftigelsesindsats" between paragraphs
    assert parse("2. Fremskudt beskæftigelsesindsats") == (
        NumberedList((para("Fremskudt beskæftigelsesindsats"),), start=2),
    )


def test_a_bullet_list_then_a_numbered_list_are_two_lists() -> None:
    blocks = parse("- a\n- b\n1. c")
    assert blocks == (BulletList((para("a"), para("b"))), NumberedList((para("c"),)))


def test_emphasis_strong_and_both() -> None:
    assert parse("en *vigtig* og **varig** ***effekt***") == (
        para(
            "en ",
            Run("vigtig", italic=True),
            " og ",
            Run("varig", bold=True),
            " ",
            Run("effekt", italic=True, bold=True),
        ),
    )


def test_escapes_and_unpaired_asterisks_are_text() -> None:
    assert parse(r"2 \* 3 og \\ og C:\Users") == (para(r"2 * 3 og \ og C:\Users"),)
    assert parse("Fremtidens indkøb 2025*") == (para("Fremtidens indkøb 2025*"),)
    assert parse("**ikke lukket") == (para("**ikke lukket"),)
    # a line that starts with a date is not a numbered item when its full stop is escaped
    assert parse(r"18\. marts 2024 – prægodkendt") == (para("18. marts 2024 – prægodkendt"),)


def test_an_empty_text_has_no_blocks_and_plain_strips_the_markup() -> None:
    assert parse("") == ()
    assert parse(" \n\n ") == ()
    assert plain("Et *afsnit*.\n\n- et punkt\n- **to**") == "Et afsnit.\net punkt\nto"


@given(st.text())
def test_parse_never_fails_and_every_paragraph_is_one_line_of_single_spaces(text: str) -> None:
    for p in paragraphs(parse(text)):
        assert p.text == " ".join(p.text.split())
        assert all(r.text for r in p.runs)


WORD = st.text(alphabet="abcæøåABCÆØÅ0123456789,.;:()–-'", min_size=1, max_size=8).filter(
    lambda w: not re.match(r"-|\d+\.", w)
)
LINE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
BLOCK = st.lists(LINE, min_size=1, max_size=4).map("\n".join)


@given(st.lists(BLOCK, min_size=1, max_size=5))
def test_text_without_markup_is_one_paragraph_a_block(blocks: list[str]) -> None:
    parsed = parse("\n\n".join(blocks))
    assert parsed == tuple(para(" ".join(b.split())) for b in blocks)


def _letters(text: str) -> str:
    return re.sub(r"[\s*]", "", text)


MARKED = st.text(alphabet=st.sampled_from("ab æ*\n-1. "), max_size=60)


@given(MARKED)
def test_text_content_is_preserved(text: str) -> None:
    """What is not markup (a line's list marker, asterisks, whitespace) comes out in order."""
    unmarked = "\n".join(re.sub(r"^(- |\d+\. )", "", line) for line in text.split("\n"))
    out = "".join(p.text for p in paragraphs(parse(text)))
    assert _letters(out) == _letters(unmarked)
