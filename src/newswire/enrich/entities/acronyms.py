""""Long Name (ACRO)": a defined acronym makes its expansion one organisation, and
later mentions of the acronym count for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from newswire.enrich.entities.cues import _ORG_HEADS
from newswire.enrich.entities.german import _de_nominative
from newswire.enrich.entities.story import _Acc, _AccFn, _cased, _person_key, _Story, _token_at, _VocabName
from newswire.enrich.entities.words import _CONNECTORS, _STOP_FOLDED
from newswire.vocab.people_orgs import ORGANISATION
from newswire.vocab.places import fold

_ACRONYM_RE = re.compile(r"\(\s*([^\W\d_][^\s()]{1,11})\s*\)")


def _find_acronyms(
    story: _Story, acc: _AccFn, accs: dict[tuple[str, ...], _Acc]
) -> dict[str, _Acc]:
    """"Long Name (ACRO)": the expansion is the organisation; returns acronym -> entity."""
    toks, words = story.toks, story.toks.words
    found: dict[str, _Acc] = {}
    text = story.text
    for m in _ACRONYM_RE.finditer(text):
        acro = m.group(1)
        letters = [c for c in acro if c.isalpha()]
        if len(letters) < 2:
            continue
        # An acronym written as a word ("Cedeao", "Unesco") must spell its expansion.
        as_word = sum(1 for c in letters if c.isupper()) < 2
        if as_word and not (len(letters) >= 4 and acro.istitle() and acro.isalpha()):
            continue
        end = _token_at(toks, m.start()) + 1
        if end <= 0 or toks.ends[end - 1] > m.start():
            end -= 1
        if end <= 0:
            continue
        start = _expansion_start(story, end, fold("".join(letters)))
        from_cue = False
        if start is None and as_word:
            continue
        if start is None:
            # A translated expansion found by its head word: "Uluslararası Basketbol
            # Federasyonu (FIBA)".
            start = next((a for a, b in story.org_spans if b == end), None)
            from_cue = start is not None
            if start is None:
                continue
        expansion = toks.span(start, end)
        heads = set(map(fold, words[start:end]))
        vocab_entry = None
        for k in range(start, end):
            for p in story.matches[story.owner[k]].payloads if story.owner[k] >= 0 else ():
                if isinstance(p, _VocabName) and p.entry.kind == ORGANISATION:
                    vocab_entry = p.entry
        acro_tok = _token_at(toks, m.start(1))
        acro_vocab = [
            p.entry for p in (story.matches[story.owner[acro_tok]].payloads
                              if story.owner[acro_tok] >= 0 else ())
            if isinstance(p, _VocabName) and p.entry.kind == ORGANISATION
        ]
        if vocab_entry is None and acro_vocab:
            vocab_entry = acro_vocab[0]
        if vocab_entry is None and not (heads & _ORG_HEADS) and not (heads & _MORE_HEADS):
            continue
        if any(
            "place" in story.kinds_at(k) and story.matches[story.owner[k]].start == start
            and story.matches[story.owner[k]].end == end for k in range(start, end)
        ):
            continue
        if story.lang == "de":
            expansion = _de_nominative(story, start, end, expansion)  # "Der Deutsche Fußball-Bund (DFB)"
        if from_cue:
            a = acc(ORGANISATION, ("o", *_person_key(story, start, end)), toks.starts[start])
            if acro_vocab:
                a.uri = acro_vocab[0].uri
                story.absorbed[id(acro_vocab[0])] = a
        elif vocab_entry is not None:
            a = acc(ORGANISATION, ("v", str(id(vocab_entry))), toks.starts[start])
            a.entry, a.uri = vocab_entry, vocab_entry.uri
            whole = story.matches[story.owner[start]] if story.owner[start] >= 0 else None
            if whole is not None and whole.start == start and whole.end == end:
                # the vocabulary's base form of an inflected expansion: "Российской
                # премьер-лиги (РПЛ)" is the "Российская премьер-лига"
                expansion = next((p.spelling for p in whole.payloads
                                  if isinstance(p, _VocabName) and p.entry is vocab_entry), expansion)
            else:
                # "Die Österreichischen Bundesbahnen (ÖBB)": the entry's spelling whose words
                # differ from the expansion's only by a case ending
                expansion = next((alias.text for alias in vocab_entry.spellings()
                                  if _same_but_endings(alias.text, expansion)), expansion)
        else:
            a = acc(ORGANISATION, ("o", *_person_key(story, start, end)), toks.starts[start])
        if not from_cue and expansion not in a.spellings:
            a.add(expansion, 85, toks.starts[start])
        else:
            a.confidence = max(a.confidence, 80)
        a.literal = acro
        found[acro] = a
        # Drop a cue-made organisation that was only part of this expansion.
        for key, other in list(accs.items()):
            if other is not a and other.kind == ORGANISATION and other.entry is None and any(
                s in expansion for s in other.spellings
            ):
                del accs[key]
        story.add_org_spans([(start, end)])
    # Later (and earlier) mentions of a defined acronym.
    for acro, a in found.items():
        # The acronym first, then "no letter or digit before it" as a look-behind over it:
        # the same matches, and the regex engine can skip to the acronym's first letter.
        escaped = re.escape(acro)
        for hit in re.finditer(rf"{escaped}(?<![^\W_]{escaped})(?![^\W_])", story.text):
            k = _token_at(story.toks, hit.start())
            if story.free(k) and not story.gap_before(k).endswith("("):
                a.mentions += 1
    return found


# Heads of an expansion the cue lists do not carry: "Asociación del Fútbol Argentino (AFA)".
_MORE_HEADS = frozenset(fold(w) for w in (
    "asociación", "associação", "confederación", "sindicato", "cámara", "colegio", "unión", "liga",
    "udruženje", "udruga", "sindikat", "gesellschaft", "verein", "ассоциация", "союз",
))


def _expansion_start(story: _Story, end: int, acro: str) -> int | None:
    words = story.toks.words
    lowest = end - 1
    while lowest > 0 and end - lowest < 12 and story.tight(lowest - 1):
        lowest -= 1
    for start in range(end - 1, lowest - 1, -1):
        first = words[start]
        head = fold(first)
        if head in _CONNECTORS or not (story.caseless or _cased(first)):
            continue
        if head[:1] != acro[:1]:
            continue  # before folding the other words: most starts fail here
        folded = list(map(fold, words[start:end]))
        if _fits(acro, folded):
            return start
    return None


def _fits(acro: str, words: Sequence[str]) -> bool:
    """Each significant word gives the acronym at least its first letter (in order);
    connectors may give theirs or nothing."""

    @cache
    def go(ai: int, wi: int) -> bool:
        if wi == len(words):
            return ai == len(acro)
        word = words[wi]
        connector = word in _CONNECTORS
        if connector and go(ai, wi + 1):
            return True
        if ai >= len(acro) or word[:1] != acro[ai]:
            return False
        # take the first letter, then optionally more letters of the same word in order
        pos = 1
        a = ai + 1
        if go(a, wi + 1):
            return True
        while a < len(acro):
            found = word.find(acro[a], pos)
            if found < 0:
                break
            pos, a = found + 1, a + 1
            if go(a, wi + 1):
                return True
        return False

    return go(0, 0)


# Articles before an organisation's acronym ("la CGT", "el PP", "die SVP", "l'OM"), folded.
_ACRONYM_ARTICLES: dict[str, frozenset[str]] = {
    "fr": frozenset({"le", "la", "l", "les", "du", "des", "au", "aux"}),
    "es": frozenset({"el", "la", "los", "las", "del", "al"}),
    "de": frozenset({"der", "die", "das", "den", "dem", "des", "beim", "vom", "zum", "zur"}),
    "en": frozenset({"the"}),
}
# Coordinators in a list of names ("ÖVP, SPÖ und NEOS", "PSOE, Sumar y el PNV").
_LIST_WORDS = frozenset({"and", "et", "y", "e", "und", "i", "ve", "и", "or", "ou", "o", "oder", "sowie"})
# Capitals that are not organisations: indicators, taxes, indices, units, products, events.
_NOT_ORG_ACRONYMS = frozenset({
    "PIB", "IPC", "IVA", "TVA", "BIP", "CPI", "GDP", "PMI", "OFZ", "VAR", "ONG", "NGO", "PME",
    "PYME", "SMIC", "RSA", "CSG", "IFI", "CEO", "CFO", "IPO", "ETF", "LNG", "GNL", "TGV", "AVE",
    "ICE", "SUV", "PCR", "ADN", "DNA", "VIH", "HIV", "SIDA", "AIDS", "COVID", "UCI", "IRPF",
    "IBI", "ERTE", "ERE", "DNI", "CAC", "DAX", "IBEX", "MDAX", "KI", "AI", "WM", "EM", "JO",
    "CAN", "JT", "BTP", "PAC", "EHPAD", "DANA", "MVP", "GPS", "SMS", "USB", "PDF", "TV", "KM",
    "EUR", "USD", "GBP", "CHF", "TL", "PKW", "LKW", "AG", "GMBH", "SA", "SL", "SAS", "SARL",
    "RDC", "RCA", "EEUU", "USA", "UK", "UAE", "OK", "HD", "PS", "BAC", "CDI", "CDD", "PLF",
    "PLFSS", "LFI", "II", "III", "IV", "VI", "XX", "XXI",
})


def _is_capitals(word: str) -> bool:
    """Two to six characters, every letter a capital, not opening with a digit ("CGT", "N1")."""
    return 2 <= len(word) <= 6 and word.isupper() and not word[0].isdigit()


def acronyms_in_context(story: _Story) -> list[tuple[int, int, int]]:
    """Acronyms in capitals that name an organisation by where they stand: after an article
    ("la CGT", "el PP", "die SVP") or in a list with such a one, with a known organisation
    or with two other acronyms ("ÖVP, SPÖ und NEOS"); a plain capitalised word joins a list
    that holds one ("PSOE, Sumar y el PNV"). Indicators, taxes and units are not."""
    words = story.toks.words
    articles = _ACRONYM_ARTICLES.get(story.lang or "", frozenset())
    # the tests on the word alone once per distinct word; then only those words' positions
    capitals = {
        word for word in filter(str.isupper, story.distinct)
        if _is_capitals(word) and word not in _NOT_ORG_ACRONYMS and fold(word) not in _CONNECTORS
    }
    candidates = [
        k for k, word in enumerate(words)
        if word in capitals and story.free(k)
        and not story.text.startswith("-", story.toks.ends[k])  # "CDU-Fraktion", "BVB-Trainer"
    ] if capitals else []
    if not candidates:
        return []
    out: list[tuple[int, int, int]] = []
    for group in _lists(story, candidates):
        acronyms = [k for k in group if _is_capitals(words[k]) and story.free(k)]
        seeded = any(k > 0 and fold(words[k - 1]) in articles for k in acronyms) or any(
            ORGANISATION in story.kinds_at(k) for k in group
        ) or len(acronyms) >= 3 or (len(acronyms) >= 2 and len(group) >= 3) or any(
            _camel_brand(words[k]) for k in group
        )  # "ÖVP, SPÖ und NEOS"; "SPD, Grüne und FDP"; "CDU und CSU sowie die AfD"
        if seeded and acronyms:
            out.extend((k, _name_end(story, k), 55) for k in group if story.free(k))
    return out


def _camel_brand(word: str) -> bool:
    """A brand written in camel case ("МегаФон", "PayPal"): a name, a company's."""
    return word[:1].isupper() and not word.isupper() and any(
        c.isupper() and p.islower() for p, c in pairwise(word)
    )


