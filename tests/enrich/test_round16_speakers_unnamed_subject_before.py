"""Issue 15, round sixteen: a pronoun or a bare noun after the verb ("she said", "sagte der
Mann", "- сказала она") whose sentence before has an unnamed subject is that unnamed speaker
(ANNOTATION 6: null), not the last person named - an indefinite subject past a leading
adverbial or a comma clause, one the story keeps anonymous, a Turkish "one of the …"; one
behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_an_indefinite_subject_with_a_comma_clause_is_unnamed() -> None:
    text = (
        "The mayor, Ruth Okello-Baines, closed the bridge on Friday.\n"
        '"We will reopen it when the river drops," she said.\n'
        "One Millbrook resident, clearing branches from her porch, said the water rose fast. "
        '"We had ten minutes to get the car out," she said.\n'
    )
    assert speakers(text, "en", ["Ruth Okello-Baines"]) == ["Ruth Okello-Baines", None]


def test_an_indefinite_subject_past_a_place_adverbial_is_unnamed() -> None:
    text = (
        "The minister, Paolo Venturini-Hale, said talks would resume.\n"
        '"We are close to an agreement," he said.\n'
        "At Brantford station, a commuter heading to Toronto said he had waited two hours. "
        '"Nobody tells us anything," he said.\n'
    )
    assert speakers(text, "en", ["Paolo Venturini-Hale"]) == ["Paolo Venturini-Hale", None]


def test_a_name_in_apposition_still_speaks() -> None:
    text = (
        "A spokesman, Daniel Ferreira-Holt, said the plant would stay shut. "
        '"Safety comes first," he said.\n'
    )
    assert speakers(text, "en", ["Daniel Ferreira-Holt"]) == ["Daniel Ferreira-Holt"]


def test_a_name_opening_the_sentence_is_no_adverbial() -> None:
    text = (
        "Mirela Tanaka-Voss, a professor of hydrology at the university, said the levees held. "
        '"They were built for a storm like this," she said.\n'
    )
    assert speakers(text, "en", ["Mirela Tanaka-Voss"]) == ["Mirela Tanaka-Voss"]


def test_a_german_indefinite_subject_without_a_verb_of_saying_is_unnamed() -> None:
    text = (
        "Bürgermeisterin Hanna Oberlinger-Kast rief zur Vorsicht auf. „Bleiben Sie zu Hause“, sagte sie.\n"
        "Ein Bäcker aus Lindenau, der seit 20 Jahren am Markt arbeitet, zeigte sich gelassen. "
        "„Das Wasser kommt jedes Jahr“, sagte der Mann.\n"
    )
    assert speakers(text, "de", ["Hanna Oberlinger-Kast"]) == ["Hanna Oberlinger-Kast", None]


def test_a_russian_speaker_kept_anonymous_is_unnamed() -> None:
    text = (
        "Глава района Петр Селиверстов-Ручьев заявил, что свет дадут к вечеру. "
        "«Бригады уже на месте», - сказал он.\n"
        "Продавщица Заречья, пожелавшая остаться неназванной, рассказала, что магазин закрыт. "
        "«Холодильники стоят с утра», - сказала она.\n"
    )
    assert speakers(text, "ru", ["Петр Селиверстов-Ручьев", "Продавщица Заречья"]) == [
        "Петр Селиверстов-Ручьев", None,
    ]


def test_a_turkish_one_of_the_group_is_unnamed() -> None:
    text = (
        "Vali Kemal Sarıyıldız, yolların açıldığını söyledi. "
        'Sarıyıldız, "Ekiplerimiz sabaha kadar sahada." dedi.\n'
        "Otobüs yolcularından biri ise gece boyunca beklediklerini anlattı. "
        '"Sabaha kadar uyumadık." dedi.\n'
    )
    assert speakers(text, "tr", ["Kemal Sarıyıldız"]) == ["Kemal Sarıyıldız", None]


def test_a_turkish_one_of_the_group_right_before_the_quote_is_unnamed() -> None:
    text = (
        "Vali Kemal Sarıyıldız, yolların açıldığını söyledi.\n"
        'Yolda kalan sürücülerden biri, "Sabaha kadar uyumadık." diye konuştu.\n'
    )
    assert speakers(text, "tr", ["Kemal Sarıyıldız"]) == [None]


def test_a_capitalised_turkish_bir_opens_an_unnamed_subject() -> None:
    text = (
        "Avukat Kemal Sarıyıldız, ilanlara dikkat edilmesi gerektiğini söyledi.\n"
        'Bir banka yetkilisi, "Kimse şifrenizi sormaz." dedi.\n'
    )
    assert speakers(text, "tr", ["Kemal Sarıyıldız"]) == [None]
