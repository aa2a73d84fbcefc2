"""What the desk's routes say back (a refused move, a conflict, a missing story, a problem with
a form) in Turkish and Arabic. The routes write these sentences in English, with ``{name}``
where a value goes; :func:`say` gives the page's language's sentence (English when there is
none) with the values put in. The frame's words for the message page and the sign-in page are
merged into the portal's i18n as :mod:`newswire.desk.i18n_desk`'s are."""

from __future__ import annotations

from newswire.portal.i18n import extend

# English sentence -> (Turkish, Arabic)
MESSAGES: dict[str, tuple[str, str]] = {
    "Waiting for a chief editor's approval": ("Yazı işleri müdürünün onayı bekleniyor", "بانتظار موافقة رئيس التحرير"),
    "On this desk {rules} need a chief editor's approval before they move. Save the draft and submit it; it waits "
    "in the approval queue on the outgoing wire (a change after the approval needs a new one).": (
        "Bu masada şu haberler yayımlanmadan önce yazı işleri müdürünün onayını bekler: {rules}. Taslağı kaydedip "
        "onaya gönderin; giden hattaki onay kuyruğunda bekler (onaydan sonraki bir değişiklik yeni onay ister).",
        "في هذا المكتب تحتاج هذه الأخبار إلى موافقة رئيس التحرير قبل بثها: {rules}. احفظ المسودة وأرسلها؛ "
        "تنتظر في قائمة الموافقة على البث الصادر (أي تغيير بعد الموافقة يحتاج إلى موافقة جديدة)."),
    "This form has expired": ("Bu formun süresi doldu", "انتهت صلاحية هذا النموذج"),
    "Open the page again and repeat what you did.": ("Sayfayı yeniden açın ve yaptığınızı tekrarlayın.",
                                                     "افتح الصفحة مرة أخرى وكرّر ما فعلته."),
    "Not allowed": ("İzin verilmiyor", "غير مسموح"),
    "A {role} writes, saves and submits its own drafts; an editor publishes, approves and moves stories.": (
        "Bir {role} kendi taslaklarını yazar, kaydeder ve onaya gönderir; bir editör haberleri yayımlar, onaylar "
        "ve geçer.",
        "يكتب الـ{role} مسوداته ويحفظها ويرسلها؛ أما المحرر فينشر الأخبار ويوافق عليها ويبثها."),
    "Only a chief editor approves a story.": ("Bir haberi yalnızca yazı işleri müdürü onaylar.",
                                              "لا يوافق على الخبر إلا رئيس التحرير."),
    "This draft was published meanwhile": ("Bu taslak bu arada yayımlandı", "نُشرت هذه المسودة في الأثناء"),
    "Open the story to correct it.": ("Düzeltmek için haberi açın.", "افتح الخبر لتصحيحه."),
    "Someone saved this draft meanwhile": ("Bu taslağı bu arada başka biri kaydetti",
                                           "حفظ شخص آخر هذه المسودة في الأثناء"),
    "The draft is now at revision {current}, saved by {by}. Open it again to see their text, then repeat your "
    "change.": (
        "Taslak şimdi {current}. sürümde, kaydeden: {by}. Metnini görmek için yeniden açın, sonra değişikliğinizi "
        "tekrarlayın.",
        "المسودة الآن في المراجعة {current}، حفظها {by}. افتحها مرة أخرى لترى نصه، ثم كرّر تغييرك."),
    "Someone changed this story meanwhile": ("Bu haberi bu arada başka biri değiştirdi",
                                             "غيّر شخص آخر هذا الخبر في الأثناء"),
    "You edited version {edited}; the story is now at version {current}. Open it again to see the newest version, "
    "then repeat your change.": (
        "Sürüm {edited} üzerinde çalıştınız; haber şimdi sürüm {current}. En yeni sürümü görmek için yeniden açın, "
        "sonra değişikliğinizi tekrarlayın.",
        "عدّلت الإصدار {edited}؛ الخبر الآن في الإصدار {current}. افتحه مرة أخرى لترى أحدث إصدار، ثم كرّر تغييرك."),
    "Someone changed this story meanwhile. You edited version {edited}; the story is now at version {current}. "
    "Your text is kept below: merge what they changed and send it again.": (
        "Bu haberi bu arada başka biri değiştirdi. Sürüm {edited} üzerinde çalıştınız; haber şimdi sürüm {current}. "
        "Metniniz aşağıda duruyor: onların değiştirdiklerini birleştirip yeniden gönderin.",
        "غيّر شخص آخر هذا الخبر في الأثناء. عدّلت الإصدار {edited}؛ الخبر الآن في الإصدار {current}. نصك محفوظ "
        "أدناه: ادمج ما غيّروه وأرسله مرة أخرى."),
    # what keeps a story from being saved or moved (compose.Story.problem_sentences)
    "A headline is required.": ("Başlık gerekli.", "العنوان مطلوب."),
    "A headline has at most {n} characters.": ("Başlık en fazla {n} karakterdir.",
                                                "لا يزيد العنوان على {n} حرفًا."),
    "The standfirst, the dateline and the byline have at most {n} characters each.": (
        "Spot, tarih satırı ve imza en fazla {n} karakterdir.",
        "لا يزيد كل من الموجز وسطر المكان والتاريخ واسم الكاتب على {n} حرفًا."),
    "A slugline has at most {n} characters.": ("Anahtar satırı en fazla {n} karakterdir.",
                                               "لا يزيد السطر المرجعي على {n} حرفًا."),
    "Services are up to {n} codes such as economy or sport-en (letters, digits, dot, dash), separated by commas.": (
        "Servisler, virgülle ayrılmış en fazla {n} koddur; örneğin economy veya sport-en (harf, rakam, nokta, tire).",
        "الخدمات حتى {n} رموز مثل economy أو sport-en (حروف وأرقام ونقطة وشرطة) تفصل بينها فواصل."),
    "The language is a language code such as en, de or pt-BR.": (
        "Dil, en, de veya pt-BR gibi bir dil kodudur.", "اللغة رمز لغة مثل en أو de أو pt-BR."),
    "Embargo until is a date and time (UTC).": ("Ambargo bitişi bir tarih ve saattir (UTC).",
                                                 "موعد رفع الحظر تاريخ ووقت (UTC)."),
    "A story needs a body to be published.": ("Yayımlanması için haberin bir metni olmalı.",
                                              "يحتاج الخبر إلى نص كي يُنشر."),
    "No such story": ("Böyle bir haber yok", "لا يوجد خبر كهذا"),
    "No such draft": ("Böyle bir taslak yok", "لا توجد مسودة كهذه"),
    "No such event": ("Böyle bir etkinlik yok", "لا يوجد حدث كهذا"),
    "Unknown action": ("Bilinmeyen işlem", "إجراء غير معروف"),
    "{action} is not a button here.": ("{action} burada bir düğme değil.", "{action} ليس زرًا هنا."),
    "Nothing to hand back": ("Geri gönderilecek bir şey yok", "لا شيء لإعادته"),
    "Only a saved draft goes back.": ("Yalnızca kaydedilmiş bir taslak geri gönderilir.",
                                      "لا تُعاد إلا مسودة محفوظة."),
    "This story is on the wire already": ("Bu haber zaten hatta", "هذا الخبر على الخط بالفعل"),
    "Open it to correct it.": ("Düzeltmek için açın.", "افتحه لتصحيحه."),
    "This story was killed": ("Bu haber iptal edildi", "أُلغي هذا الخبر"),
    "A killed story stays killed.": ("İptal edilen haber iptal edilmiş kalır.", "الخبر الملغى يبقى ملغى."),
    "This story is withheld": ("Bu haber askıya alındı", "هذا الخبر محجوب"),
    "Release it first, then update or correct it.": ("Önce serbest bırakın, sonra güncelleyin ya da düzeltin.",
                                                     "أطلقه أولاً، ثم حدّثه أو صحّحه."),
    "This story is not withheld": ("Bu haber askıda değil", "هذا الخبر غير محجوب"),
    "There is nothing to release.": ("Serbest bırakılacak bir şey yok.", "لا شيء لإطلاقه."),
    "Unknown status": ("Bilinmeyen durum", "حالة غير معروفة"),
    "An event is tentative, confirmed or cancelled.": ("Bir etkinlik taslak, kesin ya da iptal edilmiştir.",
                                                       "الحدث إما مبدئي أو مؤكد أو ملغى."),
    "A correction needs a note saying what was corrected.": ("Düzeltme, neyin düzeltildiğini söyleyen bir not ister.",
                                                             "يحتاج التصحيح إلى ملاحظة تقول ما الذي صُحّح."),
    "Withholding needs a reason.": ("Askıya almak bir gerekçe ister.", "يحتاج الحجب إلى سبب."),
    "A kill needs a reason.": ("İptal bir gerekçe ister.", "يحتاج الإلغاء إلى سبب."),
    "You are signed out.": ("Çıkış yaptınız.", "تم تسجيل خروجك."),
    "Sign in again: the code came too late.": ("Yeniden giriş yapın: kod çok geç geldi.",
                                               "سجّل الدخول مرة أخرى: وصل الرمز متأخرًا."),
    "Too many failed attempts: try again in {wait} seconds.": (
        "Çok fazla başarısız deneme: {wait} saniye sonra yeniden deneyin.",
        "محاولات فاشلة كثيرة جدًا: حاول مرة أخرى بعد {wait} ثانية."),
    "The code is not right.": ("Kod doğru değil.", "الرمز غير صحيح."),
    "The email or the password is wrong.": ("E-posta ya da parola yanlış.",
                                            "البريد الإلكتروني أو كلمة المرور خاطئة."),
}


def say(lang: str, english: str, **values: object) -> str:
    """``english`` in ``lang`` (English when it has no translation), ``{name}`` filled from ``values``."""
    both = MESSAGES.get(english)
    text = both[("tr", "ar").index(lang)] if both is not None and lang in ("tr", "ar") else english
    return text.format(**values) if values else text


extend({
    "en": {"desk_back_to_wire": "Back to the wire", "desk_open_again": "Open it again",
           "desk_sign_in_title": "Sign in to the desk"},
    "tr": {"desk_back_to_wire": "Hatta dön", "desk_open_again": "Yeniden açın",
           "desk_sign_in_title": "Masaya giriş yapın"},
    "ar": {"desk_back_to_wire": "العودة إلى البث", "desk_open_again": "افتحه مرة أخرى",
           "desk_sign_in_title": "تسجيل الدخول إلى المكتب"},
})