def _name_end(story: _Story, k: int) -> int:
    """An acronym opens a longer name when a capitalised word follows it ("die IG Metall")."""
    words = story.toks.words
    nxt = k + 1
    if nxt < story.n and story.gap_before(nxt) == " " and _cased(words[nxt]) and story.free(nxt) and (
        fold(words[nxt]) not in _STOP_FOLDED and not words[nxt].isupper()
        # "del SMN Valeria Gómez": a personal name follows, not the rest of the name
        and not (nxt + 1 < story.n and story.tight(nxt) and _cased(words[nxt + 1]))
    ):
        return nxt + 1
    return k + 1


def _lists(story: _Story, candidates: list[int]) -> list[list[int]]:
    """Each candidate with the single names coordinated with it: "X, Y und Z", "X y el Y"."""
    words = story.toks.words
    seen: set[int] = set()
    groups: list[list[int]] = []
    for k in candidates:
        if k in seen:
            continue
        group = [k]
        for step in (-1, 1):
            at = k
            while True:
                nxt = _coordinated(story, at, step)
                if nxt is None or not (_cased(words[nxt]) and (
                    story.free(nxt) or ORGANISATION in story.kinds_at(nxt)
                )):
                    break
                group.append(nxt)
                at = nxt
        group.sort()
        seen.update(group)
        groups.append(group)
    return groups


