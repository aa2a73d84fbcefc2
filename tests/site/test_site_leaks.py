"""Property: no public response ever carries a story's body, nor anything of a story the
site must not show (non-public, under embargo, withheld, killed, or an older version).

Every generated story has unique marker words: one per body paragraph, one in the headline,
standfirst, editor's summary and each person or place. After each example the test reads
every public surface (home, language pages, sections, stories, tag pages, search, every
feed, both sitemaps, robots.txt, the live stream replayed from the start) and checks them
against every story published so far (the database grows across examples):

* a visible story may show only the markers of its current headline, standfirst, names and
  summary (enrichment's summary, which may quote any paragraph, else the lede); no other
  marker of any of its versions, and never its full body;
* a hidden story shows no marker at all: not its headline, not a name, not a paragraph.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newswire.formats.sanitize import html_to_text
from newswire.model import utcnow
from newswire.site.story import story_path
from newswire.store import items as store
from newswire.store.index import slug

from conftest import LiveServer, only_in_long_suite
from sitekit import StreamReader, headlines, publish, story_doc

EXAMPLES = int(os.environ.get("SITE_LEAK_EXAMPLES", "12"))
LANGS = ("en", "tr", "ar", "fr", "ru")
STATES = ("public", "private", "embargoed", "killed_public", "killed_private", "withheld",
          "updated", "public_then_private", "embargo_passed")
HIDDEN = frozenset({"private", "embargoed", "killed_public", "killed_private", "withheld",
                    "public_then_private"})
SENTENCES = {
    "en": ("The port authority said the new terminal would open next year",
           "Officials expect cargo volumes to grow by a fifth over the decade",
           "Unions welcomed the agreement but asked for guarantees on jobs",
           "The ministry published the full plan on its website on Tuesday"),
    "tr": ("Liman idaresi yeni terminalin gelecek yıl açılacağını bildirdi",
           "Yetkililer yük hacminin on yılda beşte bir artmasını bekliyor",
           "Sendikalar anlaşmayı memnuniyetle karşıladı ancak iş güvencesi istedi",
           "Bakanlık planın tamamını salı günü internet sitesinde yayımladı"),
    "ar": ("قالت هيئة الميناء إن المحطة الجديدة ستفتح العام المقبل",
           "يتوقع المسؤولون نمو حجم البضائع بمقدار الخمس خلال العقد",
           "رحبت النقابات بالاتفاق لكنها طالبت بضمانات للوظائف",
           "نشرت الوزارة الخطة كاملة على موقعها يوم الثلاثاء"),
    "fr": ("L'autorité portuaire a indiqué que le nouveau terminal ouvrirait l'an prochain",
           "Les responsables s'attendent à une hausse d'un cinquième des volumes",
           "Les syndicats ont salué l'accord mais réclament des garanties sur l'emploi",
           "Le ministère a publié le plan complet mardi sur son site"),
    "ru": ("Администрация порта сообщила, что новый терминал откроется в следующем году",
           "Чиновники ожидают роста грузопотока на пятую часть за десятилетие",
           "Профсоюзы приветствовали соглашение, но потребовали гарантий занятости",
           "Министерство опубликовало полный план на своем сайте во вторник"),
}
_CONSONANTS = "bcdfghjmnprstvw"  # no z, q, k or x: a marker can never contain another
_serial = itertools.count(1)


def marker() -> str:
    """A unique word no stemmer changes: zq<consonants>kx. The consonants exclude z, q, k and x,
    so "zq" opens and "kx" closes a marker only at its ends, and no marker contains another."""
    n, code = next(_serial), ""
    while True:
        n, r = divmod(n, len(_CONSONANTS))
        code = _CONSONANTS[r] + code
        if n == 0:
            break
    return f"zq{code}kx"


@dataclass
class Spec:
    lang: str
    state: str
    paragraphs: int
    sentence: int
    summary: bool  # an editor's summary
    machine_summary: bool  # the summary enrichment step runs (else the site shows the lede)
    people: bool


specs = st.builds(
    Spec, lang=st.sampled_from(LANGS), state=st.sampled_from(STATES),
    paragraphs=st.integers(3, 6), sentence=st.integers(0, 3), summary=st.booleans(),
    machine_summary=st.booleans(), people=st.booleans(),
)


@dataclass
class Published:
    uri: str
    lang: str
    state: str
    markers: set[str] = field(default_factory=set)
    bodies: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # tag page paths
    search_words: list[str] = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        return self.state in HIDDEN


@dataclass
class Registry:
    stories: list[Published] = field(default_factory=list)


def make_doc(spec: Spec, uri: str) -> tuple[dict[str, Any], set[str], list[str]]:
    words = SENTENCES[spec.lang]
    paragraph_markers = [marker() for _ in range(spec.paragraphs)]
    paragraphs = [f"{words[(spec.sentence + n) % 4]} {m}." for n, m in enumerate(paragraph_markers)]
    head, stand = marker(), marker()
    names = [f"Rana {marker()}", f"Qarth {marker()}"] if spec.people else []
    summary = f"{words[(spec.sentence + 1) % 4]} {marker()}." if spec.summary else None
    doc = story_doc(
        spec.lang, uri=uri, headline=f"{words[spec.sentence][:40]} {head}",
        standfirst=f"{words[(spec.sentence + 2) % 4]} {stand}", paragraphs=paragraphs,
        people=tuple(names[:1]), places=tuple(names[1:]), summary=summary,
        topics=("04000000", "15000000")[: 1 + spec.sentence % 2], located=None,
    )
    used = set(re.findall(r"zq[a-z]+kx", str(doc)))
    return doc, used, paragraph_markers


def publish_spec(live: LiveServer, spec: Spec) -> Published:
    steps = live.wire.pipeline.steps
    if not spec.machine_summary:
        live.wire.pipeline.steps = [step for step in steps if step[0] != "summary"]
    try:
        return _publish_spec(live, spec)
    finally:
        live.wire.pipeline.steps = steps


def _publish_spec(live: LiveServer, spec: Spec) -> Published:
    uri = f"urn:newswire:leaktest:{next(_serial)}"
    doc, used, paragraph_markers = make_doc(spec, uri)
    wire = live.wire
    shown = Published(uri, spec.lang, spec.state, set(used), [doc["bodies"][0]["value"]])
    if doc.get("people"):
        shown.tags.append(f"/{spec.lang}/person/{slug(doc['people'][0]['name'])}")
    if doc.get("places"):
        shown.tags.append(f"/{spec.lang}/place/{slug(doc['places'][0]['name'])}")
    shown.search_words = [paragraph_markers[0], paragraph_markers[-1]]
    state = spec.state
    if state == "embargoed":
        publish(wire, doc, embargoed_until=utcnow() + timedelta(hours=6))
    elif state == "embargo_passed":
        publish(wire, doc, embargoed_until=utcnow() - timedelta(minutes=5))
    else:
        publish(wire, doc, public=state not in ("private", "killed_private"))
    if state in ("killed_public", "killed_private"):
        wire.kill(uri, "Legal")
    elif state == "withheld":
        publish(wire, dict(doc, pubStatus="withheld"))
    elif state in ("updated", "public_then_private"):
        second, more, more_paragraphs = make_doc(spec, uri)
        publish(wire, second, public=state == "updated")
        shown.markers |= more
        shown.bodies.append(second["bodies"][0]["value"])
        shown.search_words.append(more_paragraphs[-1])
    return shown


def allowed_markers(live: LiveServer, story: Published) -> set[str]:
    """The markers the site may show for a visible story: its current public fields. The lede
    (first paragraph) is always allowed: the site shows it instead of a stored summary that
    copies more of the body than the public portion allows (``site.story.public_summary``)."""
    item = store.get_item(live.wire.engine, story.uri)
    assert item is not None
    first_paragraph = html_to_text(item.body_html).split("\n")[0]
    fields = [item.headline, item.standfirst or "", item.summary or "", first_paragraph]
    fields += [c.name or "" for c in (*item.people, *item.places)]
    return set(re.findall(r"zq[a-z]+kx", " ".join(fields)))


def surfaces(client: httpx.Client, registry: Registry, fresh: list[Published]) -> dict[str, str]:
    paths = ["/", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml", "/rss.xml", "/atom.xml"]
    for lang in LANGS:
        paths += [f"/{lang}/", f"/{lang}/?page=2", f"/{lang}/rss.xml", f"/{lang}/atom.xml",
                  f"/{lang}/section/business", f"/{lang}/section/sport",
                  f"/{lang}/section/business/rss.xml", f"/{lang}/section/sport/atom.xml"]
    for story in fresh:
        paths.append(story_path(story.lang, story.uri))
        paths += story.tags
        for word in story.search_words:  # upper case: the page echoes the query, not the marker
            paths.append(f"/search?q={word.upper()}")
            paths.append(f"/{story.lang}/search?q={word.upper()}")
    found = {}
    for path in paths:
        resp = client.get(path)
        assert resp.status_code in (200, 404, 410), (path, resp.status_code)
        found[path] = resp.text
    return found


@pytest.fixture
def registry() -> Iterator[Registry]:
    yield Registry()


@settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(batch=st.lists(specs, min_size=3, max_size=9))
def test_no_public_response_leaks_a_body_or_a_hidden_story(
    live: LiveServer, registry: Registry, batch: list[Spec]
) -> None:
    only_in_long_suite(live.wire.settings.database_url, "postgresql")
    fresh = [publish_spec(live, spec) for spec in batch]
    sentinel = f"Sentinel headline {marker()}"
    publish(live.wire, story_doc("en", headline=sentinel))
    registry.stories += fresh

    forbidden: dict[str, str] = {}
    bodies: list[tuple[str, str]] = []
    for story in registry.stories:
        allowed = set() if story.hidden else allowed_markers(live, story)
        for m in story.markers - allowed:
            forbidden[m] = f"{story.uri} ({story.state})"
        for body in story.bodies:
            bodies.append((body, story.uri))
            bodies.append((html_to_text(body).replace("\n", " "), story.uri))
    pattern = re.compile("|".join(sorted(forbidden))) if forbidden else None

    with httpx.Client(base_url=live.url, timeout=30) as client:
        responses = surfaces(client, registry, fresh)
        for story in fresh:
            status = client.get(story_path(story.lang, story.uri)).status_code
            expected = {"killed_public": 410}.get(story.state, 404 if story.hidden else 200)
            assert status == expected, (story.state, status)
    reader = StreamReader(live.url + "/live/headlines", {"Last-Event-ID": "0"})
    reader.run(lambda ms: sentinel in headlines(ms)).join(30)
    assert sentinel in headlines(reader.messages)
    responses["/live/headlines"] = "\n".join(reader.raw)

    for path, text in responses.items():
        if pattern is not None:
            leak = pattern.search(text)
            assert leak is None, (f"{path} shows {leak.group()} of {forbidden[leak.group()]}: "
                                  f"...{text[max(0, leak.start() - 300):leak.end() + 100]}...")
        for body, uri in bodies:
            assert body not in text, f"{path} carries the body of {uri}"
