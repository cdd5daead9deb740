# SPDX-License-Identifier: MPL-2.0
"""YAML read the way people write proposals: exact numbers, and every value's line.

Three departures from plain YAML, each to protect a figure:
- a number with a point (``1.144``) is not turned into a float; it is kept as written, so
  the schema can refuse it in an amount (a Danish thousand separator read as a decimal
  point would silently divide the figure by 1.000) and read it exactly elsewhere;
- a number written with a comma and no quotes (``70,000``) is kept as written too
  (:class:`CommaNumber`), also where plain YAML splits it at the comma (in ``{2025: 70,000}``
  into 70 and a key 000, in ``[70,000]`` into 70 and 0), so the schema can say what was
  probably meant instead of reporting a key 000;
- only ``true`` and ``false`` are booleans (YAML 1.1 also reads ``no`` and ``on``);
- only plain decimal whole numbers are integers (YAML 1.1 reads ``0750`` as octal 488 and
  ``1:30`` as 90), of at most :data:`MAX_DIGITS` digits;
- a key given twice is an error, not silently the last one, also where it is spelt as two
  kinds of key that name the same thing (``2025:`` and ``"2025":``);
- a date is text (``2024-03-18``, and an impossible ``2024-02-30`` in a title): the schema
  reads a date where a field is one, with a Danish message where it is not a date;
- each value's line is kept, so an error names the line of the field it concerns.

A file is read only if it is a regular file of at most :data:`MAX_FILE_BYTES` (a named pipe
would block, a link to ``/dev/zero`` read without end), nested at most :data:`MAX_DEPTH` deep.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from gevinst.core.errors import GevinstError
from gevinst.format.language import Messages, reading, reading_in, said

MAX_FILE_BYTES = 10 * 1024 * 1024  # the seed's largest proposal is 60 kB
MAX_DEPTH = 40  # the format nests 7 levels deep, a bundle 9
MAX_DIGITS = 30  # more than any figure, year or count the format holds


class WrittenNumber(str):
    """A number written with a decimal point, kept exactly as written."""

    __slots__ = ()


class CommaNumber(str):
    """A number written with a comma and no quotes, kept as written (``70,000``), for the
    schema to say what was probably meant: a comma between thousands (70000) or a Danish
    decimal comma (70). Plain YAML reads it otherwise than either: in block style as the text
    ``"70,000"``; in a flow mapping ``{2025: 70,000}`` as 70 and a key ``000`` with no value;
    in a flow list ``[70,000]`` as two numbers, 70 and 0. ``parts`` keeps the pieces YAML
    split it into and ``split_in`` where (``"mapping"``, ``"list"``; ``""`` in block style),
    so that the message can say how YAML read it:

    >>> n = CommaNumber("70,000")
    >>> n.parts, n.split_in = ("70", "000"), "mapping"
    >>> n.yaml_reading()
    'som 70 og en nøgle 000'
    >>> n.parts, n.split_in = ("1", "144", "000"), "list"
    >>> n.yaml_reading()
    'som tre tal, 1, 144 og 0'
    """

    # no __slots__: each keeps its own parts
    parts: tuple[str, ...] = ()
    split_in: str = ""

    def yaml_reading(self, language: str = "da") -> str:
        """How plain YAML reads the number, in Danish or in English (``language`` "en": "as
        70 and a key 000"); ``""`` where it keeps it whole."""
        words = _READING.get(language, _READING["da"])
        first, *rest = self.parts or (str(self),)
        if self.split_in == "mapping":
            keys = words["key"] + rest[0] if len(rest) == 1 else words["keys"] + _and(rest, words)
            return f"{words['as']} {first} {words['and']} {keys}"
        if self.split_in == "list":
            numbers = [first, *(str(int(part)) for part in rest)]
            count = words.get(str(len(numbers)), str(len(numbers)))
            return f"{words['as']} {count} {words['numbers']}, {_and(numbers, words)}"
        return ""


# how YAML read a number, in each language: the words and the counts (2: "to", "two")
_READING = {
    "da": {
        "as": "som",
        "and": "og",
        "key": "en nøgle ",
        "keys": "nøglerne ",
        "numbers": "tal",
        **{str(n): w for n, w in {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}.items()},
    },
    "en": {
        "as": "as",
        "and": "and",
        "key": "a key ",
        "keys": "the keys ",
        "numbers": "numbers",
        **{str(n): w for n, w in {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}.items()},
    },
}


def _and(words: Sequence[str], said: Mapping[str, str]) -> str:
    joined = f" {said['and']} "
    return ", ".join(words[:-1]) + joined + words[-1] if len(words) > 1 else "".join(words)


class _Loader(yaml.CSafeLoader):
    """libyaml's C parser (twenty times the pure-Python one), with the resolvers and
    constructors below; node marks, and so every value's line, are kept all the same."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        """The tag of a node, as PyYAML resolves it, remembered for a short plain scalar: its
        tag depends on its text alone (the loader has no path resolvers), and a catalog
        writes the same keys, years and figures hundreds of thousands of times."""
        remembered = kind is yaml.ScalarNode and implicit[0] and len(value) <= _REMEMBERED_LENGTH
        tag = _RESOLVED.get(value) if remembered else None
        if tag is None:
            tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            if remembered:
                if len(_RESOLVED) >= _REMEMBERED:
                    _RESOLVED.clear()
                _RESOLVED[value] = tag
        return tag


# the tags of the plain scalars met, by their text (_Loader.resolve)
_RESOLVED: dict[str, str] = {}
_REMEMBERED, _REMEMBERED_LENGTH = 100_000, 40


_REPLACED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
# a plain 70,000 or 1,144,000 in block style (in a flow collection the comma splits it first):
# a CommaNumber, not the text "70,000" that the schema would read as a decimal comma, 70
_COMMA_TAG = "tag:gevinst.dk,2026:comma-number"
_GROUPED = re.compile(r"^[-+]?[1-9][0-9]{0,2}(?:,[0-9]{3})+$")
_Loader.add_implicit_resolver(_COMMA_TAG, _GROUPED, list("-+0123456789"))
# the kinds of value the format holds; any other tag, written (!!timestamp, !!binary, !!set,
# !foo) or resolved (the merge key <<), is refused before a value is constructed
_TAGS = {
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "map", "seq")
} | {_COMMA_TAG}


class _Refused(yaml.constructor.ConstructorError):
    """A value gevinst refuses, with its Danish message."""


_PLAIN_NUMBER = re.compile(r"([+-]?)(\d+)(?:[.,](\d+))?")


def same_key(key: object) -> object:
    """What a key names: ``2025``, ``"2025"`` and ``2025.0`` name the same year (the schema
    reads each as 2025), so a mapping may hold only one of them. Compared digit by digit,
    not as a Decimal, which a key of a million digits would overflow."""
    if type(key) is str and key and not (key[0].isdigit() or key[0] in "+-" or key[0].isspace()):
        # most keys are field names: they cannot spell a number, so they name themselves
        # (the loader asks this once a key, a few hundred thousand times a catalog)
        return key
    if isinstance(key, bool) or not isinstance(key, str | int):
        return key if isinstance(key, Hashable) else repr(key)
    number = _PLAIN_NUMBER.fullmatch(str(key).strip())
    if number is None:
        return key
    whole, fraction = number[2].lstrip("0"), (number[3] or "").rstrip("0")
    sign = "-" if number[1] == "-" and (whole or fraction) else ""
    return ("tal", sign, whole, fraction)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.Node) -> dict[object, object]:
    if not isinstance(node, yaml.MappingNode):
        raise _Refused(None, None, "forventede en mapping", node.start_mark)
    seen: dict[object, object] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        named = same_key(key)
        if named in seen:
            first = seen[named]
            also = "" if first == key else said(_SAID, "also", first=first)
            message = said(_SAID, "key_twice", key=key, also=also)
            raise _Refused(None, None, message, key_node.start_mark)
        seen[named] = key
    return yaml.SafeLoader.construct_mapping(loader, node, deep=True)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)

# the messages of reading a proposal file a user meets most, in the language of the file
# being read (gevinst.format.language: the profile's)
_SAID: Messages = {
    "da": {
        "key_twice": "nøglen {key!r} står to gange{also}",
        "also": " (også skrevet {first!r})",
        "not_yaml": "ikke gyldig YAML: {problem}",
    },
    "en": {
        "key_twice": "the key {key!r} is written twice{also}",
        "also": " (also written {first!r})",
        "not_yaml": "not valid YAML: {problem}",
    },
}


def _construct_written_number(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> WrittenNumber:
    return WrittenNumber(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_written_number)


class _JoinedNode(yaml.ScalarNode):
    """A number plain YAML split at its comma, joined again (:func:`_join_split_numbers`)."""

    def __init__(self, number: yaml.ScalarNode, part: yaml.ScalarNode, split_in: str) -> None:
        super().__init__(_COMMA_TAG, f"{number.value},{part.value}", number.start_mark)
        self.end_mark = part.end_mark
        self.parts: tuple[str, ...] = (*getattr(number, "parts", (number.value,)), part.value)
        self.split_in = split_in


def _construct_comma_number(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> CommaNumber:
    number = CommaNumber(loader.construct_scalar(node))
    if isinstance(node, _JoinedNode):
        number.parts, number.split_in = node.parts, node.split_in
    return number


_Loader.add_constructor(_COMMA_TAG, _construct_comma_number)


def quote_comma_numbers(dumper: type[yaml.SafeDumper]) -> None:
    """Make ``dumper`` quote a text that this loader reads as a :class:`CommaNumber`: a
    fraction the writer writes ``"-1,144"`` would, unquoted in block style, be refused as
    ``-1,144`` (a thousand separator or a decimal comma?)."""
    dumper.add_implicit_resolver(_COMMA_TAG, _GROUPED, list("-+0123456789"))


_WHOLE = re.compile(r"[-+]?[0-9]+")
_DIGITS = re.compile(r"[0-9]+")
_NULL = "tag:yaml.org,2002:null"


def _continues(number: yaml.ScalarNode, part: yaml.ScalarNode) -> bool:
    """``part`` is digits written right after ``number`` and a comma, both plain: ``70,000``
    (``70, 000``, with a space, is two values as it looks)."""
    return (
        not part.style
        and not number.style
        and part.start_mark.line == number.end_mark.line
        and part.start_mark.column == number.end_mark.column + 1
        and _DIGITS.fullmatch(part.value) is not None
        and (isinstance(number, _JoinedNode) or _WHOLE.fullmatch(number.value) is not None)
    )


def _join_split_numbers(node: yaml.CollectionNode) -> None:
    """Join again, in a flow collection, a number plain YAML split at its comma.

    In a mapping, ``{2025: 70,000, 2026: 0,5}`` holds 70 with a key 000 (and 0 with a key 5)
    that has no value: a key of digits with no value, right after a number and its comma, is
    never meant, so the number is joined whatever its digits (``70,000``, ``0,5``). In a list,
    ``[68,500, 4,000]``, a number right after another and a comma may be meant (``[1,3]``),
    so only a group of three digits after one to three (``68,500``, ``1,144,000``; not
    ``0,500``) is joined.
    Joined, it is one :class:`CommaNumber` at the first part's line, and no key 000 is
    reported twice or as unknown."""
    if isinstance(node, yaml.MappingNode):
        # most flow mappings ({2025: -149, ...}) have no key without a value: looked at once
        if not any(value.tag == _NULL and not value.value for _, value in node.value):
            return
        pairs: list[tuple[yaml.Node, yaml.Node]] = []
        for key, value in node.value:
            number = pairs[-1][1] if pairs else None
            if (
                isinstance(number, yaml.ScalarNode)
                and isinstance(key, yaml.ScalarNode)
                and value.tag == _NULL
                and not value.value
                and _continues(number, key)
            ):
                pairs[-1] = (pairs[-1][0], _JoinedNode(number, key, "mapping"))
            else:
                pairs.append((key, value))
        node.value = pairs
    elif isinstance(node, yaml.SequenceNode):
        if not any(
            isinstance(item, yaml.ScalarNode) and len(item.value) == 3 for item in node.value
        ):
            return
        items: list[yaml.Node] = []
        for item in node.value:
            number = items[-1] if items else None
            if (
                isinstance(number, yaml.ScalarNode)
                and isinstance(item, yaml.ScalarNode)
                and _continues(number, item)
                and _thousands(number, item)
            ):
                items[-1] = _JoinedNode(number, item, "list")
            else:
                items.append(item)
        node.value = items


def _thousands(number: yaml.ScalarNode, part: yaml.ScalarNode) -> bool:
    """``number,part`` may be a number with commas between thousands: ``68,500``."""
    first = number.value.lstrip("+-")
    whole = isinstance(number, _JoinedNode) or (len(first) <= 3 and first[0] != "0")
    return len(part.value) == 3 and whole


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if not _INT.match(text):  # a value tagged !!int
        raise _Refused(None, None, f"{text!r} er ikke et helt tal", node.start_mark)
    digits = len(text.lstrip("+-"))
    if digits > MAX_DIGITS:
        # Python refuses to read more than 4.300 digits, and no figure has a thirtieth
        raise _Refused(
            None, None, f"tallet har {digits} cifre; højst {MAX_DIGITS} læses", node.start_mark
        )
    return int(text)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _construct_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    text = str(loader.construct_scalar(node))
    if not _BOOL.match(text):  # a value tagged !!bool
        raise _Refused(None, None, f"{text!r} er hverken true eller false", node.start_mark)
    return text.lower() == "true"


_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


# libyaml's and PyYAML's messages, in Danish; the English is kept after it, to look up
_DANISH = {
    "mapping values are not allowed": "et kolon og mellemrum (': ') inde i en værdi: sæt "
    "teksten i anførselstegn, eller ret indrykningen",
    "found character that cannot start any token": "et tegn her kan ikke begynde en værdi "
    "(en tabulator i indrykningen, eller @ eller ` først i en tekst: brug mellemrum, og sæt "
    "teksten i anførselstegn)",
    "did not find expected ',' or ']'": "en liste [...] mangler ',' eller ']'",
    "did not find expected ',' or '}'": "en mapping {...} mangler ',' eller '}'",
    "found unexpected end of stream": "filen slutter midt i en værdi (mangler et afsluttende "
    "anførselstegn?)",
    "did not find expected '-' indicator": "indrykningen passer ikke med listen ovenfor",
    "did not find expected key": "indrykningen passer ikke: forventede en nøgle",
    "could not find expected ':'": "forventede ':' efter en nøgle",
    "could not determine a constructor for the tag": "ukendt YAML-mærke (!...); skriv "
    "værdien uden mærke",
    "found undefined alias": "gevinst læser ikke YAML-aliaser (*navn); skriv værdien ud hvor "
    "den bruges",
    "found unknown escape character": "ukendt escape-tegn (\\) i en tekst i dobbelte "
    "anførselstegn; skriv \\\\ for en omvendt skråstreg, eller brug enkelte anførselstegn",
    "expected a scalar node": "forventede en enkelt værdi, ikke en liste eller en mapping",
    "expected a sequence node": "forventede en liste",
    "found a tab character": "en tabulator i indrykningen; ryk ind med mellemrum",
    "did not find expected <document start>": "filen holder mere end ét YAML-dokument; en fil "
    "er ét dokument",
    "found unhashable key": "en nøgle kan ikke være en liste eller en mapping",
    "but found another document": "filen holder mere end ét YAML-dokument (---); en fil er "
    "ét dokument",
    "found incompatible YAML document": "en YAML-version gevinst ikke læser (%YAML)",
}


def danish(problem: str) -> str:
    """A YAML parser's message in Danish, with the English original after it; the original
    alone where the file being read is in English (gevinst.format.language)."""
    if reading() != "da":
        return said(_SAID, "not_yaml", problem=problem)
    for english, text in _DANISH.items():
        if english in problem:
            return f"ikke gyldig YAML: {text} ({problem})"
    return f"ikke gyldig YAML: {problem}"


class YamlError(GevinstError):
    """A file that is not readable YAML, with its line."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}, linje {line}" if line else str(path)
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[YamlError], tuple[Path, int | None, str]]:
        # sent from the process that read the file (format.apart)
        return YamlError, (self.path, self.line, self.message)


