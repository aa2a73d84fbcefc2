"""The portal's words for sign-in's second factor and the organisation's team
(:mod:`newswire.portal.access`), merged into :mod:`newswire.portal.i18n`."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "code": "Code", "code_hint": "Enter the 6-digit code from your authenticator app, or one of your "
                                     "recovery codes.",
        "code_wrong": "The code is not right.", "code_expired": "Sign in again: the code came too late.",
        "account": "Account", "account_title": "Your account",
        "two_step": "Two-step sign-in", "two_step_off": "Two-step sign-in is off: your password alone signs you in.",
        "two_step_on": "Two-step sign-in is on. Recovery codes left: {n}.",
        "two_step_start": "Set up two-step sign-in",
        "two_step_scan": "Add this account to your authenticator app: scan the code, or enter the key by hand. "
                         "Then enter the 6-digit code the app shows.",
        "two_step_key": "Key", "two_step_uri": "Setup address", "two_step_qr": "QR code of the setup address",
        "two_step_confirm": "Turn on", "two_step_disable": "Turn off",
        "two_step_disable_hint": "Enter a current code (or a recovery code) to turn two-step sign-in off.",
        "two_step_enabled": "Two-step sign-in is on.", "two_step_disabled": "Two-step sign-in is off.",
        "recovery_codes": "Recovery codes",
        "recovery_hint": "Keep these codes somewhere safe. Each signs you in once if you lose your phone. They are "
                         "shown only now.",
        "recovery_new": "New recovery codes",
        "recovery_new_hint": "Enter a current code to replace your recovery codes (the old ones stop working).",
        "team": "Team", "team_title": "Your organisation's users",
        "invite": "Invite", "invite_hint": "Invite a colleague: they get a one-time link to choose a password.",
        "role": "Role", "role_member": "Member", "role_manager": "Manager",
        "state": "State", "state_active": "Active", "state_invited": "Invited", "state_disabled": "Disabled",
        "actions": "Actions", "reset_access": "Reset access", "disable": "Disable", "enable": "Enable",
        "invited": "{email} is invited.", "access_reset": "A new link for {email} is made; their sessions ended "
                                                           "and their two-step sign-in is off.",
        "user_disabled": "{email} is disabled.", "user_enabled": "{email} is enabled again.",
        "link_emailed": "The link went to {email} by email.",
        "link_show": "Give {email} this one-time link (valid {hours} hours):",
        "link_not_sent": "The email could not be sent.",
        "invite_failed": "This was not done: {reason}",
        "invite_subject": "Your access to the {org} wire",
        "invite_body": "Choose your password for the news wire portal of {org} with this one-time link "
                       "(valid {hours} hours):",
        "you": "you",
    },
    "tr": {
        "code": "Kod", "code_hint": "Doğrulama uygulamanızdaki 6 haneli kodu ya da kurtarma kodlarınızdan birini "
                                   "girin.",
        "code_wrong": "Kod doğru değil.", "code_expired": "Yeniden giriş yapın: kod çok geç geldi.",
        "account": "Hesap", "account_title": "Hesabınız",
        "two_step": "İki adımlı giriş", "two_step_off": "İki adımlı giriş kapalı: yalnızca parolanızla giriş "
                                                       "yapıyorsunuz.",
        "two_step_on": "İki adımlı giriş açık. Kalan kurtarma kodu: {n}.",
        "two_step_start": "İki adımlı girişi kur",
        "two_step_scan": "Bu hesabı doğrulama uygulamanıza ekleyin: kodu taratın ya da anahtarı elle girin. "
                         "Sonra uygulamanın gösterdiği 6 haneli kodu girin.",
        "two_step_key": "Anahtar", "two_step_uri": "Kurulum adresi", "two_step_qr": "Kurulum adresinin QR kodu",
        "two_step_confirm": "Aç", "two_step_disable": "Kapat",
        "two_step_disable_hint": "İki adımlı girişi kapatmak için geçerli bir kod (ya da kurtarma kodu) girin.",
        "two_step_enabled": "İki adımlı giriş açık.", "two_step_disabled": "İki adımlı giriş kapalı.",
        "recovery_codes": "Kurtarma kodları",
        "recovery_hint": "Bu kodları güvenli bir yerde saklayın. Telefonunuzu kaybederseniz her biri bir kez giriş "
                         "yaptırır. Yalnızca şimdi gösteriliyorlar.",
        "recovery_new": "Yeni kurtarma kodları",
        "recovery_new_hint": "Kurtarma kodlarınızı yenilemek için geçerli bir kod girin (eskileri geçersiz olur).",
        "team": "Ekip", "team_title": "Kuruluşunuzun kullanıcıları",
        "invite": "Davet et", "invite_hint": "Bir çalışma arkadaşınızı davet edin: parola seçmesi için tek "
                                             "kullanımlık bir bağlantı alır.",
        "role": "Rol", "role_member": "Üye", "role_manager": "Yönetici",
        "state": "Durum", "state_active": "Etkin", "state_invited": "Davet edildi", "state_disabled": "Devre dışı",
        "actions": "İşlemler", "reset_access": "Erişimi sıfırla", "disable": "Devre dışı bırak",
        "enable": "Etkinleştir",
        "invited": "{email} davet edildi.", "access_reset": "{email} için yeni bir bağlantı oluşturuldu; "
                                                           "oturumları sona erdi, iki adımlı girişi kapatıldı.",
        "user_disabled": "{email} devre dışı.", "user_enabled": "{email} yeniden etkin.",
        "link_emailed": "Bağlantı {email} adresine e-postayla gönderildi.",
        "link_show": "{email} kullanıcısına bu tek kullanımlık bağlantıyı verin ({hours} saat geçerli):",
        "link_not_sent": "E-posta gönderilemedi.",
        "invite_failed": "Bu yapılmadı: {reason}",
        "invite_subject": "{org} haber akışına erişiminiz",
        "invite_body": "{org} haber akışı portalı için parolanızı bu tek kullanımlık bağlantıyla seçin "
                       "({hours} saat geçerli):",
        "you": "siz",
    },
    "ar": {
        "code": "الرمز", "code_hint": "أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة، أو أحد رموز الاسترداد.",
        "code_wrong": "الرمز غير صحيح.", "code_expired": "سجّل الدخول مرة أخرى: وصل الرمز متأخرًا.",
        "account": "الحساب", "account_title": "حسابك",
        "two_step": "تسجيل الدخول بخطوتين", "two_step_off": "تسجيل الدخول بخطوتين متوقف: كلمة المرور وحدها تكفي.",
        "two_step_on": "تسجيل الدخول بخطوتين مفعّل. رموز الاسترداد المتبقية: {n}.",
        "two_step_start": "إعداد تسجيل الدخول بخطوتين",
        "two_step_scan": "أضف هذا الحساب إلى تطبيق المصادقة: امسح الرمز أو أدخل المفتاح يدويًا. ثم أدخل الرمز "
                         "المكوّن من 6 أرقام الذي يعرضه التطبيق.",
        "two_step_key": "المفتاح", "two_step_uri": "عنوان الإعداد", "two_step_qr": "رمز QR لعنوان الإعداد",
        "two_step_confirm": "تفعيل", "two_step_disable": "إيقاف",
        "two_step_disable_hint": "أدخل رمزًا حاليًا (أو رمز استرداد) لإيقاف تسجيل الدخول بخطوتين.",
        "two_step_enabled": "تسجيل الدخول بخطوتين مفعّل.", "two_step_disabled": "تسجيل الدخول بخطوتين متوقف.",
        "recovery_codes": "رموز الاسترداد",
        "recovery_hint": "احفظ هذه الرموز في مكان آمن. كل رمز يتيح لك الدخول مرة واحدة إذا فقدت هاتفك. "
                         "لن تُعرض إلا الآن.",
        "recovery_new": "رموز استرداد جديدة",
        "recovery_new_hint": "أدخل رمزًا حاليًا لاستبدال رموز الاسترداد (تتوقف الرموز القديمة).",
        "team": "الفريق", "team_title": "مستخدمو مؤسستك",
        "invite": "دعوة", "invite_hint": "ادعُ زميلًا: يتلقى رابطًا لمرة واحدة لاختيار كلمة مرور.",
        "role": "الدور", "role_member": "عضو", "role_manager": "مدير",
        "state": "الحالة", "state_active": "نشط", "state_invited": "مدعو", "state_disabled": "معطّل",
        "actions": "الإجراءات", "reset_access": "إعادة تعيين الوصول", "disable": "تعطيل", "enable": "تفعيل",
        "invited": "تمت دعوة {email}.", "access_reset": "أُنشئ رابط جديد لـ {email}؛ انتهت جلساته وأوقف تسجيل "
                                                       "الدخول بخطوتين.",
        "user_disabled": "عُطّل {email}.", "user_enabled": "أُعيد تفعيل {email}.",
        "link_emailed": "أُرسل الرابط إلى {email} بالبريد الإلكتروني.",
        "link_show": "أعطِ {email} هذا الرابط لمرة واحدة (صالح {hours} ساعة):",
        "link_not_sent": "تعذّر إرسال البريد الإلكتروني.",
        "invite_failed": "لم يتم ذلك: {reason}",
        "invite_subject": "وصولك إلى خدمة أخبار {org}",
        "invite_body": "اختر كلمة مرورك لبوابة خدمة أخبار {org} عبر هذا الرابط لمرة واحدة (صالح {hours} ساعة):",
        "you": "أنت",
    },
}
