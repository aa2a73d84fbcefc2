"""Safe XML intake: refuse DTDs and entities, then hand the root to the NewsML-G2 or NITF parser.

Untrusted XML is a classic way into a server: external entities read local files or
reach the network (XXE) and nested internal entities exhaust memory (billion laughs).
News documents never need a document type declaration, so one is refused outright by a
scan of the prolog before libxml2 sees the bytes; the parser is also configured so that
it could neither load nor expand anything if a declaration slipped through, and the
parsed tree is checked once more. Also home to the small helpers the XML writers share.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import lxml.html
from lxml import etree

from newswire.formats.errors import FormatError
from newswire.model import Item

G2_NS = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UNSAFE = "Unsafe XML"

_DECLARED_ENCODING_RE = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_PROLOG_ITEM_RE = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_DOCTYPE_RE = re.compile(r"<!\s*DOCTYPE", re.I)
# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANGUAGE_RE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


class _RefuseAll(etree.Resolver):
    """Answers every request for an external resource with an empty document."""

    def resolve(self, system_url: str, public_id: str, context: Any = None) -> Any:
        return self.resolve_string("", context, base_url=None)


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers must not be shared between threads.
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    parser.resolvers.add(_RefuseAll())
    return parser


def safe_fromstring(data: bytes) -> etree._Element:
    """Parse untrusted XML bytes; refuse DTDs, entities, bad UTF-8 and malformed XML (400)."""
    _refuse_doctype(_decode_for_scan(data))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"The body is not well-formed XML: {exc}", status=400) from exc
    docinfo: Any = root.getroottree().docinfo  # the stubs lack doctype and the DTD attributes
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _unsafe()
    if next(root.iter(etree.Entity), None) is not None:
        raise _unsafe()
    return root


def parse_xml_document(data: bytes) -> Item:
    """A NewsML-G2 newsItem, a newsMessage holding exactly one, or a NITF document -> Item."""
    from newswire.formats.newsmlg2 import parse_newsml
    from newswire.formats.nitf import parse_nitf

    root = safe_fromstring(data)
    name = etree.QName(root)
    if name.namespace == G2_NS and name.localname == "newsItem":
        return parse_newsml(root)
    if name.namespace == G2_NS and name.localname == "newsMessage":
        items = root.findall(f"{{{G2_NS}}}itemSet/{{{G2_NS}}}newsItem")
        if len(items) != 1:
            raise FormatError(
                f"A newsMessage must hold exactly one newsItem to be ingested; it holds {len(items)}."
            )
        return parse_newsml(items[0])
    if name.localname == "nitf":
        return parse_nitf(root)
    raise FormatError(
        f"Unsupported XML document <{name.localname}>: send a NewsML-G2 newsItem, "
        "a newsMessage with one newsItem, or NITF."
    )


def _unsafe() -> FormatError:
    return FormatError(
        "XML with a document type declaration (DTD) or entity declarations is refused.",
        status=400,
        title=UNSAFE,
    )


def _decode_for_scan(data: bytes) -> str:
    """The text of the document, for the prolog scan; UTF-8 unless a BOM or declaration says not."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        declared = _DECLARED_ENCODING_RE.match(data.removeprefix(codecs.BOM_UTF8))
        encoding = declared[1].decode("ascii") if declared else "utf-8"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError as exc:
        raise FormatError(f"Unknown XML encoding {encoding!r}.", status=400) from exc
    if codec != "utf-8":
        return data.decode(codec, errors="replace")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError("The body is not valid UTF-8.", status=400) from exc
    if "\x00" in text:  # also what UTF-16 without a byte order mark looks like
        raise FormatError("The body is not valid UTF-8 XML: it contains NUL bytes.", status=400)
    return text


def _refuse_doctype(text: str) -> None:
    """A DOCTYPE can only stand in the prolog, before the root element: look there."""
    pos = 0
    while match := _PROLOG_ITEM_RE.match(text, pos):
        pos = match.end()
    if _DOCTYPE_RE.match(text, pos):
        raise _unsafe()


# -- helpers for the writers ------------------------------------------------------------

def xml_text(value: str) -> str:
    """``value`` without the control characters XML 1.0 cannot represent."""
    return _NOT_XML_RE.sub("", value)


def itertext(element: etree._Element) -> str:
    """All text inside ``element``, concatenated."""
    return "".join(t for t in element.itertext() if isinstance(t, str))


def collapsed_text(element: etree._Element | None) -> str | None:
    """The text inside ``element`` with whitespace runs collapsed, or None when there is none."""
    if element is None:
        return None
    return " ".join(itertext(element).split()) or None


def append_text(parent: etree._Element, text: str | None) -> None:
    """Add ``text`` after the last child of ``parent`` (or as its text when it has none)."""
    if not text:
        return
    text = xml_text(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def valid_language(tag: str | None) -> str | None:
    """``tag`` if it is a well-formed ``xs:language`` value (BCP 47 shape), else None."""
    return tag if tag and _LANGUAGE_RE.fullmatch(tag) else None


def parse_html_fragment(fragment: str) -> etree._Element:
    """An HTML fragment (entities like ``&nbsp;`` allowed) as the children of a ``div``."""
    return lxml.html.fragment_fromstring(xml_text(fragment), create_parent="div")


def indent(element: etree._Element, *, keep: frozenset[str] = frozenset(), level: int = 0) -> None:
    """Pretty-print in place, leaving mixed content and elements tagged in ``keep`` untouched.

    ``etree.indent`` would also re-space XHTML and NITF bodies, which changes their text.
    """
    children = [child for child in element if isinstance(child.tag, str)]
    if (
        not children
        or len(children) != len(element)
        or element.tag in keep
        or (element.text and element.text.strip())
        or any(child.tail and child.tail.strip() for child in children)
    ):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        indent(child, keep=keep, level=level + 1)
        child.tail = pad
    children[-1].tail = pad[:-2]
