"""Russian people and organisations from Natasha's NER model, merged with the rules
(the optional extra ``ru-ner``; ``NEWSWIRE_RU_NER=natasha``).

Off unless the extra is installed and the setting asks for it: the default pipeline never
imports ``natasha``. When on, a Russian story goes through Natasha's segmenter, morphology
tagger and NER tagger (the model and its embeddings ship inside the wheels; nothing is
downloaded), loaded once per process by the pipeline's warm-up (or the first story).
:func:`merge` then adds to what the rules found (pure, testable without the model):

* the rules win: a name the model finds that the rules already have (the same words,
  inflection aside, or a part of a longer name: "Министерство транспорта" inside
  "Министерство транспорта Российской Федерации") adds nothing, so curated vocabulary
  entries keep their ids and spellings;
* a rule-made name in an oblique case ("Райффайзенбанка") takes the model's nominative;
* a person of the rules the model reads as an organisation, and never as a person
  ("Государственный Эрмитаж"), becomes an organisation;
* new organisations ("Сбербанк", "Росстат", "Музей Гугун") and people of two words or
  more ("Никита Серов") are added, in the nominative (the leading adjectives and the head
  noun inflected, the genitive tail kept as written: "Министерства энергетики" ->
  "Министерство энергетики"); a name in guillemets is the name alone ("ПАО «Россети»" ->
  "Россети"); an acronym in brackets after it becomes its literal. A vocabulary name
  gets the entry's uri.
* not added: names only the headline and standfirst use (short forms the body spells
  out: "Минприроды"), surnames alone, a single word that only ever opens a sentence or
  line and is written in lower case elsewhere ("Синоптики ..." and "синоптик"),
  adjectives alone ("Петербургский"), buildings ("Доме Правительства"), anything in the
  dateline, and places: those come from the gazetteer, with its ids and its
  countries-and-settlements rule.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from newswire.config import ru_ner_setting
from newswire.enrich.entities.results import Entities, Entity
from newswire.enrich.entities.story import _dateline_span
from newswire.model import Item
from newswire.vocab import people_orgs
from newswire.vocab.people_orgs import ORGANISATION, PERSON, VocabEntry
from newswire.vocab.places import fold, name_token_keys, norm_lang, text_token_keys

log = logging.getLogger(__name__)

NATASHA = "natasha"
PER, ORG = "PER", "ORG"
MODEL_CONFIDENCE = 70  # a name only the model found (the rules' vocabulary names have 90)

# First words of a building, not of an organisation ("в Доме Правительства").
_BUILDINGS = frozenset({"дом", "здание", "дворец", "зал", "кремль", "особняк"})
_NAME_RE = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class Span:
    """One name the model found, as written and in the nominative."""

    kind: str  # "PER" | "ORG" | "LOC"
    text: str  # as written
    normal: str  # the nominative, the name alone (no guillemets, no bracketed acronym)
    start: int  # offset in the text
    literal: str | None = None  # the acronym in brackets after an organisation's name
    opens_sentence: bool = False  # the span is the first word of its sentence or paragraph
    common: bool = False  # one word, also written in lower case in the text ("синоптик")
    adjective: bool = False  # one word, an adjective ("Петербургский")


def enabled(env: dict[str, str] | None = None) -> bool:
    """True when the setting asks for Natasha (an unknown value is warned about once)."""
    value = ru_ner_setting(env)
    if value and value != NATASHA:
        _warn_once(f"NEWSWIRE_RU_NER={value!r} is not known (only {NATASHA!r}); Russian NER stays off")
    return value == NATASHA


@cache
def _warn_once(message: str) -> None:
    log.warning(message)


def augment(item: Item, text: str, found: Entities) -> Entities:
    """``found`` (the rules' entities of a Russian item's ``text``, :func:`enriched_text`) with
    the model's merged in; the rules' alone when natasha is not installed.

    Any item loads the model, so the pipeline's warm-up (an English story) loads it before
    the enrichment workers fork: they share its ~175 MB instead of loading a copy each."""
    if _model() is None or norm_lang(item.language) != "ru":
        return found
    spans = model_spans(text)
    if spans is None:
        return found
    heading = "\n".join(p for p in (item.headline.strip(), (item.standfirst or "").strip()) if p)
    return merge(found, spans, _dateline_span(text), len(heading))


# ---------------------------------------------------------------------------------------
# The model: loaded once per process, lazily
# ---------------------------------------------------------------------------------------


class _Model:
    def __init__(self) -> None:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph = NewsMorphTagger(embedding)
        self.ner = NewsNERTagger(embedding)
        self.vocab = MorphVocab()
        self.lock = threading.Lock()  # one story at a time through the taggers


_load_lock = threading.Lock()


@cache
def _model() -> _Model | None:
    with _load_lock:
        try:
            return _Model()
        except ImportError:
            log.warning("NEWSWIRE_RU_NER=natasha but natasha is not installed (pip install 'newswire[ru-ner]'); "
                        "Russian entities from the rules alone")
            return None


def loaded() -> bool:
    """Whether this process has loaded the model (it does at the first Russian story)."""
    return _model.cache_info().currsize > 0


@lru_cache(maxsize=16)
def model_spans(text: str) -> tuple[Span, ...] | None:
    """The model's names in ``text``, normalised; None when natasha is not installed."""
    model = _model()
    if model is None:
        return None
    from natasha import Doc

    doc = Doc(text)
    with model.lock:
        doc.segment(model.segmenter)
        doc.tag_morph(model.morph)
        doc.tag_ner(model.ner)
    sentence_starts = {s.tokens[0].start for s in doc.sents if s.tokens}
    lower: set[str] = set()
    for word in _NAME_RE.findall(text):
        if word[0].islower():
            lower.update(text_token_keys(word, "ru"))
    out = []
    for span in doc.spans:
        normal, literal = _span_name(model.vocab, span.type, span.tokens)
        if not normal:
            continue
        out.append(Span(
            kind=span.type,
            text=span.text,
            normal=normal,
            start=span.start,
            literal=literal,
            opens_sentence=span.start in sentence_starts or _opens_line(text, span.start),
            common=len(span.tokens) == 1 and bool(name_token_keys(span.text, "ru") & lower),
            adjective=len(span.tokens) == 1 and span.tokens[0].pos == "ADJ",
        ))
    return tuple(out)


