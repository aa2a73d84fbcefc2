"""Parsers (bytes -> Item) and serializers (Item -> bytes) for the wire's formats.

``parse`` picks the parser from the declared format or sniffs it; ``serialize`` renders one
item. All are pure functions; every failure is a :class:`FormatError`.
"""

from __future__ import annotations

from typing import Literal

from newswire.formats.errors import FormatError
from newswire.formats.sanitize import markup_free
from newswire.model import Item

InputFormat = Literal["auto", "ninjs", "newsml", "nitf", "text"]
OutputFormat = Literal["ninjs", "ninjs2", "newsml", "nitf"]
OUTPUT_FORMATS: tuple[str, ...] = ("ninjs", "ninjs2", "newsml", "nitf")
MEDIA_TYPES: dict[str, str] = {
    "ninjs": "application/json",
    "ninjs2": "application/json",
    "newsml": "application/vnd.iptc.g2.newsitem+xml",
    "nitf": "application/xml",
}

__all__ = ["MEDIA_TYPES", "OUTPUT_FORMATS", "FormatError", "parse", "serialize", "sniff"]


def sniff(data: bytes) -> str:
    """Guess the format of a document from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "ninjs"
    if head.startswith(b"<"):
        lowered = head.lower()
        if b"<nitf" in lowered:
            return "nitf"
        return "newsml"
    return "text"


MAX_VERSION = 2**31 - 1  # versions are 32-bit integers in the store


# Where each input format puts a story's headline and body, for the refusal of one with neither.
_WHERE_TEXT = {
    "ninjs": "ninjs headlines[].value and bodies[].value",
    "newsml": "NewsML-G2 contentMeta/headline and contentSet/inlineXML (or inlineData)",
    "nitf": "NITF body.head/hedline/hl1 (or head/title) and body.content",
    "text": "wire text's first line and the paragraphs after it",
}


def parse(data: bytes, fmt: str = "auto") -> Item:
    """Any input format to an Item, with what every parser must hold checked once here: the
    bounds the store can hold (a version past 32 bits was a 500 from the database), and a
    story's words (an empty NITF published a story with no headline)."""
    item = _parse(data, fmt)
    if not 0 <= item.version <= MAX_VERSION:
        raise FormatError(f"version must be an integer from 1 to {MAX_VERSION}.")
    if not has_words(item):
        said = sniff(data) if fmt in ("auto", "xml", "newsml", "nitf") else fmt
        raise FormatError(f"The story has no headline and no body text: give it at least one "
                          f"({_WHERE_TEXT.get(said, _WHERE_TEXT['ninjs'])}).")
    return item


def has_words(item: Item) -> bool:
    """Whether an item may be published as it is: a story (``type`` text) needs a headline or
    body text, whatever its format; a kill notice and media items (a picture's caption is
    optional) need neither."""
    if item.type != "text" or item.killed:
        return True
    return (any(h.value.strip() for h in item.headlines)
            or any(markup_free(b.value).strip() for b in item.bodies))


def _parse(data: bytes, fmt: str) -> Item:
    if fmt == "auto":
        fmt = sniff(data)
    if fmt == "ninjs":
        from newswire.formats.ninjs import parse_ninjs

        return parse_ninjs(data)
    if fmt == "text":
        from newswire.formats.wiretext import parse_wiretext

        return parse_wiretext(data)
    if fmt in ("newsml", "nitf", "xml"):
        from newswire.formats.xmlsafe import parse_xml_document

        return parse_xml_document(data)
    raise FormatError(f"Unknown input format {fmt!r}.", status=400)


def serialize(item: Item, fmt: str = "ninjs", *, partial: bool = False) -> bytes:
    if fmt == "ninjs":
        from newswire.formats.ninjs import dumps, to_ninjs3

        return dumps(to_ninjs3(item, partial=partial))
    if fmt == "ninjs2":
        from newswire.formats.ninjs import dumps, to_ninjs2

        return dumps(to_ninjs2(item, partial=partial))
    if fmt == "newsml":
        from newswire.formats.newsmlg2 import to_newsml_item

        return to_newsml_item(item)
    if fmt == "nitf":
        from newswire.formats.nitf import to_nitf

        return to_nitf(item)
    raise FormatError(f"Unknown format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}.", status=400)