def read_yaml(path: Path, language: str) -> YamlDocument | YamlError:
    """The file at ``path`` read, or why it cannot be read, in ``language``."""
    try:
        with reading_in(language):
            return YamlDocument(path)
    except YamlError as e:
        return e


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file gevinst reads: a regular file (through a link where there is one)
    of at most ``limit`` bytes; else a :class:`YamlError` saying why not. Every file a user
    gives gevinst is read so (a named pipe would block, a link to ``/dev/zero`` read without
    end)."""
    try:
        # non-blocking, so that opening a named pipe returns at once and is refused below
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        raise YamlError(path, None, f"filen kan ikke læses: {e.strerror or e}") from None
    except ValueError:  # a name no file can have: a NUL character in it
        raise YamlError(path, None, "filen kan ikke læses: navnet indeholder et NUL-tegn") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise YamlError(path, None, "er ikke en almindelig fil (en mappe, et rør, en enhed)")
        if info.st_size > limit:
            raise YamlError(path, None, _too_big(info.st_size, limit))
        data = f.read(limit + 1)
    if len(data) > limit:
        raise YamlError(path, None, _too_big(len(data), limit))
    return data


def read_text(path: Path) -> str:
    """The text of a file of the format: :func:`read_bytes`, in UTF-8."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise YamlError(path, line, "filen er ikke skrevet i UTF-8") from None


