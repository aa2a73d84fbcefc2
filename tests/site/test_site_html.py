"""Every page of the site is well-formed HTML5 with a language, a skip link and alt text."""

from __future__ import annotations

import httpx

from newswire.samples import load_samples
from newswire.site.i18n import RTL_LANGUAGES

from conftest import LiveServer
from sitekit import check_html, crawl, picture_item, publish, story_doc


def test_every_page_of_the_sample_site_is_well_formed(live: LiveServer) -> None:
    load_samples(live.wire)
    publish(live.wire, story_doc("en", headline="Harbour reopens with a picture",
                                 picture=picture_item(live.wire).uri,
                                 people=("Ana Lindqvist",), places=("Rotterdam",)))
    with httpx.Client(base_url=live.url, timeout=30) as client:
        pages = crawl(client, ["/", "/subscribe", "/search?q=port", "/en/search?q=storm", "/nowhere/at/all/x",
                               "/en/story/urn:newswire:sample:louvre-denon-reopening"], limit=300)
    html = {p: r for p, r in pages.items() if r.headers.get("content-type", "").startswith("text/html")}
    assert len(html) > 40, sorted(html)
    statuses = {r.status_code for r in html.values()}
    assert statuses <= {200, 404, 410}, statuses
    for path, resp in html.items():
        report = check_html(resp.text)
        assert not report.errors, (path, report.errors)
        lang = path.split("/")[1] if path.count("/") >= 2 else None
        if lang in RTL_LANGUAGES:
            assert report.html_dir == "rtl", path
        if resp.status_code == 200:
            assert report.meta.get("description"), path
            assert any(t.get("rel") == "canonical" for t in report.link_tags), path
    assert any(check_html(r.text).images for r in html.values())  # alt text was checked on a real image
    # mixed-language lists mark each story's language for screen readers and layout
    home = html["/"].text
    assert 'lang="ar" dir="rtl"' in home and 'lang="tr" dir="ltr"' in home
