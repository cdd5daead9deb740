# SPDX-License-Identifier: MPL-2.0
"""The structure of a printed text: paragraphs, bullet and numbered lists, emphasis.

A proposal's texts are written in a small markup (docs/format.md, "Markup of printed texts")
so that every renderer - the PDF, Word, the terminal and the web - prints the paragraphs,
lists and emphasis the source prints. It lives in the core, not in ``io``: the structure of
a proposal's words is part of the proposal, the web needs it as much as the documents do,
and parsing it does no I/O. Parsing never fails: markup that does not pair up is text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"- ")
_NUMBER = re.compile(r"(\d+)\. ")
_PUNCTUATION = frozenset(string.punctuation)


@dataclass(frozen=True)
class Run:
    """Text in one style."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        """The paragraph's words without their styles."""
        return "".join(r.text for r in self.runs)

    @property
    def is_heading(self) -> bool:
        """A paragraph all in bold is the text's own heading ("**Opnormering af den
        tværfaglige support**"): a renderer keeps it with the block that follows it."""
        return any(r.text.strip() for r in self.runs) and all(
            r.bold or not r.text.strip() for r in self.runs
        )


@dataclass(frozen=True)
class BulletList:
    items: tuple[Paragraph, ...]


@dataclass(frozen=True)
class NumberedList:
    items: tuple[Paragraph, ...]
    start: int = 1  # the number the source gives its first item


Block = Paragraph | BulletList | NumberedList


def parse(text: str) -> tuple[Block, ...]:
    """The blocks of a text written in the markup; an empty text has none."""
    return tuple(block for chunk in _BLANK_LINE.split(text) for block in _chunk(chunk))


def paragraphs(blocks: tuple[Block, ...]) -> Iterator[Paragraph]:
    """Every paragraph of the blocks, list items included, in order."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            yield from block.items


def plain(text: str) -> str:
    """The text's words without markup: one line a paragraph or list item."""
    return "\n".join(p.text for p in paragraphs(parse(text)))


def escape(words: str) -> str:
    r"""Plain words (a note typed in a form) as markup that prints them as they are, in one
    paragraph: every backslash and asterisk escaped, and the number or dash that would start
    a list at its beginning.

    >>> escape("18. marts 2026 – *godkendt*\n\nuden  forbehold")
    '18\\. marts 2026 – \\*godkendt\\* uden forbehold'
    >>> plain(escape("- 18. marts 2026 – *godkendt*"))
    '- 18. marts 2026 – *godkendt*'
    """
    text = re.sub(r"([\\*])", r"\\\1", " ".join(words.split()))
    if number := _NUMBER.match(text):
        return f"{number[1]}\\. {text[number.end() :]}"
    return "\\" + text if _BULLET.match(text) else text


# --- blocks ------------------------------------------------------------------------------


@dataclass
class _Open:
    """A block being read: its kind ("para", "bullet", "number"), its items' lines."""

    kind: str
    items: list[list[str]]
    start: int = 1


def _chunk(chunk: str) -> list[Block]:
    """The blocks of text between two blank lines: a paragraph, then lists."""
    opened: list[_Open] = []
    for line in chunk.split("\n"):
        marker = _BULLET.match(line) or _NUMBER.match(line)
        if marker:
            kind = "number" if marker.re is _NUMBER else "bullet"
            rest = line[marker.end() :]
            if opened and opened[-1].kind == kind:
                opened[-1].items.append([rest])
            else:
                start = int(marker[1]) if kind == "number" else 1
                opened.append(_Open(kind, [[rest]], start))
        elif opened:
            opened[-1].items[-1].append(line)  # a soft break, or an item's next line
        else:
            opened.append(_Open("para", [[line]]))
    return [block for o in opened if (block := _close(o)) is not None]


def _close(o: _Open) -> Block | None:
    items = tuple(_paragraph(" ".join(lines)) for lines in o.items)
    if o.kind == "bullet":
        return BulletList(items)
    if o.kind == "number":
        return NumberedList(items, o.start)
    return items[0] if items[0].runs else None


# --- runs --------------------------------------------------------------------------------


def _tokens(text: str) -> list[str | int]:
    """Text pieces (str) and runs of unescaped asterisks (their count, int)."""
    out: list[str | int] = []
    piece: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in _PUNCTUATION:
            piece.append(text[i + 1])
            i += 2
            continue
        if c == "*":
            j = i
            while j < len(text) and text[j] == "*":
                j += 1
            out += ["".join(piece), j - i]
            piece, i = [], j
            continue
        piece.append(c)
        i += 1
    out.append("".join(piece))
    return out


def _delimiters(tokens: list[str | int]) -> list[str | int]:
    """Asterisk runs as delimiters: 2 for strong, 1 for emphasis (three are both); a
    delimiter without a partner becomes text again."""
    split: list[str | int] = []
    for t in tokens:
        split += [2, 1] if isinstance(t, int) and t > 2 else [t]
    for size in (1, 2):
        at = [i for i, t in enumerate(split) if t == size]
        if len(at) % 2:
            split[at[-1]] = "*" * size
    return split


def _paragraph(text: str) -> Paragraph:
    # a soft break is a space, and so is any run of spaces
    text = " ".join(text.split())
    runs: list[Run] = []
    italic = bold = False
    for t in _delimiters(_tokens(text)):
        if t == 1:
            italic = not italic
        elif t == 2:
            bold = not bold
        elif isinstance(t, str) and t:
            if runs and (runs[-1].italic, runs[-1].bold) == (italic, bold):
                runs[-1] = Run(runs[-1].text + t, italic, bold)
            else:
                runs.append(Run(t, italic, bold))
    return Paragraph(tuple(runs))
