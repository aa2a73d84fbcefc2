"""The desk in English, Turkish and Arabic (right to left), through the portal's i18n; the
compose page lists its keyboard shortcuts (and desk.js carries them)."""

from __future__ import annotations

import re

from newswire.desk.i18n_desk import STRINGS
from newswire.portal import i18n

from conftest import LiveServer
from deskkit import at_desk, live

__all__ = ["live"]


def test_every_language_has_every_desk_string_with_the_same_placeholders() -> None:
    assert set(STRINGS) == set(i18n.LANGUAGES)
    english = STRINGS["en"]
    assert all(key.startswith("desk_") for key in english)
    for lang, words in STRINGS.items():
        assert set(words) == set(english), (lang, set(english) ^ set(words))
        for key, text in words.items():
            assert text.strip(), (lang, key)
            assert re.findall(r"\{\w+\}", text) == re.findall(r"\{\w+\}", english[key]), (lang, key)
        merged = i18n.strings(lang)
        assert all(merged[key] == text for key, text in words.items())  # merged, not shadowed


def test_the_desk_speaks_turkish_and_arabic_right_to_left(live: LiveServer) -> None:
    editor = at_desk(live, "i18n-editor@agency.example")
    arabic = editor.get("/desk/?lang=ar")
    assert arabic.status_code == 200
    assert '<html lang="ar" dir="rtl">' in arabic.text
    assert STRINGS["ar"]["desk_outgoing"] in arabic.text and STRINGS["ar"]["desk_new_story"] in arabic.text
    assert "nw_lang=ar" in arabic.headers.get("set-cookie", "")
    compose = editor.get("/desk/new")  # the choice is remembered
    assert '<html lang="ar" dir="rtl">' in compose.text and STRINGS["ar"]["desk_suggest"] in compose.text
    assert f'<label for="headline">{STRINGS["ar"]["desk_headline"]}</label>' in compose.text
    assert f'value="publish" aria-keyshortcuts="Control+Enter">{STRINGS["ar"]["desk_publish"]}<' in compose.text
    turkish = editor.get("/desk/?lang=tr")
    assert '<html lang="tr" dir="ltr">' in turkish.text and STRINGS["tr"]["desk_outgoing"] in turkish.text
    english = editor.get("/desk/?lang=en")
    assert '<html lang="en" dir="ltr">' in english.text and "Outgoing wire" in english.text
    form = editor.get("/desk/new").text  # in English the labels and buttons are the contract's
    for label in ("Headline", "Standfirst", "Dateline", "Body", "Language", "Urgency", "Embargo until",
                  "Public site"):
        assert f">{label}</label>" in form, label
    assert ">Save draft</button>" in form and ">Publish</button>" in form


def test_the_compose_page_lists_its_keyboard_shortcuts(live: LiveServer) -> None:
    editor = at_desk(live, "keys-editor@agency.example")
    page = editor.get("/desk/new?lang=en").text
    assert '<details class="shortcuts" id="shortcuts">' in page and "<kbd>?</kbd>" in page
    assert 'aria-keyshortcuts="Control+S"' in page and 'aria-keyshortcuts="Control+Enter"' in page
    assert 'data-confirm="Publish this story to the wire now?"' in page
    reporter = at_desk(live, "keys-reporter@agency.example", "reporter")
    own = reporter.get("/desk/new?lang=en").text
    assert "Control+S" in own and "Control+Enter" not in own  # a reporter does not publish
    wire = editor.get("/desk/?lang=en").text
    assert '<details class="shortcuts" id="shortcuts">' in wire and "Next / previous story" in wire
    script = editor.get("/desk/static/desk.js").text
    assert 'addEventListener("keydown"' in script and "window.confirm(form.dataset.confirm)" in script
