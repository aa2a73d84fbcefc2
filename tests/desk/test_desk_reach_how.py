"""How each subscriber got a version (feed, stream, webhook ...) on the story page's
who-received-what panel, from the usage audit's channels and the webhook deliveries."""

from __future__ import annotations

import re
import time

from newswire.desk import reach
from newswire.store.usage import UsageRecorder

from conftest import LiveServer
from deskkit import at_desk, feed_of, item_path, last_seq, live, organisation, published_uri, send, story_fields

__all__ = ["live"]


def test_the_story_page_says_how_each_subscriber_got_the_version(live: LiveServer) -> None:
    feed = feed_of(live, "how-feed-reader")
    streamer = organisation(live, "how-stream-reader")  # entitled before the story moves: it reaches both
    before = last_seq(live)
    editor = at_desk(live, "how-editor@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Ferry service resumes", action="publish")))
    assert uri in [got for got, _kind, _item in feed(before)]  # read through the feed: audited as "feed"
    recorder = UsageRecorder(live.wire.engine)
    recorder.record(streamer, None, [(uri, 1)], "stream")
    recorder.record(streamer, None, [(uri, 1)], "webhook")
    recorder.flush()
    deadline = time.monotonic() + 10
    while True:  # the server's recorder writes every half second
        got = reach.story_reach(live.wire.engine, uri)[1]
        if got.channels("how-feed-reader") or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert got.channels("how-feed-reader") == ["feed"]
    assert got.channels("how-stream-reader") == ["stream", "webhook"]
    page = editor.get(item_path(uri)).text
    assert re.search(r'how-feed-reader <span class="muted" data-how="feed">\(feed\)</span>', page)
    assert 'how-stream-reader <span class="muted" data-how="stream,webhook">(stream, webhook)</span>' in page
