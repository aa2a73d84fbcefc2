"""The command line, run as a user would: a real process, a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factories import as_bytes, ninjs_story

NEWSWIRE = str(Path(sys.executable).with_name("newswire"))


def run(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    return subprocess.run([NEWSWIRE, *args], env=env, capture_output=True, text=True, check=check, timeout=120)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "wire.db"


def test_token_create_prints_the_token_alone_on_stdout(db: Path) -> None:
    out = run(db, "token", "create", "--role", "editor").stdout
    assert out.startswith("nwe_") and out.count("\n") == 1
    assert run(db, "token", "revoke", out.strip()).returncode == 0
    assert run(db, "token", "revoke", out.strip(), check=False).returncode == 1
    assert run(db, "token", "create", "--role", "god", check=False).returncode == 2


def test_ingest_publishes_a_folder_reports_failures_and_exits_non_zero(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(as_bytes(ninjs_story("tr", uri="urn:cli:a")))
    (folder / "b.txt").write_text("Headline\nStandfirst\nANKARA\nBody one.\nBody two.\n")
    (folder / "c.xml").write_text("<nitf><broken>")
    (folder / "d.json").write_text("{not json")
    result = run(db, "ingest", str(folder), check=False)
    assert result.returncode == 1
    assert "published" in result.stderr and "c.xml" in result.stderr and "d.json" in result.stderr
    again = run(db, "ingest", "--public", str(folder / "a.json"))
    assert again.returncode == 0 and "unchanged" in again.stderr


def test_products_subscribers_keys_and_usage(db: Path, tmp_path: Path) -> None:
    run(db, "product", "create", "tr-sport", "--language", "tr", "--topic", "medtop:15000000", "--urgency", "1-5")
    shown = json.loads(run(db, "product", "show", "tr-sport").stdout)
    assert shown["filter"]["urgency"] == [1, 5] and shown["filter"]["languages"] == ["tr"]
    run(db, "subscriber", "create", "gazete", "--product", "tr-sport", "--rate-limit", "120")
    key = run(db, "key", "create", "gazete").stdout.strip()
    assert key.startswith("nwk_") and "\n" not in key
    assert json.loads(run(db, "subscriber", "show", "gazete").stdout)["rateLimit"] == 120
    assert run(db, "subscriber", "create", "x", "--product", "missing", check=False).returncode == 1
    report = tmp_path / "usage.csv"
    run(db, "usage", "report", "--month", "2026-11", "-o", str(report))
    assert report.read_text().startswith("time,subscriber,key_id,uri,version,channel,count")
    assert run(db, "usage", "report", "--month", "2026-13", check=False).returncode == 2


def test_db_upgrade_is_idempotent(db: Path) -> None:
    run(db, "db", "upgrade")
    run(db, "db", "upgrade")
    assert db.exists()


STORY = """URI: urn:cli:enrich
Language: en

