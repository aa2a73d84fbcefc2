"""Plain wire text -> Item.

The shape agencies send by e-mail and teleprinter::

    [Optional headers, "Key: value" lines, then a blank line]
    Headline
    Standfirst
    DATELINE                    (or inline: "CITY, Month D (Agency) — First paragraph")
    Body paragraph ...
    Boilerplate paragraph       (recognised by pattern and kept out of the body)

Paragraphs are separated by blank lines when the text has any, else by line breaks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from newswire.formats.dateline import Dateline, kicker_line, parse_dateline, parse_dateline_line
from newswire.formats.errors import NUL_TEXT, FormatError
from newswire.formats.sanitize import paragraphs_to_html
from newswire.model import PUB_STATUSES, SIGNAL_CORRECTION, Concept, Item, Text, parse_time

DEFAULT_BOILERPLATE = (
    r"website contains only a portion of the news",
    r"contact us for subscription",
    r"for subscription options",
    r"all rights reserved",
    r"haberlerin sadece bir kısmı",
    r"abonelik (?:seçenekleri|için)",
    r"يحتوي الموقع على جزء",
    r"للاشتراك",
    r"сайт содержит лишь часть",
    r"ne contient qu'une partie",
    r"sólo contiene una parte",
)

_HEADER_RE = re.compile(r"^([A-Za-z][A-Za-z-]{1,30}):\s*(.*)$")
_HEADER_KEYS = {
    "uri", "version", "language", "urgency", "slugline", "slug", "embargoed-until", "embargo",
    "pub-status", "pubstatus", "ed-note", "ednote", "by", "byline", "subjects", "correction",
    "located", "type",
}


def parse_wiretext(
    data: bytes | str, *, boilerplate: Sequence[str] = DEFAULT_BOILERPLATE
) -> Item:
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n").strip("\n\ufeff ")
    headers, text = _split_headers(text)
    blocks = _blocks(text)
    if len(blocks) < 2:
        raise FormatError("Wire text needs at least a headline and one paragraph.")
    headline, rest = blocks[0], blocks[1:]
    standfirst: str | None = None
    if len(rest) >= 2 and not _opens_with_dateline(rest[0]) and not _is_lead(rest[0], rest[1]):
        standfirst, rest = rest[0], rest[1:]
    dateline: Dateline | None = None
    if len(rest) > 1 and (dateline := parse_dateline_line(rest[0])) is not None:
        rest = rest[1:]
    elif rest and (dateline := _inline_dateline(rest[0])) is not None:
        rest = [dateline.remainder, *rest[1:]]
    elif len(rest) > 2 and kicker_line(rest[0]):
        # A kicker or byline line ("CENTRAL ASIA", "CARLOS MÉNDEZ") above the dateline: it
        # stays in the body, the dateline comes from the paragraph below it.
        if (dateline := parse_dateline_line(rest[1])) is not None:
            rest = [rest[0], *rest[2:]]
        elif (dateline := _inline_dateline(rest[1])) is not None:
            rest = [rest[0], dateline.remainder, *rest[2:]]
    located, date, source = (dateline.place, dateline.date, dateline.source) if dateline else (None, None, None)
    patterns = [re.compile(p, re.I) for p in boilerplate]
    while rest and any(p.search(rest[-1]) for p in patterns):
        rest = rest[:-1]
    if not rest:
        raise FormatError("Wire text has a headline but no body paragraphs.")
    item = Item(
        uri=headers.get("uri") or _derived_uri(headline, rest[0]),
        version=0,  # no Version header: "not given", the store appends the next number
        headlines=(Text(headline),),
        descriptions=(Text(standfirst, "standfirst"),) if standfirst else (),
        bodies=(Text(paragraphs_to_html(rest), None, "text/html"),),
        located=located,
        dateline_date=date,
        info_sources=(Concept(name=source, rel="source"),) if source else (),
    )
    return _apply_headers(item, headers)


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError("The body is not valid UTF-8.", status=400) from exc
    if "\x00" in text:  # PostgreSQL's text cannot hold it (ninjs and XML refuse it in their parsers)
        raise FormatError(NUL_TEXT, status=400)
    return text


def _split_headers(text: str) -> tuple[dict[str, str], str]:
    head, sep, body = text.partition("\n\n")
    lines = head.split("\n")
    if not sep or not lines:
        return {}, text
    found = {}
    for line in lines:
        match = _HEADER_RE.match(line)
        if not match or match[1].lower() not in _HEADER_KEYS:
            return {}, text
        found[match[1].lower()] = match[2].strip()
    return found, body.strip("\n")


def _blocks(text: str) -> list[str]:
    raw = [" ".join(b.split("\n")) for b in re.split(r"\n\s*\n", text)] if "\n\n" in text else text.split("\n")
    return [" ".join(b.split()) for b in raw if b.strip()]


def _inline_dateline(paragraph: str) -> Dateline | None:
    """The dateline a paragraph opens with, when text follows it (``CITY (Agency) - Text``)."""
    found = parse_dateline(paragraph)
    return found if found is not None and found.remainder else None


def _opens_with_dateline(block: str) -> bool:
    """A dateline line, or a paragraph that starts with an inline dateline: not a standfirst."""
    return parse_dateline_line(block) is not None or _inline_dateline(block) is not None


LEAD_CHARS = 200  # a standfirst is a line or two; a longer finished paragraph is the lead


def _is_lead(block: str, following: str) -> bool:
    """With no dateline after it, a long paragraph that ends a sentence opens the story: it
    is the lead, not a standfirst (copy sent without one)."""
    return (
        len(block) > LEAD_CHARS and block.rstrip("\"”»' ")[-1:] in ".!?…"
        and not _opens_with_dateline(following)
    )


def _derived_uri(headline: str, lede: str) -> str:
    digest = hashlib.sha256(f"{headline}\n{lede}".encode()).hexdigest()[:20]
    return f"urn:newswire:text:{digest}"


def _version(value: str) -> int:
    """A Version header: ASCII digits from 1 ('١', '1_0' and '0' are not versions)."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 10 or int(text) < 1:
        raise FormatError("Version must be a whole number from 1 (ASCII digits).")
    return int(text)