def _opens_line(text: str, start: int) -> bool:
    """The span opens a line (a headline, a paragraph with no full stop before it) or the
    sentence after a dateline ("ИНТЕРФАКС - Сбербанк снижает ...")."""
    before = text[max(0, start - 3):start]
    return start == 0 or before.endswith(("\n", "- ", "— ", "– "))


def _span_name(vocab: Any, kind: str, tokens: Sequence[Any]) -> tuple[str, str | None]:
    """The nominative name of a span's tokens, and an organisation's bracketed acronym."""
    literal = None
    texts = [t.text for t in tokens]
    if "(" in texts:  # "Федеральная антимонопольная служба (ФАС)", "Российской премьер-лиги (РПЛ"
        at = texts.index("(")
        inside = [w for w in texts[at + 1:] if w != ")"]
        if len(inside) == 1 and inside[0][:1].isupper() and len(inside[0]) >= 2:
            literal = inside[0]
        tokens = tokens[:at]
    if "«" in texts[:len(tokens)]:  # "ПАО «Россети»": the quoted part is the name, uninflected
        at = texts.index("«")
        inner = [t for t in tokens[at + 1:] if t.text not in ("»", "«")]
        return _join(inner, [t.text for t in inner]), literal
    tokens = [t for t in tokens if t.text not in ("»", "«", '"')]
    if not tokens:
        return "", None
    if kind == PER:
        chosen = set(range(len(tokens)))  # a person's words agree: each one inflects
    else:
        chosen = set()
        for k, t in enumerate(tokens):  # the leading adjectives and the head noun
            chosen.add(k)
            if t.pos not in ("ADJ", "VERB", "DET", "NUM"):
                break
    words = [_nominative(vocab, t) if k in chosen else t.text for k, t in enumerate(tokens)]
    return _join(tokens, words), literal


