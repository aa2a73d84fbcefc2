"""A story needs a headline or body text, in every input format: an empty NITF document (no
hedline, no body) had published a story with no headline, and ninjs and NewsML-G2 did the same
while wire text refused. One rule in ``formats.parse``, a 422 naming where each format puts them.
A headline alone (a flash) or a body alone is a story; a picture needs neither; so does a kill."""

from __future__ import annotations

import pytest

from newswire.formats import parse
from newswire.formats.errors import FormatError

G2 = ('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:g2" version="1" standard="NewsML-G2" '
      'standardversion="2.33"><itemMeta><itemClass qcode="ninat:{kind}"/><pubStatus qcode="stat:{status}"/>'
      '</itemMeta>{content}</newsItem>')
NITF = ("<nitf><head>{head}</head><body><body.head>{hedline}</body.head>"
        "<body.content>{body}</body.content></body></nitf>")

EMPTY = {
    "NITF with nothing": (b"<nitf/>", "hedline/hl1"),
    "NITF with empty parts": (NITF.format(head="<title> </title>", hedline="<hedline><hl1/></hedline>",
                                          body="<p> </p><p>&#160;</p>").encode(), "hedline/hl1"),
    "ninjs with a uri only": (b'{"uri": "urn:x:1"}', "headlines[].value"),
    "ninjs with blank values": (b'{"uri": "urn:x:1", "headlines": [{"value": " "}], '
                                b'"bodies": [{"contentType": "text/html", "value": "<p> <br/> </p>"}]}',
                                "headlines[].value"),
    "NewsML-G2 without content": (G2.format(kind="text", status="usable", content="").encode(),
                                  "contentMeta/headline"),
    "NewsML-G2 with empty content": (G2.format(kind="text", status="usable", content=(
        '<contentMeta><headline/></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p></p></body></html></inlineXML></contentSet>')).encode(),
        "contentMeta/headline"),
    "wire text": (b"\n\n", "headline"),
}


@pytest.mark.parametrize("case", EMPTY)
def test_a_story_without_headline_or_body_text_is_a_422_naming_where_they_go(case: str) -> None:
    data, named = EMPTY[case]
    with pytest.raises(FormatError) as refused:
        parse(data)
    assert refused.value.status == 422
    assert named in refused.value.detail


@pytest.mark.parametrize("data", [
    NITF.format(head="", hedline="<hedline><hl1>Flash: quake hits Izmir</hl1></hedline>", body="").encode(),
    NITF.format(head="<title>Quake</title>", hedline="", body="").encode(),
    NITF.format(head="", hedline="", body="<p>A quake hit Izmir.</p>").encode(),
    b'{"uri": "urn:x:2", "bodies": [{"contentType": "text/plain", "value": "A quake hit Izmir."}]}',
    b'{"uri": "urn:x:3", "type": "picture", "renditions": [{"name": "original", "href": "https://x.example/p.jpg"}]}',
    b'{"uri": "urn:x:4", "pubStatus": "canceled"}',
    G2.format(kind="picture", status="usable", content="").encode(),
])
def test_a_headline_or_a_body_is_enough_and_media_and_kills_need_neither(data: bytes) -> None:
    assert parse(data).uri
