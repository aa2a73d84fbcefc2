"""The public site's pages over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from newswire.model import utcnow
from newswire.samples import load_samples
from newswire.site.story import story_path

from conftest import LiveServer, start_server
from sitekit import check_html, picture_item, publish, story_doc


@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30) as c:
        yield c


def assert_page(resp: httpx.Response, status: int = 200) -> str:
    assert resp.status_code == status, (resp.status_code, resp.text[:500])
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    report = check_html(resp.text)
    assert not report.errors, report.errors
    return resp.text


def test_home_lists_public_stories_with_a_language_chooser(live: LiveServer, client: httpx.Client) -> None:
    load_samples(live.wire)
    page = assert_page(client.get("/"))
    assert "Caspian states agree to double cargo capacity" in page
    assert "Haute mer" in page  # French, public
    assert "Северный морской путь" not in page and "Северного морского пути" not in page  # not public
    assert "Czech" not in page  # public but under embargo
    report = check_html(page)
    assert report.html_lang == "en"
    for lang in ("en", "tr", "ar", "fr", "es", "bs"):
        assert f"/{lang}/" in report.links
    assert "/ru/" not in report.links  # no public Russian story
    assert 'data-stream="/live/headlines"' in page  # the ticker


def test_language_pages_and_right_to_left(live: LiveServer, client: httpx.Client) -> None:
    load_samples(live.wire)
    arabic = check_html(assert_page(client.get("/ar/")))
    assert (arabic.html_lang, arabic.html_dir) == ("ar", "rtl")
    assert any("عمان" in t or "مياه" in t for t in arabic.text)
    english = check_html(assert_page(client.get("/en/")))
    assert (english.html_lang, english.html_dir) == ("en", "ltr")
    turkish = assert_page(client.get("/tr/"))
    assert "Caspian" not in turkish and "lang=\"tr\"" in turkish
    assert client.get("/en", follow_redirects=False).headers["location"] == "/en/"
    assert_page(client.get("/xx/"), 404)
    assert_page(client.get("/ru/"))  # a served language without public stories: an empty edition


def test_story_page_shows_the_summary_not_the_body(live: LiveServer, client: httpx.Client) -> None:
    doc = story_doc(
        "en", headline="Ministers sign harbour accord in Geneva",
        standfirst="The deal opens the port to night shipping.",
        paragraphs=["GENEVA (Newswire) — Ministers signed the accord on Monday lede-words-here.",
                    "Paragraph two holds secret-subscriber-detail.", "Paragraph three ends it."],
        people=("Ana Lindqvist",), organisations=("Port Authority",), places=("Geneva",),
        picture=picture_item(live.wire).uri, topics=("04000000", "20000344"),
        summary="Ministers signed a harbour accord in Geneva on Monday.",
    )
    publish(live.wire, doc)
    resp = client.get(story_path("en", doc["uri"]))
    page = assert_page(resp)
    report = check_html(page)
    assert "Ministers sign harbour accord in Geneva" in page
    assert "The deal opens the port to night shipping." in page
    assert "Ministers signed a harbour accord in Geneva on Monday." in page
    assert "secret-subscriber-detail" not in page and "Paragraph three" not in page
    assert "Full story for subscribers" in page and 'href="/subscribe"' in page
    assert 'class="dateline">Geneva' in page and " UTC</time>" in page
    assert "/en/person/ana-lindqvist" in report.links and "/en/place/geneva" in report.links
    assert "/en/org/port-authority" in report.links and "/en/section/business" in report.links
    [img] = report.images
    assert img["src"].startswith("/picture/") and img["alt"] == "Cranes at the harbour at dawn"
    assert "Cranes unload a container ship at dawn." in page and "Test Agency/Ana" in page  # caption, credit
    assert report.meta["og:type"] == "article" and report.meta["og:image"] == "http://127.0.0.1:8000" + img["src"]
    assert report.meta["twitter:card"] == "summary_large_image"
    canonical = [t for t in report.link_tags if t.get("rel") == "canonical"]
    assert canonical[0]["href"] == f"http://127.0.0.1:8000{story_path('en', doc['uri'])}"
    [ld] = [json.loads(block) for block in report.jsonld]
    assert ld["@type"] == "NewsArticle" and ld["isAccessibleForFree"] is False
    assert ld["hasPart"] == {"@type": "WebPageElement", "isAccessibleForFree": False,
                             "cssSelector": ".paywalled"}
    assert 'class="paywalled"' in page
    assert "articleBody" not in ld and ld["headline"] == "Ministers sign harbour accord in Geneva"
    assert resp.headers["cache-control"] == "public, max-age=60" and resp.headers["etag"]
    # the person's page lists the story under the person's name
    person = assert_page(client.get("/en/person/ana-lindqvist"))
    assert "<h1 class=\"page-title\">Ana Lindqvist</h1>" in person and doc["headlines"][0]["value"] in person
    assert_page(client.get("/en/person/nobody-at-all"), 404)
    topic = assert_page(client.get("/en/topic/20000344"))
    assert "Ministers sign harbour accord" in topic


def test_summary_falls_back_to_standfirst_and_lede(live: LiveServer, client: httpx.Client) -> None:
    live.wire.pipeline.steps = [s for s in live.wire.pipeline.steps if s[0] != "summary"]
    doc = story_doc("en", paragraphs=["The lede sentence says what happened today.",
                                      "Background paragraph subscribers-only-words.", "Closing line."])
    publish(live.wire, doc)
    page = assert_page(client.get(story_path("en", doc["uri"])))
    assert "The lede sentence says what happened today." in page
    assert "subscribers-only-words" not in page


def test_killed_story_answers_410_and_shows_nothing_of_it(live: LiveServer, client: httpx.Client) -> None:
    shown = story_doc("en", headline="Transmitted in error: bridge closure")
    hidden = story_doc("en", headline="Never public: tunnel closure")
    publish(live.wire, shown)
    publish(live.wire, hidden, public=False)
    assert client.get(story_path("en", shown["uri"])).status_code == 200
    live.wire.kill(shown["uri"], "Legal reasons")
    live.wire.kill(hidden["uri"], "Legal reasons")
    gone = assert_page(client.get(story_path("en", shown["uri"])), 410)
    assert "withdrawn" in gone and "bridge closure" not in gone and "Legal reasons" not in gone
    missing = assert_page(client.get(story_path("en", hidden["uri"])), 404)
    assert "tunnel closure" not in missing
    assert "bridge closure" not in client.get("/en/").text


def test_embargoed_non_public_and_withheld_stories_answer_404(live: LiveServer, client: httpx.Client) -> None:
    embargoed = story_doc("en", headline="Embargoed rate decision")
    private = story_doc("en", headline="Subscribers only scoop")
    withheld = story_doc("en", headline="Withheld pending checks")
    publish(live.wire, embargoed, embargoed_until=utcnow() + timedelta(hours=2))
    publish(live.wire, private, public=False)
    publish(live.wire, withheld)
    publish(live.wire, dict(withheld, pubStatus="withheld"))
    for doc in (embargoed, private, withheld):
        page = assert_page(client.get(story_path("en", doc["uri"])), 404)
        assert doc["headlines"][0]["value"] not in page
    home = client.get("/en/").text
    assert all(d["headlines"][0]["value"] not in home for d in (embargoed, private, withheld))


def test_embargo_lifts_at_its_time(live: LiveServer, client: httpx.Client) -> None:
    doc = story_doc("en", headline="Rates cut at noon")
    until = utcnow().replace(microsecond=0) + timedelta(seconds=4)  # ninjs times are whole seconds
    publish(live.wire, doc, embargoed_until=until)
    assert client.get(story_path("en", doc["uri"])).status_code == 404
    live.wire.lift_embargoes(until + timedelta(seconds=1))
    import time

    time.sleep(max(0.0, (until - utcnow()).total_seconds()) + 0.3)
    assert client.get(story_path("en", doc["uri"])).status_code == 200


def test_updated_story_shows_its_latest_version_and_when(live: LiveServer, client: httpx.Client) -> None:
    first = utcnow() - timedelta(hours=3)
    doc = story_doc("en", headline="Storm nears the coast")
    publish(live.wire, doc, now=first)
    publish(live.wire, dict(doc, headlines=[{"role": "main", "value": "Storm hits the coast"}]))
    page = assert_page(client.get(story_path("en", doc["uri"])))
    assert "Storm hits the coast" in page and "Storm nears the coast" not in page
    assert 'class="updated">Updated <time datetime="' in page
    assert f'Published <time datetime="{first.replace(microsecond=0).isoformat()}' in page


def test_a_story_under_the_wrong_language_redirects(live: LiveServer, client: httpx.Client) -> None:
    doc = story_doc("en")
    publish(live.wire, doc)
    resp = client.get(story_path("fr", doc["uri"]), follow_redirects=False)
    assert resp.status_code == 301 and resp.headers["location"] == story_path("en", doc["uri"])
    assert_page(client.get("/en/story/urn:newswire:nothing-here"), 404)


def test_sections_and_tags_never_name_a_hidden_story(live: LiveServer, client: httpx.Client) -> None:
    public = story_doc("en", headline="Public market story", topics=("04000000",))
    private = story_doc("en", headline="Private market story", topics=("04000000",),
                        people=("Secret Person",))
    publish(live.wire, public)
    publish(live.wire, private, public=False)
    section = assert_page(client.get("/en/section/business"))
    assert "Public market story" in section and "Private market story" not in section
    tag = assert_page(client.get("/en/person/secret-person"), 404)
    assert "Secret Person" not in tag
    assert_page(client.get("/en/section/no-such-section"), 404)
    assert_page(client.get("/en/section/sport"))  # a real section, empty for now
    assert_page(client.get("/en/topic/99999999"), 404)


def test_search_finds_public_stories_only(live: LiveServer, client: httpx.Client) -> None:
    publish(live.wire, story_doc("en", headline="Glacier melt speeds up in the Alps"))
    publish(live.wire, story_doc("en", headline="Glacier survey kept for subscribers"), public=False)
    page = assert_page(client.get("/en/search", params={"q": "glacier"}))
    assert "Glacier melt speeds up" in page and "kept for subscribers" not in page
    assert '<meta name="robots" content="noindex, follow">' in page
    site_wide = assert_page(client.get("/search", params={"q": "glacier"}))
    assert "Glacier melt speeds up" in site_wide
    empty = assert_page(client.get("/en/search", params={"q": "zzzunfindable"}))
    assert "No public story matches" in empty
    assert_page(client.get("/en/search"))


def test_every_listing_paginates(live: LiveServer, client: httpx.Client) -> None:
    start = utcnow() - timedelta(hours=2)
    for n in range(25):
        publish(live.wire, story_doc("en", headline=f"Numbered story {n:02d} on the markets"),
                now=start + timedelta(minutes=n))
    first = assert_page(client.get("/en/"))
    assert first.count('<article class="card') == 20 and "Numbered story 24" in first
    assert 'href="/en/?page=2"' in first and 'rel="next"' in first
    second = assert_page(client.get("/en/?page=2"))
    assert second.count('<article class="card') == 5 and "Numbered story 00" in second
    assert 'href="/en/"' in second and "?page=3" not in second
    assert_page(client.get("/en/?page=3"), 404)
    assert_page(client.get("/en/?page=abc"), 404)
    assert "?page=2" in client.get("/en/section/business").text
    assert "?page=2" in client.get("/").text
    assert "q=numbered&amp;page=2" in client.get("/en/search", params={"q": "numbered"}).text


def test_site_does_not_shadow_the_api(live: LiveServer, client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/docs").status_code == 200
    resp = client.get("/v1/items/urn:x")
    assert resp.status_code == 401 and resp.headers["content-type"].startswith("application/problem+json")


def test_translations_are_linked_with_hreflang(live: LiveServer, client: httpx.Client) -> None:
    en = story_doc("en", headline="Ocean treaty signed", slugline="OCEAN-TREATY")
    fr = story_doc("fr", headline="Le traité sur les océans signé", slugline="OCEAN-TREATY")
    tr = story_doc("tr", headline="Okyanus antlaşması imzalandı", translation_of=en["uri"])
    hidden = story_doc("es", headline="Tratado oceánico firmado", slugline="OCEAN-TREATY")
    for doc in (en, fr, tr):
        publish(live.wire, doc)
    publish(live.wire, hidden, public=False)
    page = assert_page(client.get(story_path("en", en["uri"])))
    hreflang = {t["hreflang"]: t["href"] for t in check_html(page).link_tags if t.get("hreflang")}
    assert set(hreflang) == {"en", "fr", "tr"}
    assert hreflang["fr"].endswith(story_path("fr", fr["uri"]))
    assert "Tratado oceánico" not in page and "Also available in" in page
    fr_page = assert_page(client.get(story_path("fr", fr["uri"])))
    assert {t["hreflang"] for t in check_html(fr_page).link_tags if t.get("hreflang")} == {"en", "fr"}
    tr_page = assert_page(client.get(story_path("tr", tr["uri"])))
    assert story_path("en", en["uri"]) in tr_page


def test_subscribe_page_and_site_settings(wire, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSWIRE_SITE_LANGUAGES", "en,fr")
    monkeypatch.setenv("NEWSWIRE_SUBSCRIBE_URL", "https://sales.example/subscribe")
    monkeypatch.setenv("NEWSWIRE_SITE_NAME", "Harbour Press")
    load_samples(wire)
    server = start_server(wire)
    try:
        with httpx.Client(base_url=server.url) as c:
            home = assert_page(c.get("/"))
            assert "Harbour Press" in home and "İstanbul" not in home and "Haute mer" in home
            assert_page(c.get("/tr/"), 404)
            assert_page(c.get(story_path("tr", "urn:newswire:sample:istanbul-metro-line")), 404)
            story = assert_page(c.get(story_path("en", "urn:newswire:sample:caspian-transport-corridor")))
            assert 'href="https://sales.example/subscribe"' in story
            subscribe = assert_page(c.get("/subscribe"))
            assert "How to subscribe" in subscribe
    finally:
        server.stop()


@pytest.mark.parametrize("page", ["%C2%B9", "%D9%A1", "1" * 5000, "-1", "0x1"])
def test_page_numbers_and_topic_codes_of_anything_but_ascii_digits_are_404_not_500(
    live: LiveServer, client: httpx.Client, page: str
) -> None:
    for path in (f"/en/?page={page}", f"/search?q=port&page={page}", f"/en/topic/{page}", f"/en/section/{page}"):
        assert client.get(path).status_code in (301, 307, 404), path


@pytest.mark.parametrize("last_id", ["\u00b2", "1" * 5000, "-5"])
def test_the_ticker_ignores_a_last_event_id_that_is_not_a_sequence(live: LiveServer, last_id: str) -> None:
    headers = {"Last-Event-ID": last_id.encode("latin-1")}
    with httpx.Client(base_url=live.url, timeout=5) as anon, anon.stream(
            "GET", "/live/headlines", headers=headers) as resp:  # type: ignore[arg-type]
        assert resp.status_code == 200


def test_the_languages_present_are_read_once_per_store_sequence(
        live: LiveServer, client: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page's navigation lists the languages with a story; that is a scan of the items
    table, so it is read once per store sequence, and a new event brings a new language in."""
    from newswire.site import queries

    scans: list[int] = []
    real = queries.languages_present

    def counting(*args: object, **kwargs: object) -> set[str]:
        scans.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "languages_present", counting)
    publish(live.wire, story_doc("en"))
    for path in ("/", "/en/", "/en/?page=2", "/search?q=story"):
        client.get(path)
    assert len(scans) == 1
    assert "/fr/" not in check_html(assert_page(client.get("/"))).links
    publish(live.wire, story_doc("fr"))
    assert "/fr/" in check_html(assert_page(client.get("/"))).links
    assert len(scans) == 2
