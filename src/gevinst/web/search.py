# SPDX-License-Identifier: MPL-2.0
"""How the search service matches words on the web application's database: PostgreSQL's
full-text search in its Danish configuration (a word found in any inflection, "forslagene"
by "forslag"), ranked, with PostgreSQL's own excerpt; on SQLite the service's simple
case-insensitive search (:func:`gevinst.services.search.contains`).

The texts searched are those the service gives, the catalogs as the user may see them; they
are matched in one query over an array, not read from the stored documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
)
from django.db import connections
from django.db.models import TextField
from django.db.models.expressions import Expression, RawSQL
from django.db.models.sql import Query

from gevinst.services.search import Match, Matcher, Piece, contains
from gevinst.web.models import StoredCatalog

CONFIG = "danish"
# the marks PostgreSQL puts around a match in an excerpt; taken out of the texts first
_START, _STOP = "\x02", "\x03"
_UNMARKED = str.maketrans({_START: " ", _STOP: " ", "\x00": " "})
# PostgreSQL's parser reads "<...>" as an XML tag and skips it, and a <script> element
# whole; a proposal's text is not markup, so PostgreSQL is given its words with "<" as a
# space, one character for one, and the excerpt is taken from the text as written
_NO_TAGS = str.maketrans({"<": " "})


def matcher_for(using: str) -> Matcher:
    """The matcher for the database ``using``."""
    if connections[using].vendor == "postgresql":
        return FullText(using)
    return contains


class FullText:
    """PostgreSQL's full-text search over a list of texts."""

    def __init__(self, using: str) -> None:
        self.using = using

    def __call__(self, query: str, texts: Sequence[str]) -> dict[int, Match]:
        body = RawSQL("t.body", (), output_field=TextField())
        vector = SearchVector(body, config=CONFIG)
        asked = SearchQuery(query, config=CONFIG, search_type="websearch")
        headline = SearchHeadline(
            body,
            asked,
            config=CONFIG,
            start_sel=_START,
            stop_sel=_STOP,
            max_words=35,
            min_words=15,
            max_fragments=1,
        )
        rank, rank_params = self._sql(SearchRank(vector, asked))
        shown, shown_params = self._sql(headline)
        match, match_params = self._sql(SearchVectorExact(vector, asked))
        sql = (
            f"SELECT t.i, {rank}, {shown} "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS t(body, i) "
            f"WHERE {match}"
        )
        written = [t.translate(_UNMARKED) for t in texts]
        parsed = [t.translate(_NO_TAGS) for t in written]
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, [*rank_params, *shown_params, parsed, *match_params])
            rows = cursor.fetchall()
        # ORDINALITY counts from 1
        return {
            i - 1: Match(float(r), _pieces(h, parsed[i - 1], written[i - 1])) for i, r, h in rows
        }

    def _sql(self, expression: Expression) -> tuple[str, list[Any]]:
        """The SQL of a search expression, compiled by Django for this database."""
        query = Query(StoredCatalog)
        compiler = query.get_compiler(using=self.using)
        sql, params = compiler.compile(expression.resolve_expression(query))
        return sql, list(params)


def _pieces(headline: str, parsed: str, written: str) -> tuple[Piece, ...]:
    """The excerpt PostgreSQL marked in ``parsed`` as pieces of ``written`` (the same text
    but for "<", character for character), with an ellipsis where the text goes on."""
    parts = headline.replace(_STOP, _START).split(_START)
    start = max(parsed.find("".join(parts)), 0)
    # PostgreSQL starts and ends a fragment at a word; a "<" it read as a space is kept
    begin = start
    while begin and not written[begin - 1].isspace():
        begin -= 1
    pieces = [Piece("…")] if begin else []
    pieces.append(Piece(written[begin:start]))
    at = start
    for i, part in enumerate(parts):
        pieces.append(Piece(written[at : at + len(part)], marked=i % 2 == 1))
        at += len(part)
    end = at
    while end < len(written) and not written[end].isspace():
        end += 1
    pieces.append(Piece(written[at:end]))
    if end < len(written):
        pieces.append(Piece("…"))
    return tuple(p for p in pieces if p.text)