def _coordinated(story: _Story, k: int, step: int) -> int | None:
    """The one-word name joined to word k by a comma or a list word (an article allowed after
    the list word), or None; the name must stand alone (no capitalised word beside it)."""
    words = story.toks.words
    if step < 0:
        gap_at, j = k, k - 1
    else:
        gap_at, j = k + 1, k + 1
    if j < 0 or j >= story.n:
        return None
    gap = story.gap_before(gap_at)
    if gap.strip() == ",":
        pass
    elif gap == " " and fold(words[j]) in _LIST_WORDS:
        j += step
        if 0 <= j < story.n and fold(words[j]) in _ACRONYM_ARTICLES.get(story.lang or "", ()) and (
            story.gap_before(j if step > 0 else j + 1) == " "
        ):
            j += step
    else:
        return None
    if not 0 <= j < story.n:
        return None
    edge = j + step
    if 0 <= edge < story.n and _cased(words[edge]) and story.tight(min(j, edge)):
        return None  # part of a longer name
    return j


def _same_but_endings(base: str, written: str) -> bool:
    """``written`` is ``base`` with case endings of up to two letters on its words
    ("Österreichischen Bundesbahnen" / "Österreichische Bundesbahnen")."""
    a, b = base.split(), written.split()
    return base != written and len(a) == len(b) and all(
        x == y or (min(len(x), len(y)) > 4 and x[:-2] == y[: len(x) - 2] and abs(len(x) - len(y)) <= 2)
        for x, y in zip(a, b, strict=True)
    )
