# SPDX-License-Identifier: MPL-2.0
"""A proposal's text on a page: its paragraphs, lists and emphasis, and never its words read
as HTML."""

from __future__ import annotations

from gevinst.web.templatetags.gevinst import markup


def test_paragraphs_lists_and_emphasis_become_html() -> None:
    html = markup("Indledning med *vægt*.\n\n- en\n- **to**\n\n3. tre\n4. fire")
    assert html == (
        "<p>Indledning med <em>vægt</em>.</p>\n"
        "<ul><li>en</li><li><strong>to</strong></li></ul>\n"
        '<ol start="3"><li>tre</li><li>fire</li></ol>'
    )


def test_words_are_escaped_not_read_as_html() -> None:
    html = markup('<script>alert("x")</script> & <b>fed</b>')
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
