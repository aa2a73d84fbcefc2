"""Arabic references to a speaker named before: an honorific with a pronoun ("وقال سعادته")
and a relative pronoun before the verb ("الدار العقارية التي قالت"); an unnamed subject
after the verb ("وقال أحد المزارعين").
"""

from __future__ import annotations

from newswire.enrich.quotes.people import _PersonReferences
from newswire.vocab.places import fold

# Arabic honorifics with a pronoun ("سعادته", his excellency) and the honorific that
# introduced the person they refer to, folded; relative pronouns ("الدار العقارية التي قالت").
_AR_HONORIFIC_PRONOUNS = {
    fold(pronoun): honorific for honorific, pronouns in (
        ("سعادة", ("سعادته", "سعادتها")), ("معالي", ("معاليه", "معاليها")), ("سمو", ("سموه", "سموها")),
        ("فخامة", ("فخامته",)),
    ) for pronoun in pronouns
}
_AR_ARTICLE = fold("ال")
_AR_RELATIVES = frozenset(fold(w) for w in ("التي", "الذي", "الذين"))
# Words that open an unnamed speaker right after the verb: one of a group ("وقال أحد
# المزارعين", "إحدى الراكبات"), an indefinite refugee, resident or witness ("لاجئ يدعى
# أبو خالد", "مواطن", "شاهد عيان"), a relative or an indefinite spokesman, folded; ANNOTATION
# 6: the speaker is null.
_AR_UNNAMED_SUBJECTS = frozenset(fold(w) for w in (
    "أحد", "إحدى", "لاجئ", "لاجئة", "مواطن", "مواطنة", "شاهد", "شاهدة",
    # a relative or guardian ("وقالت والدة أحد الموقوفين", "ولية أمر"), an indefinite
    # spokesman ("وقال متحدث باسم الشركة")
    "والد", "والدة", "ولي", "ولية", "متحدث", "متحدثة",
    # an official or a worker by trade, indefinite ("وقال مسؤول في الوزارة", "وقال موظف في
    # إحدى الشركات", "وقال مزارع من القرية")
    "مسؤول", "مسؤولة", "موظف", "موظفة", "مزارع", "مزارعة", "عامل", "عاملة",
    "معلم", "معلمة", "سائق", "تاجر", "طالب", "طالبة",
))


_AR_ONE_OF_THEM = frozenset(fold(w) for w in ("أحدهم", "إحداهن", "أحدهما", "إحداهما"))
# Words that never open an indefinite subject right after the verb: what the verb says ("إن",
# "أنها"), to whom or where ("لوكالة", "لـ", "عقب"), a compound given name ("عبد", "أبو"),
# folded; a preposition on the article ("للأناضول") is told apart by its shape.
_AR_NOT_SUBJECTS = frozenset(fold(w) for w in (
    "إن", "أن", "بأن", "إنه", "إنها", "أنه", "أنها", "إنهم", "أنهم", "إننا", "أننا", "إنني", "أنني",
    "عقب", "إثر", "قبل", "بعد", "أمس", "اليوم", "مساء", "صباح", "عبد", "أبو", "ابو", "أم", "بن", "ابن",
    "بنت", "آل", "كما", "أيضا", "لـ", "قوله", "قولها", "بحسب", "لوكالة", "لقناة", "لصحيفة", "لمراسل",
    "لمراسلة", "لموقع", "لرويترز", "لإذاعة", "لتلفزيون",
))
_AR_WHOM_PREFIXES = (fold("لل"), fold("بال"))  # "للأناضول", "بالمؤتمر": a preposition on the article
# A speaker the story keeps anonymous: "فضّل عدم ذكر اسمه", "طلب عدم نشر اسمها", "رفضت
# الكشف عن هويتها" (folded; ANNOTATION 6: null).
_AR_ANONYMOUS = tuple(fold(w) for w in ("عدم ذكر اسم", "عدم نشر اسم", "الكشف عن اسم", "الكشف عن هوي"))


