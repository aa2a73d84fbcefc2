"""Enclosures of partner feeds (RSS ``<enclosure>``, Atom ``link rel="enclosure"``, Media RSS
``media:content``): kept as ninjs associations to the remote file (the wire stores no media
yet), checked, bounded, and still valid ninjs and NewsML-G2."""

from __future__ import annotations

from feedserver import feed_server
from partner_feeds import atom_with_enclosure, rss, rss_with_media
from test_feed_sources import poll

from newswire.formats.newsmlg2 import to_newsml_item
from newswire.formats.ninjs import parse_ninjs, to_ninjs2, to_ninjs3
from newswire.model import Item
from newswire.sources import store as sources_store
from newswire.sources.feeds import MAX_ENCLOSURES
from newswire.sources.model import wire_uri
from newswire.store import items as items_store
from newswire.wire import Wire

from schemas import G2_XSD, assert_ninjs, assert_valid, load_schema


def media(item: Item) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    return [(a.uri, a.type, a.rel, a.renditions[0].content_type, a.renditions[0].size_in_bytes)
            for a in item.associations if a.rel == "enclosure"]


def ingest_one(wire: Wire, kind: str, guid: str, feed: bytes, *, later: float = 0) -> Item:
    """Serve ``feed`` as a new source, poll it once, and read back its item ``guid``."""
    name = f"partner-{len(sources_store.list_sources(wire.engine))}"
    with feed_server() as srv:
        sources_store.add_source(wire.engine, name, kind, url=srv.put(f"/{name}", feed), interval=60)
        [report] = [r for r in poll(wire, later=later) if r.source == name]
    assert report.ok and report.outcome.published == 1, report
    item = items_store.get_item(wire.engine, wire_uri(name, guid))
    assert item is not None
    return item


def assert_valid_everywhere(item: Item) -> None:
    doc = to_ninjs3(item)
    assert_ninjs(doc, "3.2")
    assert_ninjs(to_ninjs2(item), "2.3")
    assert_valid(load_schema(G2_XSD), to_newsml_item(item))
    assert media(parse_ninjs(doc)) == media(item)  # what the store keeps reads back the same


def test_rss_enclosure_and_media_content_become_remote_picture_and_video_associations(wire: Wire) -> None:
    markup = """<enclosure url="https://cdn.partner.example/port.jpg" type="image/jpeg" length="48213"/>
      <media:content url="https://cdn.partner.example/port.mp4" type="video/mp4" medium="video"
                     fileSize="9000000" width="1280" height="720"/>
      <media:content url="https://cdn.partner.example/port.jpg" type="image/jpeg"/>
      <media:content url="https://cdn.partner.example/crane%20two.png" medium="image"/>
      <enclosure url="javascript:alert(1)" type="image/png" length="1"/>
      <enclosure url="ftp://partner.example/x.jpg" type="image/jpeg" length="1"/>
      <enclosure url="https://cdn.partner.example/report.pdf" type="application/pdf" length="5"/>"""
    item = ingest_one(wire, "rss", "m-1", rss_with_media("m-1", "Port reopens", markup))
    assert item.type == "text"
    assert media(item) == [
        ("https://cdn.partner.example/port.jpg", "picture", "enclosure", "image/jpeg", 48213),
        ("https://cdn.partner.example/port.mp4", "video", "enclosure", "video/mp4", 9000000),
        ("https://cdn.partner.example/crane%20two.png", "picture", "enclosure", "image/png", None),
    ]
    video = item.associations[1].renditions[0]
    assert (video.width, video.height, video.href) == (1280, 720, "https://cdn.partner.example/port.mp4")
    assert_valid_everywhere(item)


def test_atom_enclosure_link_is_an_audio_association(wire: Wire) -> None:
    item = ingest_one(wire, "atom", "urn:p:a1", atom_with_enclosure(
        "urn:p:a1", "Minister interviewed", "https://cdn.partner.example/interview.mp3", "audio/mpeg", "555"))
    assert media(item) == [("https://cdn.partner.example/interview.mp3", "audio", "enclosure", "audio/mpeg", 555)]
    assert item.associations[0].headline == "The interview"
    assert_valid_everywhere(item)


def test_enclosures_are_bounded_per_item(wire: Wire) -> None:
    markup = "".join(f'<enclosure url="https://cdn.partner.example/{n}.jpg" type="image/jpeg" length="{n + 1}"/>'
                     for n in range(MAX_ENCLOSURES * 50))
    item = ingest_one(wire, "rss", "many", rss_with_media("many", "Gallery", markup))
    assert [a.uri for a in item.associations] == [f"https://cdn.partner.example/{n}.jpg"
                                                  for n in range(MAX_ENCLOSURES)]
    # the common feed shape (content:encoded, one enclosure per item) keeps its picture too
    plain = ingest_one(wire, "rss", "p-1", rss(("p-1", "Rail strike", "<p>Trains stopped.</p>")), later=120)
    assert media(plain) == [("https://partner.example/p-1.jpg", "picture", "enclosure", "image/jpeg", 100)]
