"""Issue 15, round seventeen: two of the story's people sharing a surname are one person when
one only shadows the other: the same name with a word of the full name before the surname
(a role: "Гроссмейстер Белоусов" beside "Гроссмейстер Кирилл Белоусов"), or a name of two
words opening with a common word that opened a sentence and that the story also writes in
lower case ("Кандидатуру Ступина", "Сам X", "Teenager X"). The surname alone then names the
full person; two real namesakes ("Ayşe X", "Rıza X") still name nobody. One behaviour per
test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_russian_surname_names_the_person_a_common_word_only_shadows() -> None:
    text = (
        "ТОМСК, 3 мар - РИА Новости. Главой района стал Пётр Вяземцев.\n"
        "За кандидатуру Вяземцева проголосовали 20 депутатов.\n"
        "Кандидатуру Вяземцева поддержала фракция большинства.\n"
        "Его соперник - директор МУП «Теплосеть» Семён Луков - получил три голоса.\n"
        "- Мы начнем с ремонта школ, а не с обещаний, - сказал Вяземцев журналистам.\n"
    )
    people = ["Пётр Вяземцев", "Кандидатуру Вяземцева", "Семён Луков"]
    assert speakers(text, "ru", people) == ["Пётр Вяземцев"]


def test_a_word_of_the_full_name_before_the_surname_shadows_it() -> None:
    text = (
        "KASAN, 3. März (dpa) - Großmeister Pavel Ostrander-Kim hat das Turnier gewonnen.\n"
        "Großmeister Ostrander-Kim liegt damit einen Punkt vor Tomas Wendt.\n"
        "«Ich hatte Glück im Endspiel», sagte Ostrander-Kim nach der Partie.\n"
    )
    people = ["Großmeister Pavel Ostrander-Kim", "Großmeister Ostrander-Kim", "Tomas Wendt"]
    assert speakers(text, "de", people) == ["Großmeister Pavel Ostrander-Kim"]


def test_a_teenager_opening_a_sentence_is_no_given_name() -> None:
    text = (
        "PUNE, India (AP) — Chess prodigy Ravi Menon, 15, won the Pune Open on Sunday.\n"
        "Teenager Menon finished a point clear; no other teenager came close.\n"
        "Runner-up Olaf Brandt praised him.\n"
        '"I just tried to stay calm," Menon told reporters.\n'
    )
    people = ["Ravi Menon", "Teenager Menon", "Olaf Brandt"]
    assert speakers(text, "en", people) == ["Ravi Menon"]


def test_two_namesakes_of_one_family_are_not_one_person() -> None:
    text = (
        "ZENICA (FENA) - Nagradu su primili Amra Kulenović i Tarik Kulenović.\n"
        "Gradonačelnik Edin Hadžić čestitao je dobitnicima.\n"
        "\"Ovo je nagrada za cijelu porodicu\", kazao je Kulenović.\n"
    )
    people = ["Amra Kulenović", "Tarik Kulenović", "Edin Hadžić"]
    assert speakers(text, "bs", people) not in (["Amra Kulenović"], ["Tarik Kulenović"])