def _too_big(size: int, limit: int) -> str:
    return f"filen fylder {size:,} byte; højst {limit:,} læses".replace(",", ".")


def too_deep(path: Path, line: int | None) -> YamlError:
    return YamlError(path, line, f"data er indlejret mere end {MAX_DEPTH} niveauer; ret strukturen")


def _check_structure(path: Path, node: yaml.Node) -> None:
    """Refuse a node deeper than :data:`MAX_DEPTH` (constructing a deep document recurses
    past Python's limit long before libyaml's 1.000 levels) and a node reached twice, an
    alias (``*navn``): ten aliases of ten aliases make billions of values to check. Walked
    without recursion, each node once; on the way a number split at its comma in a flow
    collection is joined again (:func:`_join_split_numbers`)."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        line = current.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise too_deep(path, line)
        if current.tag not in _TAGS:
            tag = current.tag.removeprefix("tag:yaml.org,2002:")
            message = f"YAML-mærket {tag!r} læses ikke; skriv værdien uden mærke"
            raise YamlError(path, line, message)
        if id(current) in seen:
            message = "gevinst læser ikke YAML-aliaser (*navn); skriv værdien ud hvor den bruges"
            raise YamlError(path, line, message)
        seen.add(id(current))
        if isinstance(current, yaml.CollectionNode) and current.flow_style:
            _join_split_numbers(current)  # before its values are walked: a joined one is new
        if isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend((n, depth + 1) for pair in current.value for n in pair)


class _Unusual(Exception):  # noqa: N818 (not an error: the way every document takes)
    """A node :func:`_built` leaves to the loader's constructors."""


