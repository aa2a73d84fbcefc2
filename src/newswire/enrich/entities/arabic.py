"""Arabic: names without capitals to go by (lists after "كل من", names joined by the
clitic "و"; the names the title and attribution cues cut short or missed, mended by
:func:`_mend_arabic_names`) and how far an organisation's construct chain runs.
"""

from __future__ import annotations

from functools import lru_cache

from newswire.enrich.entities.cues import _ORG_START
from newswire.enrich.entities.story import _AR_NOT_FAMILY, _Acc, _AccFn, _person_key, _Story
from newswire.enrich.entities.words import _AR_STOP
from newswire.vocab.people_orgs import ORGANISATION, PERSON
from newswire.vocab.places import fold, gazetteer, name_token_keys

# Words that open a list of names in Arabic copy: "كل من" (each of), "بينهم" (among them),
# "رجال الأعمال" (the businessmen) ...; the names after them are joined by the clitic "و".
_AR_LIST_PHRASES = ("كل من", "بينهم", "وهم", "رجال الأعمال", "اللاعبين", "اللاعبون", "الوزراء")
_AR_LIST_OPENERS = tuple(tuple(fold(w) for w in phrase.split()) for phrase in _AR_LIST_PHRASES)
_AR_LIST_FIRST = frozenset(o[0] for o in _AR_LIST_OPENERS)
_AR_AND = "و"


def _arabic_name_lists(story: _Story, acc: _AccFn) -> None:
    """Two or more Arabic names after a list opener, the second and later ones written with
    "و" ("كل من سالم الدوسري ومالكوم فيليبي وعبد الله الحمدان"): people. First, the names
    the title and attribution cues found are mended (:func:`_mend_arabic_names`)."""
    _mend_arabic_names(story, acc)
    _names_after_demonyms(story, acc)
    _drop_phrases(story, acc)
    _arabic_players(story, acc)
    if _AR_AGE_MARK in story.text:
        _names_before_age(story, acc)
    if _AR_CHAMBER in story.text or _AR_DIRECTORATE in story.text:
        _chambers_and_directorates(story, acc)
    _compound_family_mentions(story, acc)
    if _AR_STATEMENT in story.text:
        _statement_bodies(story, acc)
    if not any(phrase in story.text for phrase in _AR_LIST_PHRASES):
        return
    folded = list(map(fold, story.toks.words))
    for k in [k for k, w in enumerate(folded) if w in _AR_LIST_FIRST]:
        opener = next((o for o in _AR_LIST_OPENERS if tuple(folded[k:k + len(o)]) == o), None)
        if opener is None:
            continue
        names = _names_joined_by_and(story, k + len(opener))
        if len(names) >= 2:
            _add_people(story, names, acc)


def _phrase(story: _Story, i: int, j: int) -> bool:
    """Words i..j go on past a preposition written onto the article: a phrase, no name."""
    return any(ar_preposition_phrase(fold(w)) for w in story.toks.words[i + 1:j]) and not any(
        PERSON in story.kinds_at(x) for x in range(i, j)
    )


def _drop_phrases(story: _Story, acc: _AccFn) -> None:
    """A person's name never goes on past a preposition written onto the article ("دولة للتجارة
    الخارجية"، "سيخضع للفحص الطبي"): what the cues read there is a phrase, no person."""
    for i, j in list(story.person_spans):
        if j - i >= 2 and _phrase(story, i, j):
            acc(PERSON, ("p", *_person_key(story, i, j)), story.toks.starts[i]).spellings.clear()


_AR_MAX_LIST = 8
# Goal nouns a scorer's name follows, a team's name between them: "وسجل هدفي الزمالك عمر
# النحاس ويوسف مرزوق"، "أحرز هدف الإسماعيلي محمود عبد الستار".
_AR_GOALS = frozenset(fold(w) for w in ("هدف", "هدفي", "أهداف"))


def _arabic_scorers(story: _Story, acc: _AccFn) -> None:
    """Names after a goal noun and the team's name: people, joined by "و"."""
    words = story.toks.words
    for k in [k for k, w in enumerate(words) if fold(w) in _AR_GOALS]:
        j = k + 1
        if not (j < story.n and story.tight(k) and (not story.free(j) or fold(words[j]).startswith(("ال", "لل")))):
            continue  # the team's name comes first ("هدف متأخر" is no name)
        j = story.matches[story.owner[j]].end if not story.free(j) else j + 1
        if j < story.n and story.tight(j - 1):
            _add_people(story, _names_joined_by_and(story, j), acc)


# A player's role in a match report, folded without the clitic "و": the name follows it ("سجل
# البديل X"، "هدفي الهلال اللاعبان X و Y"، "والمدافع X"); "الوحيد" after a goal and its team
# ("هدف النصر الوحيد X") too.
_AR_PLAYER_ROLES_RAW = frozenset(clitic + w for w in (
    "البديل", "اللاعب", "اللاعبان", "المهاجم", "المدافع", "الحارس", "القائد", "الوحيد",
) for clitic in ("", "و"))  # as written: the cheap test before any fold


def _arabic_players(story: _Story, acc: _AccFn) -> None:
    """The name after a player's role in a match report (a demonym between passed over:
    "الوحيد المغربي X"): a person."""
    words = story.toks.words
    roles = [k for k in range(story.n - 2) if words[k] in _AR_PLAYER_ROLES_RAW and story.tight(k)]
    if not roles or (not story.has_score and _AR_GOALS.isdisjoint(fold(w) for w in words)):
        return  # no match report: no score, no goal ("بهدفين مقابل هدف")
    for k in roles:
        j = k + 1
        if fold(words[j]) in _ar_demonyms() and story.tight(j):
            j += 1
        end = story.arabic_name(j) if j < story.n and story.tight(j - 1) else j
        if end - j >= 2 and not story.persons_from(j) and not story.in_org(j, end):
            _move_person(story, acc, None, j, _family_end(story, j, end))


def _names_joined_by_and(story: _Story, j: int) -> list[tuple[int, int]]:
    """The names from word j on, the second and later ones with the clitic "و"; a scorer's
    minute after a name ("A في الدقيقة 12، وB") and a demonym before one ("والبرازيلي B")
    are passed over."""
    names: list[tuple[int, int]] = []
    words = story.toks.words
    while j < story.n and len(names) < _AR_MAX_LIST:
        if names:
            after = _past_minute(story, j)
            if not (
                (story.tight(j - 1) or (after > j and story.gap_before(after).strip() in ("", "،", ",")))
                and after < story.n and fold(words[after]).startswith(_AR_AND) and len(fold(words[after])) > 2
            ):
                break
            j = after
            if _nisba(fold(words[j])[len(_AR_AND):]) and j + 1 < story.n and story.tight(j):
                end = _scorer_end(story, j + 1, story.arabic_name(j + 1))
                if end - j - 1 < 2:
                    break
                names.append((j + 1, end))
                j = end
                continue
        end = story.arabic_name(j) if not names else _arabic_name_after_and(story, j)
        if end - j < 2:
            break
        end = _scorer_end(story, j, end)
        names.append((j, end))
        j = end
    return names


# The minute of a goal after a scorer's name: "في الدقيقة 12", "في الدقيقتين 55 و78".
_AR_MINUTES = frozenset(fold(w) for w in ("الدقيقة", "الدقيقتين"))


def _past_minute(story: _Story, j: int) -> int:
    """The word after a scorer's minute that opens at word j (j itself when none does)."""
    words = story.toks.words
    if not (j + 2 < story.n and words[j] == _AR_IN and fold(words[j + 1]) in _AR_MINUTES and story.tight(j)):
        return j
    k = j + 2
    while k < story.n and story.tight(k - 1) and words[k].removeprefix(_AR_AND).isdigit():
        k += 1
    return k if k > j + 2 else j


_AR_NAME_MAX = 4


def _scorer_end(story: _Story, j: int, end: int) -> int:
    """A scorer's name of words j..end runs on over the words left before the minute of
    the goal ("وماركوس فيليبي دا كوستا في الدقيقة 55": a particle and a third name the
    cues stop short of)."""
    words = story.toks.words
    k = end
    while k < story.n and k - j < _AR_NAME_MAX and story.tight(k - 1) and story.free(k) and (
        fold(words[k]) not in _AR_STOP and not words[k].isdigit()
    ):
        k += 1
    return k if k > end and _past_minute(story, k) > k else end


def _add_people(story: _Story, names: list[tuple[int, int]], acc: _AccFn) -> None:
    toks, words = story.toks, story.toks.words
    for number, (i, j) in enumerate(names):
        parts = list(words[i:j])
        if number and not _after_and_demonym(words, i):
            parts[0] = parts[0][len(_AR_AND):]
        key = ("p", *(min(name_token_keys(w, story.lang)) for w in parts))
        a = acc(PERSON, key, toks.starts[i])
        a.add(" ".join(parts), 60, toks.starts[i])
        a.full = True


def _after_and_demonym(words: list[str], i: int) -> bool:
    """The name at word i follows "و" and a demonym ("والبرازيلي"), so carries no clitic."""
    word = fold(words[i - 1]) if i > 0 else ""
    return word.startswith(_AR_AND) and _nisba(word[len(_AR_AND):])


def _arabic_name_after_and(story: _Story, j: int) -> int:
    """End of an Arabic name whose first word carries the clitic "و" ("وفهد القحطاني")."""
    words = story.toks.words
    first = fold(words[j])[len(_AR_AND):]
    if not first or first.startswith("ال") or first in _AR_STOP or not story.free(j):
        return j
    if first == "عبد" and j + 2 < story.n:  # "وعبد الله الحمدان"
        return j + 3 if story.tight(j) and story.tight(j + 1) else j
    if not (j + 1 < story.n and story.tight(j) and story.free(j + 1)):
        return j
    second = fold(words[j + 1])
    if j + 2 < story.n and story.tight(j + 1) and story.free(j + 2) and not second.startswith("ال") and (
        fold(words[j + 2]).startswith("ال") and fold(words[j + 2]) not in _AR_NOT_FAMILY
        and fold(words[j + 2]) not in _AR_STOP
    ):
        return j + 3  # "وكريم فؤاد الشناوي": given name, father's name, family name
    return j + 2


