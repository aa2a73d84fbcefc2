"""The web applications' own words (portal now, the desk later) in English, Turkish, Arabic.

The mechanism is the public site's (:mod:`newswire.site.i18n`): one dict per language,
English where a string is missing, ``dir`` from the language. Which language a page speaks:
the one asked for in the address (``?lang=``), else the user's saved choice, else the
browser's ``Accept-Language``, else English.
"""

from __future__ import annotations

from functools import cache

from newswire.portal import access_i18n, keep_i18n
from newswire.portal.tools_i18n import TOOLS
from newswire.site.i18n import KNOWN_LANGUAGES, primary, text_direction

LANGUAGES = ("en", "tr", "ar")

_EN: dict[str, str] = {
    "skip": "Skip to content",
    "portal": "Subscriber portal",
    "languages": "Language",
    "email": "Email",
    "password": "Password",
    "password_again": "Password again",
    "sign_in": "Sign in",
    "sign_out": "Sign out",
    "sign_in_title": "Sign in to the wire",
    "sign_in_failed": "The email or password is not right.",
    "throttled": "Too many attempts. Try again in {n} seconds.",
    "signed_out": "You are signed out.",
    "set_password": "Set password",
    "set_password_title": "Choose your password",
    "set_password_for": "For {email}. At least {n} characters.",
    "password_set": "Your password is set. Sign in with it.",
    "passwords_differ": "The two passwords differ.",
    "link_invalid": "This link is not valid any more. Ask your organisation's manager for a new one.",
    "form_expired": "This form has expired or did not come from this site. Reload the page and try again.",
    "flow": "Live wire",
    "flow_label": "Stories, newest first",
    "new_items": "{n} new",
    "new_items_show": "Show",
    "urgent_sound": "Sound an alert for urgent stories",
    "filters": "Filters",
    "language": "Language",
    "type": "Type",
    "urgency": "Urgency",
    "text": "Text",
    "any": "Any",
    "search": "Search",
    "clear": "Clear",
    "time": "Time",
    "slugline": "Slugline",
    "headline": "Headline",
    "dateline": "Dateline",
    "byline": "Byline",
    "marks": "Status",
    "no_items": "No story matches.",
    "older": "Older stories",
    "newest": "Newest stories",
    "corrected": "Corrected",
    "withheld": "Withheld",
    "killed": "Killed",
    "embargoed": "Embargoed",
    "urgency_n": "Urgency {n}",
    "urgency_up_to": "1–{n}",
    "type_text": "Text", "type_picture": "Picture", "type_video": "Video", "type_audio": "Audio",
    "type_graphic": "Graphic", "type_composite": "Package",
    "versions": "Versions",
    "version_n": "Version {n}",
    "current_version": "(shown)",
    "download": "Download",
    "format": "Format",
    "format_text": "Plain text",
    "embargo_banner": "Embargoed until {t}: do not publish before then.",
    "withheld_banner": "Withheld: do not use this story until further notice.",
    "killed_title": "This story was killed",
    "killed_text": "Do not use it. Remove it from anything you have published.",
    "correction_banner": "This version is a correction.",
    "ed_note": "Editor's note",
    "changes_since": "What changed since version {n}",
    "usage": "Usage",
    "copy_text": "Copy text", "copied": "Copied",
    "select": "Select", "download_selected": "Selected stories as a zip:",
    "about": "In this story", "quotes": "Quotes", "dated_events": "Dates mentioned",
    "tag_topic": "Topic", "tag_place": "Place", "tag_person": "Person", "tag_org": "Organisation",
    "tag_service": "Service",
    "time_left": "({t} left)",
    "embargo_over": "(the embargo has ended: reload the page)",
    "usage_title": "Your organisation's usage in {month}",
    "usage_text": "Every story your organisation received or read, by channel (API keys and portal users together).",
    "channel": "Channel", "deliveries": "Deliveries", "total": "Total",
    "channel_feed": "Feed (API)", "channel_stream": "Stream (API)", "channel_item": "Item reads (API)",
    "channel_search": "Search (API)", "channel_webhook": "Webhooks", "channel_portal": "Portal: stories opened",
    "channel_download": "Portal: downloads",
    "event_published": "Published", "event_updated": "Updated", "event_corrected": "Corrected",
    "event_withheld": "Withheld", "event_killed": "Killed", "event_embargo_lifted": "Embargo lifted",
    "back_to_flow": "Back to the live wire",
    "not_found_title": "Not found",
    "not_found_text": "There is nothing at this address for your organisation.",
    "signed_in_as": "Signed in as",
}

