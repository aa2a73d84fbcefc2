"""The desk's kill confirmation and audit pages in English, Turkish and Arabic, merged into the
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
        "desk_audit_note": "Note", "desk_audit_empty": "Nothing yet.",
    },
    "tr": {
        "desk_kill": "İptal et", "desk_kill_ask": "Bu haber iptal edilsin mi?", "desk_kill_version": "sürüm {n}",
        "desk_kill_reach_one": "İptal {n} aboneye ulaşacak: haberin ulaştığı herkese.",
        "desk_kill_reach_many": "İptal {n} aboneye ulaşacak: haberin ulaştığı herkese.",
        "desk_kill_reason": "Gerekçe", "desk_kill_keep": "Vazgeç",
        "desk_audit_of": "Denetim kaydı:", "desk_audit_filter": "Denetim kaydını süz", "desk_audit_who": "Kim",
        "desk_audit_what": "Ne", "desk_audit_any": "her işlem", "desk_audit_filter_button": "Süz",
        "desk_audit_when": "Ne zaman", "desk_audit_story": "Haber", "desk_audit_version": "Sürüm",
        "desk_audit_note": "Not", "desk_audit_empty": "Henüz bir şey yok.",
    },
    "ar": {
        "desk_kill": "إلغاء", "desk_kill_ask": "هل تريد إلغاء هذا الخبر؟", "desk_kill_version": "الإصدار {n}",
        "desk_kill_reach_one": "سيصل الإلغاء إلى {n} مشترك: كل من وصله الخبر.",
        "desk_kill_reach_many": "سيصل الإلغاء إلى {n} مشتركين: كل من وصله الخبر.",
        "desk_kill_reason": "السبب", "desk_kill_keep": "الإبقاء عليه",
        "desk_audit_of": "سجل التدقيق لـ", "desk_audit_filter": "تصفية سجل التدقيق", "desk_audit_who": "من",
        "desk_audit_what": "ماذا", "desk_audit_any": "أي إجراء", "desk_audit_filter_button": "تصفية",
        "desk_audit_when": "متى", "desk_audit_story": "الخبر", "desk_audit_version": "الإصدار",
        "desk_audit_note": "ملاحظة", "desk_audit_empty": "لا شيء بعد.",
    },
}

extend(STRINGS)