def _join(tokens: Sequence[Any], words: Sequence[str]) -> str:
    parts: list[str] = []
    for k, (t, w) in enumerate(zip(tokens, words, strict=True)):
        if k:
            parts.append(" " if t.start > tokens[k - 1].stop else "")
        parts.append(w)
    return "".join(parts)


def _nominative(vocab: Any, token: Any) -> str:
    """One word in the nominative, its case and its "ё" as written; the word as written
    when the dictionary offers nothing that keeps its stem ("Высшего" is not "Высочайший")."""
    from natasha.norm import NOM, select_form
    from natasha.shape import recover_shape

    word = token.text
    if token.pos not in ("PROPN", "NOUN", "ADJ", "VERB") or token.feats.get("Case") == NOM:
        return word
    lower = word.lower()
    form = select_form(vocab(lower), token.pos if token.pos != "PROPN" else "NOUN", token.feats) or (
        select_form(vocab(lower), "PROPN", token.feats)
    )
    if form is None:
        return word
    inflected = form.inflect({NOM})
    if inflected is None:
        return word
    new = inflected.word
    stem = lower.replace("ё", "е")[:max(2, len(lower) - 3)]
    if not new.replace("ё", "е").startswith(stem):
        return word
    # the dictionary writes "е" for "ё": put back the letters as written
    new = "".join("ё" if c == "е" and k < len(lower) and lower[k] == "ё" else c for k, c in enumerate(new))
    shaped: str = recover_shape(new, word)
    return shaped


# ---------------------------------------------------------------------------------------
# The merge (pure)
# ---------------------------------------------------------------------------------------


def _words(name: str) -> list[str]:
    return _NAME_RE.findall(name)


def _same_word(a: str, b: str) -> bool:
    return fold(a) == fold(b) or bool(name_token_keys(a, "ru") & text_token_keys(b, "ru"))


def _within(part: str, whole: str) -> bool:
    """Every word of ``part``, in order and next to each other, is in ``whole`` (inflection
    aside)."""
    p, w = _words(part), _words(whole)
    if not p or len(p) > len(w):
        return False
    return any(all(_same_word(x, y) for x, y in zip(p, w[k:k + len(p)], strict=True))
               for k in range(len(w) - len(p) + 1))


def _same(a: str, b: str) -> bool:
    return len(_words(a)) == len(_words(b)) and _within(a, b)


def _clashes(name: str, entities: Iterable[Entity]) -> bool:
    return any(_within(name, n) or _within(n, name) for e in entities for n in e.names())


@cache
def _vocab_index(_vocab: int) -> dict[str, VocabEntry]:
    index: dict[str, VocabEntry] = {}
    for entry in people_orgs.load_vocab():
        for alias in entry.spellings():
            index.setdefault(fold(alias.text), entry)
    return index


def _vocab_entry(name: str) -> VocabEntry | None:
    return _vocab_index(id(people_orgs.load_vocab())).get(fold(name))


def _grouped(spans: Iterable[Span], kind: str, dateline_end: int, body_from: int) -> list[list[Span]]:
    """The model's mentions of one kind, outside the dateline, grouped by name in order;
    not a name only the headline and standfirst use (their short forms: "Минприроды" for the
    body's "Министерство природных ресурсов и экологии")."""
    groups: dict[str, list[Span]] = {}
    for s in spans:
        if s.kind == kind and s.start >= dateline_end:
            groups.setdefault(fold(s.normal), []).append(s)
    return [g for g in groups.values() if any(s.start >= body_from for s in g)]