def _strip_ar_clitic(word: str) -> str:
    """A head with its clitic taken off: "والمديرية" -> "المديرية", "بالبنك" -> "البنك" (the
    definite head, not "بنك"), "للمركز" -> "المركز" ("ل" + "ال" is written "لل")."""
    for cue in _AR_HEADS_LONGEST_FIRST:
        if word.endswith(cue) and len(word) > len(cue):
            if not cue.startswith("ال") and word[: -len(cue)].endswith("لل"):
                return "ال" + cue
            return cue
    return word


_AR_HEADS_LONGEST_FIRST = tuple(sorted(_ORG_START["ar"], key=len, reverse=True))


_AR_PUBLIC = fold("العام")  # "public", "general" - and "the year", a stop word
_AR_YEAR_AFTER = frozenset(fold(w) for w in ("الماضي", "المقبل", "الحالي", "الجاري", "المنصرم"))


def _public_after_definite(story: _Story, k: int) -> bool:
    """Word k is "العام" agreeing with the definite word before it inside a body's name
    ("لأطباء القطاع العام", "الاتحاد العام التونسي"), not the year ("العام الماضي")."""
    words = story.toks.words
    return fold(words[k]) == _AR_PUBLIC and fold(words[k - 1]).startswith("ال") and not (
        k + 1 < story.n and story.tight(k) and fold(words[k + 1]) in _AR_YEAR_AFTER
    )


def _arabic_org_tail(story: _Story, end: int) -> int:
    words = story.toks.words
    # "المديرية", "والمديرية", "بالمديرية": a definite head (a clitic may stand before "ال")
    definite = fold(words[end - 1]).startswith(("ال", "وال", "بال", "فال", "كال", "لل"))
    k = end
    while k < story.n and k - end < 6 and story.tight(k - 1):
        word = fold(words[k])
        kinds = story.kinds_at(k)
        if (word in _AR_STOP and not _public_after_definite(story, k)) or kinds & {"title", PERSON, "say"}:
            break
        if word in _AR_ADDRESSEES and fold(words[k - 1]).startswith(("ال", "لل")):
            break  # "دعت اللجنة الوطنية لحقوق الإنسان المواطنين إلى": the verb's object
        if k > end and _nisba(words[k - 1]) and not (
            _nisba(words[k]) or word.startswith(("ل", "وال")) or word in _AR_NAME_ADJECTIVES
        ):
            break  # "بنك الكويت الوطني وزين", "مصرف قطر المركزي الإبقاء": the adjective closes it
        if k > end and word.startswith("و") and (
            _AR_FORCES_OR_HEADS.intersection((word[1:], word[1:].removeprefix("ال")))
        ):
            break  # "وزارة الزراعة والقوات المسلحة": a second body joined by "and"
        if word.startswith(("ال", "وال", "لل")):
            k += 1
            continue
        if word in _AR_SON_OF and k > end and k + 1 < story.n and story.tight(k):
            k += 2  # a person's name inside the name: "مركز محمد بن راشد للفضاء"
            continue
        if (word.startswith("ل") or word.startswith("و")) and k + 1 < story.n and fold(
            words[k + 1]
        ).startswith("ال") and k > end:
            k += 1
            continue
        if k == end and not definite and len(word) > 2 and word not in _AR_INDEFINITE_ADJECTIVES and not (
            _indefinite_nisba(story, k) or _agreeing_adjective(story, k)
        ):
            k += 1  # construct state: "هيئة تنمية الصادرات", "بنك قطر"
            continue
        if k > end and not definite and kinds == {"place"}:
            k += 1  # the country closes the chain: "مؤسسة كهرباء لبنان"
            break
        break
    if definite and k - end < 2:
        return end
    if k > end and k < story.n and story.gap_before(k) == " - " and story.kinds_at(k) == {"place"}:
        k = story.matches[story.owner[k]].end  # "دائرة الصحة - أبوظبي": the emirate's body
    return k


# People a body addresses, the object of its verb after its name ("دعا جهاز حماية المستهلك
# المواطنين إلى"), folded: after a definite word they close the name.
_AR_ADDRESSEES = frozenset(fold(w) for w in ("المواطنين", "المواطنات", "المقيمين", "الأهالي", "المسافرين"))


# Adjectives after an indefinite head that make it a common noun ("مستشفى جديد", "مركز
# مماثل", "بنك آخر"), not a construct name, folded.
_AR_INDEFINITE_ADJECTIVES = frozenset(fold(w) for w in (
    "جديد", "جديدة", "جديدا", "مماثل", "مماثلة", "مماثلا", "آخر", "أخرى", "كبير", "كبيرة",
    "صغير", "صغيرة", "خاص", "خاصة", "حكومي", "حكومية", "ميداني", "ميدانية", "متنقل", "متنقلة",
))


_AR_NISBA_ENDINGS = (fold("ية"), fold("ي"))


def _indefinite_nisba(story: _Story, k: int) -> bool:
    """Word k is a relative adjective without the article after an indefinite head, so the
    head is a common noun: "محكمة مصرية" (an Egyptian court), "منظمة حقوقية", "شركة تركية". A
    place ("بنك دبي") or a noun with a genitive after it ("هيئة تنمية الصادرات", "اتحاد معلمي
    كردستان") is not one."""
    word = fold(story.toks.words[k])
    if len(word) < 5 or not word.endswith(_AR_NISBA_ENDINGS) or "place" in story.kinds_at(k):
        return False
    return not (k + 1 < story.n and story.tight(k) and (
        fold(story.toks.words[k + 1]).startswith(("ال", "لل")) or "place" in story.kinds_at(k + 1)
    ))


def _agreeing_adjective(story: _Story, k: int) -> bool:
    """Word k agrees with the feminine indefinite head before it, both ending in "ة", has an
    adjective's shape and no genitive after it: an adjective, so the head is a common noun ("لجنة فنية"، "لجنة مشتركة"،
    "شركة مسجلة"), not a construct name ("هيئة تنمية الصادرات")."""
    words = story.toks.words
    word = words[k]
    # an adjective's shape: a relative adjective ("فنية") or a participle ("مشتركة", "مسجلة"), not
    # a given name ("جامعة خليفة")
    if not (word.endswith("ة") and words[k - 1].endswith("ة") and (word.endswith("ية") or word.startswith("م"))) or (
        story.kinds_at(k) & {"place", ORGANISATION}
    ):
        return False
    return not (k + 1 < story.n and story.tight(k) and (
        fold(words[k + 1]).startswith(("ال", "لل")) or "place" in story.kinds_at(k + 1)
    ))


def _nisba(word: str) -> bool:
    """A definite relative adjective as written ("الوطني", "الأردنية"; not "البيئة"), which
    closes a name's chain."""
    return word.startswith("ال") and len(word) > 5 and word.endswith(("ي", "ية"))


# Adjectives that follow a relative adjective inside a name: "المتحف المصري الكبير".
_AR_NAME_ADJECTIVES = frozenset(fold(w) for w in (
    "الكبير", "الكبرى", "الجديد", "الجديدة", "العام", "العامة", "العليا", "الأعلى", "المتكاملة",
    "المتحدة", "المشتركة", "الموحد", "الموحدة", "المستقل", "المستقلة", "القابضة", "المالية",
    "المحترف", "المحترفة",
))


# Bodies a conjunction may join to a name before them, folded without the article.
_AR_FORCES_OR_HEADS = frozenset(
    {fold(w).removeprefix("ال") for w in _ORG_START["ar"]} | {fold(w) for w in ("قوات", "جيش", "شرطة")}
)


# -- names the cues cut short or missed --------------------------------------------------
_AR_SON_OF = frozenset(fold(w) for w in ("بن", "بنت", "ابن"))
_AR_COMPOUND = frozenset(fold(w) for w in ("عبد", "أبو", "ابو"))  # "عبد الله", "أبو بكر"
# A compound father's name written fused with "بن" (Maghreb: "رشيد بنعبد الله") and the second
# half of a compound given name ("عماد الدين"): the name so far is a given and a father's name.
_AR_FATHER_COMPOUND = _AR_COMPOUND | {fold("بنعبد")}
_AR_GIVEN_SECOND = frozenset(fold(w) for w in ("الدين", "الزهراء", "الإسلام", "الهدى"))
# Nouns of a portfolio after "ل" ("وزير الدولة لشؤون الطاقة", "نائب الرئيس لقطاع النفط"):
# the words after a title that are not yet the name.
_AR_PORTFOLIO = frozenset(fold(w) for w in ("لشؤون", "لقطاع", "لتنمية", "لحقوق", "لمنطقة"))
_AR_IN = fold("في")
_AR_ALI = "علي"  # the given name; the preposition is written "على" (the same once folded)
# Nouns that open an unnamed source's description ("مصدر حكومي", "مسؤول رفيع") or a body's
# name ("شبكة أطباء السودان"): no person.
_AR_UNNAMED = frozenset(fold(w) for w in (
    "مصدر", "مصادر", "مسؤول", "مسؤولة", "مسؤولون", "شاهد", "شهود", "سكان", "مواطن", "مواطنون",
    "دبلوماسي", "دبلوماسيون", "مراقبون", "ناشط", "ناشطون", "شبكة",
    # "أحد المزارعين", "إحدى الراكبات", "لاجئ يدعى …": one of a group, unnamed
    "أحد", "إحدى", "لاجئ", "لاجئة",
    # a relative or guardian ("والدة أحد الموقوفين", "ولية أمر"), an indefinite spokesman
    # ("متحدث باسم الشركة")
    "والد", "والدة", "ولي", "ولية", "متحدث", "متحدثة",
))
# Personal pronouns, alone or after "و"/"ف" ("وهي موظفة"), and "another" ("صياد آخر"), folded:
# never part of a name.
_AR_PRONOUNS = frozenset(clitic + fold(w) for w in ("هو", "هي", "هم", "هما", "هن") for clitic in ("", "و", "ف"))
_AR_OTHER = frozenset(fold(w) for w in ("آخر", "أخرى", "آخرون", "آخرين"))
# Indefinite titles a field of study or practice follows in the construct state ("أستاذ علوم
# الغلاف الجوي", "استشارية الأمراض المعدية"), folded: the words after them are no name.
_AR_FIELD_TITLES = frozenset(fold(w) for w in (
    "أستاذ", "أستاذة", "استشاري", "استشارية", "أخصائي", "أخصائية", "اختصاصي", "اختصاصية",
))
# "that" with a pronoun ("إنها", "أنهم"), which opens what a body said, never a name, folded.
_AR_THAT_PRONOUNS = frozenset(fold(w) for w in (
    "إنها", "أنها", "إنهم", "أنهم", "إنهما", "أنهما", "إنني", "أنني", "إننا", "أننا",
))
_AR_PRONOUN_PREPOSITIONS = frozenset(fold(w) for w in (
    "عليه", "عليها", "عليهم", "له", "لها", "لهم", "منه", "منها", "فيه", "فيها", "إليه",
    "إليها", "عنه", "عنها", "به", "بها",
))
_AR_MAX_PORTFOLIO = 4


