"""Language detection: which language a story is in, when nobody said so."""

from __future__ import annotations

import pytest

from newswire.enrich.language import (
    FALLBACK_LANGUAGE,
    IDENTIFIED_ONLY,
    SUPPORTED_LANGUAGES,
    detect,
    detect_language,
    supported,
)
from newswire.model import MACHINE_CREATOR, Item, Text

SAMPLES = {
    "en": "The city council approved the new budget on Tuesday after a long debate.",
    "tr": "Belediye meclisi uzun bir tartışmanın ardından yeni bütçeyi salı günü onayladı.",
    "ar": "وافق المجلس البلدي يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل.",
    "ru": "Городской совет во вторник утвердил новый бюджет после долгих обсуждений.",
    "fr": "Le conseil municipal a approuvé mardi le nouveau budget après un long débat.",
    "es": "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate.",
    "de": "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen.",
}


def story(body: str, language: str | None = None, headline: str = "") -> Item:
    return Item(
        uri="urn:test:lang",
        language=language,
        headlines=(Text(headline),) if headline else (),
        bodies=(Text(f"<p>{body}</p>", content_type="text/html"),),
    )


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_wire_language(lang: str) -> None:
    found, confidence = detect(SAMPLES[lang])
    assert found == lang
    assert 0.5 <= confidence <= 1.0


def test_only_supported_languages_come_out() -> None:
    # Italian is not a wire language: the answer is still one of ours.
    found, _ = detect("Il consiglio comunale ha approvato martedì il nuovo bilancio.")
    assert found in SUPPORTED_LANGUAGES


def test_text_without_letters_falls_back() -> None:
    assert detect("") == (FALLBACK_LANGUAGE, 0.0)
    assert detect("2026 — 12:30 / 45%") == (FALLBACK_LANGUAGE, 0.0)


def test_croatian_cues_give_hr() -> None:
    text = "Vlada je u četvrtak, 12. studenoga, predstavila plan za obnovu tisuću domova."
    assert detect(text)[0] == "hr"


def test_bosnian_cues_give_bs() -> None:
    text = "Vijeće ministara BiH je ove sedmice usvojilo budžet od hiljadu miliona maraka."
    assert detect(text)[0] == "bs"


def test_ekavian_forms_give_serbian() -> None:
    text = "Predsednik je rekao da će deca od sledeće nedelje ponovo ići u školu."
    assert detect(text)[0] == "sr"


def test_serbian_cyrillic_is_serbian_not_russian() -> None:
    assert detect("Влада Србије је данас у Београду усвојила предлог буџета.")[0] == "sr"


def test_sets_language_on_an_item_without_one_and_marks_it_machine_made() -> None:
    item = story(SAMPLES["tr"])
    result = detect_language(item)
    assert result.language == "tr"
    enriched = result.extra["enriched"]
    assert isinstance(enriched, dict)
    assert enriched["language"]["creator"] == MACHINE_CREATOR
    assert 50 <= enriched["language"]["confidence"] <= 100


def test_never_overrides_the_editors_language() -> None:
    item = story(SAMPLES["de"], language="fr")
    assert detect_language(item) is item


def test_does_not_mutate_its_input() -> None:
    item = story(SAMPLES["ru"])
    extra_before = dict(item.extra)
    detect_language(item)
    assert item.language is None
    assert item.extra == extra_before


def test_an_item_without_text_is_left_alone() -> None:
    item = Item(uri="urn:test:empty")
    assert detect_language(item) is item


def test_the_headline_counts_too() -> None:
    item = story("", headline=SAMPLES["es"])
    assert detect_language(item).language == "es"


def test_compact_model_tables_rank_exactly_as_the_model_does() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from newswire.enrich.language import SUPPORTED_LANGUAGES, _identifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    plain.set_languages(list(SUPPORTED_LANGUAGES))
    compact = _identifier()
    texts = [
        "The central bank kept its key rate unchanged on Thursday.",
        "Merkez Bankası politika faizini sabit tuttu.",
        "Банк России сохранил ключевую ставку.",
        "أبقى البنك المركزي على سعر الفائدة دون تغيير.",
        "La Banque centrale a maintenu son taux directeur.",
        "Centralna banka zadržala je kamatnu stopu.",
        "", "12345 !!!", "ÉÀÇ ß ğüş ЁЖ",
    ]
    for text in texts:
        assert compact.rank(text) == plain.rank(text)
    # only the wire's columns of the feature table are held (not the 142 languages' 28 MB)
    assert compact._full_model[0] is compact.nb_ptc
    assert compact.nb_ptc.shape[1] < plain._full_model[0].shape[1] // 10


# -- languages the wire carries but does not enrich (issue 15) ----------------------------

OUTSIDE = {
    "fa": "شهرداری تهران روز چهارشنبه اعلام کرد که سه ایستگاه جدید متروی این شهر تا پایان سال "
          "جاری به بهره‌برداری می‌رسد و روزانه دویست هزار مسافر دیگر جابه‌جا خواهند شد.",
    "az": "Azərbaycanın energetika naziri çərşənbə günü bildirib ki, bu il Avropaya ixrac olunan "
          "təbii qazın həcmi 13 milyard kubmetrə çatıb.",
    "kk": "Қазақстан Көлік министрлігі сейсенбі күні Астана әуежайының жаңа терминалы келесі "
          "жылдың көктемінде пайдалануға берілетінін хабарлады.",
}


@pytest.mark.parametrize("lang", sorted(OUTSIDE))
def test_persian_azerbaijani_and_kazakh_are_not_taken_for_their_neighbours(lang: str) -> None:
    assert lang in IDENTIFIED_ONLY
    found, confidence = detect(OUTSIDE[lang])
    assert found == lang
    assert 0.5 <= confidence <= 1.0
    assert not supported(found)


def test_a_name_in_a_neighbours_letters_does_not_change_the_language() -> None:
    # a Kazakh name in Russian copy, an Azerbaijani one in Turkish, a Persian one in Arabic
    assert detect("Министр Асқар Сейітов заявил журналистам, что правительство утвердит бюджет.")[0] == "ru"
    assert detect("Bakan Rəşad Qasımov, doğal gaz ihracatının bu yıl yüzde 10 arttığını söyledi.")[0] == "tr"
    assert detect("وقال الوزير پرویز إن الحكومة ستعلن الميزانية الجديدة الأسبوع المقبل.")[0] == "ar"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", True), ("en-GB", True), ("AR", True), ("bs", True), ("fa", False), ("kk", False),
     ("az", False), ("it", False), (None, False), ("", False)],
)
def test_supported_is_the_enrichment_languages_by_primary_subtag(language: str | None, expected: bool) -> None:
    assert supported(language) is expected
