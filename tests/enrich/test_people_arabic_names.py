"""Arabic people as agency copy writes them: scorer lists with the minute of each goal,
and a name followed by a preposition written onto the article; one behaviour per test."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.quotes import find_quotes


def people(text: str) -> list[str]:
    return sorted(p.name for p in find_entities(text, "ar").people)


def test_scorer_list_with_minutes_between_the_names() -> None:
    text = (
        "وسجل أهداف الفريق كل من سامي فهد الحربي في الدقيقة 12، ونادر كمال السالم في الدقيقة 88.\n"
    )
    assert people(text) == ["سامي فهد الحربي", "نادر كمال السالم"]


def test_scorer_list_with_a_demonym_and_two_minutes() -> None:
    text = (
        "وسجل أهداف الفريق كل من سامي فهد الحربي في الدقيقة 12، "
        "والمغربي مروان كوستا سانتوس في الدقيقتين 40 و77.\n"
    )
    assert people(text) == ["سامي فهد الحربي", "مروان كوستا سانتوس"]


def test_scorer_name_with_a_particle_runs_to_the_minute() -> None:
    text = "وسجل للفريق كل من سامي فهد الحربي في الدقيقة 12، وماركو فيليبي دا سيلفا في الدقيقة 88.\n"
    assert people(text) == ["سامي فهد الحربي", "ماركو فيليبي دا سيلفا"]


def test_list_without_minutes_is_read_as_before() -> None:
    text = "وحضر اللقاء كل من سامي فهد الحربي ونادر كمال السالم.\n"
    assert people(text) == ["سامي فهد الحربي", "نادر كمال السالم"]


def test_preposition_on_the_article_after_a_titled_name_is_no_family_name() -> None:
    text = 'وقال مدرب الفريق ياسر الحمد للصحفيين بعد المباراة: "لعبنا بتركيز عال طوال الشوطين وحققنا ما أردناه".\n'
    assert people(text) == ["ياسر الحمد"]
    assert [q.speaker for q in find_quotes(text, "ar")] == ["ياسر الحمد"]


def test_preposition_on_the_article_before_a_comma_ends_the_name() -> None:
    text = "وأشاد رئيس الجمعية الطبية الدكتور سالم فهد الكندري بالمشروع، فيما طالبت الجمعية بالمزيد.\n"
    assert people(text) == ["سالم فهد الكندري"]


def test_municipality_after_a_title_is_passed_over_to_the_name() -> None:
    text = 'ونقلت الوكالة عن رئيس بلدية الميناء سامر خليل الحسن قوله: "المياه غمرت الشوارع خلال ساعة واحدة فقط".\n'
    assert people(text) == ["سامر خليل الحسن"]
    assert [q.speaker for q in find_quotes(text, "ar")] == ["سامر خليل الحسن"]


def test_sector_after_a_title_is_no_person() -> None:
    text = "وقال المهندس كمال سعيد الراوي، رئيس قطاع المياه بالوزارة، إن المحطات تعمل بكامل طاقتها.\n"
    assert people(text) == ["كمال سعيد الراوي"]


def test_hospital_after_a_title_is_a_body_and_the_name_follows_the_comma() -> None:
    text = "وقال مدير مستشفى المدينة التعليمي، الطبيب نادر حسن العلي، إن المستشفى استقبل الجرحى.\n"
    assert people(text) == ["نادر حسن العلي"]


def test_network_after_the_verb_is_no_person() -> None:
    text = 'وقالت شبكة أطباء الإقليم، في بيان: "استهدف القصف السوق المكتظ صباح اليوم وبين الضحايا أطفال".\n'
    assert people(text) == []


def test_hospital_with_an_indefinite_adjective_is_no_organisation() -> None:
    text = "وأعلنت الوزارة أنها ستفتتح مستشفى جديدا للأطفال في المدينة العام المقبل.\n"
    orgs = [o.name for o in find_entities(text, "ar").organisations]
    assert not any(name.startswith("مستشفى") for name in orgs)


def test_name_after_an_honorific_and_a_form_of_address() -> None:
    text = (
        "وأوضح سعادة السيد سالم بن راشد الهاجري الأمين العام المساعد أن الخطة ستعرض على المجلس.\n"
        "وشاركت في الاجتماع معالي الأستاذة نورة بنت سعد الفارس وزيرة التعليم.\n"
    )
    assert people(text) == ["سالم بن راشد الهاجري", "نورة بنت سعد الفارس"]


def test_foreign_name_after_an_honorific_runs_on_to_the_title() -> None:
    text = "واجتمع الوزير مع وفد برئاسة سعادة السيد لوران ميشيل دوبوا مستشار رئيس الجمهورية.\n"
    assert "لوران ميشيل دوبوا" in people(text)
