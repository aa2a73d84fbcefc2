"""NITF 3.6: every output validates against IPTC's XSD, the fields NITF can carry come back
from ``parse_nitf``, HTML bodies become NITF-valid markup, and classic NITF parses."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from lxml import etree

from newswire.formats import parse, serialize
from newswire.formats.errors import FormatError
from newswire.formats.nitf import NITF_NS, parse_nitf, to_nitf
from newswire.formats.sanitize import clean_html
from newswire.formats.xmlsafe import itertext, safe_fromstring
from newswire.model import SIGNAL_CORRECTION, Concept, Item, Rendition, Text

from schemas import G2_STANDARDS, assert_valid, load_schema
from test_newsmlg2 import VARIED, full_item

N = f"{{{NITF_NS}}}"


@pytest.fixture(scope="session")
def nitf_schema() -> etree.XMLSchema:
    return load_schema("nitf-3-6.xsd")


@pytest.fixture(params=list(VARIED), ids=list(VARIED))
def varied(request: pytest.FixtureRequest) -> Item:
    return VARIED[request.param]


def nitf_view(item: Item) -> Item:
    """What NITF carries of an item: one headline, standfirst and summary, NITF-shaped HTML
    bodies, concept names and identifiers, services, the correction signal."""
    def plain(concepts: tuple[Concept, ...]) -> tuple[Concept, ...]:
        return tuple(Concept(name=c.name, uri=c.uri) for c in concepts)

    descriptions = [Text(item.standfirst, "standfirst")] if item.standfirst else []
    if item.summary:
        descriptions.append(Text(item.summary, "summary"))
    return Item(
        uri=item.uri,
        version=item.version,
        version_created=item.version_created,
        first_created=item.first_created,
        embargoed_until=item.embargoed_until,
        pub_status=item.pub_status,
        urgency=item.urgency,
        language=item.language,
        headlines=(Text(item.headline),) if item.headline else (),
        descriptions=tuple(descriptions),
        bodies=item.bodies,
        located=item.located,
        dateline_date=item.dateline_date,
        by=item.by,
        slugline=item.slugline,
        ed_note=item.ed_note,
        copyright_holder=item.copyright_holder,
        copyright_notice=item.copyright_notice,
        usage_terms=item.usage_terms,
        subjects=plain(item.subjects),
        genres=plain(item.genres),
        people=plain(item.people),
        organisations=plain(item.organisations),
        places=plain(item.places),
        services=plain(item.services),
        signals=(SIGNAL_CORRECTION,) if item.is_correction else (),
        renditions=carried(item.renditions),
        associations=tuple(replace(a, renditions=carried(a.renditions)) for a in item.associations
                           if a.renditions),
    )


def carried(renditions: tuple[Rendition, ...]) -> tuple[Rendition, ...]:
    """What a NITF ``media-reference`` says of a rendition (no title, no size)."""
    return tuple(Rendition(r.href, r.name, r.content_type, r.width, r.height) for r in renditions)


def test_every_nitf_document_validates(nitf_schema: etree.XMLSchema, varied: Item) -> None:
    data = to_nitf(varied)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = assert_valid(nitf_schema, data)
    assert root.tag == f"{N}nitf"


def test_the_namespace_is_the_schemas_target_namespace(nitf_schema: etree.XMLSchema) -> None:
    xsd = etree.parse(str(G2_STANDARDS / "nitf-3-6.xsd"))
    assert xsd.getroot().get("targetNamespace") == NITF_NS


def expressible(item: Item) -> Item:
    """``item`` with a body NITF can say exactly (no bold, sub or dir), in the item's language."""
    if not item.bodies:
        return item
    body = clean_html(
        f'<p lang="{item.language}">{item.headline}</p><h2>{item.headline}</h2>'
        '<ul><li>one</li></ul><p><em>it</em> <a href="https://example.org/">link</a></p>'
    )
    return item.evolve(bodies=(Text(body, None, "text/html"),))


@pytest.mark.parametrize("name", ["all-fields", "arabic", "turkish", "russian", "killed", "embargoed",
                                  "corrected", "withheld", "machine-made", "minimal"])
def test_round_trip_of_what_nitf_carries(name: str) -> None:
    item = expressible(VARIED[name])
    assert parse_nitf(safe_fromstring(to_nitf(item))) == nitf_view(item)