def _mend_arabic_names(story: _Story, acc: _AccFn) -> None:
    """Arabic names as the title and attribution cues left them, mended:

    * a family name after "بن"/"بنت" ("سلطان بن عبدالله الحربي", not "سلطان بن عبدالله");
    * a third name without the article after a title, where the sentence goes on with a
      particle ("المهندس طارق محمود جويلي بأن");
    * a portfolio taken for a name ("وزير الدولة لشؤون الطاقة القطري فيصل بن ناصر الكواري":
      "لشؤون الطاقة" is no person, the name follows it);
    * a name after a title and the employer ("الأمين العام لسلطة المياه سامر يوسف
      الطراونة", "الباحثة في جامعة خليفة مريم سعيد الظاهري").
    """
    words, starts = story.toks.words, story.toks.starts
    spans = sorted(set(story.person_spans))
    titled_names = {
        i for i, j in spans
        # two words or more: "رئيس [جمهورية] السنغال" is a role and its country, no titled name
        if j - i >= 2 and i > 0 and story.tight(i - 1) and "title" in story.kinds_at(i - 1)
        and not _department_fragment(story, i)
        and not _phrase(story, i, j)  # "وزير دولة للتجارة الخارجية": a portfolio, no name
    }
    for i, j in spans:
        if any(PERSON in story.kinds_at(k) for k in range(i, j)):
            continue
        old = acc(PERSON, ("p", *_person_key(story, i, j)), starts[i])
        end = _past_ali(story, j)
        if end > j:  # "كريم علي النوري": the name Ali, spelt like the preposition once folded
            _move_person(story, acc, old, i, end)
            continue
        if j - i < 2:
            continue
        if fold(words[i]) in _AR_UNNAMED or fold(words[i]) in _AR_PRONOUNS or fold(words[j - 1]) in _AR_OTHER or (
            _possessive(words[i]) or fold(words[j - 1]) in _AR_SPOKEN_TO or _kept_anonymous(story, j)
        ):
            # "وقال مصدر حكومي": an unnamed source; "وهي موظفة", "وهو موظف": a pronoun and what
            # the person is; "وقال صياد آخر": another one of a kind; "وقال رئيسها التنفيذي",
            # "وقالت مخرجته لـ": a role of someone's, whom the words after it name; "وقال صاحب
            # مخبز في الحي طلب عدم نشر اسمه": a speaker kept anonymous
            old.spellings.clear()
            continue
        if i > 0 and story.tight(i - 1) and fold(words[i - 1]) in _AR_FIELD_TITLES:
            old.spellings.clear()  # "أستاذة هندسة الطيران", "أستاذ علوم الغلاف الجوي": a field
            continue
        if fold(words[i]) in _AR_THAT_PRONOUNS:
            old.spellings.clear()  # "وقالت إنها تتطلع", "أعلنت أنها ستنشر": the verb's object
            continue
        if _named_facility(story, i):
            old.spellings.clear()  # "مطار الملك عبدالعزيز الدولي": the airport's name, no person
            continue
        if _department_fragment(story, i):
            old.spellings.clear()  # "رئيس قسم البحوث", "مدير إدارة تطوير القدرات": a unit
            _name_past_unit(story, acc, j)
            continue
        if _served_body(story, i, j):
            old.spellings.clear()  # "الرئيس التنفيذي لمجموعة إيدج", "الجمعية الأردنية لطب الأطفال"
            _name_past_unit(story, acc, j, passed=True)
            continue
        if _listed_with_and(story, i):
            _strip_and(story, acc, old, i, j)
            continue
        if _before_titled_name(story, j, titled_names) or any(
            fold(w) in _AR_PRONOUN_PREPOSITIONS for w in words[i:j]
        ):
            # "الملك سيصادق عليه": a verb and a preposition with a pronoun are no name
            old.spellings.clear()  # "مديرة إدارة الصحة العامة الدكتورة نورة ...": a department
            continue
        if fold(words[i]) in _AR_PORTFOLIO:
            start = _past_portfolio(story, j)
            end = story.arabic_name(start) if start < story.n else start
            if end - start >= 2:
                _move_person(story, acc, old, start, _family_end(story, start, end))
            else:
                old.spellings.clear()
            continue
        end = _family_end(story, i, j, titled=bool(old.titles))
        if end > j:
            _move_person(story, acc, old, i, end)
    if _AR_ALI in story.text:
        _titled_ali(story, acc)
    if _AR_IN in story.text:
        _titled_in(story, acc)
    _titled_for(story, acc)
    for a, b in list(story.org_spans):
        if b >= story.n or not story.tight(b - 1) or not _titled_employer(story, a):
            continue
        end = story.arabic_name(b)
        if end - b == 2 and story.arabic_name(b + 1) - b > 3:
            # the body's name runs on one word the cues left out ("حزب مستقبل [وطن] هالة محمود
            # الدسوقي"): the full name of three after it is the person's
            b, end = b + 1, story.arabic_name(b + 1)
        if end - b >= 2 and not story.in_org(b, end):
            _move_person(story, acc, None, b, _family_end(story, b, end, titled=True))
    _listed_honorific_names(story, acc)
    if _AR_MISTER in story.text:
        _names_after_mister(story, acc)
    for match, cues in story.cued:  # the verbs of saying, from the cue matches
        if any(cue.kind == "say" for cue in cues) and _saying_verb(words[match.start]):
            _closing_name(story, acc, match.start)
            _full_name_of_surname(story, acc, match.start + 1)
    if not _AR_STANCE_RAW.isdisjoint(story.distinct):  # verbs of a stance the quote follows ("روى", "أبدى")
        for k, word in enumerate(words):
            if word in _AR_STANCE_RAW:
                _closing_name(story, acc, k, cued=False)
                _full_name_of_surname(story, acc, k + 1)


# Verbs of saying whose subject is the speaker named after a description ("قال", "أكد"),
# folded, without the clitic "و"/"ف"; "أعلن" (announced), "ذكر" take an object there.
_AR_SAYING = frozenset(fold(w) for w in (
    "قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "أوضح", "أوضحت", "صرح", "صرحت", "أشار", "أشارت",
))
# Words after the name that closes an attribution: the verb's object ("إن", "أن"), where or
# to whom the person spoke ("في مؤتمر صحفي", "للأناضول", "لـ"), folded.
_AR_CLOSERS = frozenset(fold(w) for w in ("إن", "أن", "بأن"))
# Verbs of a stance whose subject a quote then gives words to ("فيما روى المواطن X Y أنه …،
# مضيفا:", "وعبرت الحاضرة X Y عن سعادتها قائلة:", "أبدى X Y مدرب المصري رضاه … وقال:"), as
# written (with the clitic "و"/"ف"); the cues do not read the name after them. Their closers
# add "عن" (expressed) and "أنه"/"أنها".
_AR_STANCE_RAW = frozenset(
    clitic + verb for verb in ("روى", "روت", "عبرت", "أبدى", "أبدت", "ابدى", "ابدت", "توقع", "توقعت")
    for clitic in ("", "و", "ف")
)
_AR_STANCE_CLOSERS = _AR_CLOSERS | frozenset(fold(w) for w in ("عن", "أنه", "أنها"))
# The media a speaker told ("لقناة العربية", "لوكالة الأنباء"), folded: they close a name as
# "للأناضول" does.
_AR_TOLD_MEDIA = frozenset(fold(w) for w in (
    "لقناة", "لوكالة", "لصحيفة", "لرويترز", "لمراسل", "لمراسلة", "لموقع", "لإذاعة", "لتلفزيون",
))
# ... and a relative pronoun ("X Y Z الذي يؤدي دور الأب:") closes the name before the quote
_AR_ADJUNCTS = frozenset(fold(w) for w in ("في", "خلال", "للأناضول", "للصحفيين", "لـ", "الذي", "التي")) | _AR_TOLD_MEDIA
_AR_MAX_ATTRIBUTION = 18  # words between the verb and the name's end
_AR_CLITIC_ARTICLE = ("ال", "لل", "وال", "بال", "فال", "كال")
# "باسم" is a given name and "on behalf of" ("المتحدث باسم الوزارة"); a relative adjective
# in the feminine ("التجارية") is no family name.
_AR_NOT_GIVEN = frozenset(fold(w) for w in ("باسم", "عقب", "إثر"))  # and "after" ("عقب المباراة")
_AR_FEMININE_NISBA = fold("ية")


def _saying_verb(word: str) -> bool:
    folded = fold(word)
    return folded in _AR_SAYING or (folded[:1] in ("و", "ف") and folded[1:] in _AR_SAYING)


