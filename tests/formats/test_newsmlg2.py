"""NewsML-G2 2.35: every output validates against IPTC's XSD, IPTC's own reader (the
``newsmlg2`` package) reads it, and ``parse_newsml(to_newsml_item(item))`` gives the item back.

The varied items built here are reused by the NITF tests.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import NewsMLG2
import pytest
from lxml import etree

from newswire.formats import parse, serialize
from newswire.formats.errors import FormatError
from newswire.formats.newsmlg2 import parse_newsml, to_news_message, to_newsml_item
from newswire.formats.sanitize import clean_html
from newswire.formats.xmlsafe import safe_fromstring
from newswire.model import (
    MACHINE_CREATOR,
    MEDIATOPIC_URI,
    Association,
    Concept,
    Item,
    PlannedEvent,
    Quote,
    Rendition,
    Text,
)

from schemas import G2_STANDARDS, assert_valid, load_schema

G2_XSD = "NewsML-G2_2.35-spec-All-Power.xsd"
G2 = "{http://iptc.org/std/nar/2006-10-01/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def g2_schema() -> etree.XMLSchema:
    return load_schema(G2_XSD)


# -- a varied set of items -------------------------------------------------------------------

BODY_EN = clean_html(
    '<p>The terminal doubles the harbour&#39;s capacity,&nbsp;officials said &amp; '
    '<a href="https://example.org/port?a=1&amp;b=2">the port</a> confirmed.<br>New line.</p>'
    "<h2>Background</h2><ul><li>one</li><li><p>two</p></li></ul>"
    "<blockquote><p>“It is a big day,” she said.</p></blockquote>"
    "<table><caption>Traffic</caption><thead><tr><th>Year</th></tr></thead>"
    '<tbody><tr><td colspan="2">2024</td></tr></tbody></table>'
    '<figure><img src="https://cdn.example.org/p1.jpg" alt="Cranes"><figcaption>Cranes</figcaption></figure>'
    "<p><strong>Bold</strong>, <em>italic</em> and H<sub>2</sub>O.</p>"
)
PICTURE = Association(
    uri="urn:newswire:picture:ab12",
    name="featureimage",
    type="picture",
    rel="irel:seeAlso",
    headline="Cranes at the new terminal",
    renditions=(
        Rendition(href="https://cdn.example.org/p1-thumb.jpg", name="thumbnail",
                  content_type="image/jpeg", width=320, height=200),
        Rendition(href="https://cdn.example.org/p1.jpg", name="original", content_type="image/jpeg",
                  width=4000, height=2500, title="Full size"),
    ),
)


def full_item(**changes: Any) -> Item:
    """Every field G2 carries, with values in the shapes the wire's parsers produce."""
    item = Item(
        uri="urn:newswire:text:en-0001",
        version=3,
        version_created=T0 + timedelta(hours=1),
        first_created=T0,
        content_created=T0 - timedelta(minutes=10),
        pub_status="usable",
        type="text",
        urgency=3,
        language="en",
        headlines=(Text("Port authority opens new container terminal"), Text("Capacity doubles", "sub")),
        descriptions=(
            Text("The terminal doubles the harbour's capacity, officials said.", "standfirst"),
            Text("A new terminal opened in Rotterdam.", "summary"),
        ),
        bodies=(Text(BODY_EN, None, "text/html"),),
        located="ROTTERDAM",
        dateline_date="March 1",
        by="By Jane Doe",
        slugline="NETHERLANDS-PORT/",
        ed_note="Moves with a picture.",
        copyright_holder="Newswire Ltd",
        copyright_notice="© 2025 Newswire Ltd. All rights reserved.",
        usage_terms="Not for archive use.",
        subjects=(
            Concept(name="economy, business and finance", uri=MEDIATOPIC_URI + "04000000"),
            Concept(name="transport", uri=MEDIATOPIC_URI + "20000774", creator=MACHINE_CREATOR,
                    confidence=82, relevance=64),
            Concept(name="harbour", literal="harbour"),
        ),
        people=(Concept(name="Jane Roe", uri="https://www.wikidata.org/wiki/Q4115189"),),
        organisations=(Concept(name="Port of Rotterdam", uri="urn:newswire:org:port-rotterdam"),),
        places=(Concept(name="Rotterdam", uri="https://sws.geonames.org/2747891/", creator=MACHINE_CREATOR,
                        confidence=90),),
        genres=(Concept(name="Current", uri="http://cv.iptc.org/newscodes/genre/Current"),),
        services=(Concept(name="World service", uri="urn:newswire:service:world"),
                  Concept(name="Business", uri="svc:business")),
        info_sources=(Concept(name="Reuters", rel="source"),),
        associations=(PICTURE,),
        signals=("sig:update",),
    )
    return item.evolve(**changes)


