"""Round eighteen, Russian bodies named in full as the subject: "Министерство X в своем
заявлении отметило, что «…»", "Российский союз Y назвал решение «…»" give the body (the
subject before "в …" or "также") as the speaker even when the organisation finder does not
know it; a subject that opens with no body's kind noun, or names a person, is left alone."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def _speakers(text: str, people: list[str] | None = None) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, "ru", people=people or [], organisations=[])]


def test_ministry_in_its_statement() -> None:
    text = (
        "Министерство рыболовства Исландии в своем заявлении отметило, что стороны "
        "«договорились о новых квотах на мойву».\n"
    )
    assert _speakers(text) == ["Министерство рыболовства Исландии"]


def test_adjective_and_kind_noun() -> None:
    text = "Северный профсоюз докеров назвал решение «ударом по всем портовым рабочим».\n"
    assert _speakers(text) == ["Северный профсоюз докеров"]


def test_subject_ends_before_an_adverb_or_a_reply() -> None:
    text = "Банк Исландии в ответ на запрос агентства сообщил, что «рассмотрит заявку в срок».\n"
    assert _speakers(text) == ["Банк Исландии"]


def test_no_kind_noun_no_body() -> None:
    text = "Собеседник агентства в театре сообщил, что «билеты на премьеру уже распроданы».\n"
    assert _speakers(text) == [None]