_STR, _NULL_TAG, _MAP, _SEQ = (
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "null", "map", "seq")
)
_FLOAT, _INT_TAG, _BOOL_TAG = (f"tag:yaml.org,2002:{kind}" for kind in ("float", "int", "bool"))


def _built(node: yaml.Node, depth: int, seen: set[int]) -> Any:
    """The data of a node tree, as :func:`_check_structure` and the loader's constructors
    make it, in one walk: PyYAML's way (a constructor looked up and a generator for each
    node, after a walk of its own to check the tree) took most of reading a file. Anything
    either would refuse or treat otherwise raises :class:`_Unusual`, and the document takes
    their way, with their messages: a node deeper than :data:`MAX_DEPTH` or reached twice
    (an alias), a tag on a node of another kind or that the format does not hold, a key given
    twice or that is a list or a mapping, an integer or a boolean they refuse, a number joined
    again at its comma. ``seen``: the nodes met so far, by id."""
    if depth > MAX_DEPTH or id(node) in seen:
        raise _Unusual
    seen.add(id(node))
    tag = node.tag
    if type(node) is yaml.ScalarNode:
        return _scalar(tag, node.value)
    if isinstance(node, yaml.CollectionNode) and node.flow_style:
        _join_split_numbers(node)  # as _check_structure does; a number joined is _Unusual
    if type(node) is yaml.MappingNode and tag == _MAP:
        out: dict[object, object] = {}
        named: set[object] = set()
        for key_node, value_node in node.value:
            key = _built(key_node, depth + 1, seen)
            name = same_key(key)
            if type(key) in (list, dict) or name in named:
                raise _Unusual
            named.add(name)
            out[key] = _built(value_node, depth + 1, seen)
        return out
    if type(node) is yaml.SequenceNode and tag == _SEQ:
        return [_built(child, depth + 1, seen) for child in node.value]
    raise _Unusual


