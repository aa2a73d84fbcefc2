"""IPTC Media Topics for a story: a trained tagger when there is one, keyword rules before.

Editors' codes win: if an editor (not the machine) set any Media Topic subject, this step
adds nothing. Machine topics are ``Concept(uri=<Media Topic URI>, name=<label in the
story's language, else English>, rel="about", creator=MACHINE_CREATOR, confidence=0-100)``;
running the step again replaces earlier machine topics, never an editor's subject.

**Cold start - keyword rules** (``vocab/data/topic_keywords.json``, written for newswire):
keywords and phrases per Media Topic for the 17 top-level topics and the important
narrower ones, in en, tr, ar, ru, fr, es, de and bs (which also serves hr and sr).

* en, fr, es, de, ru, ar: words and keywords are reduced to Snowball stems and compared
  exactly (Arabic: alef forms unified and the article with its clitics dropped first).
* tr: keywords are roots matched as word prefixes, so suffixes are tolerated
  (``seçim`` -> ``seçimlerde``); roots under four letters take at most two more letters,
  and listed look-alikes (``kazan`` for ``kaza``) are excluded.
* bs/hr/sr: matched the same way on the keyword minus a final vowel, because the Snowball
  Serbian stemmer rewrites ijekavian forms to ekavian and stems inflected forms
  inconsistently (``nogomet`` -> ``nogomet`` but ``nogometa`` -> ``nogometa``).
* de: a word that matches no keyword is also read by its last part, the head of a
  compound (``Mietpreise`` -> ``preis``), never by its first (see ``_compound_parts``).

A hit weighs 3 in the headline, 2 in the standfirst or first paragraph, 1 elsewhere
(capped per keyword); hits on a narrower topic also count for its top-level topic (at
half weight for transport, energy and tourism, which say less about "economy" or
"lifestyle" than about themselves). A keyword written ``~word`` is weak: it counts at
``weak_weight`` and is no distinct keyword (the words of government - minister,
president - and amounts of money occur in stories on every topic).
Confidence is ``100 * (1 - exp(-score / scale))``; a topic needs two distinct keywords,
the confidence threshold, and a score within reach of the best topic; at most two
top-level topics are kept. A topic that ``yields`` to another (labour to sport, conflict
to disaster) is dropped when that one scores at least as much. When no topic clears the
bar, the best-scoring one is still assigned, at its low confidence, if it has
``fallback_score`` of evidence: a story with topic words always gets a topic.

**Trained model**: when a model file exists at ``$NEWSWIRE_TAGGER_MODEL`` (default
``data/tagger.json``, see :mod:`newswire.enrich.tagger`), it picks the top-level topics
and the rules only add a narrower topic under each one it picked; when it is sure of no
topic, the rules decide alone.
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.enrich.text import body_paragraphs, primary_language, stem_words, words
from newswire.model import MACHINE_CREATOR, MEDIATOPIC_URI, Concept, Item
from newswire.vocab import mediatopics

if TYPE_CHECKING:
    from newswire.enrich.tagger import TaggerModel

log = logging.getLogger(__name__)

MODEL_ENV = "NEWSWIRE_TAGGER_MODEL"
DEFAULT_MODEL_PATH = "data/tagger.json"
RULE_LANGUAGES = ("en", "tr", "ar", "ru", "fr", "es", "de", "bs")
PREFIX_LANGUAGES = frozenset({"tr", "bs"})
FALLBACK_RULES = "en"


@dataclass(frozen=True, slots=True)
class TopicConfig:
    threshold: int = 45  # minimum confidence (0-100) for a rule topic
    min_keywords: int = 2  # distinct keywords a rule topic needs
    max_top_level: int = 2  # the annotation guideline: one or two topics a story
    narrower_per_top_level: int = 1
    relative: float = 0.6  # a topic's score must reach this share of the best one
    scale: float = 8.0
    keyword_cap: float = 4.0  # one keyword adds at most this much, however often it occurs
    headline_weight: float = 3.0
    lead_weight: float = 2.0
    max_body_tokens: int = 1200
    model_threshold: int = 30  # minimum confidence for a tagger model topic
    weak_weight: float = 0.5  # a "~word" keyword counts this much and is no distinct keyword
    fallback_score: float = 1.0  # least evidence for the best topic when none clears the bar


DEFAULT_CONFIG = TopicConfig()
_SHORT_KEY = 3  # keys this short take at most _SHORT_SUFFIX more letters
_SHORT_SUFFIX = 2
_MAX_SUFFIX = {"tr": 10, "bs": 6}
_MAX_MEMO = 200_000
_NO_KEYS: frozenset[str] = frozenset()
# A token's match: the single-keyword keys (none, one, or a German compound's parts) and
# the phrase-word keys.
_Match = tuple[tuple[str, ...], frozenset[str]]
COMPOUND_LANGUAGES = frozenset({"de"})
_MIN_HEAD = 6  # a German compound's last part matches a keyword stem this long or longer
_MIN_REST = 3  # letters left in front of it


def _is_mediatopic(concept: Concept) -> bool:
    return bool(concept.uri and concept.uri.startswith(MEDIATOPIC_URI))


class _Language:
    """The keyword index for one language."""

    def __init__(self, lang: str, exclude: list[str]):
        self.lang = lang
        self.prefix = lang in PREFIX_LANGUAGES
        self.compounds = lang in COMPOUND_LANGUAGES
        self.exclude = tuple(exclude)
        self.singles: dict[str, list[int]] = defaultdict(list)
        self.phrases: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        self.phrase_words: set[str] = set()
        self.exact: set[str] = set()  # words matched as written ("=word"), never by stem
        self.max_key = 1
        self._matches: dict[str, _Match] = {}  # token -> its match (see token_keys)
        self._unmatched: set[str] = set()  # tokens known to match nothing

    def keys_of(self, text: str) -> list[str]:
        tokens = words(text, self.lang)
        if self.prefix:
            return [self._prefix_key(t) for t in tokens]
        return stem_words(tokens, self.lang)

    def _prefix_key(self, token: str) -> str:
        if self.lang == "bs" and len(token) >= 5 and token[-1] in "aeiou":
            return token[:-1]
        return token

    def add(self, text: str, keyword_id: int) -> None:
        if text.startswith("="):  # a stem shared with common words: only these forms
            for token in words(text[1:], self.lang):
                self.exact.add(token)
                self.singles["=" + token].append(keyword_id)
            return
        keys = self.keys_of(text)
        if not keys:
            return
        if len(keys) == 1:
            self.singles[keys[0]].append(keyword_id)
        else:
            self.phrases[keys[0]].append((tuple(keys[1:]), keyword_id))
            self.phrase_words.update(keys)
        self.max_key = max(self.max_key, *(len(k) for k in keys))

    def token_keys(self, tokens: Iterable[str]) -> dict[str, _Match]:
        """The tokens that match a keyword, each with the single-keyword keys it matches
        and the phrase-word keys it matches; tokens that match nothing are left out.

        Matches are remembered per language across stories (news vocabulary repeats), and
        so are the far more numerous tokens that match nothing, which a set difference
        then drops in one step.
        """
        memo, unmatched = self._matches, self._unmatched
        if len(memo) + len(unmatched) > _MAX_MEMO:
            memo.clear()
            unmatched.clear()
        found: dict[str, _Match] = {}
        new: list[str] = []
        for token in set(tokens) - unmatched:
            match = memo.get(token)
            if match is None:
                new.append(token)
            else:
                found[token] = match
        if not new:
            return found
        if self.prefix:
            matches = [self._match_prefix(token) for token in new]
        else:
            matches = [
                ((stem,) if stem in self.singles
                 else self._compound_parts(token, stem) if self.compounds else (),
                 frozenset((stem,)) if stem in self.phrase_words else _NO_KEYS)
                for token, stem in zip(new, stem_words(new, self.lang), strict=True)
            ]
        if self.exact:
            matches = [
                ((*singles, "=" + token), phrase_keys) if token in self.exact else (singles, phrase_keys)
                for token, (singles, phrase_keys) in zip(new, matches, strict=True)
            ]
        for token, match in zip(new, matches, strict=True):
            if not match[0] and not match[1]:
                unmatched.add(token)
            else:
                found[token] = memo[token] = match
        return found

    def _compound_parts(self, token: str, stem: str) -> tuple[str, ...]:
        """The keyword stem a German compound ends with, its head (``Mietpreise`` ->
        ``preis``, ``Wirtschaftswachstum`` -> ``wachstum``): the longest of at least
        ``_MIN_HEAD`` letters that leaves ``_MIN_REST`` in front. Only the head: it names
        what the compound is (a ``Wahlkampf`` is no fight, a ``Brandstätter`` no fire).
        Words in the language's ``exclude`` list (``Beispiel``, ``Diebstahl``) are never
        split."""
        if len(stem) < _MIN_HEAD + _MIN_REST or token.startswith(self.exclude):
            return ()
        singles = self.singles
        for start in range(_MIN_REST, len(stem) - _MIN_HEAD + 1):
            if stem[start:] in singles:
                return (stem[start:],)
        return ()

    def _match_prefix(self, token: str) -> _Match:
        longest: str | None = None
        phrase_keys: list[str] = []
        limit = _MAX_SUFFIX[self.lang]
        shortest = len(token) if token.startswith(self.exclude) else 2
        for size in range(min(len(token), self.max_key), shortest - 1, -1):
            key = token[:size]
            rest = len(token) - size
            if rest > (_SHORT_SUFFIX if size <= _SHORT_KEY else limit):
                break
            if longest is None and key in self.singles:
                longest = key
            if key in self.phrase_words:
                phrase_keys.append(key)
        return ((longest,) if longest else ()), frozenset(phrase_keys)


class KeywordRules:
    """Keyword rules for every rule language, built once from the shipped JSON."""

    def __init__(self, data: dict[str, object]):
        topics = data["topics"]
        assert isinstance(topics, dict)
        aliases = data.get("aliases", {})
        exclude = data.get("exclude", {})
        assert isinstance(aliases, dict) and isinstance(exclude, dict)
        self.aliases: dict[str, str] = dict(aliases)
        self.keyword_topic: list[str] = []
        yields = data.get("yields", {})
        assert isinstance(yields, dict)
        self.yields: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in yields.items()}
        self.weak: set[int] = set()  # keyword ids written "~word": see TopicConfig.weak_weight
        self.languages: dict[str, _Language] = {}
        self.rollup: dict[str, float] = {}
        for code, by_language in topics.items():
            self.rollup[code] = float(by_language.get("_rollup", 1.0))
            for lang, keywords in by_language.items():
                if lang.startswith("_"):
                    continue
                index = self.languages.get(lang)
                if index is None:
                    index = self.languages[lang] = _Language(lang, exclude.get(lang, []))
                for keyword in keywords:
                    if keyword.startswith("~"):
                        self.weak.add(len(self.keyword_topic))
                    index.add(keyword.lstrip("~"), len(self.keyword_topic))
                    self.keyword_topic.append(code)
        self.codes = sorted(set(self.keyword_topic))
        vocab = mediatopics.load()
        self.top_level: dict[str, str] = {c: vocab.top_level(c) or c for c in self.codes}

    def language(self, lang: str | None) -> _Language:
        code = primary_language(lang) or FALLBACK_RULES
        code = self.aliases.get(code, code)
        return self.languages.get(code) or self.languages[FALLBACK_RULES]

    def scores(
        self,
        zones: list[tuple[str, float]],
        lang: str | None,
        config: TopicConfig = DEFAULT_CONFIG,
    ) -> dict[str, tuple[float, int]]:
        """``code -> (score, distinct keywords)`` for weighted text zones."""
        index = self.language(lang)
        singles_index, phrases = index.singles, index.phrases
        hits: dict[int, float] = defaultdict(float)
        for text, weight in zones:
            tokens = words(text, index.lang)
            if not tokens:
                continue
            counts = Counter(tokens)
            keys = index.token_keys(counts)
            phrase_at: dict[str, frozenset[str]] = {}  # token -> phrase-word keys
            # token -> the (rest, keyword) of the phrases its keys open, in key order
            opening: dict[str, list[tuple[tuple[str, ...], int]]] = {}
            for token, (singles, phrase_keys) in keys.items():
                if singles:
                    add = weight * counts[token]
                    for single in singles:
                        for keyword in singles_index[single]:
                            hits[keyword] += add
                if phrase_keys:
                    phrase_at[token] = phrase_keys
                    opened = [phrase for first in phrase_keys for phrase in phrases.get(first, ())]
                    if opened:
                        opening[token] = opened
            if not opening:
                continue
            size = len(tokens)
            for i in [i for i, token in enumerate(tokens) if token in opening]:
                for rest, keyword in opening[tokens[i]]:
                    if i + 1 + len(rest) <= size and _follows(rest, tokens, i + 1, phrase_at):
                        hits[keyword] += weight
        totals: dict[str, list[float]] = {}
        weak = self.weak
        for keyword, weight in hits.items():
            code = self.keyword_topic[keyword]
            entry = totals.setdefault(code, [0.0, 0])
            if keyword in weak:
                entry[0] += min(weight, config.keyword_cap) * config.weak_weight
            else:
                entry[0] += min(weight, config.keyword_cap)
                entry[1] += 1
        return {code: (score, int(n)) for code, (score, n) in totals.items()}


def _follows(
    rest: tuple[str, ...], tokens: list[str], at: int, phrase_at: dict[str, frozenset[str]]
) -> bool:
    """True when the tokens from ``at`` on match a phrase's words after its first, one by one
    (``at + len(rest)`` is within ``tokens``)."""
    if len(rest) == 1:  # most phrases are two words
        return rest[0] in phrase_at.get(tokens[at], _NO_KEYS)
    following = tokens[at:at + len(rest)]
    return all(word in phrase_at.get(token, _NO_KEYS) for word, token in zip(rest, following, strict=True))


@cache
def load_rules() -> KeywordRules:
    text = resources.files("newswire.vocab").joinpath("data/topic_keywords.json").read_text("utf-8")
    return KeywordRules(json.loads(text))


def _confidence(score: float, config: TopicConfig) -> int:
    return min(99, round(100 * (1 - math.exp(-score / config.scale))))


def _zones(
    headline: str, lead: str, body: list[str], config: TopicConfig
) -> list[tuple[str, float]]:
    zones = [(headline, config.headline_weight), (lead, config.lead_weight)]
    budget = config.max_body_tokens * 8  # characters, roughly max_body_tokens words
    rest: list[str] = []
    for paragraph in body:
        if budget <= 0:
            break
        rest.append(paragraph[:budget])
        budget -= len(paragraph)
    zones.append(("\n".join(rest), 1.0))
    return zones


def _top_levels(
    top: dict[str, list[float]], yields: dict[str, tuple[str, ...]], config: TopicConfig
) -> list[tuple[str, int]]:
    """The top-level topics to assign, best first, from ``code -> [score, distinct]``.

    A topic that yields to another (labour to sport, conflict to disaster) is dropped when
    that one scores at least as high: a footballer's contract or a "strike" on goal is not
    labour news, nor is a shipwreck's coastguard a war. When no topic clears the bar, the
    best-scoring one is still assigned (at its low confidence) if it has at least
    ``fallback_score`` of evidence and one keyword that is not weak, so that a story with
    topic words is never left bare (a minister quoted is no evidence of politics).
    """
    def outranked(code: str, score: float) -> bool:
        return any(other in top and top[other][0] >= score for other in yields.get(code, ()))

    best = max((score for score, _ in top.values()), default=0.0)
    chosen = [
        (code, _confidence(score, config))
        for code, (score, distinct) in top.items()
        if distinct >= config.min_keywords
        and _confidence(score, config) >= config.threshold
        and score >= config.relative * best
        and not outranked(code, score)
    ]
    chosen.sort(key=lambda pair: (-pair[1], pair[0]))
    if chosen:
        return chosen[: config.max_top_level]
    candidates = [
        (score, code)
        for code, (score, distinct) in top.items()
        if distinct and not outranked(code, score)
    ]
    if not candidates:
        return []
    score, code = min(candidates, key=lambda pair: (-pair[0], pair[1]))
    return [(code, _confidence(score, config))] if score >= config.fallback_score else []


def rule_topics(
    headline: str,
    body: list[str] | str,
    lang: str | None,
    *,
    standfirst: str | None = None,
    config: TopicConfig = DEFAULT_CONFIG,
    within: list[str] | None = None,
) -> list[tuple[str, int]]:
    """``(code, confidence)`` from the keyword rules, best first.

    ``within`` restricts the answer to narrower topics of those top-level codes (used
    when a trained model has picked the top levels). A narrower topic's confidence is
    never above its top-level topic's.
    """
    paragraphs = body.split("\n") if isinstance(body, str) else list(body)
    lead = "\n".join(p for p in ((standfirst or ""), *paragraphs[:1]) if p)
    zones = _zones(headline, lead, paragraphs[1:], config)
    rules = load_rules()
    raw = rules.scores(zones, lang, config)
    top: dict[str, list[float]] = {}
    for code, (score, distinct) in raw.items():
        root = rules.top_level[code]
        entry = top.setdefault(root, [0.0, 0])
        entry[0] += score * (1.0 if root == code else rules.rollup.get(code, 1.0))
        entry[1] += distinct
    if within is None:
        chosen = _top_levels(top, rules.yields, config)
        result = list(chosen)
    else:
        chosen = [(code, 99) for code in within]
        result = []
    for root, root_confidence in chosen:
        narrower = [
            (code, min(_confidence(score, config), root_confidence))
            for code, (score, distinct) in raw.items()
            if code != root
            and rules.top_level[code] == root
            and distinct >= config.min_keywords
            and _confidence(score, config) >= config.threshold
        ]
        narrower.sort(key=lambda pair: (-pair[1], pair[0]))
        result.extend(narrower[: config.narrower_per_top_level])
    return result


# -- the trained tagger --------------------------------------------------------------------
def model_path() -> Path:
    return Path(os.environ.get(MODEL_ENV) or DEFAULT_MODEL_PATH)


_model_cache: dict[str, tuple[int, TaggerModel | None]] = {}


def load_model(path: Path | None = None) -> TaggerModel | None:
    """The tagger model at ``path`` (default: :func:`model_path`), reloaded when it changes.

    None when there is no model, or when the file cannot be read as one (logged once per
    version of the file; the rules stand in).
    """
    target = path or model_path()
    try:
        stamp = target.stat().st_mtime_ns
    except OSError:
        return None
    from newswire.enrich.tagger import TaggerModel

    key = str(target.resolve())
    cached = _model_cache.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    model: TaggerModel | None
    try:
        model = TaggerModel.load(target)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("tagger model %s unusable (%s); using keyword rules", target, exc)
        model = None
    _model_cache[key] = (stamp, model)
    return model


def suggest_topics(item: Item, config: TopicConfig = DEFAULT_CONFIG) -> list[tuple[str, int]]:
    """``(code, confidence)`` the machine would assign to ``item``, best first."""
    lang = item.language
    if not lang:
        from newswire.enrich.language import detect

        lang = detect("\n".join([item.headline, *body_paragraphs(item)[:3]]))[0]
    paragraphs = body_paragraphs(item)
    model = load_model()
    if model is None:
        return rule_topics(
            item.headline, paragraphs, lang, standfirst=item.standfirst, config=config
        )
    from newswire.enrich.text import item_text

    picked = [
        (code, confidence)
        for code, confidence in model.predict(item_text(item), lang)
        if confidence >= config.model_threshold
    ][: config.max_top_level]
    if not picked:  # the model is unsure of every topic: the rules, with their fallback
        return rule_topics(
            item.headline, paragraphs, lang, standfirst=item.standfirst, config=config
        )
    narrower = rule_topics(
        item.headline,
        paragraphs,
        lang,
        standfirst=item.standfirst,
        config=config,
        within=[code for code, _ in picked],
    )
    return picked + narrower


def assign_topics(item: Item) -> Item:
    """Add machine Media Topic subjects unless an editor set any Media Topic."""
    if any(_is_mediatopic(s) and not s.machine_made for s in item.subjects):
        return item
    suggestions = suggest_topics(item)
    previous = [s for s in item.subjects if _is_mediatopic(s) and s.machine_made]
    if not suggestions and not previous:
        return item
    kept = tuple(s for s in item.subjects if not (_is_mediatopic(s) and s.machine_made))
    added = tuple(
        Concept(
            name=mediatopics.label(code, item.language),
            uri=mediatopics.uri(code),
            rel="about",
            creator=MACHINE_CREATOR,
            confidence=confidence,
        )
        for code, confidence in suggestions
    )
    return item.evolve(subjects=kept + added)