def _closing_name(story: _Story, acc: _AccFn, verb: int, cued: bool = True) -> None:
    """The name that closes an attribution after its title and employer: "وقال المتحدث
    الرسمي باسم الهيئة العامة للعناية بشؤون المسجد الحرام ماجد بن سعود العتيبي إن", "وقال
    رئيس قسم البحوث في شركة X، كريم عبد الفتاح الشناوي، للأناضول". The words before it are
    the description; a fragment of it taken for a name ("بشؤون المسجد", "قسم البحوث") is no
    person. A body right after the verb ("أكدت وزارة الري") is the subject: no name looked for."""
    words, n = story.toks.words, story.n
    if verb + 1 >= n or not story.tight(verb) or story.kinds_at(verb + 1) & {"org_start", ORGANISATION}:
        return
    start, k = verb + 1, verb + 1
    found: tuple[int, int] | None = None
    provisional: tuple[int, int] | None = None  # before "في": the employer may still follow
    role = False  # two words before a comma after the verb: a role ("وقال محامي الدفاع، المستشار X")

    def ending(e: int) -> tuple[int, int] | None:
        name = _name_ending(story, verb, start, e, cued)
        return name if name is None or not role or "title" in story.kinds_at(name[0] - 1) else None

    while k < n and k - verb <= _AR_MAX_ATTRIBUTION and found is None:
        word = fold(words[k])
        if k > verb + 1 and "say" in story.kinds_at(k):
            break  # the next attribution
        gap = story.gap_before(k + 1).strip()[:1] if k + 1 < n else "."  # ':' before a quote mark
        if word in (_AR_CLOSERS if cued else _AR_STANCE_CLOSERS):
            found = ending(k - 1)
            break
        if (word in _AR_ADJUNCTS or "title" in story.kinds_at(k)) and k > start and provisional is None:
            provisional = ending(k - 1)  # "وقال العميد X Y Z رئيس لجنة …": a title after the name
        if gap == ":":  # the quote follows; a name before "في" comes first ("X في المؤتمر عقب المباراة:")
            found = provisional or ending(k)
            break
        if gap in ("،", ","):
            found = ending(k)
            if found == _AR_AFTER_VERB and k == verb + 2 and not _family_nisba(words[k]):
                found, role = None, True  # only a name after a title may follow
            start = k + 1
        elif gap:
            break
        k += 1
    found = found or provisional
    if found is None or found[0] < 0:
        return
    s, end = found
    if (verb + 1, verb + 3) in story.person_spans and _family_nisba(words[verb + 2]) and not _possessive(
        words[verb + 1]
    ):
        return  # the cues read a name right after the verb ("وقال يونس المسناوي محلل …")
    described = [(a, b) for a in range(verb + 1, s + 1) for b in story.persons_from(a) if b <= s]
    for i, j in described:  # the people read between the verb and the name
        if not any(PERSON in story.kinds_at(x) for x in range(i, j)) and (
            story.text.count(story.toks.span(i, j)) == 1  # a fragment of the description, named once
        ):
            acc(PERSON, ("p", *_person_key(story, i, j)), story.toks.starts[i]).spellings.clear()
    if any(i < end for i in story.persons_to(end)):
        return  # the cues read it
    if end - s == 2:
        s, end = _written_in_full(story, s, end)
    _move_person(story, acc, None, s, end)


_AR_TIMES = frozenset(fold(w) for w in ("مساء", "صباح", "ظهر", "فجر", "ليلة", "عصر"))
_AR_FULL_NAME_MIN = 3  # words: a given name, the father's and the family name


def _full_name_of_surname(story: _Story, acc: _AccFn, k: int) -> None:
    """A family name alone right after a verb of saying ("وقال الهاجري في كلمة"، "وقالت العتيبي
    للصحفيين") is the person the story wrote out in full before it, given and father's names
    and the family name ("خالد بن سعد الهاجري"، "للمخرجة السعودية لمى فيصل العتيبي"), which
    no cue read there: that full name is a person."""
    words = story.toks.words
    if k + 1 < story.n and story.tight(k) and ("title" in story.kinds_at(k) or (
        fold(words[k]).startswith("ال") and not _family_nisba(words[k]) and _family_nisba(words[k + 1])
    )):
        k += 1  # "وقالت المخرجة الأتاسي"، "وقال الوزير الكتبي": past the title or role
    if k >= story.n or not story.free(k) or not _family_nisba(words[k]) or any(
        e - k >= 2 for e in story.persons_from(k)
    ):
        return  # a name of its own after the verb ("وقال يونس المسناوي"): read there
    surname = words[k]
    for i in range(2, k):
        if words[i] != surname or not story.free(i) or any(a <= i < b for a, b in story.person_spans if b - a >= 2):
            continue
        for s in range(max(0, i - _AR_NAME_MAX + 1), i - 1):
            if i + 1 - s < _AR_FULL_NAME_MIN or not story.free(s) or fold(words[s]) in _AR_HONORIFICS:
                continue
            if story.arabic_name(s) == i + 1 and not story.in_org(s, i + 1) and all(
                story.tight(x) for x in range(s, i)
            ):
                _move_person(story, acc, None, s, i + 1)
                return


_AR_NOT = fold("عدم")
_AR_WITHHELD = frozenset(fold(w) for w in ("ذكر", "نشر", "الكشف", "كشف"))
_AR_ANONYMITY_REACH = 12  # words from the name to "عدم ذكر اسمه"


def _kept_anonymous(story: _Story, j: int) -> bool:
    """The attribution from word j on keeps its speaker anonymous ("فضّل عدم ذكر اسمه"، "طلب
    عدم نشر اسمه"، "فضلت عدم الكشف عن اسمها") before it ends: the words before are no name."""
    words = story.toks.words
    for k in range(j, min(story.n - 1, j + _AR_ANONYMITY_REACH)):
        if any(mark in story.gap_before(k) for mark in ':."«'):
            return False
        if fold(words[k]) == _AR_NOT and fold(words[k + 1]) in _AR_WITHHELD:
            return True
    return False


def _role_before(story: _Story, k: int) -> bool:
    """Word k ("العام") ends a role: a title or a possessive role before it ("الأمين العام",
    "أمينها العام", "مديرها العام"), not the year ("العام الماضي")."""
    return k > 0 and story.tight(k - 1) and (
        "title" in story.kinds_at(k - 1) or _possessive(story.toks.words[k - 1])
    )


_AR_POSSESSIVE_ENDINGS = tuple(fold(w) for w in ("ها", "ته", "هم"))
_AR_POSSESSIVE_MIN = 5  # letters: "مها" is a given name, "رئيسها" (its head) a role


def _possessive(word: str) -> bool:
    """A noun with a possessive pronoun ("رئيسها", "مخرجته", "أمينهم"): a role of someone's."""
    folded = fold(word)
    return len(folded) >= _AR_POSSESSIVE_MIN and folded.endswith(_AR_POSSESSIVE_ENDINGS)


def _family_nisba(word: str) -> bool:
    """A family name of the relative form ("المسناوي", "المزروعي"), not a noun in the feminine
    ("المفوضية", "النقابة")."""
    folded = fold(word)
    return _nisba(folded) and not folded.endswith(_AR_FEMININE_NISBA)


def _written_in_full(story: _Story, s: int, end: int) -> tuple[int, int]:
    """A two-word name (given and family name) where the story gave it in full once, with the
    father's name between ("سلمى الشناوي" after "سلمى عادل الشناوي"): that full name."""
    words = story.toks.words
    given, family = words[s], words[end - 1]
    for k in range(story.n - 2):
        if words[k] == given and words[k + 2] == family and k != s and story.tight(k) and story.tight(k + 1) and (
            story.free(k + 1) and not fold(words[k + 1]).startswith("ال")
        ):
            return k, k + 3
    return s, end


def _foreign_after_demonym(story: _Story, s: int, e: int) -> bool:
    """Words s..e, after a demonym ("الإسباني", "اللبناني"), are one name of up to four words
    without the article: a foreign name ("خوان أنطونيو رييس بلانكو") or one the family name of
    which has none ("جاد فؤاد حداد")."""
    return "adj" in story.kinds_at(s - 1) and e - s < _AR_NAME_MAX and all(
        story.free(k) and not fold(w).startswith(_AR_CLITIC_ARTICLE) and fold(w) not in _AR_STOP
        for k, w in enumerate(story.toks.words[s:e + 1], start=s)
    )


_AR_AFTER_VERB = (-1, -1)  # the name follows the verb: the cues read it, nothing more to find


def _name_ending(story: _Story, verb: int, start: int, e: int, cued: bool = True) -> tuple[int, int] | None:
    """The longest name of the words start..e that ends at word e after a description (a
    title, a definite word, a place) or a comma; None when the name follows the verb (the
    cues read it, unless not ``cued``: a verb of stance)."""
    words = story.toks.words
    if e - start < 1 or not story.free(e):
        return None
    for s in range(max(start, e - _AR_NAME_MAX), e):
        first = fold(words[s])
        if first in _AR_UNNAMED or first in _AR_NOT_GIVEN or first in _AR_PRONOUNS or first.startswith(
            _AR_CLITIC_ARTICLE
        ) or not story.free(s) or _listed_with_and(story, s):  # "…، ومجدي X Y": a list's next name
            continue
        end = story.arabic_name(s)
        # a name after a description (s past the verb) reads on as one after a title does
        end = _family_end(story, s, end, titled=s > verb + 1) if end > s else end
        if (s, e + 1) in story.person_spans or (end > s and _foreign_after_demonym(story, s, e)):
            end = e + 1  # the cues read it ("ياسر عبد الحليم نوفل"), or a foreign name after a demonym
        if end != e + 1 or end - s < 2 or story.in_org(s, end) or any(
            fold(w).startswith(_AR_CLITIC_ARTICLE[1:]) or ar_preposition_phrase(fold(w)) for w in words[s + 1:end]
        ) or (end - s == 2 and fold(words[e]).endswith(_AR_FEMININE_NISBA)):
            continue
        if s == verb + 1:
            return _AR_AFTER_VERB if cued else (s, end)
        before = fold(words[s - 1])
        if s == start or story.kinds_at(s - 1) & {"title", "place", "adj", ORGANISATION} or (
            before.startswith(_AR_CLITIC_ARTICLE) and (before not in _AR_STOP or _role_before(story, s - 1))
        ):
            return s, end
    return None


# Honorifics and titles that open a listed person's name: "وسعادة السيدة X" is X.
_AR_HONORIFICS = frozenset(fold(w) for w in (
    "سعادة", "معالي", "سمو", "فخامة", "السيد", "السيدة", "الدكتور", "الدكتورة", "الشيخ", "الشيخة",
))


def _listed_with_and(story: _Story, i: int) -> bool:
    """The name at word i is the next one of a list, after a comma and with the clitic "و"
    ("كل من X، نائب الرئيس …، وراجيش كومار ميهتا، الرئيس …", "…، وسعادة السيدة X")."""
    word = fold(story.toks.words[i])
    return i > 0 and word.startswith(_AR_AND) and len(word) > 3 and story.gap_before(i).strip() in ("،", ",")


def _listed_honorific_names(story: _Story, acc: _AccFn) -> None:
    """The name after an honorific with the clitic "و" that opens a list's next item ("…،
    والسيدة كاترين فالدهوف، عضو …"), which the title cues do not see for the clitic."""
    words = story.toks.words
    for k in range(1, story.n - 2):
        if not (words[k].startswith(_AR_AND) and fold(words[k])[len(_AR_AND):] in _AR_HONORIFICS) or (
            story.gap_before(k).strip() not in ("،", ",")
        ):
            continue
        m = k + 1
        while m < story.n and story.tight(m - 1) and (fold(words[m]) in _AR_HONORIFICS or "title" in story.kinds_at(m)):
            m += 1
        if m >= story.n or not story.tight(m - 1) or any(i <= m < j for i, j in story.person_spans):
            continue
        end = story.arabic_name(m)
        end = _family_end(story, m, end, titled=True) if end > m else end
        if end - m >= 2 and not story.in_org(m, end):
            _move_person(story, acc, None, m, end)


