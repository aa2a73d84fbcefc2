"""The desk's kill confirmation and audit pages, and what its routes say back (refusals,
conflicts, problems, sign-in errors), in Turkish and Arabic, every word in every language."""

from __future__ import annotations

import re

from newswire.desk import i18n_messages, i18n_pages

from conftest import LiveServer
from deskkit import Visitor, at_desk, item_path, live, published_uri, send, story_fields

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


def test_every_route_message_has_turkish_and_arabic_with_the_same_values() -> None:
    for english, (turkish, arabic) in i18n_messages.MESSAGES.items():
        names = set(re.findall(r"\{(\w+)\}", english))
        assert set(re.findall(r"\{(\w+)\}", turkish)) == names == set(re.findall(r"\{(\w+)\}", arabic)), english
    assert i18n_messages.say("tr", "No such story") == "Böyle bir haber yok"
    assert i18n_messages.say("de", "No such story") == "No such story"  # English where there is no translation


def test_the_routes_messages_in_turkish_and_arabic(live: LiveServer) -> None:
    editor = at_desk(live, "messages-i18n@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Harbour closes", action="publish")))
    page = item_path(uri)
    missing = editor.get("/desk/items/urn:newswire:test:no-such-story?lang=tr")
    assert missing.status_code == 404 and "Böyle bir haber yok" in missing.text and "Hatta dön" in missing.text
    no_reason = send(editor, page + "/kill?lang=ar", story_fields("Harbour closes", version="1", reason=""), page)
    assert no_reason.status_code == 400 and "يحتاج الإلغاء إلى سبب." in no_reason.text
    stale = send(editor, page + "/withhold?lang=tr", {"version": "7", "reason": "Check"}, page)
    assert stale.status_code == 409 and "Bu haberi bu arada başka biri değiştirdi" in stale.text
    assert "Sürüm 7 üzerinde çalıştınız; haber şimdi sürüm 1." in stale.text and "Yeniden açın" in stale.text
    reporter = at_desk(live, "messages-i18n-rep@agency.example", "reporter")
    refused = send(reporter, page + "/kill?lang=ar", story_fields("Harbour closes", version="1", reason="x"), page)
    assert refused.status_code == 403 and "غير مسموح" in refused.text and "Not allowed" not in refused.text
    english = send(editor, page + "/kill?lang=en", story_fields("Harbour closes", version="1", reason=""), page)
    assert "A kill needs a reason." in english.text
    signed_out = Visitor.at(live)
    login = signed_out.get("/desk/login?lang=ar").text
    assert "تسجيل الدخول إلى المكتب" in login and ">كلمة المرور</label>" in login and "Password" not in login
    wrong = signed_out.post("/desk/login?lang=tr", {"email": "messages-i18n@agency.example", "password": "wrong"},
                            csrf_from="/desk/login?lang=tr")
    assert wrong.status_code == 401 and "E-posta ya da parola yanlış." in wrong.text


def test_a_form_s_problems_and_the_wire_s_marks_in_turkish_and_arabic(live: LiveServer) -> None:
    editor = at_desk(live, "problems-i18n@agency.example")
    refused = send(editor, "/desk/compose?lang=tr", story_fields("", slugline="x" * 200, action="publish"),
                   "/desk/new?lang=tr")
    assert refused.status_code == 400
    assert "Başlık gerekli." in refused.text and "A headline is required." not in refused.text
    assert "Anahtar satırı en fazla" in refused.text
    arabic = send(editor, "/desk/compose?lang=ar", story_fields("", action="draft"), "/desk/new?lang=ar")
    assert arabic.status_code == 400 and "العنوان مطلوب." in arabic.text
    english = send(editor, "/desk/compose?lang=en", story_fields("", action="draft"), "/desk/new?lang=en")
    assert "A headline is required." in english.text  # the English sentences are the JSON API's too

    send(editor, "/desk/compose", story_fields("Quake hits the coast", urgency="flash", action="publish"))
    turkish = editor.get("/desk/?lang=tr").text
    assert '<span class="mark flash">Flaş</span>' in turkish and ">Flash<" not in turkish
    assert '<span class="mark flash">عاجل جدًا</span>' in editor.get("/desk/?lang=ar").text
    assert '<span class="mark flash">Flash</span>' in editor.get("/desk/?lang=en").text
