"""Issue 15, seventh round: people whose names are longer than a name run takes (a
patronymic, a hyphenated double surname), titles the tables lacked, and titles left on a
name; one behaviour per test, on invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str, lang: str) -> list[str]:
    return [p.name for p in find_entities(text, lang).people]


def test_russian_name_starts_at_the_given_name_before_the_patronymic() -> None:
    text = "Инфляция замедлится, - считает главный аналитик Промсвязьбанка Олег Игоревич Лунин.\n"
    assert people(text, "ru") == ["Олег Игоревич Лунин"]


def test_russian_patronymic_and_hyphenated_surname_kept_whole() -> None:
    text = "Руководитель отдела Росбанка Марина Олеговна Белова-Ручьева полагает, что рынок устоял.\n"
    assert people(text, "ru") == ["Марина Олеговна Белова-Ручьева"]


def test_hyphenated_given_name_and_surname_not_cut_at_four_words() -> None:
    text = "„Das Gesetz ist klar“, sagte Rechtsreferentin Eva-Maria Kolbeck-Arndt nach der Sitzung.\n"
    assert people(text, "de") == ["Eva-Maria Kolbeck-Arndt"]


def test_common_role_nouns_are_titles_in_every_language() -> None:
    assert people("Le texte est injuste, a estimé la rapporteure Odile Ferrand-Lacaze.\n", "fr") == [
        "Odile Ferrand-Lacaze"
    ]
    assert people("La sentencia es firme, explicó el abogado Tomás Iriarte Solana.\n", "es") == [
        "Tomás Iriarte Solana"
    ]
    assert people("Situacija je stabilna - rekla je epidemiologinja Vesna Horvat-Kos.\n", "bs") == [
        "Vesna Horvat-Kos"
    ]
    assert people("Мы проиграли заслуженно, — отметил наставник клуба Игорь Ветров.\n", "ru") == ["Игорь Ветров"]


def test_a_title_ending_a_sentence_names_nobody_in_the_next_one() -> None:
    text = (
        "La presidenta del tribunal, Rosa Alvear Quintana, abrió la sesión.\n"
        "\"El plazo se cumple en marzo\", dijo la portavoz.\n"
        "Iván Sastre Gil dijo que la oposición recurrirá.\n"
    )
    found = find_entities(text, "es").people
    ivan = next(p for p in found if p.name == "Iván Sastre Gil")
    assert "portavoz" not in ivan.titles


def test_names_on_both_sides_of_said() -> None:
    text = "Ama Boateng-Osei said Kofi Annor-Mensah had forged the invoices.\n"
    assert sorted(people(text, "en")) == ["Ama Boateng-Osei", "Kofi Annor-Mensah"]


def test_honorific_before_a_name_is_left_off() -> None:
    text = "The Supreme Court heard the appeal.\nJustice Efua Quaye-Addo said Yaw Dapaah had no case.\n"
    assert "Efua Quaye-Addo" in people(text, "en")


def test_a_party_opening_with_an_article_is_not_part_of_the_name() -> None:
    text = "La sénatrice Les Républicains Hélène Garnier-Roche a dénoncé « un texte bâclé ».\n"
    assert people(text, "fr") == ["Hélène Garnier-Roche"]


def test_dutch_particles_van_den_inside_a_name() -> None:
    text = "« Les résultats sont solides », explique la chercheuse Lotte Van den Berghe-Claes.\n"
    assert people(text, "fr") == ["Lotte Van den Berghe-Claes"]


def test_employer_glued_to_a_title_after_the_verb() -> None:
    text = "„Die Nachfrage bleibt hoch“, sagte Mietspiegel-Geschäftsführerin Petra Hollmann-Zeidler.\n"
    assert people(text, "de") == ["Petra Hollmann-Zeidler"]


def test_bosnian_double_ic_surname_after_an_employer_keeps_the_given_name() -> None:
    text = "Zaslužili smo pobjedu - izjavio je trener Slobode Haris Delić Mahmutović.\n"
    assert people(text, "bs") == ["Haris Delić Mahmutović"]


def test_given_name_and_hyphenated_surname_without_a_cue_is_a_person() -> None:
    text = "Aston Villa won 2-0 at home.\nOwen Pryce-Halloran scored both goals before the break.\n"
    assert people(text, "en") == ["Owen Pryce-Halloran"]
    text = "Le but a été inscrit par Lucas Berthier-Nouvel en fin de match.\n"
    assert people(text, "fr") == ["Lucas Berthier-Nouvel"]


def test_a_noun_after_an_article_and_a_hyphenated_place_is_no_person() -> None:
    text = "Der Plan gilt für das Land Sachsen-Anhalt und für die Region Hannover-Süd.\n"
    assert people(text, "de") == []


def test_arabic_name_between_commas_after_a_title_and_its_department() -> None:
    text = "وقال مدير دائرة البيئة في المحافظة، سالم كريم الدليمي، إن \"المياه ملوثة\".\n"
    assert people(text, "ar") == ["سالم كريم الدليمي"]


def test_german_role_nouns_glued_before_a_name_are_titles() -> None:
    text = "„Wir sind vorbereitet“, sagte Bürgermeister-Stellvertreterin Anke Lindqvist-Roth.\n"
    assert people(text, "de") == ["Anke Lindqvist-Roth"]
    text = "Die Auszeichnung geht an die Chemikerin Ruth Obermaier-Sand.\n„Ich freue mich“, sagte Obermaier-Sand.\n"
    assert people(text, "de") == ["Ruth Obermaier-Sand"]


def test_arabic_name_after_a_title_runs_on_to_its_comma() -> None:
    text = "وقال العقيد سامي عبد الكريم باعمر، للصحفيين إن \"الطريق مغلق\".\n"
    assert people(text, "ar") == ["سامي عبد الكريم باعمر"]


def test_arabic_title_then_its_body_then_a_comma_and_a_demonym_before_the_name() -> None:
    text = "وقال مدرب النصر، الإسباني خوسيه لويس مارتين، في المؤتمر الصحفي إن \"الفوز مستحق\".\n"
    assert people(text, "ar") == ["خوسيه لويس مارتين"]


def test_spanish_rank_en_retiro_and_a_second_surname_that_is_a_town() -> None:
    text = "\"Hay diez desaparecidos\", dijo el coronel en retiro Luis Alberto Ramos Vera.\n"
    assert people(text, "es") == ["Luis Alberto Ramos Vera"]
    text = "La novelista chilena Ana Luz Herrera Toledo recibió el galardón.\n"
    assert people(text, "es") == ["Ana Luz Herrera Toledo"]