_STRINGS: dict[str, dict[str, str]] = {
    "en": _EN,
    "tr": {
        "skip": "İçeriğe geç", "portal": "Abone portalı", "languages": "Dil", "email": "E-posta",
        "password": "Parola", "password_again": "Parola (tekrar)", "sign_in": "Giriş yap",
        "sign_out": "Çıkış yap", "sign_in_title": "Haber servisine giriş",
        "sign_in_failed": "E-posta ya da parola doğru değil.",
        "throttled": "Çok fazla deneme. {n} saniye sonra yeniden deneyin.",
        "signed_out": "Çıkış yaptınız.", "set_password": "Parolayı kaydet",
        "set_password_title": "Parolanızı belirleyin",
        "set_password_for": "{email} için. En az {n} karakter.",
        "password_set": "Parolanız kaydedildi. Bu parolayla giriş yapın.",
        "passwords_differ": "İki parola birbirinden farklı.",
        "link_invalid": "Bu bağlantı artık geçerli değil. Kurumunuzun yöneticisinden yenisini isteyin.",
        "form_expired": "Bu formun süresi doldu ya da bu siteden gelmedi. Sayfayı yenileyip tekrar deneyin.",
        "flow": "Canlı akış", "flow_label": "Haberler, en yenisi önce", "new_items": "{n} yeni",
        "new_items_show": "Göster",
        "urgent_sound": "Acil haberlerde sesli uyarı", "filters": "Süzgeçler", "language": "Dil", "type": "Tür",
        "urgency": "Öncelik", "text": "Metin", "any": "Tümü", "search": "Ara", "clear": "Temizle",
        "time": "Saat", "slugline": "Anahtar", "headline": "Başlık", "dateline": "Yer ve tarih",
        "byline": "Yazan", "marks": "Durum", "no_items": "Eşleşen haber yok.",
        "older": "Daha eski haberler", "newest": "En yeni haberler", "corrected": "Düzeltildi",
        "withheld": "Bekletiliyor", "killed": "İptal edildi", "embargoed": "Ambargolu",
        "urgency_n": "Öncelik {n}",
        "type_text": "Metin", "type_picture": "Fotoğraf", "type_video": "Video", "type_audio": "Ses",
        "type_graphic": "Grafik", "type_composite": "Paket",
        "versions": "Sürümler", "version_n": "Sürüm {n}", "current_version": "(gösterilen)",
        "download": "İndir", "format": "Biçim", "format_text": "Düz metin",
        "embargo_banner": "{t} saatine kadar ambargolu: bundan önce yayımlamayın.",
        "withheld_banner": "Bekletiliyor: yeni bir bildirime kadar bu haberi kullanmayın.",
        "killed_title": "Bu haber iptal edildi",
        "killed_text": "Kullanmayın. Yayımladığınız her yerden kaldırın.",
        "correction_banner": "Bu sürüm bir düzeltmedir.", "ed_note": "Editör notu",
        "changes_since": "Sürüm {n} ile farklar",
        "time_left": "({t} kaldı)", "embargo_over": "(ambargo sona erdi: sayfayı yenileyin)",
        "about": "Bu haberde", "quotes": "Alıntılar", "dated_events": "Geçen tarihler",
        "tag_topic": "Konu", "tag_place": "Yer", "tag_person": "Kişi", "tag_org": "Kurum", "tag_service": "Servis",
        "copy_text": "Metni kopyala", "copied": "Kopyalandı",
        "select": "Seç", "download_selected": "Seçilen haberler zip olarak:",
        "usage": "Kullanım", "usage_title": "Kurumunuzun {month} kullanımı",
        "usage_text": "Kurumunuzun aldığı ya da okuduğu her haber, kanala göre "
                      "(API anahtarları ve portal kullanıcıları birlikte).",
        "channel": "Kanal", "deliveries": "Teslimat", "total": "Toplam",
        "channel_portal": "Portal: açılan haberler", "channel_download": "Portal: indirmeler",
        "event_published": "Yayımlandı", "event_updated": "Güncellendi", "event_corrected": "Düzeltildi",
        "event_withheld": "Bekletildi", "event_killed": "İptal edildi",
        "event_embargo_lifted": "Ambargo kalktı", "back_to_flow": "Canlı akışa dön",
        "not_found_title": "Bulunamadı",
        "not_found_text": "Bu adreste kurumunuz için bir şey yok.",
        "signed_in_as": "Giriş yapan:",
    },
    "ar": {
        "skip": "انتقل إلى المحتوى", "portal": "بوابة المشتركين", "languages": "اللغة",
        "email": "البريد الإلكتروني", "password": "كلمة المرور", "password_again": "كلمة المرور مرة أخرى",
        "sign_in": "تسجيل الدخول", "sign_out": "تسجيل الخروج", "sign_in_title": "تسجيل الدخول إلى الخدمة",
        "sign_in_failed": "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
        "throttled": "محاولات كثيرة جدًا. حاول مرة أخرى بعد {n} ثانية.",
        "signed_out": "تم تسجيل خروجك.", "set_password": "حفظ كلمة المرور",
        "set_password_title": "اختر كلمة المرور", "set_password_for": "للحساب {email}. {n} أحرف على الأقل.",
        "password_set": "تم حفظ كلمة المرور. سجّل الدخول بها.",
        "passwords_differ": "كلمتا المرور مختلفتان.",
        "link_invalid": "لم يعد هذا الرابط صالحًا. اطلب رابطًا جديدًا من مدير مؤسستك.",
        "form_expired": "انتهت صلاحية هذا النموذج أو لم يأتِ من هذا الموقع. أعد تحميل الصفحة وحاول مرة أخرى.",
        "flow": "البث المباشر", "flow_label": "الأخبار، الأحدث أولًا", "new_items": "{n} جديد",
        "new_items_show": "عرض",
        "urgent_sound": "تنبيه صوتي للأخبار العاجلة", "filters": "عوامل التصفية", "language": "اللغة", "type": "النوع",
        "urgency": "الأولوية", "text": "نص", "any": "الكل", "search": "بحث", "clear": "مسح",
        "time": "الوقت", "slugline": "الكلمة الدالة", "headline": "العنوان", "dateline": "المكان والتاريخ",
        "byline": "الكاتب", "marks": "الحالة", "no_items": "لا توجد أخبار مطابقة.",
        "older": "أخبار أقدم", "newest": "أحدث الأخبار", "corrected": "مُصحَّح", "withheld": "محجوب",
        "killed": "ملغى", "embargoed": "محظور النشر", "urgency_n": "الأولوية {n}",
        "type_text": "نص", "type_picture": "صورة", "type_video": "فيديو", "type_audio": "صوت",
        "type_graphic": "رسم", "type_composite": "حزمة",
        "versions": "الإصدارات", "version_n": "الإصدار {n}", "current_version": "(المعروض)",
        "download": "تنزيل", "format": "الصيغة", "format_text": "نص عادي",
        "embargo_banner": "محظور النشر حتى {t}: لا تنشره قبل ذلك.",
        "withheld_banner": "محجوب: لا تستخدم هذا الخبر حتى إشعار آخر.",
        "killed_title": "أُلغي هذا الخبر", "killed_text": "لا تستخدمه. احذفه من كل ما نشرته.",
        "correction_banner": "هذا الإصدار تصحيح.", "ed_note": "ملاحظة المحرر",
        "changes_since": "ما تغيّر منذ الإصدار {n}",
        "time_left": "(باقٍ {t})", "embargo_over": "(انتهى الحظر: أعد تحميل الصفحة)",
        "about": "في هذا الخبر", "quotes": "اقتباسات", "dated_events": "تواريخ مذكورة",
        "tag_topic": "موضوع", "tag_place": "مكان", "tag_person": "شخص", "tag_org": "مؤسسة", "tag_service": "خدمة",
        "copy_text": "نسخ النص", "copied": "تم النسخ",
        "select": "اختيار", "download_selected": "الأخبار المختارة في ملف مضغوط:",
        "usage": "الاستخدام", "usage_title": "استخدام مؤسستك في {month}",
        "usage_text": "كل خبر تلقته مؤسستك أو قرأته، حسب القناة (مفاتيح الواجهة البرمجية ومستخدمو البوابة معًا).",
        "channel": "القناة", "deliveries": "مرات التسليم", "total": "المجموع",
        "channel_portal": "البوابة: أخبار فُتحت", "channel_download": "البوابة: تنزيلات",
        "event_published": "نُشر", "event_updated": "حُدّث", "event_corrected": "صُحّح",
        "event_withheld": "حُجب", "event_killed": "أُلغي", "event_embargo_lifted": "رُفع الحظر",
        "back_to_flow": "العودة إلى البث المباشر", "not_found_title": "غير موجود",
        "not_found_text": "لا يوجد شيء على هذا العنوان لمؤسستك.",
        "signed_in_as": "تم تسجيل الدخول باسم",
    },
}


