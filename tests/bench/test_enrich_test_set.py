"""Every story of the held-back test half (bench/data/enrich_test) is well-formed.

The set is scored by bench/enrich_quality.py and never tuned on; these checks only say that
each annotation can be right: its fields are there, and what it expects occurs in the text.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from enrich_quality import norm_name, place_matches
from newswire.enrich.language import SUPPORTED_LANGUAGES
from newswire.model import parse_time

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "enrich_test"
STORIES = sorted(DATA.glob("*.json"))
# Languages the wire carries but the pipeline does not enrich: scored on identification only.
LANGUAGE_ONLY = ("fa", "az", "kk")
EXPECTED_KEYS = {
    "summary", "topics", "people", "organisations", "places", "quotes", "dateline", "diary", "language",
}
_QUOTE_MARKS_RE = re.compile("[\"“”„‟‘’‚«»‹›「」]")
_TOPIC_RE = re.compile(r"^medtop:\d{2}000000$")


def load(path: Path) -> dict[str, Any]:
    story: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return story


def unquoted(text: str) -> str:
    """Text with quotation marks removed and white space collapsed (quotes may span paragraphs)."""
    return " ".join(_QUOTE_MARKS_RE.sub(" ", text).split())


def occurs_as_place(place: str, text: str) -> bool:
    words = norm_name(text).split()
    size = len(norm_name(place).split())
    return any(place_matches(place, " ".join(words[i:i + size])) for i in range(len(words) - size + 1))


def test_the_set_has_forty_stories_in_eleven_languages() -> None:
    languages = [load(p)["expected"]["language"] for p in STORIES]
    assert len(STORIES) >= 40
    for lang in ("en", "tr", "ar", "ru", "fr", "es", "de"):
        assert languages.count(lang) >= 4, lang
    assert languages.count("bs") + languages.count("hr") >= 4
    assert {lang for lang in languages if lang in LANGUAGE_ONLY} == set(LANGUAGE_ONLY)


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_story_is_well_formed(path: Path) -> None:
    story = load(path)
    exp = story["expected"]
    assert path.name.split("-")[1] == story["lang"] == exp["language"]
    assert set(exp) == EXPECTED_KEYS
    parse_time(story["date"])
    assert len(story["text"].splitlines()) >= 3
    if story.get("language_only"):
        assert exp["language"] in LANGUAGE_ONLY
        assert not any(exp[k] for k in ("summary", "topics", "people", "organisations", "places", "quotes", "diary"))
        return
    assert exp["language"] in SUPPORTED_LANGUAGES
    assert exp["summary"].strip()
    assert 1 <= len(exp["topics"]) <= 2 and all(_TOPIC_RE.match(t) for t in exp["topics"])
    assert set(exp["dateline"]) == {"place", "date", "source"}


@pytest.mark.parametrize("path", [p for p in STORIES if not load(p).get("language_only")], ids=lambda p: p.stem)
def test_expectations_occur_in_the_text(path: Path) -> None:
    story = load(path)
    exp, text = story["expected"], story["text"]
    plain = unquoted(text)
    for person in exp["people"]:
        assert person in text, person
    for place in exp["places"]:
        assert occurs_as_place(place, text), place
    for quote in exp["quotes"]:
        assert unquoted(quote["text"]) in plain, quote["text"]
        speaker = quote["speaker"]
        assert speaker is None or speaker in exp["people"] or speaker in exp["organisations"], speaker
    dateline = exp["dateline"]
    if dateline["place"]:
        assert dateline["place"] in text
    for part in ("date", "source"):
        if dateline[part]:
            assert dateline[part] in text, dateline[part]
    published = parse_time(story["date"]).date()
    dates = [date.fromisoformat(entry["date"]) for entry in exp["diary"]]
    assert all(when > published for when in dates), "diary entries are after the story's date"
    for entry in exp["diary"]:
        assert entry["literal"] in text, entry["literal"]
    assert len(exp["people"]) == len(set(exp["people"]))
    assert len(exp["organisations"]) == len(set(exp["organisations"]))
    assert len(exp["places"]) == len(set(exp["places"]))
