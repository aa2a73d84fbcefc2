"""Learning people and organisations from the archive (issue 15): what editors set on stories
becomes vocabulary the entity finder uses on later stories; what enrichment found does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newswire.model import MACHINE_CREATOR, Concept, Item, Text
from newswire.vocab.learn import learned_rows
from newswire.vocab.people_orgs import VocabEntry, Vocabulary

KNOWN = Vocabulary((VocabEntry("organisation", "United Nations"),))


def story(uri: str, lang: str, people: tuple[Concept, ...] = (), orgs: tuple[Concept, ...] = (),
          status: str = "usable") -> Item:
    return Item(uri=uri, version=1, type="text", language=lang, pub_status=status,
                headlines=(Text("A headline"),), people=people, organisations=orgs)


def test_editors_names_are_learned_and_the_machine_s_are_not() -> None:
    stories = [
        story("urn:a", "tr", people=(Concept(name="Zeynep  Kaya", uri="urn:p:zk"),),
              orgs=(Concept(name="Kızılay Derneği"), Concept(name="United Nations"))),
        story("urn:b", "en", people=(Concept(name="Zeynep Kaya"), Concept(name="Bob Guess", creator=MACHINE_CREATOR))),
        story("urn:c", "en", people=(Concept(name="Killed Name"),), status="canceled"),
    ]
    rows = learned_rows(stories, KNOWN)
    assert rows == [
        {"kind": "organisation", "name": "Kızılay Derneği", "uri": None, "lang": "tr"},  # its language only
        {"kind": "person", "name": "Zeynep Kaya", "uri": "urn:p:zk", "lang": None},  # any language
    ]
    assert [r["name"] for r in learned_rows(stories, KNOWN, min_stories=2)] == ["Zeynep Kaya"]


def test_the_command_learns_from_the_store_and_the_finder_then_knows_the_name(tmp_path: Path) -> None:
    from newswire.config import Settings
    from newswire.wire import Wire

    db = tmp_path / "wire.db"
    wire = Wire.open(Settings(database_url=f"sqlite:///{db}", enrich_disabled=("entities",)))
    try:
        wire.publish(story("urn:t:learn:1", "es", orgs=(Concept(name="Mesa de Ríos Vivos"),)))
    finally:
        wire.close()
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{db}", "NEWSWIRE_VOCAB_PATH": str(tmp_path / "v.json")}
    newswire = [sys.executable, "-m", "newswire.cli"]
    probe = ("from newswire.enrich.entities.find import find_entities\n"
             "found = find_entities('La Mesa de Ríos Vivos pidió el martes más caudal para el delta.', 'es')\n"
             "print([o.name for o in found.organisations])\n")

    def found() -> str:
        return subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120,
                              check=True).stdout

    assert "Mesa de Ríos Vivos" not in found()
    dry = subprocess.run([*newswire, "vocab", "learn", "--dry-run"], env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    assert "organisation\tMesa de Ríos Vivos\tes" in dry.stdout and "would be learned" in dry.stderr
    assert not (tmp_path / "v.json").exists()
    subprocess.run([*newswire, "vocab", "learn"], env=env, capture_output=True, text=True, timeout=120, check=True)
    assert "Mesa de Ríos Vivos" in found()
    again = subprocess.run([*newswire, "vocab", "learn"], env=env, capture_output=True, text=True, timeout=120,
                           check=True)
    assert "0 names" in again.stderr  # known now