def _arabic() -> Item:
    return full_item(
        uri="urn:newswire:text:ar-0001",
        language="ar",
        headlines=(Text("هيئة الميناء تفتتح محطة حاويات جديدة"),),
        descriptions=(Text("قال مسؤولون يوم الاثنين إن المحطة تضاعف قدرة الميناء.", "standfirst"),),
        bodies=(Text(clean_html('<p dir="rtl" lang="ar">قال مسؤولون&nbsp;إن المحطة تضاعف قدرة الميناء.</p>'
                                "<p>الفقرة الثانية.</p>"), None, "text/html"),),
        located="دبي",
        dateline_date="1 مارس",
        by="بقلم فاطمة",
        subjects=(Concept(name="اقتصاد", uri=MEDIATOPIC_URI + "04000000"),),
    )


def _turkish() -> Item:
    return full_item(
        uri="urn:newswire:text:tr-0001",
        language="tr",
        headlines=(Text("Liman idaresi yeni konteyner terminalini açtı"),),
        descriptions=(Text("Yeni terminal limanın kapasitesini iki katına çıkarıyor.", "standfirst"),),
        bodies=(Text("<p>İstanbul’da ığdır, şişli, çğüöş İĞÜÖŞÇ.</p><p>İkinci paragraf.</p>",
                     None, "text/html"),),
        located="İSTANBUL",
        dateline_date="1 Mart",
        slugline="TÜRKİYE-LİMAN",
    )


def _russian() -> Item:
    return full_item(
        uri="urn:newswire:text:ru-0001",
        language="ru",
        headlines=(Text("Портовые власти открыли новый контейнерный терминал"),),
        descriptions=(Text("Терминал удваивает пропускную способность порта.", "standfirst"),),
        bodies=(Text("<p>«Это большой день», — сказала она.</p>", None, "text/html"),),
        located="САНКТ-ПЕТЕРБУРГ",
        dateline_date="1 марта",
        by="Анна Иванова",
    )


VARIED: dict[str, Item] = {
    "all-fields": full_item(),
    "arabic": _arabic(),
    "turkish": _turkish(),
    "russian": _russian(),
    "killed": full_item(pub_status="canceled", version=4, ed_note="Kill: story withdrawn.",
                        signals=()),
    "embargoed": full_item(embargoed_until=T0 + timedelta(days=1),
                           ed_note="Embargoed until 09:30 UTC tomorrow."),
    "corrected": full_item(version=5, signals=("sig:correction", "sig:update"),
                           ed_note="Correction: fixes the terminal's name."),
    "withheld": full_item(pub_status="withheld", ed_note="Withheld pending legal review."),
    "machine-made": full_item(subjects=tuple(
        Concept(name=name, uri=MEDIATOPIC_URI + code, creator=MACHINE_CREATOR, confidence=score,
                relevance=score)
        for name, code, score in (("transport", "20000774", 91), ("maritime", "20000780", 55))
    )),
    "picture": Item(
        uri="urn:newswire:picture:ab12", type="picture", version_created=T0,
        headlines=(Text("Cranes at the new terminal"),),
        descriptions=(Text("Cranes unload a ship in Rotterdam.", "caption"),),
        renditions=PICTURE.renditions,
    ),
    "plain-text-body": full_item(bodies=(Text("Line one.\nLine two & three < four.", None, "text/plain"),)),
    "minimal": Item(uri="urn:newswire:text:min", version_created=T0),
}