_AR_MISTER = "السيد"  # and "السيدة": the honorific before a name, no title cue of its own
_AR_MISTERS = frozenset(fold(w) for w in ("السيد", "السيدة"))


def _names_after_mister(story: _Story, acc: _AccFn) -> None:
    """A name of two to four words after "السيد"/"السيدة" that a title, a comma or a closing
    word ends ("قال السيد جان بيير موكيندي رئيس الوفد:"، "وصف السيد برتراند كاباسيلي المتحدث
    باسم الوفد"، "السيدة X Y، وزيرة …"): a person, foreign names without the article too."""
    words = story.toks.words
    for k in range(story.n - 2):
        if fold(words[k]) not in _AR_MISTERS or not story.tight(k):
            continue
        m, end = k + 1, k + 1
        while end < story.n and end - m < _AR_NAME_MAX and story.free(end) and (end == m or story.tight(end - 1)):
            word = fold(words[end])
            if word in _AR_STOP or word in _AR_SPOKEN_TO or ar_preposition_phrase(word) or words[end].isdigit():
                break
            end += 1
        closed = end >= story.n or not story.tight(end - 1) or fold(words[end]) in _AR_STOP or (
            "title" in story.kinds_at(end) or fold(words[end]) in _AR_SPOKEN_TO
        )
        if 2 <= end - m <= _AR_NAME_MAX - 1 and closed and not story.in_org(m, end) and not any(
            (a <= m and end <= b) or words[b - 1] == words[m] for a, b in story.person_spans if b - a >= 2
        ):  # not a name read already, nor the surname of one ("أكدت السيدة موانغي حرص بلادها")
            _move_person(story, acc, None, m, end)


def _strip_and(story: _Story, acc: _AccFn, old: _Acc, i: int, j: int) -> None:
    """The person of words i..j without the clitic "و" of word i, and without the honorifics
    that open it."""
    words, toks = story.toks.words, story.toks
    first = fold(words[i])[len(_AR_AND):]
    if first in _AR_HONORIFICS:
        k = i + 1
        while k < j and (fold(words[k]) in _AR_HONORIFICS or "title" in story.kinds_at(k)):
            k += 1
        if j - k >= 2:
            _move_person(story, acc, old, k, j)
        else:
            old.spellings.clear()
        return
    parts = [words[i][len(_AR_AND):], *words[i + 1:j]]
    key = ("p", *(min(name_token_keys(w, story.lang)) for w in parts))
    new = acc(PERSON, key, toks.starts[i])
    new.add(" ".join(parts), max(65, old.confidence), toks.starts[i])
    new.full = True
    if new is not old:
        new.titles |= old.titles
        old.spellings.clear()


_AR_MAX_EMPLOYER = 6  # words between a title and the name: the department, the employer


def _before_titled_name(story: _Story, j: int, titled_names: set[int]) -> bool:
    """Words j on are the rest of an employer or department, then a title and a name:
    "قال أستاذ علم المصريات [في جامعة القاهرة الدكتور] كريم عبد الحميد" - what stood
    before them was no name."""
    k = j
    while k < story.n and k - j < _AR_MAX_EMPLOYER and story.tight(k - 1):
        if k in titled_names:
            return True
        word = fold(story.toks.words[k])
        if not (word.startswith(("ال", "لل", "بال")) or word == _AR_IN or story.in_org(k, k + 1)
                or story.kinds_at(k) & {"title", "org_start", "place", ORGANISATION}):
            return False
        k += 1
    return False


def _past_ali(story: _Story, j: int) -> int:
    """The end of a name cut before "علي" at word j: past it and the family name after it
    (j itself when word j is not the name)."""
    words = story.toks.words
    if j >= story.n or words[j] != _AR_ALI or not story.tight(j - 1) or not story.free(j):
        return j
    end = j + 1
    if end < story.n and story.tight(end - 1) and story.free(end):
        word = fold(words[end])
        if word.startswith("ال") and word not in _AR_STOP and word not in _AR_NOT_FAMILY:
            end += 1
    return end


def _after_title(story: _Story, k: int) -> bool:
    """Word k follows a title and its portfolio ("وزير الداخلية", "رئيس الهيئة")."""
    i = k - 1
    while i >= 0 and k - i <= _AR_MAX_PORTFOLIO and story.tight(i):
        if "title" in story.kinds_at(i):
            return True
        if not (fold(story.toks.words[i]).startswith("ال") or story.kinds_at(i) & {"adj", "place"}):
            return False
        i -= 1
    return False


def _titled_in(story: _Story, acc: _AccFn) -> None:
    """A name after a title and "في" with the body the person sits in ("النائبة في البرلمان
    الأردني دينا البشير"): the definite words are skipped, the name follows them."""
    words = story.toks.words
    for k in [k for k, w in enumerate(words) if w == _AR_IN]:
        if not (k and story.tight(k - 1) and "title" in story.kinds_at(k - 1)):
            continue
        j = k + 1
        while j < story.n and j - k <= _AR_MAX_PORTFOLIO and story.tight(j - 1) and (
            fold(words[j]).startswith("ال") or story.kinds_at(j) & {"adj", "place"} or story.in_org(j, j + 1)
        ):
            j += 1
        if j == k + 1 or j >= story.n or not story.tight(j - 1):
            continue  # "وزير الخارجية في مؤتمر صحفي": no body named, no name looked for
        end = story.arabic_name(j)
        if end - j >= 2 and not story.in_org(j, end):
            _move_person(story, acc, None, j, _family_end(story, j, end, titled=True))


def _titled_for(story: _Story, acc: _AccFn) -> None:
    """A name after a title and the body it serves, written with "ل" ("الرئيس التنفيذي
    لمطارات دبي سعيد أحمد المهيري"): the "ل" word and the place or definite words after it
    are skipped, the name follows them."""
    words = story.toks.words
    for k in range(story.n - 3):
        if "title" not in story.kinds_at(k) or not story.tight(k):
            continue
        j = k + 1
        while j < story.n and j - k <= 2 and "title" in story.kinds_at(j) and story.tight(j):
            j += 1  # "الرئيس التنفيذي"
        word = fold(words[j])
        if not (word.startswith("ل") and not word.startswith("لل") and len(word) > 3 and story.free(j)):
            continue
        start = j + 1
        while start < story.n and start - j <= _AR_MAX_PORTFOLIO and story.tight(start - 1) and (
            fold(words[start]).startswith("ال") or story.kinds_at(start) & {"adj", "place"}
        ):
            start += 1
        if start == j + 1 or start >= story.n or not story.tight(start - 1):
            continue  # "ل" and a noun alone is no body: "المدير لشؤون" is left to the cues
        end = story.arabic_name(start)
        if end - start >= 2 and not story.in_org(start, end):
            _move_person(story, acc, None, start, _family_end(story, start, end, titled=True))


def _titled_ali(story: _Story, acc: _AccFn) -> None:
    """A name that opens with "علي" after a title ("وزير الداخلية علي حسن الخطيب"), which
    the cues read as the preposition."""
    words = story.toks.words
    for k in [k for k, w in enumerate(words) if w == _AR_ALI]:
        if not (story.free(k) and _after_title(story, k)):
            continue
        end = story.arabic_name(k + 1) if k + 1 < story.n and story.tight(k) else k + 1
        end = max(end, _past_ali(story, k))
        if end - k >= 2 and not story.in_org(k, end):
            _move_person(story, acc, None, k, _family_end(story, k, end))


def _past_portfolio(story: _Story, j: int) -> int:
    """The first word after a portfolio's definite words and adjectives ("الطاقة القطري")."""
    k = j
    while k < story.n and k - j < _AR_MAX_PORTFOLIO and story.tight(k - 1) and (
        fold(story.toks.words[k]).startswith("ال") or story.kinds_at(k) & {"adj", "place", "title"}
    ):
        k += 1
    return k


# Prepositions between a title and the body it serves: "الباحثة في جامعة", "المتحدث باسم
# وزارة", "النائب عن حزب", folded.
_AR_EMPLOYER_PREPOSITIONS = frozenset(fold(w) for w in ("في", "باسم", "عن"))


def _titled_employer(story: _Story, a: int) -> bool:
    """The organisation at word a follows a title ("الأمين العام لسلطة", "الباحثة في جامعة",
    "النائب عن حزب")."""
    k = a - 1
    if k >= 0 and fold(story.toks.words[k]) in _AR_EMPLOYER_PREPOSITIONS:
        k -= 1
    return k >= 0 and story.tight(k) and "title" in story.kinds_at(k)


# Words a name never ends with: the family prefix "آل" and the particles of foreign names.
_AR_OPEN_ENDS = frozenset(fold(w) for w in ("آل", "فان", "فون", "دير", "دي", "دا", "دو", "دوس", "لا"))


# Words after a name that say to whom or how the person spoke ("للأناضول", "للصحفيين",
# "قولها"), folded: the name ends before them.
_AR_SPOKEN_TO = frozenset(fold(w) for w in ("للأناضول", "للصحفيين", "لـ", "قوله", "قولها")) | _AR_TOLD_MEDIA


