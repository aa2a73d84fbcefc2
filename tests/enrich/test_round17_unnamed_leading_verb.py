"""Round seventeen, unnamed speakers: when the words before a quote open with a verb of saying
("Asked about …, a spokesperson said: “…”", "По словам одного из …, лавина сошла «…»"), an
indefinite speaker after it is still an unnamed speaker (null), not the last person named; a
known name after it still speaks."""

from __future__ import annotations

from quotekit import speakers


def test_english_asked_about_then_a_spokesperson() -> None:
    text = (
        "\"Sterling is oversold,\" said strategist Marguerite Vanderloo-Hart.\n"
        "Asked about the currency's fall, a Treasury spokesperson said: \"We do not comment on "
        "daily market moves.\""
    )
    assert speakers(text, "en") == ["Marguerite Vanderloo-Hart", None]


def test_russian_according_to_one_of() -> None:
    text = (
        "Глава МЧС региона Аристарх Полубояров-Ким сообщил о спасении двоих туристов.\n"
        "По словам одного из участников группы, снег сошел \"за считанные секунды, никто не "
        "успел отойти\"."
    )
    assert speakers(text, "ru") == [None]


def test_asked_about_then_a_known_name() -> None:
    text = (
        "Asked about the currency's fall, strategist Marguerite Vanderloo-Hart said: \"Sterling "
        "is simply oversold.\""
    )
    assert speakers(text, "en") == ["Marguerite Vanderloo-Hart"]