def _scalar(tag: str, value: str) -> Any:
    """A scalar's value, as the loader's constructor for ``tag`` makes it (:func:`_built`)."""
    if tag == _STR:
        return value
    if tag == _INT_TAG and _INT.match(value) and len(value.lstrip("+-")) <= MAX_DIGITS:
        return int(value)
    if tag == _FLOAT:
        return WrittenNumber(value)
    if tag == _NULL_TAG:
        return None
    if tag == _BOOL_TAG and _BOOL.match(value):
        return value.lower() == "true"
    raise _Unusual


class YamlDocument:
    """One parsed file: its data and the line of every node."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = read_text(path)
        try:
            loader = _Loader(text)
            try:
                self.node = loader.get_single_node()
                self.data: Any = self._data(loader)
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line = mark.line + 1 if mark else None
            if "maximum nesting depth" in str(e.problem):  # libyaml's own limit, 1.000 levels
                raise too_deep(path, line) from None
            problem = str(e.problem)
            raise YamlError(
                path, line, problem if isinstance(e, _Refused) else danish(problem)
            ) from None
        except yaml.reader.ReaderError as e:
            line = text[: e.position].count("\n") + 1
            code = ord(e.character) if isinstance(e.character, str) else e.character
            message = f"filen holder styretegnet #x{code:04x}, som YAML ikke tillader; fjern det"
            raise YamlError(path, line, message) from None
        except yaml.YAMLError as e:
            raise YamlError(path, None, danish(str(e))) from None

    def _data(self, loader: _Loader) -> Any:
        if not self.node:
            return None
        try:
            return _built(self.node, 1, set())
        except _Unusual:
            _check_structure(self.path, self.node)
            return loader.construct_document(self.node)

    def line_of(self, loc: Sequence[int | str]) -> int | None:
        """The line of the deepest node along ``loc`` (keys and list indices)."""
        node = self.node
        line = node.start_mark.line + 1 if node else None
        for step in loc:
            child = _child(node, step)
            if child is None:
                break
            node, line = child, child.start_mark.line + 1
        return line


def _child(node: yaml.Node | None, step: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        return node.value[step] if 0 <= step < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == str(step):
                return value  # type: ignore[no-any-return]
    return None
