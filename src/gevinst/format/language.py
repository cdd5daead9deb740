# SPDX-License-Identifier: MPL-2.0
"""The language a proposal file's or a catalog's messages are written in: its profile's.

A file's messages (docs/format.md) are read by whoever wrote the file, in the language of
the body's profile (``Profile.language``: "da" or "en"). The reader knows the profile; the
schema's validators run inside pydantic and do not, so the reader says the language for the
time of a validation (:func:`reading_in`), and a validator words its message with
:func:`said`. Each message is written once per language, beside the other, in one small
table (a language to a key to a ``str.format`` text); the Danish texts are the format's as
they always were, word for word. Outside :func:`reading_in` (a profile file, read before
any language is known) every message is Danish.

>>> table = {"da": {"x": "{value} er ikke et tal"}, "en": {"x": "{value} is not a number"}}
>>> said(table, "x", value="'tre'")
"'tre' er ikke et tal"
>>> with reading_in("en"):
...     said(table, "x", value="'three'")
"'three' is not a number"
>>> reading()
'da'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

# a family's messages: language -> key -> text with ``{field}``s
Messages = Mapping[str, Mapping[str, str]]

DANISH = "da"

# the language of the messages of the file being read; a context variable, so that two
# threads (two requests of the web app) each read in their own file's language
_LANGUAGE: ContextVar[str] = ContextVar("gevinst_format_language", default=DANISH)


def reading() -> str:
    """The language of the file being read: "da" outside :func:`reading_in`."""
    return _LANGUAGE.get()


@contextmanager
def reading_in(language: str) -> Iterator[None]:
    """Word the messages of the validation inside in ``language``."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def said(messages: Messages, key: str, /, **fields: object) -> str:
    """The message ``key`` in the language of the file being read, its fields filled in."""
    return worded(reading(), messages, key, **fields)


def worded(language: str, messages: Messages, key: str, /, **fields: object) -> str:
    """The message ``key`` in ``language`` (Danish where the table has not the language)."""
    table = messages.get(language) or messages[DANISH]
    return table[key].format(**fields)