def _family_end(story: _Story, i: int, j: int, titled: bool = False) -> int:
    """Where the name of words i..j really ends: one word further for a family name after
    "بن" or a third name after a title (see :func:`_mend_arabic_names`)."""
    words = story.toks.words
    if j < story.n and j - i >= 2 and story.tight(j - 1) and fold(words[j - 1]) in _AR_COMPOUND and (
        fold(words[j]) not in _AR_STOP
    ):
        # "رياض عبد" is cut inside a compound father's name ("عبد الأمير": a title word too)
        end = j + 1
        if end < story.n and story.tight(j) and story.free(end) and _family_nisba(words[end]):
            end += 1  # and the family name after it: "رياض عبد الأمير الحلفي"
        return end
    if j >= story.n or not story.tight(j - 1) or not story.free(j):
        return j
    word = fold(words[j])
    if fold(words[j - 1]) in _AR_OPEN_ENDS and j - i >= 2 and word not in _AR_STOP:
        return j + 1  # "خالد بن سعد آل مهندي", "يوهان فان دير ميرفه": a name ends in no particle
    if word in _AR_STOP or word in _AR_NOT_FAMILY or len(word) < 3:
        return j
    if any(fold(w) in _AR_SON_OF for w in words[i + 1:j]) or any(
        fold(w) in _AR_FATHER_COMPOUND for w in words[i + 1:j - 1]
    ) or (j - i == 3 and fold(words[i + 1]) in _AR_GIVEN_SECOND):
        # after "بن X" or a compound father's name ("نادية عبد الله الفاسي", "رشيد بنعبد الله
        # الفاسي") or a compound given name and a father's name ("عماد الدين الشريف المقريف")
        return j + 1 if word.startswith("ال") and fold(words[j - 1]) not in _AR_SON_OF else j
    titled = titled or _after_title(story, i)
    ends = j + 1 >= story.n or not story.tight(j) or fold(words[j + 1]) in _AR_STOP or (
        fold(words[j + 1]) in _AR_SPOKEN_TO
    )
    # not a noun with the feminine ending, the verb's object ("وزير الاستثمار X Y زيارة إلى"),
    # nor one with a preposition on its article ("مدرب الفريق X Y للصحفيين")
    noun = word.startswith("ال") or words[j].endswith("ة") or ar_preposition_phrase(word)
    # "وقال جواد حسين رضا، كبير المحللين": after the verb of saying, a third word the comma
    # closes is the family name (the description of the speaker follows the comma)
    # ... and so is one a closing word ends ("وقالت X Y Z في اتصال هاتفي"), not a time ("مساء")
    said = i > 0 and story.tight(i - 1) and "say" in story.kinds_at(i - 1) and (
        _comma_after(story, j) or (ends and word not in _AR_TIMES)
    )
    # a compound name counts as one word ("منار صلاح الدين X": a given and a father's name so far)
    given = j - i - sum(fold(w) in _AR_GIVEN_SECOND for w in words[i + 1:j])
    if given != 2:
        return j
    # the word after the third names a role in apposition ("X Y Z رئيس الجمهورية", "X Y Z
    # مديرة المركز"): the third word closes the name as a particle or a comma would
    role = j + 1 < story.n and story.tight(j) and "title" in story.kinds_at(j + 1) and not (
        fold(words[j + 1]).startswith("ال")
    )
    closed = ends or role or _comma_after(story, j)
    if noun and closed and _family_nisba(words[j - 1]) and _family_nisba(words[j]) and (
        word not in _AR_NOT_FAMILY and not _is_demonym(words[j])
    ):
        return j + 1  # a double family name of two relative forms: "سعاد الإدريسي التازي"
    if noun and titled and word.startswith("ال") and not words[j].endswith("ة") and (
        j + 1 < story.n and story.tight(j) and fold(words[j + 1]) in _AR_CLOSERS
    ) and word not in _AR_NOT_FAMILY and not _is_demonym(words[j]):
        return j + 1  # after a title, a definite third word "إن"/"أن" closes: "خالد الطيب الأمين إن"
    return j + 1 if ((titled and (ends or role)) or said) and not noun else j


# A preposition written onto the article ("للصحفيين", "بالمشروع"): the word opens a phrase
# after the name, never a family name (which takes the bare article, "الفيلالي").
_AR_PREPOSITION_ARTICLE = (fold("لل"), fold("بال"))


def ar_preposition_phrase(folded: str) -> bool:
    """The folded word is a preposition with the article ("للصحفيين", "بالمشروع")."""
    return folded.startswith(_AR_PREPOSITION_ARTICLE) and len(folded) > 4


def _comma_after(story: _Story, j: int) -> bool:
    toks = story.toks
    return toks.text[toks.ends[j]:toks.ends[j] + 1] in ("،", ",")


def _move_person(story: _Story, acc: _AccFn, old: _Acc | None, i: int, j: int) -> None:
    """The person of words i..j, taking over what was gathered under a shorter name."""
    toks = story.toks
    new = acc(PERSON, ("p", *_person_key(story, i, j)), toks.starts[i])
    new.add(toks.span(i, j), max(65, old.confidence if old else 0), toks.starts[i])
    new.full = True
    story.person_spans.append((i, j))
    if old is not None and old is not new:
        new.titles |= old.titles
        new.mentions += max(0, old.mentions - 1)
        old.spellings.clear()


# -- clubs of a match report ------------------------------------------------------------------
# Arabic match reports name clubs by one definite word ("الاتحاد", "النصر", "الشباب") that is
# also an everyday noun, so a club is taken only where a report's phrasing points at one:
# after "فريق" (team), "ضيفه" (its guest), "نظيره"/"منافسه" (its opponent), "مضيفه" (its
# host), "مدرب" (coach), the goal nouns ("أهداف الاتحاد"), "ضيفا على" (away at), and on both
# sides of a meeting verb ("يلتقي الهلال مع الاتحاد"). Only in a story with a score.
_AR_CLUB_POINTERS = frozenset(fold(w) for w in (
    "فريق", "ضيفه", "نظيره", "منافسه", "مضيفه", "مدرب", "هدف", "أهداف", "هدفي",
))
_AR_MEETING_VERBS = frozenset(fold(w) for w in ("يلتقي", "ويلتقي", "يواجه", "ويواجه", "يستقبل", "ويستقبل"))
_AR_AWAY = (fold("ضيفا"), fold("على"))
_AR_WITH = fold("مع")
_AR_SCORE_WORDS = frozenset((fold("مقابل"), fold("دون")))
# Definite nouns a report puts in a club's place: the national team, the team, the guests.
_AR_NOT_CLUBS = frozenset(fold(w) for w in ("المنتخب", "الفريق", "الضيوف", "الضيف", "الخصم", "المنافس"))


def _ar_club_at(story: _Story, k: int) -> bool:
    """Word k is one definite word no other rule claimed for a longer name."""
    if k >= story.n or not fold(story.toks.words[k]).startswith(fold("ال")) or (
        fold(story.toks.words[k]) in _AR_NOT_CLUBS
    ):
        return False
    return story.free(k) or story.kinds_at(k) == {"org_start"}


def ar_match_clubs(story: _Story) -> list[tuple[int, int, int]]:
    """``(start, end, confidence)`` of the clubs a match report points at (above)."""
    folded = list(map(fold, story.toks.words))
    if _AR_SCORE_WORDS.isdisjoint(folded) or _AR_GOALS.isdisjoint(folded):
        return []
    clubs: list[int] = []
    for k, word in enumerate(folded[:-1]):
        if not story.tight(k):
            continue
        if word in _AR_CLUB_POINTERS or (word == _AR_AWAY[1] and k > 0 and folded[k - 1] == _AR_AWAY[0]):
            if _ar_club_at(story, k + 1):
                clubs.append(k + 1)
        elif word in _AR_MEETING_VERBS and _ar_club_at(story, k + 1):
            clubs.append(k + 1)
            if k + 3 < story.n and folded[k + 2] == _AR_WITH and _ar_club_at(story, k + 3):
                clubs.append(k + 3)
    return [(k, k + 1, 55) for k in clubs]


# -- a name after a demonym ------------------------------------------------------------------
# "وقال البرتغالي روي فيليبي مارتينز"، "مدرب الدحيل الإسباني خوان أنطونيو رييس بلانكو"،
# "فازت على البرازيلية لاريسا مونتيرو": a nationality (the relative adjective of a country,
# "البرتغالي"، "الكينية") right before a foreign name, which has no article to go by and no cue.
# Prepositions a demonym of a player follows ("على الأمريكية X", "مع التشيكية X"), folded.
_AR_DEMONYM_PREPOSITIONS = frozenset(fold(w) for w in ("على", "مع", "أمام", "ضد"))
_AR_COUNTRY_ENDINGS = (fold("يا"), fold("ا"), fold("ة"))
_AR_DEMONYM_LAST = frozenset("يىة")


@lru_cache(maxsize=1)
def _ar_demonyms() -> frozenset[str]:
    """The Arabic demonyms, folded with the article: the gazetteer's own and the relative
    adjectives of its one-word countries' names ("البرتغال" -> "البرتغالي", "البرتغالية";
    "صربيا" -> "الصربي"; "كينيا" -> "الكيني")."""
    out: set[str] = set()
    for place in gazetteer().places:
        if place.kind != "country":
            continue
        out.update(fold(a) for a in place.adjectives.get("ar", ()))
        for name in place.names.get("ar", ()):
            if " " in name:
                continue
            stem = fold(name).removeprefix("ال")
            for ending in _AR_COUNTRY_ENDINGS:
                if stem.endswith(ending) and len(stem) - len(ending) >= 2:
                    stem = stem[: -len(ending)]
                    break
            out.update(("ال" + stem + fold("ي"), "ال" + stem + fold("ية")))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _is_demonym(word: str) -> bool:
    """The word as written is a demonym, with the clitic "و" or without ("والبرازيلي")."""
    folded = fold(word)
    if folded.startswith(_AR_AND + "ال"):
        folded = folded[len(_AR_AND):]
    return folded in _ar_demonyms()


def _demonym_points_at_person(story: _Story, k: int) -> bool:
    """The demonym at word k names a person's nationality, not a body's: it follows a title or
    a verb of saying ("مدرب الإسباني"، "وقال البرتغالي"), a club or one definite word after a
    title or a goal noun ("مدرب الدحيل الإسباني"، "هدف الدحيل الجزائري"), a preposition of a match ("على
    الأمريكية"), or opens the next item of a list ("، والمصري")."""
    if k == 0 or not story.tight(k - 1):
        return fold(story.toks.words[k]).startswith(_AR_AND) and story.gap_before(k).strip() in ("،", ",")
    before = story.kinds_at(k - 1)
    if before & {"title", "say"} or fold(story.toks.words[k - 1]) in _AR_DEMONYM_PREPOSITIONS:
        return True
    one_word = before & {ORGANISATION, "place"} or (
        story.free(k - 1) and fold(story.toks.words[k - 1]).startswith("ال")
    )
    if one_word and k >= 2 and story.tight(k - 2):
        return bool(story.kinds_at(k - 2) & {"title"}) or fold(story.toks.words[k - 2]) in _AR_GOALS
    return False


_AR_NAME_CLOSERS = frozenset(fold(w) for w in ("في", "عقب", "خلال", "الذي", "التي", "إن", "أن", "بعد"))


