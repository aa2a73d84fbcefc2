"""Near-duplicates across the agency's own copy and a partner's: a partner's story on the
same news as the agency's own story is linked to it (``duplicate``), a partner's story on
other news is not, and the link survives the partner's next poll."""

from __future__ import annotations

from feedserver import feed_server
from partner_feeds import rss
from test_feed_sources import poll

from newswire.formats.ninjs import to_ninjs3
from newswire.sources import store as sources_store
from newswire.sources.model import wire_uri
from newswire.store import items as items_store
from newswire.wire import Wire

from factories import as_bytes

OWN = ("<p>The central bank kept its policy rate unchanged at 40 percent on Thursday, citing a steady fall in "
       "inflation over the past four months and a stronger currency.</p><p>The committee said it would keep "
       "monetary policy tight until price stability was firmly established, and that it expected inflation "
       "to end the year close to its interim target.</p><p>Economists polled before the decision had "
       "expected no change, though several said a first cut could come early next year if the trend "
       "held.</p>")
# the partner's take: its own headline, a word or two changed, its own summary line in the feed
PARTNER = OWN.replace("on Thursday", "on Thursday afternoon").replace("Economists", "Analysts")
OTHER = ("<p>A storm closed three ports on the Black Sea coast on Friday as winds reached 110 km/h, and ferries "
         "to the islands were cancelled until further notice.</p><p>The harbour master said the ports would "
         "stay shut until the wind dropped below gale force, probably on Sunday.</p>")


def test_a_partner_story_on_the_agencys_own_news_is_linked_as_a_duplicate(wire: Wire) -> None:
    own = wire.ingest(as_bytes({"uri": "urn:agency:rate", "language": "en",
                                "headlines": [{"value": "Central bank holds rate at 40 percent"}],
                                "bodies": [{"value": OWN}]})).item
    with feed_server() as srv:
        url = srv.put("/rss", rss(("rate", "Bank leaves key rate on hold", PARTNER),
                                  ("storm", "Storm shuts Black Sea ports", OTHER), language="en"))
        sources_store.add_source(wire.engine, "partner", "rss", url=url, interval=60)
        [report] = poll(wire)
        assert report.ok and report.outcome.published == 2, report
        linked = items_store.get_item(wire.engine, wire_uri("partner", "rate"))
        other = items_store.get_item(wire.engine, wire_uri("partner", "storm"))
        assert linked is not None and other is not None
        assert [(a.uri, a.rel) for a in linked.associations if a.type == "text"] == [(own.uri, "duplicate")]
        assert not [a for a in other.associations if a.type == "text"]
        delivered = to_ninjs3(linked)["associations"]
        assert {"name": "duplicate", "rel": "duplicate", "uri": own.uri, "type": "text"} in delivered

        # the partner updates its story: the new version is still linked to the agency's
        srv.put("/rss", rss(("rate", "Bank leaves key rate on hold", PARTNER + "<p>More follows.</p>"),
                            ("storm", "Storm shuts Black Sea ports", OTHER), language="en"))
        [again] = poll(wire, later=120)
        assert again.outcome.updated == 1 and again.outcome.unchanged == 1, again
    updated = items_store.get_item(wire.engine, wire_uri("partner", "rate"))
    assert updated is not None and updated.version == 2
    assert [(a.uri, a.rel) for a in updated.associations if a.type == "text"] == [(own.uri, "duplicate")]
