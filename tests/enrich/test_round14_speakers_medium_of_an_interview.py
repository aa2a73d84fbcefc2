"""Issue 15, round fourteen: a medium named after an interview noun ("In an interview with
The Harbour Gazette, she said", "в интервью «Спорт ТВ» признался") is where the speaker
spoke, never the speaker (ANNOTATION 6); and a pronoun right before the verb of saying refers
back, whatever stands before it ("In a video posted online, she called the decision "…"").
One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_newspaper_after_interview_with_is_not_the_speaker() -> None:
    text = (
        "PORTLAND, Maine (AP) — Dr. Agnes Whitcombe-Hale, a pioneer of neonatal surgery, died Friday.\n"
        "In an interview with The Harbour Gazette in 2004, she said the award belonged to "
        '"the night nurses of the old ward."\n'
    )
    assert speakers(text, "en", ["Agnes Whitcombe-Hale"], ["Harbour Gazette"]) == ["Agnes Whitcombe-Hale"]


def test_a_channel_after_v_intervyu_is_not_the_speaker() -> None:
    text = (
        "КАЗАНЬ, 4 дек - РИА Новости. Хоккеисты «Волги» обыграли «Каму» со счетом 3:2.\n"
        "Автор победной шайбы в интервью «Спорт ТВ» признался, что бросал «почти не глядя на ворота».\n"
    )
    assert speakers(text, "ru", [], ["Спорт ТВ"]) == [None]


def test_a_pronoun_right_before_the_verb_refers_back() -> None:
    text = (
        "MELBOURNE, Australia (AP) — Jana Kovarikova-Reed will miss the season after knee surgery.\n"
        'In a video posted on social media on Friday, she called the decision "the hardest of my career."\n'
    )
    assert speakers(text, "en", ["Jana Kovarikova-Reed"], []) == ["Jana Kovarikova-Reed"]