def carried(item: Item) -> Item:
    """The item as NewsML-G2 carries it: ``public`` and confidences stay behind, a quote
    without a language is in the story's."""
    return item.evolve(
        planning=tuple(replace(p, confidence=None) for p in item.planning),
        quotes=tuple(replace(q, language=q.language or item.language, confidence=None)
                     for q in item.quotes),
        public=False,
    )


@pytest.fixture(params=list(VARIED), ids=list(VARIED))
def varied(request: pytest.FixtureRequest) -> Item:
    return VARIED[request.param]


# -- validity and round trips ----------------------------------------------------------------

def test_every_news_item_validates(g2_schema: etree.XMLSchema, varied: Item) -> None:
    data = to_newsml_item(varied)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")
    assert_valid(g2_schema, data)


def test_round_trip_gives_the_item_back(varied: Item) -> None:
    assert parse_newsml(safe_fromstring(to_newsml_item(varied))) == carried(varied)


def test_round_trip_through_the_format_dispatch() -> None:
    item = full_item(planning=(PlannedEvent("Vote", "2025-04-01"),), quotes=(Quote("Hi", "Jane"),))
    data = serialize(item, "newsml")
    assert data == to_newsml_item(item)
    assert parse(data) == carried(item)


def test_feed_page_message_validates_and_round_trips(g2_schema: etree.XMLSchema) -> None:
    items = list(VARIED.values())
    data = to_news_message(items, sent=T0, message_id="page-42")
    root = assert_valid(g2_schema, data)
    assert root.findtext(f"{G2}header/{G2}transmitId") == "page-42"
    assert root.findtext(f"{G2}header/{G2}sent") == "2025-03-01T09:30:00+00:00"
    news_items = root.findall(f"{G2}itemSet/{G2}newsItem")
    assert [parse_newsml(el) for el in news_items] == [carried(i) for i in items]
    message = NewsMLG2.NewsMLG2Document(data).get_item()
    assert str(message.header.transmitid) == "page-42"
    assert str(message.header.sent) == "2025-03-01T09:30:00+00:00"


def test_times_are_utc_with_an_explicit_offset(g2_schema: etree.XMLSchema) -> None:
    istanbul = timezone(timedelta(hours=3))
    item = full_item(version_created=datetime(2025, 3, 1, 15, 0, 30, 123456, tzinfo=istanbul),
                     embargoed_until=datetime(2025, 3, 2, 3, 0, tzinfo=istanbul))
    root = assert_valid(g2_schema, to_newsml_item(item))
    assert root.findtext(f"{G2}itemMeta/{G2}versionCreated") == "2025-03-01T12:00:30+00:00"
    assert root.findtext(f"{G2}itemMeta/{G2}embargoed") == "2025-03-02T00:00:00+00:00"


def test_an_item_without_any_timestamp_is_refused() -> None:
    with pytest.raises(FormatError, match="versionCreated"):
        to_newsml_item(Item(uri="urn:newswire:text:undated"))


def test_control_characters_are_dropped_not_fatal(g2_schema: etree.XMLSchema) -> None:
    item = full_item(headlines=(Text("Bell\x07 and\x0b tab\tline"),), slugline="A\tB\nC",
                     bodies=(Text("<p>nul\x00 here</p>", None, "text/html"),))
    root = assert_valid(g2_schema, to_newsml_item(item))
    assert root.findtext(f"{G2}contentMeta/{G2}headline") == "Bell and tab\tline"
    assert root.findtext(f"{G2}contentMeta/{G2}slugline") == "A B C"


# -- what the XML says -----------------------------------------------------------------------