def _foreign_name_end(story: _Story, s: int) -> int:
    """End of a name of up to four words without the article from word s ("خوان أنطونيو رييس
    بلانكو في"، "ميكونن هايلي تسفاي بلقب"): a word with "ب"/"ل" on it after two words is a
    phrase ("بلقب"، "لقناة"), unless the sentence closes right after it ("رييس بلانكو في")."""
    words = story.toks.words
    k = s
    while k < story.n and k - s < _AR_NAME_MAX and (k == s or story.tight(k - 1)):
        word = fold(words[k])
        if word in _AR_STOP or word in _AR_NAME_CLOSERS or word.startswith(_AR_CLITIC_ARTICLE) or (
            word[:1].isdigit()
        ) or (
            story.kinds_at(k) & {"say", "org_start", "place", "adj"}
        ) or (not story.free(k) and not _inside_foreign_name(story, k)):
            break
        if k - s >= 2 and word[:1] in ("ب", "ل") and not (
            k + 1 >= story.n or not story.tight(k) or fold(words[k + 1]) in _AR_NAME_CLOSERS
        ):
            break
        k += 1
    return k


def _inside_foreign_name(story: _Story, k: int) -> bool:
    """Word k, a cue's word ("ميلان", "رييس"), is one of a foreign name: a free word without
    the article follows it ("ميلان يوفانوفيتش", "رييس بلانكو"; not "مدرب الفريق")."""
    return k + 1 < story.n and story.tight(k) and story.free(k + 1) and not (
        fold(story.toks.words[k + 1]).startswith(_AR_CLITIC_ARTICLE)
    )


_AR_FULL_AFTER_DEMONYM = 3  # words: a given name, the father's and the family name


def _full_name_after_demonym(story: _Story, s: int, arabic: int, foreign: int) -> int:
    """After a demonym that points at nobody in particular (one after a verb, "تأهلت التونسية",
    or a noun, "المصور البنغلاديشي"), words s on are a person still when they read as a full
    name: three Arabic names with the family name ("حمد ناصر المهندي", "مريم بن سالم"), or
    three words without the article the sentence goes on after with a comma or a particle
    ("تنوير أحمد شودري، الذي"); its end, 0 when none."""
    words = story.toks.words
    if arabic - s >= _AR_FULL_AFTER_DEMONYM:
        end = arabic
    elif foreign - s >= _AR_FULL_AFTER_DEMONYM and (foreign >= story.n or not story.tight(foreign - 1) or (
        _comma_after(story, foreign - 1) or fold(words[foreign]) in _AR_STOP or fold(words[foreign]) in _AR_NAME_CLOSERS
    )):
        end = foreign
    else:
        return 0
    # ... and no verb and its object ("يخفض أسعار الفائدة", "تتسلم أول طائرة"): a family name
    # that is no noun in the feminine, which the story calls the person by after a verb of
    # saying ("وقالت الطيب"), or which is of the relative form or without the article and
    # recurs ("وقال شودري") or, of the relative form, a particle or a comma closes ("الحوراني أن")
    family = words[end - 1]
    if family.endswith("ة"):
        return 0
    nisba = _family_nisba(family)
    if nisba and (end >= story.n or _comma_after(story, end - 1) or fold(words[end]) in _AR_NAME_CLOSERS):
        return end
    recurs = [x for x, w in enumerate(words) if w == family and not s <= x < end]
    if any(x > 0 and "say" in story.kinds_at(x - 1) for x in recurs):
        return end
    return end if recurs and (nisba or not fold(family).startswith("ال")) else 0


def _names_after_demonyms(story: _Story, acc: _AccFn) -> None:
    """The person named right after a demonym that points at one (see
    :func:`_demonym_points_at_person`): an Arabic name as read, or a foreign one of up to four
    words; a shorter name the cues read there is taken over."""
    words = story.toks.words
    # a cheap test before the cached one: a relative adjective ends in "ي" or "ة"
    demonyms = [k for k, w in enumerate(words[:-2]) if w[-1:] in _AR_DEMONYM_LAST and _is_demonym(w)]
    for k in demonyms:
        if not story.tight(k):
            continue
        pointed = _demonym_points_at_person(story, k)
        s = k + 1
        if fold(words[s]) in _AR_UNNAMED or fold(words[s]) in _AR_NOT_GIVEN:
            continue
        arabic = story.arabic_name(s)
        arabic = _family_end(story, s, arabic) if arabic > s else s
        foreign = _foreign_name_end(story, s)
        end = max(arabic, foreign) if pointed else _full_name_after_demonym(story, s, arabic, foreign)
        if end - s < 2 or story.in_org(s, end) or any(PERSON in story.kinds_at(x) for x in range(s, end)):
            continue
        shorter = [j for j in story.persons_from(s) if j < end]
        if any(j > end for j in story.persons_from(s)):
            continue
        old = acc(PERSON, ("p", *_person_key(story, s, shorter[0])), story.toks.starts[s]) if shorter else None
        if (s, end) not in story.person_spans:
            _move_person(story, acc, old, s, end)


# -- a unit of a body taken for a name ---------------------------------------------------------
# Nouns of a unit inside a body, folded: "رئيس قسم البحوث" (department), "رئيس شعبة السجون"
# (division), "رئيس وفد حكومة …" (delegation), "مدير إدارة تطوير القدرات", "رئيس مجلس أمناء
# الجائزة": no given name, and the words after them (or the unit's name after them) are no
# person.
_AR_UNITS = frozenset(fold(w) for w in (
    "قسم", "شعبة", "وفد", "إدارة", "مجلس", "دائرة", "وحدة", "مكتب", "فرع", "غرفة",
))


def _department_fragment(story: _Story, i: int) -> bool:
    """The name read at word i opens with a unit's noun or follows one ("إدارة [حماية الصحة]")."""
    return fold(story.toks.words[i]) in _AR_UNITS or (
        i > 0 and story.tight(i - 1) and fold(story.toks.words[i - 1]) in _AR_UNITS
    )


_AR_MAX_UNIT_REACH = 8  # words of a unit's and its body's names before the person's own


def _name_past_unit(story: _Story, acc: _AccFn, j: int, passed: bool = False) -> None:
    """The person named after the unit and its body ("رئيس شعبة السجون في قوى الأمن الداخلي
    العميد رامي جورج صليبا للأناضول", "رئيس وفد حكومة الكونغو الديمقراطية باتريك لوكوندو مبوتو
    إن"): the definite, place and body words are passed over, the name is the first run of
    words without the article that a closer (a comma, "إن", the agency) ends."""
    words = story.toks.words
    k = j
    while k < story.n and k - j < _AR_MAX_UNIT_REACH and story.tight(k - 1):
        word = fold(words[k])
        if word == _AR_IN or word.startswith(_AR_CLITIC_ARTICLE) or story.kinds_at(k) & {
            "place", "adj", "title", ORGANISATION, "org_start"
        } or story.in_org(k, k + 1):
            k += 1
            continue
        if (k == j and not passed) or not story.free(k):
            return
        end = max(story.arabic_name(k), _foreign_name_end(story, k))
        if end - k >= 2 and not story.in_org(k, end) and _closed_after(story, end):
            _move_person(story, acc, None, k, _family_end(story, k, end, titled=True))
            return
        if not (k + 1 < story.n and story.tight(k) and fold(words[k + 1]).startswith("ال")):
            return
        k += 1  # a noun in the construct state ("قوى الأمن", "حكومة الكونغو"): the body's name


def _closed_after(story: _Story, end: int) -> bool:
    """The words before word ``end`` close a name: punctuation, a closer, or the agency spoken
    to ("للأناضول") follows."""
    if end >= story.n or not story.tight(end - 1):
        return True
    word = fold(story.toks.words[end])
    return word in _AR_CLOSERS or word in _AR_ADJUNCTS or word in _AR_STOP or ORGANISATION in story.kinds_at(end)


_AR_FOR = "ل"
_AR_MIN_SERVED = 5  # letters of a "ل" word that opens a body's name ("لمجموعة"); "لمى" is a name
_AR_FEMININE = fold("ة")


def _served_body(story: _Story, i: int, j: int) -> bool:
    """The words i..j read as a name are the body or field a title or a body serves, written
    with "ل" ("الرئيس التنفيذي [لمجموعة إيدج]"، "نائب الرئيس [لعمليات المطار]"، "الجمعية
    الأردنية [لطب الأطفال]"): after a definite word, a "ل" word (not a short given name like
    "لمى") ending in "ة", or a definite last word that is no family name ("المطار", not
    "العتيبي")."""
    words = story.toks.words
    first, last = fold(words[i]), fold(words[j - 1])
    if not first.startswith(_AR_FOR) or first.startswith("لل") or i == 0 or not story.tight(i - 1):
        return False
    before = fold(words[i - 1])
    if not (before.startswith("ال") or "title" in story.kinds_at(i - 1)):
        return False
    if last.startswith("ال"):
        return not _family_nisba(words[j - 1])
    # "لمجموعة إيدج": a noun in the feminine (a foreign given name, "لوران", has no "ة")
    return len(first) >= _AR_MIN_SERVED and first.endswith(_AR_FEMININE)


# -- a facility named after a ruler ------------------------------------------------------------
# Facilities and prizes named after a king, prince or sheikh ("مدينة الملك عبدالله الرياضية",
# "مطار الملك عبدالعزيز الدولي", "مستشفى الملك المؤسس عبدالله الجامعي", "جائزة الشيخ حمد
# للترجمة"): the nouns of the facility, folded, and the rulers' titles between it and the name.
_AR_FACILITIES = frozenset(fold(w) for w in (
    "مدينة", "مطار", "مستشفى", "مركز", "جائزة", "جامعة", "ملعب", "استاد", "قاعة", "مسجد", "ميناء",
    "شارع", "طريق", "مجمع", "صالة", "مكتبة", "حديقة", "جسر", "كلية", "معهد", "مدرسة", "مؤسسة",
))
_AR_RULERS = frozenset(fold(w) for w in ("الملك", "الأمير", "الشيخ", "السلطان", "المؤسس", "الراحل"))
_AR_FACILITY_CLITICS = ("و", "ب", "ل")


