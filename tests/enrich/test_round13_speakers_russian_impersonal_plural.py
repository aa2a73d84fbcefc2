"""Issue 15, round thirteen: Russian attributes a quote to a body with a plural verb and no
subject - "— сообщили в ведомстве", "— отметили в пресс-службе" - and names the body in a
sentence before. The speaker is the organisation named last before the quote (found also in
another case: "В Главном управлении МЧС …"), never the last person; a body named in the
genitive inside the attribution itself ("в пресс-службе Министерства …") is not looked back
for. One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_plural_verb_in_a_bare_department_is_the_body_named_before() -> None:
    text = (
        "— Это самое сильное извержение за три года, — сказала ТАСС научный сотрудник Вера Камышова.\n"
        "В Главном управлении МЧС России по Камчатскому краю жителям рекомендовали закрыть окна.\n"
        "«Пострадавших нет, объекты жизнеобеспечения работают в штатном режиме», — сообщили в ведомстве.\n"
    )
    assert speakers(text, "ru", ["Вера Камышова"], ["Главное управление МЧС России по Камчатскому краю"])[1:] == [
        "Главное управление МЧС России по Камчатскому краю"
    ]


def test_a_press_office_after_a_plural_verb_is_the_company_of_the_sentence_before() -> None:
    text = (
        "Глава Росводресурсов Павел Остров провел совещание.\n"
        "В компании «Евросибэнерго» заявили, что готовы сократить выработку. «Приоритетом остаются "
        "надежное водоснабжение и безопасность поселков», - отметили в пресс-службе.\n"
    )
    assert speakers(text, "ru", ["Павел Остров"], ["Евросибэнерго"]) == ["Евросибэнерго"]


def test_a_singular_verb_with_a_named_speaker_is_unchanged() -> None:
    text = (
        "В компании «Евросибэнерго» заявили, что готовы сократить выработку.\n"
        "«Приоритетом остается водоснабжение поселков», - отметил Павел Остров.\n"
    )
    assert speakers(text, "ru", ["Павел Остров"], ["Евросибэнерго"]) == ["Павел Остров"]