def test_iptc_reader_sees_the_fields() -> None:
    item = full_item(signals=("sig:correction",), embargoed_until=T0 + timedelta(days=1))
    news = NewsMLG2.NewsMLG2Document(to_newsml_item(item)).get_item()
    assert news.guid == item.uri and news.version == "3"
    assert news.standard == "NewsML-G2" and news.standardversion == "2.35"
    meta = news.itemmeta
    assert meta.itemclass.qcode == "ninat:text"
    assert meta.pubstatus.qcode == "stat:usable"
    assert str(meta.versioncreated) == "2025-03-01T10:30:00+00:00"
    assert str(meta.firstcreated) == "2025-03-01T09:30:00+00:00"
    assert str(meta.embargoed) == "2025-03-02T09:30:00+00:00"
    assert [s.qcode for s in meta.signal] == ["sig:correction"]
    assert [(s.uri, s.qcode, str(s.name)) for s in meta.service] == [
        ("urn:newswire:service:world", None, "World service"), (None, "svc:business", "Business")]
    assert str(meta.ednote) == "Moves with a picture."
    assert [(link.rel, link.residref, link.title) for link in meta.link] == [
        ("irel:seeAlso", PICTURE.uri, PICTURE.headline)]
    content = news.contentmeta
    assert str(content.urgency) == "3"
    assert [str(h) for h in content.headline] == [t.value for t in item.headlines]
    assert [(d.role, d.roleuri, str(d)) for d in content.description] == [
        (None, "urn:newswire:role:standfirst", item.descriptions[0].value),
        ("drol:summary", None, item.descriptions[1].value),
    ]
    assert [str(s) for s in content.slugline] == ["NETHERLANDS-PORT/"]
    assert [str(b) for b in content.by] == ["By Jane Doe"]
    assert [str(d) for d in content.dateline] == ["ROTTERDAM, March 1"]
    assert [lang.tag for lang in content.language] == ["en"]
    subjects = [(s.type, s.qcode or s.uri, str(s.name)) for s in content.subject]
    assert subjects[:2] == [
        ("cpnat:abstract", "medtop:04000000", "economy, business and finance"),
        ("cpnat:abstract", "medtop:20000774", "transport"),
    ]
    assert ("cpnat:person", "https://www.wikidata.org/wiki/Q4115189", "Jane Roe") in subjects
    assert ("cpnat:organisation", "urn:newswire:org:port-rotterdam", "Port of Rotterdam") in subjects
    assert ("cpnat:geoArea", "https://sws.geonames.org/2747891/", "Rotterdam") in subjects
    assert [(g.qcode, str(g.name)) for g in content.genre] == [("genre:Current", "Current")]
    rights = news.rightsinfo[0]
    assert str(rights.copyrightholder.name) == "Newswire Ltd"
    assert str(rights.copyrightnotice) == item.copyright_notice
    assert str(rights.usageterms) == item.usage_terms
    assert [x.contenttype for x in news.contentset.inlinexml] == ["application/xhtml+xml"]


def test_machine_made_subjects_say_who_why_and_how_sure() -> None:
    root = safe_fromstring(to_newsml_item(VARIED["machine-made"]))
    subject = root.find(f"{G2}contentMeta/{G2}subject")
    assert subject is not None
    assert {str(k): str(v) for k, v in subject.attrib.items()} == {
        "type": "cpnat:abstract",
        "qcode": "medtop:20000774",
        "creatoruri": "urn:newswire:creator:newswire-enrich",
        "why": "why:inferred",
        "confidence": "91",
        "relevance": "91",
    }
    editor_made = safe_fromstring(to_newsml_item(full_item())).find(f"{G2}contentMeta/{G2}subject")
    assert editor_made is not None and "why" not in editor_made.attrib


@pytest.mark.parametrize(("name", "status", "signals"), [
    ("killed", "stat:canceled", []),
    ("withheld", "stat:withheld", ["sig:update"]),
    ("corrected", "stat:usable", ["sig:correction", "sig:update"]),
])
def test_status_and_signals(name: str, status: str, signals: list[str]) -> None:
    meta = safe_fromstring(to_newsml_item(VARIED[name])).find(f"{G2}itemMeta")
    assert meta is not None
    assert meta.find(f"{G2}pubStatus").get("qcode") == status  # type: ignore[union-attr]
    assert [s.get("qcode") for s in meta.findall(f"{G2}signal")] == signals


def test_body_is_xhtml_with_entities_resolved() -> None:
    root = safe_fromstring(to_newsml_item(full_item()))
    inline = root.find(f"{G2}contentSet/{G2}inlineXML")
    assert inline is not None and inline.get("contenttype") == "application/xhtml+xml"
    page = inline[0]
    assert page.tag == f"{XHTML}html" and page.findtext(f"{XHTML}head/{XHTML}title") == full_item().headline
    body = page.find(f"{XHTML}body")
    assert body is not None
    first = body[0]
    assert first.tag == f"{XHTML}p" and "capacity,\u00a0officials said & " in (first.text or "")
    assert first.find(f"{XHTML}a").get("href") == "https://example.org/port?a=1&b=2"  # type: ignore[union-attr]
    assert first.find(f"{XHTML}br") is not None


