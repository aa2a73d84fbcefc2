"""The desk's words in English, Turkish and Arabic (Arabic right to left), merged into the
portal's :func:`newswire.portal.i18n.strings` the way the portal's own tool pages' are
(:func:`newswire.portal.i18n.extend`); every key starts with ``desk_``. The compose form's
field labels and buttons stay as the contract names them (English), as do the messages the
routes write; the frame, the outgoing wire, the suggestions and the shortcuts are translated."""

from __future__ import annotations

from newswire.portal.i18n import extend

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "desk_desk": "Desk", "desk_brand": "Newswire desk", "desk_skip": "Skip to content",
        "desk_new_story": "New story", "desk_audit": "Audit", "desk_sign_out": "Sign out",
        "desk_interface_language": "Read the desk in",
        "desk_outgoing": "Outgoing wire", "desk_drafts": "Drafts", "desk_awaiting": "Awaiting approval",
        "desk_wire_caption": "What the agency moved, newest first", "desk_moved": "Moved", "desk_story": "Story",
        "desk_language": "Language", "desk_status": "Status", "desk_nothing_moved": "Nothing has moved yet.",
        "desk_new_rows": "Show {n} new",
        "desk_suggestions": "Enrichment suggestions",
        "desk_suggestions_hint": "Tick what the story should carry; what you leave unticked is not published. "
                                 "Ticked values stay marked as machine values.",
        "desk_suggestions_none": "The pipeline found nothing to suggest in this text.",
        "desk_suggestions_ask": "See what the enrichment pipeline finds in this text before publishing.",
        "desk_suggest": "Suggest enrichment", "desk_suggesting": "Looking for suggestions…",
        "desk_suggest_failed": "No suggestions: {e}",
        "desk_confidence": "confidence {n}%",
        "desk_kind_language": "Language", "desk_kind_summary": "Summary", "desk_kind_topic": "Media Topic",
        "desk_kind_person": "Person", "desk_kind_organisation": "Organisation", "desk_kind_place": "Place",
        "desk_kind_quote": "Quote", "desk_kind_event": "Dated event",
        "desk_shortcuts": "Keyboard shortcuts", "desk_key_save": "Save draft",
        "desk_key_publish": "Publish (asks first)", "desk_key_suggest": "Suggest enrichment",
        "desk_key_help": "Show or hide these shortcuts", "desk_key_close": "Hide these shortcuts",
        "desk_confirm_publish": "Publish this story to the wire now?",
    },
    "tr": {
        "desk_desk": "Masa", "desk_brand": "Newswire masası", "desk_skip": "İçeriğe geç",
        "desk_new_story": "Yeni haber", "desk_audit": "Denetim kaydı", "desk_sign_out": "Çıkış yap",
        "desk_interface_language": "Arayüz dili",
        "desk_outgoing": "Giden hat", "desk_drafts": "Taslaklar", "desk_awaiting": "Onay bekliyor",
        "desk_wire_caption": "Ajansın geçtiği haberler, en yenisi önce", "desk_moved": "Geçildi",
        "desk_story": "Haber", "desk_language": "Dil", "desk_status": "Durum",
        "desk_nothing_moved": "Henüz geçilen bir haber yok.", "desk_new_rows": "{n} yeni haberi göster",
        "desk_suggestions": "Zenginleştirme önerileri",
        "desk_suggestions_hint": "Haberde olması gerekenleri işaretleyin; işaretlemedikleriniz yayımlanmaz. "
                                 "İşaretlenen değerler makine değeri olarak işaretli kalır.",
        "desk_suggestions_none": "Süreç bu metinde önerilecek bir şey bulamadı.",
        "desk_suggestions_ask": "Yayımlamadan önce zenginleştirme sürecinin bu metinde neler bulduğunu görün.",
        "desk_suggest": "Zenginleştirme öner", "desk_suggesting": "Öneriler aranıyor…",
        "desk_suggest_failed": "Öneri yok: {e}",
        "desk_confidence": "güven %{n}",
        "desk_kind_language": "Dil", "desk_kind_summary": "Özet", "desk_kind_topic": "Media Topic konusu",
        "desk_kind_person": "Kişi", "desk_kind_organisation": "Kuruluş", "desk_kind_place": "Yer",
        "desk_kind_quote": "Alıntı", "desk_kind_event": "Tarihli etkinlik",
        "desk_shortcuts": "Klavye kısayolları", "desk_key_save": "Taslağı kaydet",
        "desk_key_publish": "Yayımla (önce sorar)", "desk_key_suggest": "Zenginleştirme öner",
        "desk_key_help": "Bu kısayolları göster veya gizle", "desk_key_close": "Bu kısayolları gizle",
        "desk_confirm_publish": "Bu haber şimdi hatta yayımlansın mı?",
    },
    "ar": {
        "desk_desk": "المكتب", "desk_brand": "مكتب نيوزواير", "desk_skip": "انتقل إلى المحتوى",
        "desk_new_story": "خبر جديد", "desk_audit": "سجل التدقيق", "desk_sign_out": "تسجيل الخروج",
        "desk_interface_language": "لغة الواجهة",
        "desk_outgoing": "البث الصادر", "desk_drafts": "المسودات", "desk_awaiting": "بانتظار الموافقة",
        "desk_wire_caption": "ما بثته الوكالة، الأحدث أولاً", "desk_moved": "وقت البث", "desk_story": "الخبر",
        "desk_language": "اللغة", "desk_status": "الحالة", "desk_nothing_moved": "لم يُبث شيء بعد.",
        "desk_new_rows": "اعرض {n} جديدة",
        "desk_suggestions": "اقتراحات الإثراء",
        "desk_suggestions_hint": "حدّد ما يجب أن يحمله الخبر؛ ما لا تحدده لا يُنشر. "
                                 "تبقى القيم المحددة موسومة بأنها قيم آلية.",
        "desk_suggestions_none": "لم تجد المعالجة ما تقترحه في هذا النص.",
        "desk_suggestions_ask": "اطّلع على ما تجده معالجة الإثراء في هذا النص قبل النشر.",
        "desk_suggest": "اقترح الإثراء", "desk_suggesting": "جارٍ البحث عن اقتراحات…",
        "desk_suggest_failed": "لا اقتراحات: {e}",
        "desk_confidence": "الثقة {n}٪",
        "desk_kind_language": "اللغة", "desk_kind_summary": "الملخص", "desk_kind_topic": "موضوع Media Topic",
        "desk_kind_person": "شخص", "desk_kind_organisation": "منظمة", "desk_kind_place": "مكان",
        "desk_kind_quote": "اقتباس", "desk_kind_event": "حدث مؤرخ",
        "desk_shortcuts": "اختصارات لوحة المفاتيح", "desk_key_save": "حفظ المسودة",
        "desk_key_publish": "النشر (مع طلب التأكيد)", "desk_key_suggest": "اقترح الإثراء",
        "desk_key_help": "إظهار هذه الاختصارات أو إخفاؤها", "desk_key_close": "إخفاء هذه الاختصارات",
        "desk_confirm_publish": "هل تريد نشر هذا الخبر على البث الآن؟",
    },
}


extend(STRINGS)
