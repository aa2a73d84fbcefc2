"""Safe XML intake: DTDs and entities are refused before anything is expanded or fetched,
broken input is a 400, and the root decides between NewsML-G2 and NITF."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from lxml import etree

from newswire.formats import parse
from newswire.formats.errors import FormatError
from newswire.formats.newsmlg2 import to_newsml_item
from newswire.formats.nitf import to_nitf
from newswire.formats.xmlsafe import UNSAFE, _parser, parse_xml_document, safe_fromstring

from test_newsmlg2 import full_item

G2_ITEM = b"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newswire:text:g2-1" version="2"
    standard="NewsML-G2" standardversion="2.35">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
    <versionCreated>2025-03-01T09:30:00Z</versionCreated></itemMeta>
  <contentMeta><headline>Port opens</headline></contentMeta>
</newsItem>"""
NITF_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
  <head><docdata><doc-id id-string="urn:newswire:text:nitf-1"/></docdata></head>
  <body><body.head><hedline><hl1>Liman açıldı</hl1></hedline></body.head>
    <body.content><p>İlk paragraf.</p></body.content></body>
</nitf>""".encode()


class _Counter(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = b'<!ENTITY evil "pwned">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that records every request an XML parser might make."""
    hits: list[str] = []

    class Handler(_Counter):
        pass

    Handler.hits = hits
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-CONTENT")
    return path


