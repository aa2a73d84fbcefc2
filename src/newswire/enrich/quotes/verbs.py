"""Verbs of saying beyond the entity cues, in the shapes an attribution takes: subject-less
and pronoun forms, passives, the Spanish perfect, Turkish labels with a light verb, Arabic
circumstantial participles; and where a verb of several words ends.
"""

from __future__ import annotations

from newswire.enrich.entities.cues import _SAY, _SAY_AFTER
from newswire.vocab.places import WORD_RE, fold

# Arabic circumstantial participles that carry a quote after a first verb ("دعا الحزب …،
# معتبرا أن "…"", "مؤكدا أن "…"", "مضيفة: "…""): their subject is the first verb's.
_AR_PARTICIPLES = (
    "معتبرا", "معتبرة", "مؤكدا", "مؤكدة", "مشيرا", "مشيرة", "موضحا", "موضحة", "مضيفا", "مضيفة",
    "لافتا", "لافتة", "منوها", "منوهة", "محذرا", "محذرة",
)
# Subject-less or pronoun-carrying attribution forms not among the entity cue verbs.
_EXTRA_SAY = (
    "ekledi", "diye ekledi", "diye konuştu", "sözlerini kullandı", "ifadesini kullanan",
    "ifadelerini kullanan", "ifadesini kullandı", "sözlerini kullanan", "a t il ajouté",
    "a t elle ajouté", "a t il dit", "a t elle dit", "a t il déclaré", "a t elle déclaré",
    "a t il expliqué", "a t elle expliqué", "a t il souligné", "a t elle souligné",
    "ajoute", "poursuit", "précise", "hinzu", "so", "sagte er", "sagte sie", "wa adaf",
    "وأضاف", "وأضافت", "وتابع", "وتابعت", "وأكد", "وأكدت", "وقال", "وقالت", "أضاف",
    "continued", "went on", "tweeted", "wrote", "replied", "told reporters",
    "called the", "called it",  # called the result "a clear signal"
    "продолжил", "продолжила", "добавил", "добавила", "отметил", "отметила", "спросил",
    "спросила", "ответил", "ответила",
    "añadió", "agregó", "continuó", "dodao je", "dodala je", "rekao je", "rekla je",
    # Turkish attributions that end the sentence after the quote ("…" ifadelerine yer verdi,
    # uyarısında bulundu, açıklamasında bulundu) or open the speaker's name ("…" diyen X),
    # and "X'e göre"
    "yer verdi", "bulundu", "diyen", "diyerek", "göre",
    # Arabic verbs of saying beyond the entity cues (their clitic forms are matched too)
    "أردف", "أردفت", "قائلا", "قائلة", "شدد", "شددت", "نوه", "نوهت", "بين", "بينت", "اعتبر",
    "اعتبرت", "رأى", "رأت", "أفاد", "أفادت", "أعرب", "أعربت", "حذر", "حذرت", "كشف", "كشفت",
    "بحسب", "حسب", "وفقا", "قوله", "قولها",
    *_AR_PARTICIPLES,
    # Spanish verbs of saying beyond the entity cues, and "de acuerdo con X"
    "escribió", "sentenció", "concluyó", "resaltó", "recalcó", "detalló", "planteó", "opinó",
    "respondió", "aclaró", "reiteró", "alegó", "acusó", "acuerdo con",
    # Bosnian/Croatian verbs of saying beyond the entity cues, and "prema njegovim riječima"
    "ocijenio", "ocijenila", "upozorio", "upozorila", "odgovorio", "odgovorila", "zaključio",
    "zaključila", "objasnio", "objasnila", "napomenuo", "napomenula", "podsjetio", "podsjetila",
    "najavio", "najavila", "priznao", "priznala", "upitao", "upitala", "tvrdi", "ističe",
    "navodi", "dodaje", "pojašnjava", "ocjenjuje", "poručuje", "njegovim riječima",
    "njezinim riječima", "njenim riječima", "его словам", "ее словам", "её словам",
    # verbs that label what is quoted, the partial quotes of reported speech (ANNOTATION 6:
    # "nannte den Streik „völlig unverhältnismäßig …“", "a qualifié le résultat de « … »")
    "nannte", "nennt", "bezeichnete", "bezeichnet", "sprach", "spricht", "a qualifié", "qualifie",
    "ocijenilo", "ocijenili", "ocijenile", "nazvao", "nazvala", "nazvali", "оценил", "оценила",
    "оценили", "назвал", "назвала", "назвали",
)
# Passive attributions: the statement is quoted, nobody is named ("Açıklamada, "…" ifadesine
# yer verildi"): the organisation named around it, or no speaker.
_PASSIVE_SAY = frozenset({
    "yer verildi", "belirtildi", "denildi", "ifade edildi", "kaydedildi", "vurgulandı", "kullanıldı",
    "heißt es",  # "„…“, heißt es in einer Mitteilung des Deutschen Wetterdienstes"
    "hieß es",
    # "„…“, navodi se u priopćenju policije", "stoji u saopćenju", "говорится в сообщении"
    "navodi se", "ističe se", "naglašava se", "poručuje se", "stoji u", "navedeno je", "istaknuto je",
    "говорится",
})