class _ArabicReferences(_PersonReferences):
    """The person or body an Arabic honorific or relative pronoun refers to."""

    @staticmethod
    def _ar_unnamed(toks: list[tuple[str, str, int]], verb: int) -> bool:
        """The subject right after an Arabic verb of saying is nobody named: "وقال أحد سكان
        المدينة للأناضول:", "قال لاجئ يدعى أبو خالد" (not "قال المواطن X Y": definite, named)."""
        if verb + 1 < len(toks) and toks[verb + 1][1] in _AR_ONE_OF_THEM:
            return True  # "وقال أحدهم:": the subject whole in one word
        return verb + 2 < len(toks) and toks[verb + 1][1] in _AR_UNNAMED_SUBJECTS

    def _ar_indefinite_subject(self, before: str, toks: list[tuple[str, str, int]], verb: int) -> bool:
        """The subject right after an Arabic verb of saying is an indefinite noun phrase naming
        nobody of the story: its head and the word after it both without the article ("وقال
        فلاح من المنطقة"، "وقالت امرأة كانت تنتظر"، "وقال صياد آخر"، "وقال دبلوماسي غربي"; not
        "وقال رئيس الوزراء", definite through its genitive), or one the story keeps anonymous
        ("فضّل عدم ذكر اسمه"). ANNOTATION 6: the speaker is null, not the person named last."""
        tail = toks[verb + 1:]
        if len(tail) < 2:
            return False
        folded_tail = " ".join(folded for _, folded, _ in tail)
        if any(phrase in folded_tail for phrase in _AR_ANONYMOUS):
            return True  # whatever the people finder took for a name in it ("وقال صاحب مخبز")
        if self._person_in(tail):
            return False
        (raw, head, at), (_, second, _) = tail[0], tail[1]
        if (
            len(head) < 3 or head.startswith(_AR_ARTICLE) or head.startswith(_AR_WHOM_PREFIXES)
            or head in _AR_NOT_SUBJECTS or head in _AR_HONORIFIC_PRONOUNS or head in self.by_title
            or raw.isdigit() or second.startswith(_AR_ARTICLE) or second in _AR_NOT_SUBJECTS
        ):
            return False
        return self._org_at(before[at:]) is None

    def _ar_reference(
        self, before: str, toks: list[tuple[str, str, int]], verb: int, at: int
    ) -> str | None:
        """Arabic references to a speaker named before: an honorific with a pronoun ("وقال
        سعادته" -> the person the story first introduced with "سعادة"), or a relative pronoun right
        before the verb ("سهم الدار العقارية التي قالت" -> the body it follows)."""
        words = [folded for _, folded, _ in toks[verb + 1:verb + 3]]
        honorific = next((_AR_HONORIFIC_PRONOUNS[w] for w in words if w in _AR_HONORIFIC_PRONOUNS), None)
        if honorific is not None:
            # the story's subject: agencies (QNA, WAM) open with the official the honorific
            # introduces ("اجتمع سعادة الدكتور X مع … سعادة السيد Y") and refer back to them
            title_at = self.text.find(honorific, 0, at)
            if self.mentions is None:
                self.mentions = self._mentions()
            after_title = (name for offset, name in sorted(self.mentions) if 0 <= title_at < offset < at)
            return next(after_title, None)
        if verb + 1 < len(toks) and toks[verb + 1][1].startswith(_AR_ARTICLE):
            # "وقال البنك، في بيان، إن": a definite noun right after the verb that opens the
            # name of a body named before ("البنك المركزي المصري", "شبكة أطباء السودان")
            head = toks[verb + 1][1]
            bare = head.removeprefix(_AR_ARTICLE)
            body = self._last_named_org(at, lambda spellings: fold(spellings[0]).split(" ", 1)[0] in (head, bare))
            if body is not None and not self._person_in(toks[verb + 1:]):
                return body
        if verb and toks[verb - 1][1] in _AR_RELATIVES:
            ante = before[:toks[verb - 1][2]].rstrip()
            return next((name for name, spellings in self.orgs if any(ante.endswith(s) for s in spellings)), None)
        return None
