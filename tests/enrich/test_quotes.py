"""Direct quotations and their speakers, across quote styles and languages.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.quotes import extract_quotes, find_quotes, merge_contained
from newswire.model import MACHINE_CREATOR, Concept, Item, Quote, Text

EN = (
    "Russian President Vladimir Putin opened the summit in Bishkek on Thursday.\n"
    "\u201cWe propose launching a joint programme for air defence,\u201d Putin said.\n"
    "\u201cOur allies will decide the details next year,\u201d he added.\n"
    "Foreign Minister Aylin Korkmaz told reporters: \u201cTurkey is watching these talks "
    "very closely.\u201d\n"
    "The leaders' summit ended early. Moscow's delegation said the talks were \u2018useful\u2019.\n"
    "'We don't expect any surprises,' one delegate said.\n"
)


def test_attribution_after_and_before_with_full_names_and_pronouns() -> None:
    quotes = find_quotes(EN, "en")
    assert quotes == [
        Quote("We propose launching a joint programme for air defence", "Vladimir Putin"),
        Quote("Our allies will decide the details next year", "Vladimir Putin"),
        Quote("Turkey is watching these talks very closely.", "Aylin Korkmaz"),
        Quote("We don't expect any surprises", None),
    ]


def test_apostrophes_and_scare_quotes_are_not_quotations() -> None:
    texts = [q.text for q in find_quotes(EN, "en")]
    assert not any("summit" in t or "useful" in t for t in texts)
    assert find_quotes("The 'reset' failed, Moscow's envoy said.", "en") == []


def test_every_quote_style() -> None:
    samples = {
        "“Prices will fall next year,” Ana Silva said.": "Prices will fall next year",
        "‘Prices will fall next year,’ Ana Silva said.": "Prices will fall next year",
        '"Prices will fall next year," Ana Silva said.': "Prices will fall next year",
        "'Prices will fall next year,' Ana Silva said.": "Prices will fall next year",
    }
    for text, expected in samples.items():
        assert find_quotes(text, "en") == [Quote(expected, "Ana Silva")], text
    fr = find_quotes("« Nous avons besoin de temps », a déclaré Marie Leclerc.", "fr")
    assert fr == [Quote("Nous avons besoin de temps", "Marie Leclerc")]
    de = find_quotes(
        "„Wir brauchen mehr Zeit“, sagte Jonas Weber. »Das ist ein guter Anfang«, sagte er.", "de"
    )
    assert de == [
        Quote("Wir brauchen mehr Zeit", "Jonas Weber"),
        Quote("Das ist ein guter Anfang", "Jonas Weber"),
    ]


def test_turkish_speaker_before_the_quote_and_subjectless_verb() -> None:
    text = (
        "Başantrenör Ceren Aksoy maçtan sonra konuştu.\n"
        "Aksoy, \u201cİkinci yarıda gerçek takımımızı gördük\u201d dedi.\n"
        "\u201cTaraftarlarımıza teşekkür ediyoruz\u201d diye ekledi.\n"
    )
    assert find_quotes(text, "tr") == [
        Quote("İkinci yarıda gerçek takımımızı gördük", "Ceren Aksoy"),
        Quote("Taraftarlarımıza teşekkür ediyoruz", "Ceren Aksoy"),
    ]


def test_russian_inflected_surname_and_pronoun() -> None:
    text = (
        "Президент России Владимир Путин выступил на саммите.\n"
        "«Мы готовы к диалогу с партнерами», — заявил Путин.\n"
        "«Решение будет принято в декабре», — добавил он.\n"
    )
    assert find_quotes(text, "ru") == [
        Quote("Мы готовы к диалогу с партнерами", "Владимир Путин"),
        Quote("Решение будет принято в декабре", "Владимир Путин"),
    ]


def test_arabic_attribution_before_and_subjectless_verb() -> None:
    text = (
        "وقال مدير المشروع خالد البلوشي إن الأعمال اكتملت.\n"
        'وقال البلوشي: "دربنا أكثر من مئتي مهندس على تشغيل المحطة".\n'
        'وأضاف: "المحطة ستعمل بكامل طاقتها العام المقبل".\n'
    )
    assert find_quotes(text, "ar") == [
        Quote("دربنا أكثر من مئتي مهندس على تشغيل المحطة", "خالد البلوشي"),
        Quote("المحطة ستعمل بكامل طاقتها العام المقبل", "خالد البلوشي"),
    ]


def test_text_without_quotes() -> None:
    assert find_quotes("Nothing was said.", "en") == []


def test_step_sets_quotes_and_never_overrides_an_editor() -> None:
    item = Item(uri="urn:q:1", language="en", bodies=(Text(EN),))
    out = extract_quotes(item)
    assert out.quotes[0] == Quote(
        "We propose launching a joint programme for air defence", "Vladimir Putin",
        language="en", creator=MACHINE_CREATOR,
    )
    assert item.quotes == ()  # the input is not mutated
    edited = item.evolve(quotes=(Quote("Chosen by the desk", "Desk"),))
    assert extract_quotes(edited) is edited
    empty = Item(uri="urn:q:2", bodies=(Text("No quotes here."),))
    assert extract_quotes(empty) is empty


# A standfirst that quotes the start of a body quote (the agency shape): one quotation.
STANDFIRST_AND_BODY = (
    "Ministers agree to widen the port at Aktau\n"
    "'We will double the capacity of the port within five years,' Kazakh minister says at "
    "the Astana meeting\n"
    "ASTANA\n"
    "Kazakh Transport Minister Nurlan Sauranbayev spoke after the signing on Tuesday.\n"
    "\u201cWe will double the capacity of the port within five years and open a second ferry "
    "line to Baku,\u201d Sauranbayev said.\n"
    "\u201cThe money is already in the budget,\u201d he added.\n"
)


def test_a_quote_contained_in_a_longer_one_is_merged_into_it() -> None:
    quotes = find_quotes(STANDFIRST_AND_BODY, "en")
    assert quotes == [
        Quote("We will double the capacity of the port within five years and open a second "
              "ferry line to Baku", "Nurlan Sauranbayev"),
        Quote("The money is already in the budget", "Nurlan Sauranbayev"),
    ]


def test_merging_keeps_the_longer_quote_and_its_speaker() -> None:
    text = (
        "Nurlan Sauranbayev and Rashad Nabiyev met in Astana.\n"
        "\u201cOur goal is a container that reaches the Black Sea in fifteen days,\u201d "
        "Sauranbayev said.\n"
        "Nabiyev said the aim of \u201ca container that reaches the Black Sea in fifteen "
        "days\u201d was shared by Baku.\n"
        "\u201cOur goal is simple,\u201d Nabiyev said, \u201cand it is shared by every delegation.\u201d\n"
    )
    quotes = find_quotes(text, "en")
    assert quotes[0] == Quote(
        "Our goal is a container that reaches the Black Sea in fifteen days", "Nurlan Sauranbayev")
    texts = [q.text for q in quotes]
    assert "a container that reaches the Black Sea in fifteen days" not in texts
    # Containment is by whole words in order: "Our goal is simple" is not inside the first.
    assert "Our goal is simple" in texts


def test_a_merged_quote_without_a_speaker_takes_the_speaker_of_the_part() -> None:
    merged = merge_contained([
        Quote("We will double the capacity", "Nurlan Sauranbayev"),
        Quote("We will double the capacity of the port, and soon.", None),
        Quote("Capacity of the port", "Rashad Nabiyev"),
    ])
    assert merged == [Quote("We will double the capacity of the port, and soon.", "Nurlan Sauranbayev")]


def test_the_same_quote_twice_is_kept_once() -> None:
    text = (
        "\u201cWe are ready for the season,\u201d coach Ceren Aksoy said.\n"
        "Later she repeated: \u201cWe are ready for the season.\u201d\n"
    )
    assert [q.text for q in find_quotes(text, "en")] == ["We are ready for the season"]


def test_machine_quotes_carry_the_speakers_uri_when_the_story_has_one() -> None:
    putin = Concept(name="Vladimir Putin", uri="http://www.wikidata.org/entity/Q7747")
    item = Item(uri="urn:q:3", language="en", bodies=(Text(EN),), people=(putin,))
    by_putin = [q for q in extract_quotes(item).quotes if q.speaker == "Vladimir Putin"]
    assert by_putin and all(q.speaker_uri == putin.uri for q in by_putin)


# -- shapes of agency copy (issue 15) --------------------------------------------------------
def test_a_quote_list_takes_each_speaker_from_the_bracketed_caption_below_it() -> None:
    text = (
        "Following are reactions to the budget:\n"
        "\"This budget keeps the country safe and the lights on.\"\n"
        "(Ingrid Solberg-Dahl, finance minister, at a news conference)\n"
        "\"The spending is too high for an economy at full capacity.\"\n"
        "(Kari Vestby, chief economist at DNB Markets)\n"
    )
    assert [(q.text, q.speaker) for q in find_quotes(text, "en")] == [
        ("This budget keeps the country safe and the lights on.", "Ingrid Solberg-Dahl"),
        ("The spending is too high for an economy at full capacity.", "Kari Vestby"),
    ]


def test_a_quote_running_over_paragraphs_is_one_quote_of_the_person_introduced() -> None:
    text = (
        "Amina Rahimi spoke at the ceremony. \u201cWhen we arrived, nobody had come yet.\n"
        "\u201cI did not think about prizes at all.\n"
        "\u201cSome of them did, and that is all I am proud of.\u201d\n"
    )
    assert find_quotes(text, "en") == [Quote(
        "When we arrived, nobody had come yet. I did not think about prizes at all. "
        "Some of them did, and that is all I am proud of.", "Amina Rahimi",
    )]


def test_french_inverted_attribution_with_a_rank_and_a_hyphenated_first_name() -> None:
    text = (
        "« Nous atteignons les fermes isolées une par une », explique le colonel "
        "Jean-Baptiste Morel.\n"
        "« La nuit a été très longue pour tout le monde », ajoute-t-il.\n"
    )
    assert [q.speaker for q in find_quotes(text, "fr")] == ["Jean-Baptiste Morel"] * 2


def test_reversed_guillemets_only_open_after_a_non_letter() -> None:
    text = (
        "Организатором выступает фонд «Росконгресс». Его советник Алексей Жигарев в эфире "
        "телеканала «Россия 24» сказал, что подготовка идёт по графику.\n"
    )
    assert find_quotes(text, "ru") == []


def test_a_title_after_the_verb_refers_back_and_a_broadcaster_is_not_the_speaker() -> None:
    text = (
        "El presidente Martín Echeverry defendió el acuerdo.\n"
        "\"Este acuerdo nos da energía firme en los años de sequía\", dijo Echeverry en "
        "Radio Carve.\n"
        "\"No hay ningún aumento de tarifas previsto\", expresó el mandatario.\n"
    )
    assert [q.speaker for q in find_quotes(text, "es")] == ["Martín Echeverry"] * 2


def test_turkish_participle_attribution_before_the_speaker() -> None:
    text = (
        "Bakan Cengiz Özkaya rakamları değerlendirdi.\n"
        "\"Dezenflasyon süreci kararlılıkla devam ediyor\" ifadesini kullanan Özkaya, "
        "\"Gıda fiyatları yakından takip ediliyor\" dedi.\n"
    )
    assert [q.speaker for q in find_quotes(text, "tr")] == ["Cengiz Özkaya"] * 2


def test_more_attribution_verbs_and_a_title_with_its_portfolio() -> None:
    text = (
        "« Aucun Français ne doit vivre loin d'un médecin », a martelé la ministre de la "
        "Santé, Claire Rivaud-Lemoine, lors d'une conférence de presse.\n"
    )
    assert find_quotes(text, "fr") == [
        Quote("Aucun Français ne doit vivre loin d'un médecin", "Claire Rivaud-Lemoine")
    ]


def test_a_role_after_the_verb_means_the_subject_of_the_sentence_before() -> None:
    text = (
        "La senadora Lucía Ferreira pidió que el ministro Andrés Pintos comparezca ante el "
        "Senado. \"Queremos ver los números, no discursos\", afirmó la legisladora.\n"
    )
    assert [q.speaker for q in find_quotes(text, "es")] == ["Lucía Ferreira"]


def test_an_acronym_before_a_name_is_not_part_of_the_speaker() -> None:
    text = (
        "“Lo más peligroso no son los picos de la tarde”, explicó la meteoróloga del SMN "
        "Valeria Gómez.\n"
    )
    assert [q.speaker for q in find_quotes(text, "es")] == ["Valeria Gómez"]


def test_a_title_abbreviation_does_not_end_the_attribution() -> None:
    text = (
        "\u201cWhole villages are flattened. We need tents before the nights get colder,\u201d "
        "Dr. Farid Noorzai, the head of the provincial hospital, told reporters.\n"
    )
    assert find_quotes(text, "en") == [Quote(
        "Whole villages are flattened. We need tents before the nights get colder",
        "Farid Noorzai",
    )]


def test_a_role_after_the_verb_prefers_the_sentence_subject_to_another_holder_of_the_title() -> None:
    text = (
        "\"Fue un partido perfecto\", dijo el entrenador de River, Martín Demichelis-Ruiz.\n"
        "El técnico de Boca, Fernando Gago-Medina, reconoció la derrota. \"No estuvimos a la "
        "altura de un superclásico\", admitió el entrenador.\n"
    )
    assert [q.speaker for q in find_quotes(text, "es")] == [
        "Martín Demichelis-Ruiz", "Fernando Gago-Medina",
    ]


def test_french_reaction_verbs_attribute_a_quote() -> None:
    text = (
        "« On a souffert, mais ce groupe ne lâche jamais », a réagi l'entraîneur marseillais, "
        "Roberto De Zerbi-Conti, au micro de Canal+.\n"
    )
    assert [q.speaker for q in find_quotes(text, "fr")] == ["Roberto De Zerbi-Conti"]