def test_picture_item_carries_renditions_as_remote_content(g2_schema: etree.XMLSchema) -> None:
    root = assert_valid(g2_schema, to_newsml_item(VARIED["picture"]))
    assert root.find(f"{G2}itemMeta/{G2}itemClass").get("qcode") == "ninat:picture"  # type: ignore[union-attr]
    remote = root.findall(f"{G2}contentSet/{G2}remoteContent")
    assert [(r.get("href"), r.get("rendition"), r.get("renditionuri"), r.get("width")) for r in remote] == [
        ("https://cdn.example.org/p1-thumb.jpg", "rnd:thumbnail", None, "320"),
        ("https://cdn.example.org/p1.jpg", None, "urn:newswire:rendition:original", "4000"),
    ]


# -- IPTC's sample listings and other people's documents -------------------------------------

def _listing(name: str) -> bytes:
    return (G2_STANDARDS / name).read_bytes()


def test_parses_iptc_listing_1() -> None:
    item = parse(_listing("LISTING_1_A_NewsML-G2_News_Item.xml"))
    assert item.uri == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert item.version == 11
    assert item.version_created == datetime(2018, 10, 21, 21, 25, 32, tzinfo=UTC)
    assert item.first_created == datetime(2016, 10, 18, 18, 12, 21, tzinfo=UTC)
    assert item.embargoed_until == datetime(2018, 10, 23, 12, 0, tzinfo=UTC)
    assert item.content_created == datetime(2016, 10, 18, 16, 12, tzinfo=UTC)
    assert item.language == "en-GB" and item.type == "text" and item.pub_status == "usable"
    assert item.headline == 'Fed to halt QE to avert "bubble"'
    assert item.slugline == "US-Finance-Fed"
    assert item.located == "Berlin" and item.by == "Meredith Jameson"
    assert item.copyright_holder == "Example Enews LLP"
    assert item.copyright_notice == "Copyright 2017-18 Example Enews LLP, all rights reserved"
    assert item.usage_terms == "Not for use outside the United States"
    assert item.ed_note is not None and item.ed_note.startswith("Note to editors: STRICTLY EMBARGOED.")
    assert item.signals == ("sig:update",)
    assert item.topic_codes() == ["medtop:04000000", "medtop:20000523"]
    assert [s.name for s in item.subjects] == ["economy, business and finance", "labour market"]
    assert item.genres == (Concept(name="Interview", uri="http://cv.iptc.org/newscodes/genre/interview"),)
    assert item.services == (Concept(name="UK News Service", uri="svc:uknews"),)
    assert item.info_sources == (Concept(uri="http://www.example.com"),)
    assert item.associations == (Association(
        uri="http://www.example.com/video/20081222-PNN-1517-407624/index.html", rel="irel:seeAlso"),)
    assert item.bodies == ()  # the listing's inlineXML holds only comments


def test_parses_iptc_listing_2_with_an_inline_nitf_body() -> None:
    item = parse(_listing("LISTING_2_NewsML-G2_Text_Document.xml"))
    assert item.uri == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert item.language == "en-US"
    assert item.located == "New York, NY"
    assert item.info_sources == (Concept(name="Associated Press", uri="is:AP"),)
    assert item.topic_codes() == ["medtop:04000000", "medtop:20000350", "medtop:20000379"]
    body = item.body_html
    assert body.startswith("<p>(New York, NY - October 21) Et, sent luptat luptat, commy Nim")
    assert body.count("<p>") == 2 and "\n" not in body