def test_round_trip_through_the_format_dispatch() -> None:
    item = expressible(VARIED["corrected"])
    data = serialize(item, "nitf")
    assert data == to_nitf(item)
    assert parse(data) == nitf_view(item)


def test_head_and_docdata() -> None:
    item = VARIED["corrected"]
    root = safe_fromstring(to_nitf(item))
    docdata = root.find(f"{N}head/{N}docdata")
    assert docdata is not None and docdata.get("management-status") == "usable"
    assert docdata.find(f"{N}doc-id").get("id-string") == item.uri  # type: ignore[union-attr]
    assert docdata.find(f"{N}urgency").get("ed-urg") == "3"  # type: ignore[union-attr]
    assert docdata.find(f"{N}date.issue").get("norm") == "20250301T103000Z"  # type: ignore[union-attr]
    assert docdata.find(f"{N}du-key").attrib == {"key": "NETHERLANDS-PORT/", "version": "5"}  # type: ignore[union-attr]
    assert docdata.find(f"{N}correction") is not None
    assert docdata.find(f"{N}ed-msg").get("info") == item.ed_note  # type: ignore[union-attr]
    classifiers = docdata.findall(f"{N}identified-content/{N}classifier")
    assert [(c.get("type"), c.get("idsrc"), c.get("value"), c.text) for c in classifiers][:2] == [
        ("subject", "http://cv.iptc.org/newscodes/mediatopic/", "04000000", "economy, business and finance"),
        ("subject", "http://cv.iptc.org/newscodes/mediatopic/", "20000774", "transport"),
    ]
    assert root.findtext(f"{N}body/{N}body.head/{N}hedline/{N}hl1") == item.headline
    assert root.findtext(f"{N}body/{N}body.head/{N}hedline/{N}hl2") == item.standfirst
    assert root.findtext(f"{N}body/{N}body.end/{N}tagline") == item.copyright_notice


def test_killed_and_embargoed_status() -> None:
    killed = safe_fromstring(to_nitf(VARIED["killed"])).find(f"{N}head/{N}docdata")
    assert killed is not None and killed.get("management-status") == "canceled"
    embargoed = safe_fromstring(to_nitf(VARIED["embargoed"]))
    release = embargoed.find(f"{N}head/{N}docdata/{N}date.release")
    assert release is not None and release.get("norm") == "20250302T093000Z"


def test_html_body_becomes_nitf_markup(nitf_schema: etree.XMLSchema) -> None:
    root = assert_valid(nitf_schema, to_nitf(full_item()))
    content = root.find(f"{N}body/{N}body.content")
    assert content is not None
    assert [etree.QName(c).localname for c in content] == [
        "p", "hl2", "ul", "bq", "table", "media", "p"]
    assert content[0].find(f"{N}a").get("href") == "https://example.org/port?a=1&b=2"  # type: ignore[union-attr]
    assert content[3][0].tag == f"{N}block"
    media = content[5]
    assert media.get("media-type") == "image"
    assert media.find(f"{N}media-reference").get("source") == "https://cdn.example.org/p1.jpg"  # type: ignore[union-attr]
    assert media.findtext(f"{N}media-caption") == "Cranes"
    last = content[6]
    assert [etree.QName(c).localname for c in last] == ["em", "em"]  # strong and em; sub unwrapped
    assert itertext(last) == "Bold, italic and H2O."


def test_body_round_trip_keeps_nitf_expressible_html() -> None:
    back = parse_nitf(safe_fromstring(to_nitf(full_item())))
    assert back.body_html == clean_html(
        '<p>The terminal doubles the harbour\'s capacity,&nbsp;officials said &amp; '
        '<a href="https://example.org/port?a=1&amp;b=2">the port</a> confirmed.<br>New line.</p>'
        "<h2>Background</h2><ul><li>one</li><li><p>two</p></li></ul>"
        "<blockquote><p>“It is a big day,” she said.</p></blockquote>"
        "<table><caption>Traffic</caption><thead><tr><th>Year</th></tr></thead>"
        '<tbody><tr><td colspan="2">2024</td></tr></tbody></table>'
        '<figure><img src="https://cdn.example.org/p1.jpg" alt="Cranes"><figcaption>Cranes</figcaption></figure>'
        "<p><em>Bold</em>, <em>italic</em> and H2O.</p>"
    )


