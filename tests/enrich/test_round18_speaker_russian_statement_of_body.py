"""Round eighteen, Russian statements attributed to a body by its kind in the genitive ("«…»,
- говорится в сообщении ведомства", "в заявлении компании"): the body the sentence before
opens with as its subject speaks (named in full with its kind noun, or one capitalised word
of its own), else the organisation named last; a place opening the sentence is no body."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, "ru", people=[], organisations=[])]


def test_body_with_adjectives_and_kind_noun_in_the_sentence_before() -> None:
    text = (
        "Самарская областная прокуратура начала проверку после аварии. «Всем пострадавшим будет "
        "оказана необходимая помощь», - говорится в сообщении ведомства.\n"
    )
    assert _speakers(text) == ["Самарская областная прокуратура"]


def test_one_word_body_in_the_sentence_before() -> None:
    text = (
        "Роспотребконтроль в свою очередь сообщил о проверке. «Срок проверки составит две "
        "недели», - говорится в сообщении ведомства.\n"
    )
    assert _speakers(text) == ["Роспотребконтроль"]


def test_a_place_opening_the_sentence_is_no_body() -> None:
    text = (
        "Москва ввела ограничения на движение грузовиков. «Ограничения продлятся до конца "
        "месяца», - говорится в сообщении ведомства.\n"
    )
    assert _speakers(text) != ["Москва"]
