"""The search, diary and developer pages have every word in English, Turkish and Arabic, with
the same placeholders, and every template key they use exists."""

from __future__ import annotations

import re
import string
from importlib import resources

from newswire.portal import i18n
from newswire.portal.tools_i18n import TOOLS

TEMPLATES = ("search.html", "diary.html", "developers.html", "webhook.html")
NOTICES = ("key_revoked", "webhook_deleted", "webhook_disabled", "webhook_enabled", "replay_queued",
           "replay_pending")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_language_has_every_word_with_the_same_placeholders() -> None:
    for lang in ("tr", "ar"):
        assert set(TOOLS[lang]) == set(TOOLS["en"]), lang
        differ = [k for k in TOOLS["en"] if fields(TOOLS["en"][k]) != fields(TOOLS[lang][k])]
        assert not differ, (lang, differ)


def test_the_templates_use_only_words_that_exist() -> None:
    from newswire.portal.developers import NOTICES as shown

    assert set(shown) == set(NOTICES)
    folder = resources.files("newswire.portal").joinpath("templates")
    for lang in i18n.LANGUAGES:
        words = i18n.strings(lang)
        for name in TEMPLATES:
            used = set(re.findall(r"\bt\.([a-z_]+)", folder.joinpath(name).read_text()))
            assert used <= set(words), (lang, name, used - set(words))
            assert not used & set(dir(dict)), (name, used & set(dir(dict)))  # t.clear is dict.clear: t['clear']
        assert all(f"done_{n}" in words for n in NOTICES)
        assert all(f"weekday_{n}" in words for n in range(7))