def _organisation(group: Sequence[Span]) -> Entity | None:
    first = group[0]
    words = _words(first.normal)
    if not words or fold(words[0]) in _BUILDINGS:
        return None
    if len(words) == 1 and not first.normal.isupper() and (
        first.adjective or (all(s.opens_sentence for s in group) and first.common)
    ):
        return None  # "Петербургский"; "Синоптики ..." opening a sentence, "синоптик" elsewhere
    name = first.normal[0].upper() + first.normal[1:]  # "мэрия Новосибирска" as a name
    literal = next((s.literal for s in group if s.literal), None)
    entry = _vocab_entry(name) or (_vocab_entry(literal) if literal else None)
    aliases = tuple(sorted({s.text for s in group} - {name}))
    return Entity(ORGANISATION, name, uri=entry.uri if entry and entry.kind == ORGANISATION else None,
                  confidence=MODEL_CONFIDENCE, literal=literal, aliases=aliases, mentions=len(group))


def merge(found: Entities, spans: Sequence[Span], dateline_end: int = 0, body_from: int = 0) -> Entities:
    """The rules' ``found`` entities with the model's ``spans`` merged in (pure; see the
    module's docstring). ``dateline_end``: where the dateline ends in the text;
    ``body_from``: where the body starts (after the headline and standfirst)."""
    model_orgs = _grouped(spans, ORG, dateline_end, body_from)
    model_people = _grouped(spans, PER, dateline_end, body_from)
    org_names = [g[0].normal for g in model_orgs]
    person_names = [g[0].normal for g in model_people]

    people: list[Entity] = []
    organisations = list(found.organisations)
    for p in found.people:
        if p.uri is None and any(_same(p.name, o) for o in org_names) and not any(
            _same(p.name, n) for n in person_names
        ):
            organisations.append(replace(p, kind=ORGANISATION, titles=()))  # "Государственный Эрмитаж"
        else:
            people.append(p)

    for k, o in enumerate(organisations):  # "Райффайзенбанка" -> "Райффайзенбанк"
        if o.uri is None:
            better = next((n for n in org_names if len(n) < len(o.name) and _same(n, o.name)), None)
            if better is not None:
                organisations[k] = replace(o, name=better, aliases=tuple(sorted({*o.aliases, o.name})))

    uris = {e.uri for e in found if e.uri}
    for group in model_orgs:
        org = _organisation(group)
        if org is None or (org.uri and org.uri in uris):
            continue
        if _clashes(org.name, organisations) or any(_clashes(s.text, organisations) for s in group) or any(
            _same(org.name, n) for e in (*people, *found.places) for n in e.names()
        ):
            continue
        organisations.append(org)
        if org.uri:
            uris.add(org.uri)

    for group in model_people:
        name = group[0].normal
        words = _words(name)
        if len(name.split()) < 2:
            continue  # a surname alone: the rules resolve it to a full name, or it stays out
        entry = _vocab_entry(name)
        if (entry is not None and entry.uri in uris) or _clashes(name, people) or any(
            _within(name, n) for o in organisations for n in o.names()
        ) or any(_same(name, n) for pl in found.places for n in pl.names()) or any(
            _same_word(words[-1], _words(n)[-1]) for p in people for n in p.names() if _words(n)
        ):
            continue  # already a person ("Никиту Серова" is "Никита Серов"), or a name in a name
        surname_mentions = sum(1 for s in spans if s.kind == PER and len(_words(s.normal)) == 1
                               and _same_word(s.normal, words[-1]))
        people.append(Entity(PERSON, name, uri=entry.uri if entry and entry.kind == PERSON else None,
                             confidence=MODEL_CONFIDENCE, aliases=tuple(sorted({s.text for s in group} - {name})),
                             mentions=len(group) + surname_mentions))

    return Entities(people=tuple(people), organisations=tuple(organisations), places=found.places)