@pytest.mark.parametrize("fragment", [
    "loose text <b>bold</b> then <div>a div <p>with a p</p></div> and <img src='x.jpg'> tail",
    "<ul></ul><ol><li></li></ol><table></table><table><tr></tr></table><figure>no image</figure>",
    "<p>inline <img src='a.jpg'> image and <h3>heading in p</h3></p><pre>  keep\n  me</pre><hr>",
    "<li>stray item</li><td>stray cell</td><blockquote>bare quote</blockquote>",
    "",
])
def test_awkward_html_still_gives_valid_nitf(nitf_schema: etree.XMLSchema, fragment: str) -> None:
    item = full_item(bodies=(Text(clean_html(fragment), None, "text/html"),))
    assert_valid(nitf_schema, to_nitf(item))


CLASSIC = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<nitf version="-//IPTC//DTD NITF 3.4//EN" baselang="en-US">
  <head>
    <title>Markets rally</title>
    <docdata management-status="usable">
      <doc-id regsrc="AP" id-string="AP-2004-0001"/>
      <urgency ed-urg="5"/>
      <date.issue norm="20040102T101500-0500"/>
      <date.release norm="20040102"/>
      <du-key version="2" key="MARKETS"/>
      <doc.copyright year="2004" holder="The Associated Press"/>
      <identified-content>
        <classifier type="subject" idsrc="iptc.org" value="04000000">Economy</classifier>
        <person>Alan Greenspan</person><org value="urn:org:fed">Federal Reserve</org>
        <location>Caf\xe9 district</location>
      </identified-content>
    </docdata>
    <pubdata type="web" name="AP Online" date.publication="20040102T100000Z"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Markets <em>rally</em></hl1></hedline>
      <byline>By <person>John Smith</person>, <byttl>AP Writer</byttl></byline>
      <dateline>NEW YORK, Jan. 2</dateline>
    </body.head>
    <body.content>
      <p>Stocks   rose
         on <chron norm="20040102">Friday</chron>.</p>
      <media media-type="image"><media-reference source="chart.png"/>
        <media-object encoding="base64">AAAA</media-object></media>
      <pre>  as
  is</pre>
    </body.content>
  </body>
</nitf>"""


def test_parses_classic_nitf_without_a_namespace() -> None:
    item = parse(CLASSIC)
    assert item.uri == "AP-2004-0001" and item.version == 2 and item.urgency == 5
    assert item.language == "en-US" and item.slugline == "MARKETS"
    assert item.headline == "Markets rally"
    assert item.version_created == datetime(2004, 1, 2, 15, 15, tzinfo=UTC)
    assert item.embargoed_until == datetime(2004, 1, 2, tzinfo=UTC)
    assert item.first_created == datetime(2004, 1, 2, 10, 0, tzinfo=UTC)
    assert item.by == "By John Smith, AP Writer"
    assert (item.located, item.dateline_date) == ("NEW YORK", "Jan. 2")
    assert item.copyright_holder == "The Associated Press"
    assert item.subjects == (Concept(name="Economy", uri="04000000"),)
    assert item.people == (Concept(name="Alan Greenspan"),)
    assert item.organisations == (Concept(name="Federal Reserve", uri="urn:org:fed"),)
    assert item.places == (Concept(name="Café district"),)
    assert item.services == (Concept(name="AP Online"),)
    assert item.body_html == (
        '<p>Stocks rose on Friday.</p><figure><img src="chart.png"></figure><pre>  as\n  is</pre>'
    )


def test_nitf_without_doc_id_gets_a_stable_derived_uri() -> None:
    doc = b"<nitf><body><body.content><p>Hello</p></body.content></body></nitf>"
    first, second = parse(doc), parse(doc)
    assert first.uri == second.uri and first.uri.startswith("urn:newswire:nitf:")
    assert first.bodies == (Text("<p>Hello</p>", None, "text/html"),)


@pytest.mark.parametrize(("docdata", "message"), [
    ('<urgency ed-urg="0"/>', "urgency"),
    ('<urgency ed-urg="²"/>', "urgency"),
    ('<du-key version="two"/>', "du-key version"),
    ('<date.issue norm="tomorrow"/>', "date"),
])
def test_bad_docdata_values_are_refused(docdata: str, message: str) -> None:
    doc = f"<nitf><head><docdata>{docdata}</docdata></head><body/></nitf>".encode()
    with pytest.raises(FormatError, match=message) as caught:
        parse(doc)
    assert caught.value.status == 422