def assert_unsafe(data: bytes) -> FormatError:
    with pytest.raises(FormatError) as caught:
        parse_xml_document(data)
    assert caught.value.status == 400 and caught.value.title == UNSAFE
    return caught.value


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>"""


def xxe(system_id: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "{system_id}">]>\n'
        "<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>"
    ).encode()


# -- refused before anything is expanded or read ---------------------------------------------

def test_billion_laughs_is_refused() -> None:
    error = assert_unsafe(BILLION_LAUGHS)
    assert "lol" not in error.detail


def test_xxe_file_entity_is_refused_and_nothing_leaks(secret_file: Path) -> None:
    error = assert_unsafe(xxe(secret_file.as_uri()))
    assert "TOP-SECRET" not in str(error)
    assert_unsafe(xxe("file:///etc/passwd"))


def test_xxe_network_entity_is_refused_without_a_request(listener: tuple[str, list[str]]) -> None:
    url, hits = listener
    assert_unsafe(xxe(f"{url}/entity"))
    assert hits == []


def test_external_dtd_is_refused_without_a_request(listener: tuple[str, list[str]]) -> None:
    url, hits = listener
    doc = f'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "{url}/nitf.dtd"><nitf/>'.encode()
    assert_unsafe(doc)
    public = f'<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.6//EN" "{url}/nitf.dtd"><nitf/>'.encode()
    assert_unsafe(public)
    assert hits == []


@pytest.mark.parametrize("doc", [
    b"<!doctype nitf><nitf/>",
    b"\xef\xbb\xbf<?xml version='1.0'?><!-- note --><?pi x?>\n<!DOCTYPE nitf []><nitf/>",
    b"<!DOCTYPE nitf [<!ENTITY a 'b'>]><nitf>&a;</nitf>",
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE nitf [<!ENTITY a "b">]><nitf>&a;</nitf>'
    .encode("utf-16"),
    '<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE nitf []><nitf>Café</nitf>'
    .encode("iso-8859-1"),
])
def test_every_spelling_of_a_doctype_is_refused(doc: bytes) -> None:
    assert_unsafe(doc)


def test_the_parser_itself_neither_expands_nor_fetches(
    secret_file: Path, listener: tuple[str, list[str]]
) -> None:
    """Second line of defence: were the prolog scan bypassed, the parser still loads nothing."""
    url, hits = listener
    for system_id in (secret_file.as_uri(), f"{url}/entity"):
        root = etree.fromstring(xxe(system_id), _parser())
        assert "TOP-SECRET" not in etree.tostring(root, encoding="unicode")
        assert "pwned" not in etree.tostring(root, encoding="unicode")
    try:  # libxml2 either stops at its amplification limit or leaves the entities unexpanded
        root = etree.fromstring(BILLION_LAUGHS, _parser())
    except etree.XMLSyntaxError as exc:
        assert "amplification" in str(exc)
    else:
        assert len(etree.tostring(root)) < 10_000
    assert hits == []


def test_doctype_text_inside_the_document_is_not_a_false_alarm() -> None:
    doc = (b"<nitf><body><body.content><p><![CDATA[<!DOCTYPE html> is how pages start]]></p>"
           b"</body.content></body></nitf>")
    assert "&lt;!DOCTYPE html&gt; is how pages start" in parse(doc).body_html


# -- broken input is a 400 -------------------------------------------------------------------

@pytest.mark.parametrize("doc", [
    b"<nitf><body></nitf>",
    b"<nitf>&undeclared;</nitf>",
    b"",
    b"<nitf/><nitf/>",
    b"not xml at all <",
    b"<nitf>\x00</nitf>",
])
def test_malformed_xml_is_a_400(doc: bytes) -> None:
    with pytest.raises(FormatError) as caught:
        parse_xml_document(doc)
    assert caught.value.status == 400 and caught.value.title != UNSAFE


def test_mangled_documents_only_ever_raise_format_error() -> None:
    rng = random.Random(20250301)
    originals = [G2_ITEM, NITF_DOC, to_newsml_item(full_item()), to_nitf(full_item())]
    snippets = [b"<", b">", b'"', b"&amp;", b"&", b"</p>", b'version="0"', b"\xff", b"]]>"]
    for _ in range(300):
        doc = bytearray(rng.choice(originals))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(doc))
            if rng.random() < 0.5:
                del doc[at:at + rng.randint(1, 30)]
            else:
                doc[at:at] = rng.choice(snippets)
        try:
            parse_xml_document(bytes(doc))
        except FormatError as exc:
            assert exc.status in (400, 422)


@pytest.mark.parametrize("doc", [
    b"<nitf><body><body.content><p>caf\xe9</p></body.content></body></nitf>",
    b'<?xml version="1.0" encoding="UTF-8"?><nitf>\xff\xfe</nitf>',
    b'<?xml version="1.0" encoding="utf-8"?><nitf>\xc3\x28</nitf>',
])
def test_invalid_utf8_is_a_400(doc: bytes) -> None:
    with pytest.raises(FormatError, match="UTF-8") as caught:
        parse_xml_document(doc)
    assert caught.value.status == 400


def test_unknown_encoding_is_a_400() -> None:
    with pytest.raises(FormatError, match="encoding") as caught:
        parse_xml_document(b'<?xml version="1.0" encoding="x-klingon"?><nitf/>')
    assert caught.value.status == 400


def test_a_declared_legacy_encoding_is_honoured() -> None:
    doc = ('<?xml version="1.0" encoding="ISO-8859-1"?><nitf><body><body.content>'
           "<p>Café crème</p></body.content></body></nitf>").encode("iso-8859-1")
    assert parse_xml_document(doc).body_html == "<p>Café crème</p>"


def test_safe_fromstring_returns_the_root() -> None:
    root = safe_fromstring(G2_ITEM)
    assert root.tag == "{http://iptc.org/std/nar/2006-10-01/}newsItem"


# -- sniffing the root -----------------------------------------------------------------------

def test_sniffs_a_newsml_g2_news_item() -> None:
    item = parse(G2_ITEM)
    assert (item.uri, item.version, item.headline) == ("urn:newswire:text:g2-1", 2, "Port opens")


def test_sniffs_nitf() -> None:
    item = parse(NITF_DOC)
    assert (item.uri, item.headline) == ("urn:newswire:text:nitf-1", "Liman açıldı")
    assert item.body_html == "<p>İlk paragraf.</p>"


def _message(count: int) -> bytes:
    body = G2_ITEM.split(b"?>", 1)[1]
    return (b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header>'
            b"<sent>2025-03-01T09:30:00Z</sent></header><itemSet>" + body * count +
            b"</itemSet></newsMessage>")


def test_a_news_message_with_one_item_gives_that_item() -> None:
    assert parse(_message(1)) == parse(G2_ITEM)


@pytest.mark.parametrize("count", [0, 2])
def test_a_news_message_must_hold_exactly_one_item(count: int) -> None:
    with pytest.raises(FormatError, match="exactly one newsItem") as caught:
        parse(_message(count))
    assert caught.value.status == 422


@pytest.mark.parametrize("doc", [
    b"<rss version='2.0'><channel/></rss>",
    b'<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>',
    b'<newsItem guid="no-namespace"/>',
])
def test_other_xml_is_refused(doc: bytes) -> None:
    with pytest.raises(FormatError, match="Unsupported XML document") as caught:
        parse(doc)
    assert caught.value.status == 422