def _named_facility(story: _Story, i: int) -> bool:
    """The name read at word i follows a ruler's title that a facility's noun opens ("مطار
    [الملك] عبدالعزيز"، "ومستشفى [الملك المؤسس] عبدالله"، "بجائزة [الشيخ] حمد")."""
    words = story.toks.words
    k = i - 1
    while k >= 0 and i - k <= 2 and story.tight(k) and fold(words[k]) in _AR_RULERS:
        k -= 1
    if k == i - 1 or k < 0 or not story.tight(k):
        return False
    noun = fold(words[k])
    return noun in _AR_FACILITIES or (noun[:1] in _AR_FACILITY_CLITICS and noun[1:] in _AR_FACILITIES)


# -- a name before the person's age ------------------------------------------------------------
# "الكابتن محمود عادل رضوان (54 عاما)"، "قال اللاجئ محمود الحسن (52 عاما)": the age in brackets
# follows a person's name; the words of the name (two to four, the last may carry the article)
# run back from it to a definite word or a title (the person's role).
_AR_AGE_MARK = " عاما)"
_AR_YEARS = frozenset(fold(w) for w in ("عاما", "عامًا", "سنة"))


def _names_before_age(story: _Story, acc: _AccFn) -> None:
    words = story.toks.words
    for k in range(2, story.n - 1):
        if not (story.gap_before(k).endswith("(") and words[k].isdigit() and fold(words[k + 1]) in _AR_YEARS):
            continue
        start = _name_run_back(story, k)
        if start is not None and not story.persons_from(start) and not story.in_org(start, k):
            _move_person(story, acc, None, start, k)


def _name_run_back(story: _Story, k: int) -> int | None:
    """The first word of a name of two to four words that ends before word k, after a definite
    word or a title; None when there is none."""
    words = story.toks.words
    s = k - 1
    if not story.free(s) or fold(words[s]) in _AR_STOP:
        return None
    while s - 1 >= 0 and k - (s - 1) <= _AR_NAME_MAX and story.tight(s - 1) and story.free(s - 1) and not (
        fold(words[s - 1]).startswith(_AR_CLITIC_ARTICLE) or fold(words[s - 1]) in _AR_STOP
    ):
        s -= 1
    if k - s < 2 or s == 0 or not story.tight(s - 1) or fold(words[s]).startswith(_AR_CLITIC_ARTICLE):
        return None
    before = fold(words[s - 1])
    return s if "title" in story.kinds_at(s - 1) or (before.startswith("ال") and before not in _AR_STOP) else None


# -- chambers of commerce and general directorates ---------------------------------------------
# Two kinds of body no head cue reads: a chamber of commerce ("غرفة تجارة وصناعة دبي"، "غرفة
# التجارة والصناعة الإندونيسية"، "غرفة القاهرة التجارية"، "غرفة قطر") and a general directorate
# ("الإدارة العامة لمباحث الأموال العامة"، "الإدارة العامة للتعليم بمحافظة جدة").
_AR_CHAMBER, _AR_DIRECTORATE = "غرفة", "الإدارة العامة"
_AR_COMMERCE = frozenset(fold(w) for w in (
    "تجارة", "التجارة", "وصناعة", "والصناعة", "صناعة", "الصناعة", "التجارية", "الصناعية",
))
_AR_BODY_ENDS = ("غرفة", "الإدارة", "الادارة")
_AR_REGION_NOUNS = frozenset(fold(w) for w in ("محافظة", "منطقة", "مدينة", "ولاية", "إمارة"))


def _chambers_and_directorates(story: _Story, acc: _AccFn) -> None:
    words = story.toks.words
    for k in range(story.n - 1):
        if not words[k].endswith(_AR_BODY_ENDS):
            continue  # the cheap test before the fold
        head = fold(_strip_clitics(words[k]))
        if head == fold(_AR_CHAMBER) and story.tight(k):
            end = _chamber_end(story, k + 1)
        elif head == fold("الإدارة") and fold(words[k + 1]) == fold("العامة") and story.tight(k):
            end = _arabic_org_tail(story, k + 1)
            end = _region_after(story, end) if end > k + 2 else k
        else:
            continue
        if end - k >= 2 and not story.in_org(k, end) and not story.persons_to(end):
            name = _strip_clitics(words[k])
            a = acc(ORGANISATION, ("o", *_person_key(story, k, end)), story.toks.starts[k])
            a.add(name + story.toks.span(k, end)[len(words[k]):], 70, story.toks.starts[k])
            story.add_org_spans([(k, end)])


def _strip_clitics(word: str) -> str:
    """The word without a clitic "و", "ب" or "ل" before its first letters ("وغرفة" -> "غرفة")."""
    return word[1:] if word[:1] in ("و", "ب", "ل") and len(word) > 4 else word


def _chamber_end(story: _Story, j: int) -> int:
    """End of a chamber's name after "غرفة": words of commerce and industry and a place or a
    demonym; a place is needed, or a word of commerce ("غرفة العمليات" is no chamber)."""
    k, commerce, place = j, False, False
    while k < story.n and k - j < _AR_NAME_MAX and story.tight(k - 1):
        word = fold(story.toks.words[k])
        if word in _AR_COMMERCE:
            commerce, k = True, k + 1
        elif story.kinds_at(k) & {"place", "adj"} and not place:
            place, k = True, story.matches[story.owner[k]].end
        elif word in _ar_demonyms() and not place:
            place, k = True, k + 1  # "غرفة التجارة والصناعة الإندونيسية"
        else:
            break
    return k if (commerce or place) and (place or k - j >= 2) else j


def _region_after(story: _Story, end: int) -> int:
    """A directorate's region after "ب" ("بمحافظة جدة", "بمنطقة مكة المكرمة"): part of its name."""
    if end + 1 < story.n and story.tight(end - 1) and story.tight(end) and fold(story.toks.words[end])[:1] == "ب" and (
        fold(story.toks.words[end])[1:] in _AR_REGION_NOUNS and "place" in story.kinds_at(end + 1)
    ):
        return story.matches[story.owner[end + 1]].end
    return end


# -- a compound family name mentioned alone ----------------------------------------------------
_AR_ABD = fold("عبد")


def _compound_family_mentions(story: _Story, acc: _AccFn) -> None:
    """A later mention by a compound family name alone ("قال عبد الرازق" after "حسام الدين فؤاد
    عبد الرازق") is that person, not a two-word name of its own."""
    words = story.toks.words
    spans = set(story.person_spans)
    shorts = [(i, j) for i, j in spans if j - i == 2 and fold(words[i]) == _AR_ABD]
    for i, j in shorts:
        full = next(((a, b) for a, b in sorted(spans) if b - a >= 3 and words[b - 2:b] == words[i:j]), None)
        if full is None:
            continue
        short = acc(PERSON, ("p", *_person_key(story, i, j)), story.toks.starts[i])
        person = acc(PERSON, ("p", *_person_key(story, *full)), story.toks.starts[full[0]])
        if short is not person and person.spellings:
            person.mentions += max(1, short.mentions)
            short.spellings.clear()


# -- the body that speaks in a statement --------------------------------------------------
_AR_STATEMENT = "في بيان"
_AR_STATEMENT_NOUN = fold("بيان")
_AR_COMPANY = fold("شركة")
_AR_NETWORK = fold("شبكة")  # opens a body's name ("شبكة أطباء السودان"), not an unnamed source
_AR_MAX_BODY = 8  # words of a body's name between the verb and "في بيان"


def _name_like(word: str) -> bool:
    """The first word of a person span could open a name: no unnamed source's noun, no article
    and no preposition "ل" on it ("لصيادي الخليج" in a body's name is no person)."""
    folded = fold(word)
    return folded not in _AR_UNNAMED and not folded.startswith(("ال", "ل"))


def _statement_bodies(story: _Story, acc: _AccFn) -> None:
    """The subject between a verb of saying and "في بيان" (in a statement) is a body, whatever
    its head: "وقالت شبكة أطباء السودان، في بيان:"، "قال المكتب الوطني للكهرباء والماء الصالح
    للشرب في بيان إن"، "وقالت لوسيد في بيان منفصل إن". Not a person or a title (a spokesman
    speaks for the body), nor one definite word ("وقالت الوزارة في بيان": the body named
    before), nor a place alone ("وقالت مصر في بيان")."""
    words = story.toks.words
    for k in range(2, story.n - 1):
        if words[k] != _AR_IN or fold(words[k + 1]) != _AR_STATEMENT_NOUN or not story.tight(k):
            continue
        gap = story.gap_before(k).strip()
        if gap not in ("", "،", ","):
            continue
        verb = k - 1
        while verb >= 0 and k - verb <= _AR_MAX_BODY + 1 and (verb == k - 1 or story.tight(verb)):
            if "say" in story.kinds_at(verb) or _saying_verb(words[verb]):
                break
            verb -= 1
        else:
            continue
        start = verb + 1
        if start >= k or not story.tight(verb):
            continue  # "وقال في بيان": no subject; "وقالت، في بيان،": none either
        first = fold(words[start])
        if first in _AR_STOP or (first in _AR_UNNAMED and first != _AR_NETWORK) or first in _AR_THAT_PRONOUNS or (
            k - start == 1 and (first.startswith("ال") or len(first) < 3)
        ) or (k - start == 2 and all(fold(w).startswith("ال") for w in words[start:k])) or first == _AR_COMPANY:
            # "وقالت الشركة الموزعة في بيان": a body described, named before; "وقالت شركة X في
            # بيان": the company's name is X, which the organisation finder reads
            continue
        kinds = [story.kinds_at(x) for x in range(start, k)]
        if any(x & {PERSON, "title", "say"} for x in kinds) or any(
            b > start and a < k and b - a >= 2 and _name_like(words[a]) for a, b in story.person_spans
        ) or all("place" in x or "adj" in x for x in kinds) or any(
            b == k and (a == start or a == start + 1) for a, b in story.org_spans
        ):
            continue  # a person, a place, or a body the finder read ("شركة أدنوك": its kind and name)
        for i, j in [(a, b) for a, b in story.person_spans if start <= a and b <= k]:
            if not any(PERSON in story.kinds_at(x) for x in range(i, j)) and (
                story.text.count(story.toks.span(i, j)) == 1  # a fragment of the name, named once
            ):
                acc(PERSON, ("p", *_person_key(story, i, j)), story.toks.starts[i]).spellings.clear()
        a = acc(ORGANISATION, ("o", *_person_key(story, start, k)), story.toks.starts[start])
        a.add(story.toks.span(start, k), 70, story.toks.starts[start])
        story.add_org_spans([(start, k)])