# Spanish copy from Spain (Europa Press, EFE's Madrid desk) attributes in the perfect: "…",
# ha explicado X / han advertido / ha valorado el plan como "…". The participles of the
# verbs of saying, each after "ha" and "han".
_ES_PARTICIPLES = (
    "dicho", "afirmado", "añadido", "agregado", "señalado", "explicado", "asegurado", "indicado",
    "declarado", "subrayado", "advertido", "precisado", "destacado", "sostenido", "expresado",
    "manifestado", "remarcado", "enfatizado", "apuntado", "insistido", "reconocido", "admitido",
    "lamentado", "aseverado", "puntualizado", "comentado", "escrito", "sentenciado", "concluido",
    "resaltado", "recalcado", "detallado", "planteado", "opinado", "respondido", "aclarado",
    "reiterado", "criticado", "denunciado", "alertado", "valorado", "reclamado", "pedido",
    "defendido", "anunciado", "confirmado", "recordado", "considerado", "calificado", "celebrado",
    "agradecido", "contado", "relatado", "confesado", "exigido", "argumentado", "mantenido",
    "incidido", "apostillado", "avisado", "augurado", "vaticinado", "pronosticado", "revelado",
    "garantizado", "prometido", "reprochado", "replicado", "lanzado", "zanjado", "alegado", "acusado",
)
_ES_PERFECT = tuple(f"{aux} {participle}" for aux in ("ha", "han") for participle in _ES_PARTICIPLES)


def _say_words() -> tuple[frozenset[str], frozenset[str]]:
    words: set[str] = set()
    phrases: set[str] = set()
    for table in (_SAY, _SAY_AFTER):
        for verbs in table.values():
            for verb in verbs:
                parts = [fold(w) for w in WORD_RE.findall(verb)]
                (phrases if len(parts) > 1 else words).add(" ".join(parts))
    for verb in (*_EXTRA_SAY, *_PASSIVE_SAY, *_ES_PERFECT):
        parts = [fold(w) for w in WORD_RE.findall(verb)]
        (phrases if len(parts) > 1 else words).add(" ".join(parts))
    return frozenset(words), frozenset(phrases)


_SAY_WORDS, _SAY_PHRASES = _say_words()
# The first words of the phrases: a word that is none opens no phrase.
_SAY_PHRASE_HEADS = frozenset(p.split(" ", 1)[0] for p in _SAY_PHRASES)
_AR_PARTICIPLES_FOLDED = frozenset(fold(w) for w in _AR_PARTICIPLES)
# Turkish labels a quote with a noun in the possessive and a light verb: "…" açıklamasını
# yaptı, değerlendirmesini yaptı, bilgisini verdi, müjdesini verdi, çağrısı yaptı.
_TR_LIGHT_VERBS = frozenset(fold(w) for w in ("yaptı", "verdi", "paylaştı", "iletti", "yineledi", "yöneltti"))
_TR_LABEL_ENDINGS = ("ını", "ini", "unu", "ünü", "sı", "si", "su", "sü")


def _tr_label(word: str) -> bool:
    """A lower-case noun in the possessive (accusative): the name of what was said."""
    return word[:1].islower() and len(word) > 5 and word.endswith(_TR_LABEL_ENDINGS)


_PASSIVE_FOLDED = frozenset(" ".join(fold(w) for w in WORD_RE.findall(p)) for p in _PASSIVE_SAY)


# Spanish perfect auxiliaries ("ha explicado", "han advertido").
_ES_AUXILIARIES = frozenset({"ha", "han"})


def _verb_end(toks: list[tuple[str, str, int]], verb: int) -> int:
    """The last word of the verb of saying at ``verb`` ("a déclaré": the participle)."""
    if verb + 1 < len(toks) and (
        f"{toks[verb][1]} {toks[verb + 1][1]}" in _SAY_PHRASES or toks[verb][1] in _ES_AUXILIARIES
    ):
        return verb + 1
    return verb