def _apply_headers(item: Item, h: dict[str, str]) -> Item:
    changes: dict[str, object] = {}
    try:
        if "version" in h:
            changes["version"] = _version(h["version"])
        if "urgency" in h:
            urgency = int(h["urgency"])
            if not 1 <= urgency <= 9:
                raise ValueError("urgency")
            changes["urgency"] = urgency
        embargo = h.get("embargoed-until") or h.get("embargo")
        if embargo:
            changes["embargoed_until"] = parse_time(embargo)
    except ValueError as exc:
        raise FormatError(f"Bad wire text header value: {exc}") from exc
    status = h.get("pub-status") or h.get("pubstatus")
    if status:
        if status not in PUB_STATUSES:
            raise FormatError(f"Pub-Status must be one of {', '.join(PUB_STATUSES)}.")
        changes["pub_status"] = status
    for key, field_name in (("language", "language"), ("slugline", "slugline"), ("slug", "slugline"),
                            ("by", "by"), ("byline", "by"), ("located", "located")):
        if h.get(key):
            changes[field_name] = h[key]
    note = h.get("ed-note") or h.get("ednote")
    if note:
        changes["ed_note"] = note
    if h.get("correction", "").lower() in ("yes", "true", "1") or (
        note and note.lower().startswith("correction")
    ):
        changes["signals"] = (SIGNAL_CORRECTION,)
    if h.get("subjects"):
        changes["subjects"] = tuple(
            Concept(uri="http://cv.iptc.org/newscodes/mediatopic/" + code.strip().removeprefix("medtop:"))
            for code in h["subjects"].split(",") if code.strip()
        )
    return item.evolve(**changes) if changes else item
