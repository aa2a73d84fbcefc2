"""Issue 15, fourth round: quote speakers in the shapes of Turkish, Arabic, German, Spanish
and English agency copy (bench/data/enrich_dev4_speakers), one behaviour per test."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.quotes import find_quotes
from newswire.model import Quote


def test_turkish_attribution_phrases_after_the_quote_attribute_it_to_the_name_before() -> None:
    text = (
        "AFAD Başkanı Okay Memiş açıklama yaptı.\n"
        'Memiş, açıklamasında, "Şu ana kadar can kaybı bildirimi almadık" ifadelerine yer verdi.\n'
        'Vali Seda Karaaslan ise, "Vatandaşlarımız hasarlı binalara girmesin" uyarısında bulundu.\n'
    )
    assert find_quotes(text, "tr") == [
        Quote("Şu ana kadar can kaybı bildirimi almadık", "Okay Memiş"),
        Quote("Vatandaşlarımız hasarlı binalara girmesin", "Seda Karaaslan"),
    ]


def test_turkish_object_before_the_verb_is_not_its_subject() -> None:
    # "görüşünü dile getirdi": the words between the quote and the verb are its object,
    # the speaker is named before the quote
    text = 'Teknik Direktör Erkan Dönmez ise, "Hakem kararları oyunun dengesini bozdu" görüşünü dile getirdi.\n'
    assert find_quotes(text, "tr") == [Quote("Hakem kararları oyunun dengesini bozdu", "Erkan Dönmez")]


def test_turkish_diyen_names_the_speaker_after_the_quote() -> None:
    text = (
        "Bakan Cevdet Yılmazer ve Aylin Özkaraca komisyonda konuştu.\n"
        '"Vergi düzenlemelerini önümüzdeki ay sunacağız" diyen Yılmazer, açıklamalarını sürdürdü.\n'
    )
    assert find_quotes(text, "tr") == [Quote("Vergi düzenlemelerini önümüzdeki ay sunacağız", "Cevdet Yılmazer")]


def test_a_role_with_the_definite_article_before_the_verb_is_the_person_last_named() -> None:
    text = (
        'The interior minister, Mazen Farrayeh, told reporters: "Security checks will be faster."\n'
        '"Trade with Syria will benefit first," the minister added.\n'
    )
    assert [q.speaker for q in find_quotes(text, "en", people=["Mazen Farrayeh"])] == [
        "Mazen Farrayeh", "Mazen Farrayeh",
    ]


def test_an_unnamed_official_with_an_indefinite_article_stays_unnamed() -> None:
    text = (
        'Mazen Farrayeh opened the crossing. "We expect long queues at first," a customs officer said.\n'
    )
    assert find_quotes(text, "en", people=["Mazen Farrayeh"]) == [
        Quote("We expect long queues at first", None),
    ]


def test_a_german_double_surname_after_a_compound_title_is_kept_whole() -> None:
    text = (
        "Die Grünen halten die Summe für zu gering. „Damit kommen wir nicht weit“, sagte ihre "
        "Energieexpertin Sabine Oettl-Brunner.\n"
    )
    assert find_quotes(text, "de", people=[]) == [
        Quote("Damit kommen wir nicht weit", "Sabine Oettl-Brunner"),
    ]


def _people(text: str) -> list[str]:
    return [p.name for p in find_entities(text, "ar").people]


def test_an_arabic_family_name_after_bin_belongs_to_the_name() -> None:
    text = "وقال رئيس الهيئة المهندس سلطان بن عبدالله الحربي إن القرار مهم."
    assert _people(text) == ["سلطان بن عبدالله الحربي"]


def test_a_third_arabic_name_after_a_title_before_a_particle_belongs_to_the_name() -> None:
    text = "وصرح رئيس الهيئة المهندس طارق محمود جويلي بأن زمن الرحلة سينخفض."
    assert _people(text) == ["طارق محمود جويلي"]


def test_a_portfolio_after_a_title_is_no_name_and_the_name_follows_it() -> None:
    text = 'قال وزير الدولة لشؤون الطاقة القطري فيصل بن ناصر الكواري إن "قطر تتطلع إلى الاستفادة".'
    assert _people(text) == ["فيصل بن ناصر الكواري"]


def test_an_arabic_name_after_a_title_and_its_employer_is_a_person() -> None:
    text = (
        "وأوضح الأمين العام لسلطة المياه سامر يوسف الطراونة أن الكلفة بلغت 180 مليونا.\n"
        "وقالت الباحثة في جامعة خليفة مريم سعيد الظاهري إن المشروع واعد.\n"
    )
    assert _people(text) == ["سامر يوسف الطراونة", "مريم سعيد الظاهري"]


def test_a_department_between_a_title_and_a_titled_name_is_no_person() -> None:
    text = (
        "وقالت مديرة إدارة الصحة العامة الدكتورة نورة عبدالرحمن المري إن الحملة بدأت.\n"
        "من جهته، قال أستاذ علم المصريات في جامعة القاهرة الدكتور كريم عبد الحميد إن المعرض فريد.\n"
    )
    assert _people(text) == ["نورة عبدالرحمن المري", "كريم عبد الحميد"]


def test_a_verb_and_a_preposition_with_a_pronoun_after_a_title_are_no_name() -> None:
    text = "وأعلن الديوان الملكي الهاشمي أن الملك سيصادق عليه بعد إقراره."
    assert _people(text) == []


def test_the_mended_arabic_name_is_the_speaker_of_the_quotes_after_it() -> None:
    text = (
        'وقال رئيس الهيئة المهندس سلطان بن عبدالله الحربي إن "وصول السفينة يؤكد جاهزية الميناء".\n'
        'وأكد رئيس الهيئة: "نستهدف أن تصبح جدة مركزا لوجستيا".\n'
    )
    assert [q.speaker for q in find_quotes(text, "ar")] == ["سلطان بن عبدالله الحربي"] * 2


def test_a_person_named_inside_an_arabic_organisation_name_stays_in_it() -> None:
    found = find_entities("أعلن مركز محمد بن راشد للفضاء، اليوم، أن القمر سيطلق في مارس.", "ar")
    assert [o.name for o in found.organisations] == ["مركز محمد بن راشد للفضاء"]
    assert found.people == ()


def test_more_arabic_verbs_of_saying_attribute_the_quote() -> None:
    text = (
        'وقال مدير الميناء سالم راشد النعيمي للأناضول: "الحركة عادت إلى طبيعتها".\n'
        'وأردف قائلا: "نتوقع زيادة في عدد السفن".\n'
        'وشدد وزير الخارجية فيصل حسن المقداد على أن "الحوار هو الطريق الوحيد".\n'
        'وبحسب وزير الطاقة سهيل محمد المزروعي، فإن "الإنتاج سيرتفع بنسبة عشرة بالمئة".\n'
    )
    assert [q.speaker for q in find_quotes(text, "ar")] == [
        "سالم راشد النعيمي", "سالم راشد النعيمي", "فيصل حسن المقداد", "سهيل محمد المزروعي",
    ]


def test_an_unnamed_arabic_source_is_no_person_and_no_speaker() -> None:
    text = 'وقال مصدر حكومي للأناضول: "القرار سيصدر خلال أيام قليلة".'
    assert _people(text) == []
    assert find_quotes(text, "ar") == [Quote("القرار سيصدر خلال أيام قليلة", None)]


def test_the_name_ali_is_not_taken_for_the_preposition() -> None:
    text = (
        "وقال عضو البرلمان كريم علي النوري إن المشروع تأخر.\n"
        "وقال وزير الداخلية علي حسن الخطيب إن الأمن مستتب.\n"
        "وأكد الوزير على أهمية التعاون.\n"
    )
    assert _people(text) == ["كريم علي النوري", "علي حسن الخطيب"]


def test_a_turkish_passive_attribution_names_no_person() -> None:
    text = (
        "Vali Ahmet Yılmaz bölgeyi ziyaret etti.\n"
        'Açıklamada, "Vatandaşlarımızın dikkatli olması gerekiyor" ifadesine yer verildi.\n'
    )
    assert find_quotes(text, "tr") == [Quote("Vatandaşlarımızın dikkatli olması gerekiyor", None)]


def test_a_long_capitalised_title_and_employer_end_with_the_speakers_name() -> None:
    text = 'Premijerka Vlade Kantona Sarajevo Amra Babić-Hodžić poručila je: "Javni prijevoz mora biti besplatan."\n'
    assert find_quotes(text, "bs", people=[]) == [Quote("Javni prijevoz mora biti besplatan.", "Amra Babić-Hodžić")]


def test_a_country_closes_an_arabic_organisation_name_and_the_name_after_it_is_a_person() -> None:
    found = find_entities("لفتت مديرة مؤسسة كهرباء لبنان رنا جورج حداد إلى أن المؤسسة ستشتري الإنتاج.", "ar")
    assert [o.name for o in found.organisations] == ["مؤسسة كهرباء لبنان"]
    assert [p.name for p in found.people] == ["رنا جورج حداد"]


def test_a_spanish_undersecretary_is_a_title_the_quote_refers_back_to() -> None:
    text = (
        "El ministro de Energía, Tomás Carrasco Vial, anunció el subsidio.\n"
        "Según la subsecretaria de Hacienda, Paula Riquelme, la medida costará 180 millones.\n"
        '"Está financiada con recursos del presupuesto", precisó la subsecretaria.\n'
    )
    assert [q.speaker for q in find_quotes(text, "es")] == ["Paula Riquelme"]


def test_a_pronoun_with_nobody_known_is_the_person_the_sentence_before_is_about() -> None:
    text = (
        "Die Grünen-Politikerin Katharina Dröge kritisierte den Plan. "
        "„Das ist ein Rückschritt für den Klimaschutz“, sagte sie.\n"
    )
    assert find_quotes(text, "de", people=[]) == [
        Quote("Das ist ein Rückschritt für den Klimaschutz", "Katharina Dröge"),
    ]


def test_an_impersonal_german_attribution_names_no_person() -> None:
    text = (
        "Meteorologe Jan Schenk warnte vor Glätte.\n"
        "„Die Lage bleibt angespannt“, heißt es in einer Mitteilung des Wetterdienstes.\n"
    )
    assert find_quotes(text, "de") == [Quote("Die Lage bleibt angespannt", None)]


def test_spanish_de_acuerdo_con_and_more_verbs_of_saying() -> None:
    text = (
        'De acuerdo con la ministra Patricia Bullrich, "los operativos seguirán en todo el país".\n'
        'La jueza María Servini ordenó la detención. "Hay pruebas suficientes", escribió la magistrada en su fallo.\n'
    )
    assert [q.speaker for q in find_quotes(text, "es")] == ["Patricia Bullrich", "María Servini"]


def test_an_arabic_name_after_a_title_and_the_body_the_person_sits_in() -> None:
    assert _people("وقالت النائبة في البرلمان الأردني دينا البشير إن القانون يحتاج إلى تعديل.") == ["دينا البشير"]
    assert _people("وقال وزير الخارجية في مؤتمر صحفي إن الحل قريب.") == []


def test_a_turkish_quote_labelled_by_a_noun_and_a_light_verb_is_attributed() -> None:
    text = (
        'Milli Eğitim Bakanı Yusuf Tekin, "Öğretmen atamaları şubatta yapılacak" müjdesini verdi.\n'
        'Merkez Bankası Başkanı Fatih Karahan, "Sıkı duruş sürecek" diyerek piyasalara mesaj verdi.\n'
        'Vali Mehmet Ak olay yerinde incelemelerde bulundu. "Yaralıların durumu iyi" açıklamasını yaptı.\n'
    )
    assert [q.speaker for q in find_quotes(text, "tr")] == ["Yusuf Tekin", "Fatih Karahan", "Mehmet Ak"]


def test_words_before_an_arabic_verb_after_the_quote_are_no_subject() -> None:
    text = (
        "وقال رئيس البلدية خالد عمر الزعبي إن المدينة تضررت. "
        '"الأضرار كبيرة جدا في الأحياء القديمة"، على حد قوله.\n'
    )
    assert [q.speaker for q in find_quotes(text, "ar")] == ["خالد عمر الزعبي"]


def test_a_possessive_pronoun_with_words_refers_to_the_person_last_named() -> None:
    text = 'Direktor Emir Hodžić obišao je gradilište. Prema njegovim riječima, "radovi kasne zbog lošeg vremena".\n'
    assert [q.speaker for q in find_quotes(text, "bs")] == ["Emir Hodžić"]
    text = "Министр Антон Силуанов выступил на форуме. По его словам, «бюджет будет исполнен без дефицита».\n"
    assert [q.speaker for q in find_quotes(text, "ru")] == ["Антон Силуанов"]


def test_more_croatian_verbs_of_saying() -> None:
    text = (
        "Gradonačelnik Tomislav Tomašević predstavio je projekt. „To je najveća investicija u povijesti "
        "grada”, ocijenio je Tomašević.\n"
        "„Očekujemo rekordnu sezonu”, upozorio je ravnatelj Hrvatske turističke zajednice Kristjan Staničić.\n"
    )
    assert [q.speaker for q in find_quotes(text, "hr")] == ["Tomislav Tomašević", "Kristjan Staničić"]


def test_a_definite_arabic_organisation_head_opens_a_name_but_is_none_alone() -> None:
    found = find_entities(
        "وقالت المؤسسة العامة للتأمينات الاجتماعية إن الرواتب ستصرف. وأكدت الجامعة أن الدراسة مستمرة.", "ar"
    )
    assert [o.name for o in found.organisations] == ["المؤسسة العامة للتأمينات الاجتماعية"]


def test_a_family_name_after_a_compound_fathers_name_and_after_a_title_with_its_adjective() -> None:
    text = (
        "وقالت المديرة العامة للوكالة نادية عبد الله الفاسي إن الميناء جاهز.\n"
        "من جانبه، اعتبر الخبير الاقتصادي يونس محمد بنعلي، في تصريح، أن المشروع مهم.\n"
    )
    assert _people(text) == ["نادية عبد الله الفاسي", "يونس محمد بنعلي"]


def test_a_noun_after_a_two_word_name_is_not_its_family_name() -> None:
    text = "بدأ وفد تجاري برئاسة وزير الاستثمار خالد الفهيد زيارة إلى أنقرة."
    assert _people(text) == ["خالد الفهيد"]


def test_an_arabic_name_after_a_title_and_the_body_it_serves_with_li() -> None:
    text = 'وقال الرئيس التنفيذي لمطارات دبي سعيد أحمد المهيري: "نتوقع أن نتجاوز الرقم القياسي".'
    assert _people(text) == ["سعيد أحمد المهيري"]
    assert [q.speaker for q in find_quotes(text, "ar")] == ["سعيد أحمد المهيري"]


def test_a_german_compound_title_ending_in_vorstaendin_is_no_first_name() -> None:
    found = find_entities("„Die Lage stabilisiert sich“, sagte Personalvorständin Gunnhild Krüger-Maas.", "de")
    assert [p.name for p in found.people] == ["Gunnhild Krüger-Maas"]
