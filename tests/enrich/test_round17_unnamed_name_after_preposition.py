"""Round seventeen, unnamed speakers: in an indefinite subject, a known name after a
preposition is where or whose the speaker is, not the speaker ("A fan from Tromsø … was more
interested in Halvorsen", "Un guide présent sur le domaine des Grandes Dalles a raconté"):
the subject still names nobody (null); a name before the article still speaks."""

from __future__ import annotations

from quotekit import speakers


def test_english_name_after_in() -> None:
    text = (
        "Coach Ingvar Halvorsen praised his team.\n"
        "A fan from Tromsø, holding a banner near the finish, was more interested in Halvorsen. "
        "\"Third place feels like gold today,\" she said."
    )
    assert speakers(text, "en", people=["Ingvar Halvorsen"])[-1] is None


def test_french_body_taken_for_a_person_after_sur() -> None:
    text = (
        "Un guide présent sur le domaine des Grandes Dalles a raconté avoir entendu « un bruit "
        "sourd, comme un orage »."
    )
    assert speakers(text, "fr", people=["Grandes Dalles"]) == [None]


def test_name_before_the_article_speaks() -> None:
    text = (
        "Ingrid Sæther-Holm, a fan from Tromsø, said she had travelled all night. \"It was "
        "worth every hour,\" she said."
    )
    assert speakers(text, "en") == ["Ingrid Sæther-Holm"]


def test_a_name_with_a_particle_before_the_article_speaks() -> None:
    text = (
        "Lotte de Wijngaard, an analyst at a Dutch bank, said the fall was smaller than expected.\n"
        "\"Stocks are low, so spring should bring a rebound,\" she said."
    )
    assert speakers(text, "en") == ["Lotte de Wijngaard"]