def extend(more: dict[str, dict[str, str]]) -> None:
    """Add the words of a portal module that keeps its own (:mod:`newswire.portal.keep_i18n`)."""
    for lang, found in more.items():
        (_EN if lang == "en" else _STRINGS.setdefault(lang, {})).update(found)
    _merged.cache_clear()


def strings(lang: str) -> dict[str, str]:
    return _merged(lang if lang in LANGUAGES else "en")


@cache
def _merged(lang: str) -> dict[str, str]:
    return {**_EN, **TOOLS["en"], **_STRINGS.get(lang, {}), **TOOLS.get(lang, {})}  # TOOLS: search, diary, developers


def supported(lang: str | None) -> str | None:
    code = primary(lang)
    return code if code in LANGUAGES else None


def from_accept_language(header: str | None) -> str | None:
    """The first supported language of an ``Accept-Language`` header, by its q-values."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        code = supported(tag)
        if code and q > 0:
            choices.append((-q, position, code))
    return min(choices)[2] if choices else None


def choose(asked: str | None, saved: str | None, cookie: str | None, accept: str | None) -> str:
    return supported(asked) or supported(saved) or supported(cookie) or from_accept_language(accept) or "en"


def direction(lang: str) -> str:
    return text_direction(lang)


def native_name(lang: str) -> str:
    return KNOWN_LANGUAGES.get(lang, lang)


extend(keep_i18n.STRINGS)
extend(access_i18n.STRINGS)
