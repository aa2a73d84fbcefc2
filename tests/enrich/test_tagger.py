"""The trainable topic tagger: learns top-level Media Topics from editor-tagged stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newswire.enrich.tagger import (
    TaggerModel,
    editor_codes,
    examples_from_items,
    train,
    train_from_items,
)
from newswire.model import MACHINE_CREATOR, Concept, Item, Text
from newswire.vocab import mediatopics

ARTS, SPORT, ECONOMY = "medtop:01000000", "medtop:15000000", "medtop:04000000"

EXAMPLES: list[tuple[str, str | None, list[str]]] = [
    ("The orchestra played a new symphony at the concert hall to a full audience.", "en", [ARTS]),
    ("A painter opened an exhibition of portraits at the national gallery.", "en", [ARTS]),
    ("The novelist read from her new book at the literature festival.", "en", [ARTS]),
    ("Orkestra, opera binasında yeni bir senfoni konseri verdi.", "tr", [ARTS]),
    ("The striker scored twice and the team won the league match at the stadium.", "en", [SPORT]),
    ("The tennis player won the tournament final in three sets.", "en", [SPORT]),
    ("The coach praised the players after the cup semi-final victory.", "en", [SPORT]),
    ("Takım, stadyumda oynanan lig maçını iki golle kazandı.", "tr", [SPORT]),
    ("The central bank raised interest rates as inflation climbed.", "en", [ECONOMY]),
    ("Shares fell on the stock exchange after the company reported lower profits.", "en", [ECONOMY]),
    ("Exports grew and the trade deficit narrowed, the finance ministry said.", "en", [ECONOMY]),
    ("Merkez bankası enflasyonla mücadele için faiz oranlarını artırdı.", "tr", [ECONOMY]),
]


@pytest.fixture(scope="module")
def model() -> TaggerModel:
    return train(EXAMPLES)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("An exhibition of the painter's portraits opens at the gallery.", "en", ARTS),
        ("The players celebrated their league victory at the stadium.", "en", SPORT),
        ("Inflation and interest rates worry the central bank.", "en", ECONOMY),
        ("Merkez bankası faiz kararını açıkladı, enflasyon yükseldi.", "tr", ECONOMY),
        ("Lig maçında takım iki gol attı.", "tr", SPORT),
    ],
)
def test_predicts_the_topic_of_unseen_stories(
    model: TaggerModel, text: str, lang: str, expected: str
) -> None:
    ranked = model.predict(text, lang)
    assert ranked[0][0] == expected


def test_predictions_are_ranked_confidences(model: TaggerModel) -> None:
    ranked = model.predict("The striker scored at the stadium.", "en")
    confidences = [c for _, c in ranked]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0 <= c <= 100 for c in confidences)
    assert 95 <= sum(confidences) <= 105
    assert {code for code, _ in ranked} == {ARTS, SPORT, ECONOMY}


def test_text_with_no_known_words_predicts_nothing(model: TaggerModel) -> None:
    assert model.predict("xyzzy plugh", "en") == []
    assert model.predict("", "en") == []


def test_narrower_codes_are_learned_as_their_top_level() -> None:
    football = "medtop:20001065"
    trained = train([("The striker scored a goal in the football match.", "en", [football])])
    assert trained.classes == [SPORT]


def test_save_and_load_round_trip(model: TaggerModel, tmp_path: Path) -> None:
    path = tmp_path / "models" / "tagger.json"
    model.save(path)
    loaded = TaggerModel.load(path)
    text = "The central bank and the stock exchange."
    assert loaded.predict(text, "en") == model.predict(text, "en")
    assert loaded.meta["documents"] == len(EXAMPLES)


def test_load_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(ValueError):
        TaggerModel.load(path)


def test_training_needs_labelled_text() -> None:
    with pytest.raises(ValueError):
        train([("Some text without codes.", "en", []), ("", "en", [SPORT])])


def item(uri: str, text: str, lang: str, *subjects: Concept) -> Item:
    return Item(
        uri=uri,
        language=lang,
        headlines=(Text(text.split(".")[0]),),
        bodies=(Text(f"<p>{text}</p>", "main", "text/html"),),
        subjects=subjects,
    )


def test_train_from_items_uses_editor_subjects_only() -> None:
    editor_sport = Concept(name="sport", uri=mediatopics.uri(SPORT))
    machine_arts = Concept(
        name="arts", uri=mediatopics.uri(ARTS), creator=MACHINE_CREATOR, confidence=80
    )
    items = [
        item("urn:t:1", "The striker scored in the football match.", "en", editor_sport),
        item("urn:t:2", "The orchestra gave a concert.", "en", machine_arts),  # machine only
        item("urn:t:3", "Untagged story about nothing.", "en"),
        item("urn:t:4", "The team won the league.", "en", editor_sport, machine_arts),
    ]
    assert editor_codes(items[3]) == [SPORT]
    assert [codes for _, _, codes in examples_from_items(items)] == [[SPORT], [SPORT]]
    trained = train_from_items(items)
    assert trained.classes == [SPORT]
    assert trained.meta["documents"] == 2


def test_killed_stories_are_not_learned_from() -> None:
    editor_sport = Concept(name="sport", uri=mediatopics.uri(SPORT))
    killed = item("urn:t:k", "The striker scored.", "en", editor_sport).evolve(pub_status="canceled")
    assert list(examples_from_items([killed])) == []
