"""Is an upload one thing only? A polyglot is a file that is a valid picture or video and at
the same time something a subscriber's tools would run or open as another kind of file: a
JPEG whose first bytes hold HTML and script (a browser or an old proxy that sniffs sees a web
page), a PNG that a PDF reader opens, a picture with a ZIP archive (a JAR, an Office document)
appended. The wire serves originals byte for byte, so such a file is refused at upload, with
the other kind named, before anything is stored.

What is looked at, and why only there (a scan of the whole file would find these few bytes by
chance in compressed data, and refuse real photos):

- the first 1,445 bytes (what the WHATWG MIME sniffing standard reads, and where old browsers
  looked for markup) and the last 64 KiB (data appended after the picture) for HTML, SVG or
  PHP markup: ``<script``, ``<html``, ``<svg``, ``<iframe``, ``<object``, ``<embed``,
  ``<body``, ``<head``, ``<!doctype html``, ``<?php``;
- the first 1,024 bytes for a PDF header (readers accept ``%PDF-`` anywhere there);
- the end for a ZIP's end-of-central-directory record that closes the file exactly (how every
  ZIP reader finds the archive, wherever it starts).

Not refused: data after the picture that is none of these (a phone's second JPEG for depth or
HDR gain, a motion photo's MP4, a camera maker's trailer), and markup further inside the file
(a caption saying ``<script>`` in IPTC past the first 1,445 bytes is text, escaped wherever the
wire shows it). Other archive formats (RAR, 7z) are not looked for.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from newswire.media.probe import Refused

SNIFFED = 1445  # the WHATWG MIME sniffing standard's resource header
PDF_HEADER = 1024  # where PDF readers look for %PDF-
ZIP_END = 22  # the end-of-central-directory record, without its comment
TAIL = ZIP_END + 0xFFFF  # a ZIP comment is at most 65,535 bytes
_MARKUP = re.compile(rb"<(?:script|html|svg|iframe|object|embed|body|head)[\s/>]|<!doctype\s+html|<\?php",
                     re.IGNORECASE)


def other_kind(path: Path) -> str | None:
    """What else the file is (a few words for the problem), or None when it is one thing only."""
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(SNIFFED)
        f.seek(max(0, size - TAIL))
        tail = f.read()
    if _MARKUP.search(head) or _MARKUP.search(tail):
        return "a web page or script (HTML, SVG or PHP markup)"
    if b"%PDF-" in head[:PDF_HEADER]:
        return "a PDF document"
    if _zip_ends(tail):
        return "a ZIP archive (a JAR, an Office document, ...)"
    return None


def _zip_ends(tail: bytes) -> bool:
    """Does an end-of-central-directory record, with its comment, end exactly where the file does?"""
    at = tail.rfind(b"PK\x05\x06")
    while at >= 0:
        if at + ZIP_END <= len(tail):
            (comment,) = struct.unpack_from("<H", tail, at + 20)
            if at + ZIP_END + comment == len(tail):
                return True
        at = tail.rfind(b"PK\x05\x06", 0, at)
    return False


def check(path: Path) -> None:
    """Refuse (415) a file that is also another kind of file."""
    other = other_kind(path)
    if other is not None:
        raise Refused(415, "Polyglot file", f"The bytes are also {other}; the wire takes files that are one "
                                            "thing only.")
