"""The desk's story page, kill confirmation and audit pages in English, Turkish and Arabic, merged into the
portal's i18n as :mod:`newswire.desk.i18n_desk` is (every key starts with ``desk_``)."""

from __future__ import annotations

from newswire.portal.i18n import extend

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "desk_kill": "Kill", "desk_kill_ask": "Kill this story?", "desk_kill_version": "version {n}",
        "desk_kill_reach_one": "The kill will reach {n} subscriber: every one the story reached.",
        "desk_kill_reach_many": "The kill will reach {n} subscribers: every one the story reached.",
        "desk_kill_reason": "Reason", "desk_kill_keep": "Keep it",
        "desk_audit_of": "Audit of", "desk_audit_filter": "Filter the audit", "desk_audit_who": "Who",
        "desk_audit_what": "What", "desk_audit_any": "any action", "desk_audit_filter_button": "Filter",
        "desk_audit_when": "When", "desk_audit_story": "Story", "desk_audit_version": "Version",
        "desk_audit_note": "Note", "desk_audit_empty": "Nothing yet.", "desk_audit_open_event": "open the event",
        "desk_story_version": "Version {n}", "desk_story_versions": "Versions and who received them",
        "desk_story_reached_one": "Reached {n} subscriber", "desk_story_reached_many": "Reached {n} subscribers",
        "desk_story_webhooks": "Webhooks", "desk_story_subscriber": "Subscriber", "desk_story_endpoint": "Endpoint",
        "desk_story_event": "Event", "desk_story_state": "State", "desk_story_attempts": "Attempts",
        "desk_story_last_answer": "Last answer", "desk_story_both_sides": "Both sides since version {n}",
        "desk_story_theirs": "What the others changed (now on the wire)", "desk_story_mine": "What you changed",
        "desk_story_nothing": "Nothing in the text.", "desk_story_release": "Release", "desk_story_note": "Note",
        "desk_story_release_hint": "Optional: subscribers see it as the version's editorial note.",
        "desk_story_update_or_correct": "Update or correct",
        "desk_story_note_hint": "Required for a correction: what was wrong. Subscribers see it as the version's "
                                "editorial note.",
        "desk_story_update": "Update", "desk_story_correct": "Correct", "desk_story_withhold": "Withhold",
        "desk_story_withhold_reason": "Reason for withholding",
    },
    "tr": {
        "desk_kill": "İptal et", "desk_kill_ask": "Bu haber iptal edilsin mi?", "desk_kill_version": "sürüm {n}",
        "desk_kill_reach_one": "İptal {n} aboneye ulaşacak: haberin ulaştığı herkese.",
        "desk_kill_reach_many": "İptal {n} aboneye ulaşacak: haberin ulaştığı herkese.",
        "desk_kill_reason": "Gerekçe", "desk_kill_keep": "Vazgeç",
        "desk_audit_of": "Denetim kaydı:", "desk_audit_filter": "Denetim kaydını süz", "desk_audit_who": "Kim",
        "desk_audit_what": "Ne", "desk_audit_any": "her işlem", "desk_audit_filter_button": "Süz",
        "desk_audit_when": "Ne zaman", "desk_audit_story": "Haber", "desk_audit_version": "Sürüm",
        "desk_audit_note": "Not", "desk_audit_empty": "Henüz bir şey yok.", "desk_audit_open_event": "etkinliği aç",
        "desk_story_version": "Sürüm {n}", "desk_story_versions": "Sürümler ve kimlere ulaştıkları",
        "desk_story_reached_one": "{n} aboneye ulaştı", "desk_story_reached_many": "{n} aboneye ulaştı",
        "desk_story_webhooks": "Webhook'lar", "desk_story_subscriber": "Abone", "desk_story_endpoint": "Uç nokta",
        "desk_story_event": "Olay", "desk_story_state": "Durum", "desk_story_attempts": "Deneme",
        "desk_story_last_answer": "Son yanıt", "desk_story_both_sides": "Sürüm {n}'den beri iki taraf",
        "desk_story_theirs": "Başkalarının değiştirdikleri (şu an hatta)",
        "desk_story_mine": "Sizin değiştirdikleriniz",
        "desk_story_nothing": "Metinde değişiklik yok.",
        "desk_story_release": "Serbest bırak", "desk_story_note": "Not",
        "desk_story_release_hint": "İsteğe bağlı: aboneler bunu sürümün editör notu olarak görür.",
        "desk_story_update_or_correct": "Güncelle ya da düzelt",
        "desk_story_note_hint": "Düzeltme için gerekli: neyin yanlış olduğu. Aboneler bunu sürümün editör notu "
                                "olarak görür.",
        "desk_story_update": "Güncelle", "desk_story_correct": "Düzelt", "desk_story_withhold": "Askıya al",
        "desk_story_withhold_reason": "Askıya alma gerekçesi",
    },
    "ar": {
        "desk_kill": "إلغاء", "desk_kill_ask": "هل تريد إلغاء هذا الخبر؟", "desk_kill_version": "الإصدار {n}",
        "desk_kill_reach_one": "سيصل الإلغاء إلى {n} مشترك: كل من وصله الخبر.",
        "desk_kill_reach_many": "سيصل الإلغاء إلى {n} مشتركين: كل من وصله الخبر.",
        "desk_kill_reason": "السبب", "desk_kill_keep": "الإبقاء عليه",
        "desk_audit_of": "سجل التدقيق لـ", "desk_audit_filter": "تصفية سجل التدقيق", "desk_audit_who": "من",
        "desk_audit_what": "ماذا", "desk_audit_any": "أي إجراء", "desk_audit_filter_button": "تصفية",
        "desk_audit_when": "متى", "desk_audit_story": "الخبر", "desk_audit_version": "الإصدار",
        "desk_audit_note": "ملاحظة", "desk_audit_empty": "لا شيء بعد.", "desk_audit_open_event": "افتح الحدث",
        "desk_story_version": "الإصدار {n}", "desk_story_versions": "الإصدارات ومن تلقاها",
        "desk_story_reached_one": "وصل إلى {n} مشترك", "desk_story_reached_many": "وصل إلى {n} مشتركين",
        "desk_story_webhooks": "خطافات الويب",
        "desk_story_subscriber": "المشترك", "desk_story_endpoint": "نقطة النهاية",
        "desk_story_event": "الحدث", "desk_story_state": "الحالة", "desk_story_attempts": "المحاولات",
        "desk_story_last_answer": "آخر رد", "desk_story_both_sides": "الجانبان منذ الإصدار {n}",
        "desk_story_theirs": "ما غيّره الآخرون (على الخط الآن)", "desk_story_mine": "ما غيّرته أنت",
        "desk_story_nothing": "لا تغيير في النص.", "desk_story_release": "إطلاق", "desk_story_note": "ملاحظة",
        "desk_story_release_hint": "اختياري: يراها المشتركون ملاحظةً تحريرية للإصدار.",
        "desk_story_update_or_correct": "تحديث أو تصحيح",
        "desk_story_note_hint": "مطلوبة للتصحيح: ما الخطأ. يراها المشتركون ملاحظةً تحريرية للإصدار.",
        "desk_story_update": "تحديث", "desk_story_correct": "تصحيح", "desk_story_withhold": "حجب",
        "desk_story_withhold_reason": "سبب الحجب",
    },
}

extend(STRINGS)