Caspian ministers agree to expand ferry links
Plan adds two ferries and a joint customs window
ASTANA (AP) — Ministers from Kazakhstan and Azerbaijan agreed on Tuesday to add two ferries on the Caspian.
“This route will be faster than ever,” Kazakh minister Nurlan Sauranbayev told reporters in Astana.
The ministers will meet again in Baku on March 18, 2027, to review progress.
Freight volumes rose by a third last year, officials said.
"""


def test_enrich_shows_what_the_pipeline_makes_of_a_file(db: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    report = json.loads(run(db, "enrich", str(story)).stdout)
    assert report["uri"] == "urn:cli:enrich" and report["language"] == "en"
    assert report["dateline"]["located"] == "ASTANA"
    assert report["summary"]
    assert set(report["stepMilliseconds"]) >= {"language", "summary", "topics"}
    assert run(db, "enrich", "urn:missing", check=False).returncode == 1


def test_tagger_trains_on_editor_subjects_and_reenrich_makes_versions_only_where_needed(
    db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for n, (lang, topic) in enumerate([("en", "04000000"), ("tr", "15000000"), ("fr", "04000000"),
                                       ("ru", "15000000")]):
        doc = ninjs_story(lang, uri=f"urn:cli:t{n}")
        doc["subjects"] = [{"uri": f"http://cv.iptc.org/newscodes/mediatopic/{topic}"}]
        (folder / f"{n}.json").write_bytes(as_bytes(doc))
    run(db, "ingest", str(folder))
    model = tmp_path / "tagger.json"
    trained = run(db, "tagger", "train", "--output", str(model))
    assert model.exists() and "Trained on 4 stories" in trained.stderr
    dry = run(db, "reenrich", "--since", "2000-01-01", "--dry-run")
    assert "4 items examined" in dry.stderr
    assert run(db, "reenrich", "--since", "yesterday", check=False).returncode == 2


def test_vocab_import_reads_csv_and_reports_bad_rows(db: Path, tmp_path: Path) -> None:
    good = tmp_path / "vocab.csv"
    good.write_text("kind,name,aliases,uri,lang\nperson,Ayşe Demir,Demir,https://example.org/p/1,tr\n")
    env_vocab = tmp_path / "vocab.json"
    os.environ["NEWSWIRE_VOCAB_PATH"] = str(env_vocab)
    try:
        assert "Imported 1" in run(db, "vocab", "import", str(good)).stderr
        assert "Ayşe Demir" in env_vocab.read_text()
        bad = tmp_path / "bad.csv"
        bad.write_text("kind,name\nplanet,Mars\n")
        assert run(db, "vocab", "import", str(bad), check=False).returncode == 1
    finally:
        del os.environ["NEWSWIRE_VOCAB_PATH"]


def test_serve_with_two_worker_processes_delivers_across_them(db: Path, tmp_path: Path) -> None:
    import socket
    import time

    import httpx

    run(db, "product", "create", "all")
    run(db, "subscriber", "create", "multi", "--product", "all")
    key = run(db, "key", "create", "multi").stdout.strip()
    token = run(db, "token", "create").stdout.strip()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{db}"}
    server = subprocess.Popen([NEWSWIRE, "serve", "--port", str(port), "--workers", "2"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        received: list[str] = []
        # several streams, so that both processes hold some of them
        clients = [httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=20)
                   for _ in range(4)]
        streams = [c.stream("GET", "/v1/stream") for c in clients]
        responses = [s.__enter__() for s in streams]
        # the first publication of a process loads its enrichment models (NEWSWIRE_LAZY_MODELS)
        httpx.post(base + "/v1/items", content=as_bytes(ninjs_story("en", uri="urn:cli:multi")),
                   headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"}, timeout=60)
        for resp in responses:
            for line in resp.iter_lines():
                if line.startswith("data: "):
                    received.append(json.loads(line[6:])["uri"])
                    break
        assert received == ["urn:cli:multi"] * 4
        for s in streams:
            s.__exit__(None, None, None)
    finally:
        server.terminate()
        server.wait(15)


def test_product_and_subscriber_help_say_what_the_options_do(db: Path) -> None:
    product = run(db, "product", "create", "--help").stdout
    subscriber = run(db, "subscriber", "create", "--help").stdout
    assert "<class" not in product + subscriber  # typer's rendering of an empty-list default
    assert "shared by all its keys" in subscriber  # the limit is the subscriber's, not each key's
    run(db, "db", "upgrade")
    run(db, "product", "create", "p", "--language", "en", "--language", "fr", "--type", "text")
    assert json.loads(run(db, "product", "show", "p").stdout)["filter"]["languages"] == ["en", "fr"]
    run(db, "product", "create", "q")
    assert json.loads(run(db, "product", "show", "q").stdout)["filter"]["languages"] == []
    run(db, "subscriber", "create", "s", "--product", "p", "--product", "q")
    assert json.loads(run(db, "subscriber", "show", "s").stdout)["products"] == ["p", "q"]
