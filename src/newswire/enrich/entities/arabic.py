"""Arabic: names without capitals to go by (lists after "كل من", names joined by the
clitic "و") and how far an organisation's construct chain runs.
"""

from __future__ import annotations

from newswire.enrich.entities.cues import _ORG_START
from newswire.enrich.entities.story import _AR_NOT_FAMILY, _AccFn, _Story
from newswire.enrich.entities.words import _AR_STOP
from newswire.vocab.people_orgs import PERSON
from newswire.vocab.places import fold, name_token_keys

# Words that open a list of names in Arabic copy: "كل من" (each of), "بينهم" (among them),
# "رجال الأعمال" (the businessmen) ...; the names after them are joined by the clitic "و".
_AR_LIST_PHRASES = ("كل من", "بينهم", "وهم", "رجال الأعمال", "اللاعبين", "اللاعبون", "الوزراء")
_AR_LIST_OPENERS = tuple(tuple(fold(w) for w in phrase.split()) for phrase in _AR_LIST_PHRASES)
_AR_LIST_FIRST = frozenset(o[0] for o in _AR_LIST_OPENERS)
_AR_AND = "و"


def _arabic_name_lists(story: _Story, acc: _AccFn) -> None:
    """Two or more Arabic names after a list opener, the second and later ones written with
    "و" ("كل من سالم الدوسري ومالكوم فيليبي وعبد الله الحمدان"): people."""
    if not any(phrase in story.text for phrase in _AR_LIST_PHRASES):
        return
    folded = [fold(w) for w in story.toks.words]
    for k in [k for k, w in enumerate(folded) if w in _AR_LIST_FIRST]:
        opener = next((o for o in _AR_LIST_OPENERS if tuple(folded[k:k + len(o)]) == o), None)
        if opener is None:
            continue
        names = _names_joined_by_and(story, k + len(opener))
        if len(names) >= 2:
            _add_people(story, names, acc)


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


def _names_joined_by_and(story: _Story, j: int) -> list[tuple[int, int]]:
    """The names from word j on, the second and later ones with the clitic "و"."""
    names: list[tuple[int, int]] = []
    while j < story.n and len(names) < _AR_MAX_LIST:
        if names and not (
            story.tight(j - 1) and fold(story.toks.words[j]).startswith(_AR_AND) and len(fold(story.toks.words[j])) > 2
        ):
            break
        end = story.arabic_name(j) if not names else _arabic_name_after_and(story, j)
        if end - j < 2:
            break
        names.append((j, end))
        j = end
    return names


def _add_people(story: _Story, names: list[tuple[int, int]], acc: _AccFn) -> None:
    toks, words = story.toks, story.toks.words
    for number, (i, j) in enumerate(names):
        parts = list(words[i:j])
        if number:
            parts[0] = parts[0][len(_AR_AND):]
        key = ("p", *(min(name_token_keys(w, story.lang)) for w in parts))
        a = acc(PERSON, key, toks.starts[i])
        a.add(" ".join(parts), 60, toks.starts[i])
        a.full = True


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
    for cue in _ORG_START["ar"]:
        if word.endswith(cue) and len(word) > len(cue):
            return cue
    return word


def _arabic_org_tail(story: _Story, end: int) -> int:
    words = story.toks.words
    # "المديرية", "والمديرية", "بالمديرية": a definite head (a clitic may stand before "ال")
    definite = fold(words[end - 1]).startswith(("ال", "وال", "بال", "فال", "كال", "لل"))
    k = end
    while k < story.n and k - end < 6 and story.tight(k - 1):
        word = fold(words[k])
        kinds = story.kinds_at(k)
        if word in _AR_STOP or kinds & {"title", PERSON, "say"}:
            break
        if word.startswith(("ال", "وال", "لل")):
            k += 1
            continue
        if (word.startswith("ل") or word.startswith("و")) and k + 1 < story.n and fold(
            words[k + 1]
        ).startswith("ال") and k > end:
            k += 1
            continue
        if k == end and not definite and len(word) > 2:
            k += 1  # construct state: "هيئة تنمية الصادرات", "بنك قطر"
            continue
        break
    if definite and k - end < 2:
        return end
    return k