def test_newsitem_without_namespace_prefix_choice_or_xhtml_wrapper() -> None:
    doc = b"""<?xml version="1.0" encoding="UTF-8"?>
    <g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="2"
        standard="NewsML-G2" standardversion="2.35" xml:lang="fr">
      <g2:itemMeta><g2:itemClass uri="http://cv.iptc.org/newscodes/ninature/text"/>
        <g2:provider literal="x"/><g2:versionCreated>2025-01-01T12:00:00+01:00</g2:versionCreated>
        <g2:pubStatus uri="http://cv.iptc.org/newscodes/pubstatusg2/withheld"/>
        <g2:signal uri="http://cv.iptc.org/newscodes/signal/correction"/></g2:itemMeta>
      <g2:contentMeta><g2:urgency>4</g2:urgency><g2:contentCreated>2024-12</g2:contentCreated>
        <g2:headline>Le port <g2:span>ouvre</g2:span></g2:headline></g2:contentMeta>
      <g2:contentSet><g2:inlineXML contenttype="application/xhtml+xml">
        <div xmlns="http://www.w3.org/1999/xhtml"><p>Bonjour <script>alert(1)</script></p></div>
      </g2:inlineXML></g2:contentSet>
    </g2:newsItem>"""
    item = parse(doc)
    assert (item.uri, item.version, item.language, item.urgency) == ("urn:x:1", 2, "fr", 4)
    assert item.pub_status == "withheld" and item.signals == ("sig:correction",)
    assert item.version_created == datetime(2025, 1, 1, 11, 0, tzinfo=UTC)
    assert item.content_created == datetime(2024, 12, 1, tzinfo=UTC)
    assert item.headline == "Le port ouvre"
    assert "<script" not in item.body_html and "<p>Bonjour" in item.body_html


@pytest.mark.parametrize(("fragment", "message"), [
    (b'guid=""', "guid"),
    (b'guid="urn:x" version="zero"', "version"),
    ('guid="urn:x" version="²"'.encode(), "version"),
])
def test_bad_root_attributes_are_refused(fragment: bytes, message: str) -> None:
    doc = (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ' + fragment +
           b' standard="NewsML-G2" standardversion="2.35"><itemMeta/></newsItem>')
    with pytest.raises(FormatError, match=message) as caught:
        parse(doc)
    assert caught.value.status == 422


@pytest.mark.parametrize(("meta", "message"), [
    ('<itemClass qcode="ninat:text"/><pubStatus qcode="stat:deleted"/>', "pubStatus"),
    ('<itemClass qcode="ninat:hologram"/>', "itemClass"),
    ('<itemClass qcode="ninat:text"/><versionCreated>yesterday</versionCreated>', "versionCreated"),
])
def test_bad_item_meta_is_refused(meta: str, message: str) -> None:
    doc = ('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" standard="NewsML-G2"'
           f' standardversion="2.35"><itemMeta>{meta}</itemMeta></newsItem>')
    with pytest.raises(FormatError, match=message):
        parse(doc.encode())


def test_urgency_out_of_range_is_refused() -> None:
    doc = (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" standard="NewsML-G2"'
           b' standardversion="2.35"><itemMeta/><contentMeta><urgency>12</urgency></contentMeta></newsItem>')
    with pytest.raises(FormatError, match="urgency"):
        parse(doc)


def test_quotes_are_part_metadata_and_events_are_assertions(g2_schema: etree.XMLSchema) -> None:
    from test_ninjs_quotes_and_events import ITEM

    item = full_item(quotes=ITEM.quotes, planning=ITEM.planning, organisations=ITEM.organisations)
    root = assert_valid(g2_schema, to_newsml_item(item))
    parts = root.findall(f"{G2}partMeta")
    assert [p.findtext(f"{G2}description") for p in parts] == [q.text for q in ITEM.quotes]
    assert parts[0].get("why") == "why:inferred"
    assert parts[0].find(f"{G2}subject").get("uri") == ITEM.quotes[0].speaker_uri
    assert parts[1].find(f"{G2}subject").get("type") == "cpnat:organisation"
    asserts = root.findall(f"{G2}assert")
    assert asserts[0].findtext(f"{G2}eventDetails/{G2}dates/{G2}start") == "2026-11-11"
    assert parse_newsml(root) == carried(item)
    message = to_news_message([item, item.evolve(uri="urn:other")], sent=T0, message_id="m")
    assert_valid(g2_schema, message)  # no IDs to clash between the items of one message
