"""The people/organisations vocabulary: a multilingual seed, CSV/JSON import persisted to
``$NEWSWIRE_VOCAB_PATH``, merged with the seed, cached until reset."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newswire.vocab import people_orgs
from newswire.vocab.people_orgs import (
    ORGANISATION,
    PERSON,
    Alias,
    import_vocab,
    load_vocab,
    reset_cache,
)


@pytest.fixture(autouse=True)
def vocab_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "vocab" / "vocab.json"
    monkeypatch.setenv("NEWSWIRE_VOCAB_PATH", str(path))
    reset_cache()
    yield path
    reset_cache()


def test_seed_has_international_organisations_and_leaders() -> None:
    vocab = load_vocab()
    assert len(vocab.of_kind(ORGANISATION)) >= 80
    assert len(vocab.of_kind(PERSON)) >= 40
    csto = vocab.find("CSTO")[0]
    assert csto.name == "Collective Security Treaty Organization"
    assert "ОДКБ" in csto.names()
    nato = vocab.find("NATO")[0]
    assert nato.uri == "http://www.wikidata.org/entity/Q7184"
    putin = vocab.find("Путин")[0]
    assert putin.kind == PERSON and putin.name == "Vladimir Putin"
    # Latin-script spellings that clash elsewhere are tied to their language.
    eu = vocab.find("European Union")[0]
    assert Alias("AB", "tr") in eu.aliases


def test_missing_file_means_seed_only(vocab_file: Path) -> None:
    assert not vocab_file.exists()
    # the shipped seed and the organisations of the project's annotated archive
    assert {e.source for e in load_vocab()} == {"seed", "archive"}


def test_import_csv_persists_and_refreshes_cache(vocab_file: Path, tmp_path: Path) -> None:
    before = load_vocab()
    csv_file = tmp_path / "people.csv"
    csv_file.write_text(
        "kind,name,aliases,uri,lang\n"
        "person,Ayşe Yılmaz,Yılmaz|Айше Йылмаз,https://example.org/p/1,\n"
        "org,Marmara Port Authority,MPA;tr:Marmara Liman İdaresi,,en\n",
        encoding="utf-8",
    )
    assert import_vocab(csv_file) == 2
    assert vocab_file.exists()
    after = load_vocab()
    assert after is not before
    ayse = after.find("Ayşe Yılmaz")[0]
    assert ayse.kind == PERSON and ayse.source == "import"
    assert ayse.uri == "https://example.org/p/1"
    assert {"Yılmaz", "Айше Йылмаз"} <= ayse.names()
    port = after.find("MPA")[0]
    assert port.kind == ORGANISATION
    assert Alias("Marmara Liman İdaresi", "tr") in port.aliases
    assert Alias("MPA", "en") in port.aliases


def test_import_json_merges_rows_with_the_same_uri(vocab_file: Path, tmp_path: Path) -> None:
    first = [{"kind": "person", "name": "Ayşe Yılmaz", "uri": "urn:p:1", "aliases": ["Yılmaz"]}]
    second = tmp_path / "more.json"
    second.write_text(
        json.dumps({"entries": [
            {"kind": "person", "name": "Айше Йылмаз", "uri": "urn:p:1", "lang": "ru"}
        ]}),
        encoding="utf-8",
    )
    import_vocab(first)
    import_vocab(second)
    stored = json.loads(vocab_file.read_text(encoding="utf-8"))["entries"]
    assert len(stored) == 1
    entry = load_vocab().find("Ayşe Yılmaz")[0]
    assert Alias("Айше Йылмаз", "ru") in entry.aliases
    assert Alias("Yılmaz") in entry.aliases


def test_import_overrides_a_seed_entry_keeping_its_spellings() -> None:
    import_vocab([{"kind": "organisation", "name": "NATO", "uri": "urn:agency:nato",
                   "aliases": "Alliance"}])
    matches = load_vocab().find("NATO")
    assert len(matches) == 1
    nato = matches[0]
    assert nato.uri == "urn:agency:nato"
    assert {"Alliance", "НАТО", "OTAN"} <= nato.names()


def test_bad_rows_are_refused_with_their_number(vocab_file: Path) -> None:
    with pytest.raises(ValueError, match="row 2"):
        import_vocab([{"kind": "person", "name": "A B"}, {"kind": "place", "name": "X"}])
    with pytest.raises(ValueError, match="name is empty"):
        import_vocab([{"kind": "org", "name": "  "}])
    assert not vocab_file.exists()


def test_load_is_cached_until_reset(vocab_file: Path) -> None:
    first = load_vocab()
    assert load_vocab() is first
    vocab_file.parent.mkdir(parents=True, exist_ok=True)
    vocab_file.write_text(
        json.dumps({"entries": [{"kind": "person", "name": "Zed Zedson"}]}), encoding="utf-8"
    )
    assert load_vocab() is first
    reset_cache()
    assert load_vocab().find("Zed Zedson")


def test_default_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSWIRE_VOCAB_PATH")
    assert people_orgs.vocab_path() == Path("data/vocab.json")
