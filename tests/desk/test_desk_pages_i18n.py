"""The desk's kill confirmation and audit pages in Turkish and Arabic, every word in every
language."""

from __future__ import annotations

from newswire.desk import i18n_pages

from conftest import LiveServer
from deskkit import at_desk, item_path, live, published_uri, send, story_fields

__all__ = ["live"]


def test_every_language_has_every_word() -> None:
    english = set(i18n_pages.STRINGS["en"])
    for lang, words in i18n_pages.STRINGS.items():
        assert set(words) == english, lang
        assert all(value.strip() for value in words.values()), lang
        assert all(("{n}" in words[k]) == ("{n}" in i18n_pages.STRINGS["en"][k]) for k in english), lang


def test_the_kill_and_audit_pages_in_turkish_and_arabic(live: LiveServer) -> None:
    editor = at_desk(live, "pages-i18n@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Bridge reopens", action="publish")))
    page = item_path(uri)
    asked = send(editor, page + "/kill?lang=tr", story_fields("Bridge reopens", version="1", reason="Wrong town"),
                 page)
    assert asked.status_code == 200, asked.text
    assert "Bu haber iptal edilsin mi?" in asked.text and "aboneye ulaşacak" in asked.text and "Vazgeç" in asked.text
    audit = editor.get("/desk/audit?lang=ar").text
    assert 'dir="rtl"' in audit and "سجل التدقيق" in audit and "تصفية" in audit and "Filter" not in audit
    english = editor.get("/desk/audit?lang=en").text
    assert ">Who</label>" in english and ">any action</option>" in english


def test_the_story_page_in_arabic_and_turkish(live: LiveServer) -> None:
    editor = at_desk(live, "pages-i18n@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Tunnel opens", action="publish")))
    arabic = editor.get(item_path(uri) + "?lang=ar").text
    assert 'dir="rtl"' in arabic and "الإصدارات ومن تلقاها" in arabic and "تحديث أو تصحيح" in arabic
    assert "Update or correct" not in arabic and "Reason for withholding" not in arabic
    turkish = editor.get(item_path(uri) + "?lang=tr").text
    assert "Sürümler ve kimlere ulaştıkları" in turkish and "Askıya alma gerekçesi" in turkish
