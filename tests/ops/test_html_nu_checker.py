"""Every page the wire serves is valid HTML by an outside checker: the W3C's Nu Html Checker
(``vnu.jar``, installed by ``make vnu`` from the npm registry into ``.tools/``, run on Java).

The public site, the subscriber portal and the desk are fetched over real HTTP from one
server, signed in where they need it, in English and in Arabic (right to left); all pages
go to one run of the checker (the JVM starts once). Any message of type ``error`` fails
the test; warnings are allowed. A page with a known mistake proves the checker bites."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from newswire.site.story import story_key

from conftest import LiveServer
from factories import as_bytes, ninjs_story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desk"))
from deskkit import at_desk, live, organisation
from portalkit import Visitor, person, publish, sqlite_only

__all__ = ["live"]  # the portal's shared server (site, portal and desk on one app)

ROOT = Path(__file__).resolve().parents[2]
JAR = Path(os.environ.get("NEWSWIRE_VNU_JAR", ROOT / ".tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))
ARTIFACTS = ROOT / "artifacts" / "nu"


@pytest.fixture(scope="module")
def checker() -> Iterator[Path]:
    if not JAR.is_file():
        pytest.skip(f"the Nu Html Checker is not installed at {JAR} (make vnu)")
    if shutil.which("java") is None:
        pytest.skip("no java to run the Nu Html Checker (apt-get install default-jre-headless)")
    yield JAR


def check(jar: Path, pages: dict[str, str], into: Path) -> list[dict[str, object]]:
    """Run the checker once over all pages; its messages, each with the page's name."""
    into.mkdir(parents=True, exist_ok=True)
    files = []
    for name, html in pages.items():
        path = into / f"{name}.html"
        path.write_text(html, "utf-8")
        files.append(str(path))
    run = subprocess.run(["java", "-Xss4m", "-jar", str(jar), "--format", "json", "--exit-zero-always",
                          "--also-check-css", *files], capture_output=True, text=True, timeout=600)
    report = json.loads(run.stderr or run.stdout)
    (into / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    messages: list[dict[str, object]] = report["messages"]
    return messages


def errors(messages: list[dict[str, object]]) -> list[str]:
    return [f"{Path(str(m.get('url', ''))).stem}:{m.get('lastLine')}: {m['message']} «{m.get('extract', '')}»"
            for m in messages if m["type"] == "error"]


def fetch(visitor: Visitor, path: str) -> str:
    answer = visitor.get(path)
    assert answer.status_code == 200, f"{path}: {answer.status_code}"
    assert answer.headers["content-type"].startswith("text/html"), path
    return answer.text


def test_every_page_of_the_site_portal_and_desk_is_valid_html_in_english_and_arabic(
        live: LiveServer, checker: Path) -> None:
    sqlite_only(live, "the pages are the subject, not the database")
    org = f"nu-{uuid.uuid4().hex[:6]}"
    organisation(live, org, {"languages": ["en", "ar"]})
    person(live, f"boss@{org}.example", org, role="manager")
    word = "nu" + uuid.uuid4().hex[:8]
    uri = publish(live, "en", marker=word, slugline="NU")
    public = {}
    for lang in ("en", "ar"):
        doc = ninjs_story(lang, marker=word)
        live.wire.ingest(as_bytes(doc), public=True)
        public[lang] = str(doc["uri"])
    story = quote(uri, safe=":@")
    pages: dict[str, str] = {}

    anyone = Visitor.at(live)
    for lang in ("en", "ar"):
        for name, path in (("home", f"/{lang}/"), ("story", f"/{lang}/story/{story_key(public[lang])}"),
                           ("section", f"/{lang}/section/business"), ("search", f"/{lang}/search?q={word}")):
            pages[f"site-{name}-{lang}"] = fetch(anyone, path)
    pages["site-subscribe"] = fetch(anyone, "/subscribe")
    for area in ("portal", "desk"):
        for lang in ("en", "ar"):
            pages[f"{area}-login-{lang}"] = fetch(anyone, f"/{area}/login?lang={lang}")

    reader = Visitor.at(live).signed_in(f"boss@{org}.example")
    for path in ("/", f"/items/{story}", f"/search?q={word}", "/diary", "/bookmarks", "/views",
                 "/notifications", "/developers", "/usage", "/account", "/team"):
        name = path.strip("/").split("?")[0].split("/")[0] or "home"
        for lang in ("en", "ar"):
            pages[f"portal-{name}-{lang}"] = fetch(reader, f"/portal{path}{'&' if '?' in path else '?'}lang={lang}")

    editor = at_desk(live, "nu-editor@agency.example")
    for path in ("/", "/new", f"/items/{story}", "/audit", "/diary"):
        name = path.strip("/").split("/")[0] or "home"
        for lang in ("en", "ar"):
            pages[f"desk-{name}-{lang}"] = fetch(editor, f"/desk{path}?lang={lang}")

    found = errors(check(checker, pages, ARTIFACTS))
    assert not found, "\n".join(found)


def test_the_checker_flags_a_page_with_a_known_mistake(checker: Path, tmp_path: Path) -> None:
    page = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
            '<body><p id="same">one</p><p id="same">two</p></body></html>')
    found = errors(check(checker, {"mistake": page}, tmp_path))
    assert any("Duplicate ID" in line for line in found), found
