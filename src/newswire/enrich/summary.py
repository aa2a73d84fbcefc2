"""Extractive summaries: 2-4 of the story's own sentences, in its language, in their order.

How sentences are chosen (only the first :attr:`SummaryConfig.max_candidates` count, so a
long body costs no more than a short one):

* the dateline and the agency's boilerplate paragraphs are removed first;
* left out: sentences that are mostly a direct quotation (the public summary should say
  what happened, not who said what), near-repeats of the headline or standfirst (Jaccard
  similarity of their words), fragments, and sentences that introduce a quote or list
  (ending in ``:``);
* scored by position (news puts the essentials first), overlap with the headline and
  standfirst words, centrality (how much a sentence shares with the others) and length,
  plus a bonus for a sentence that says what is scheduled next (a future cue, as the
  planning step reads them: "will", "-acak", "состоится", "se celebrará", "المقبل") -
  the desk's summaries cover the news point and the next scheduled step;
* never most of the story: at most a third of the body's sentences
  (:func:`summary_sentence_limit`; a story of one or two sentences gets no summary, one of
  three to five gets one sentence), since the public site shows the summary and only
  subscribers get the body; the site applies the same rule to any summary it shows;
* picked best first while the summary stays within ``max_chars`` and adds something new
  (a sentence too similar to one already picked is skipped), then put back in story order.
  That gives 2-4 sentences on ordinary stories; when the best sentence is so long that no
  other fits beside it, it stands alone (a strong lead beats two weaker sentences), and a
  single sentence longer than ``max_chars`` is cut at a word with an ellipsis.

Words are compared by their first six letters, a cheap stem that serves suffixing
languages (Turkish, Russian, Bosnian) as well as English.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import repeat
from operator import sub

from newswire.enrich.dateline import parse_dateline
from newswire.enrich.planning import looks_ahead
from newswire.enrich.sentences import split_sentences
from newswire.enrich.text import body_text, stopwords, words_of_lines
from newswire.model import MACHINE_CREATOR, Item, Text


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    max_chars: int = 400
    max_sentences: int = 4
    max_candidates: int = 40  # sentences considered at most (the lead matters; cost bounded)
    min_sentence_chars: int = 30
    quote_share: float = 0.6  # a sentence this much inside quotation marks is a quote
    headline_jaccard: float = 0.6  # this similar to the headline/standfirst: a repeat
    redundancy_jaccard: float = 0.5  # this similar to a picked sentence: redundant
    stem_chars: int = 6
    next_step: float = 0.10  # bonus for a sentence that says what is scheduled next


DEFAULT_CONFIG = SummaryConfig()

BOILERPLATE_TAIL = 3  # paragraphs at the end of a story that may be boilerplate
# Lower-case phrases that mark the agency's boilerplate (subscription notes, rights).
BOILERPLATE_MARKERS: tuple[str, ...] = (
    "contains only a portion",
    "carries only a portion",
    "offers only a portion",
    "contact us for subscription",
    "subscription options",
    "all rights reserved",
    "haberlerin sadece bir kısmı",
    "abonelik için",
    "abonelik seçenekleri",
    "يحتوي الموقع على جزء",
    "للاشتراك",
    "сайт содержит лишь часть",
    "оформления подписки",
    "ne contient qu'une partie",
    "options d'abonnement",
    "sólo contiene una parte",
    "solo contiene una parte",
    "opciones de suscripción",
    "enthält nur einen teil",
    "abonnement",
    "sadrži samo dio",
    "sadrži samo dio vijesti",
    "pretplat",
)
_QUOTED_RE = re.compile(r"\"[^\"]+\"|“[^”]+”|«[^»]+»|„[^“”]+[“”]|‘[^’]{8,}’|»(?<![^\W_]»)[^«»]+«")
# Direct speech that is not in quotation marks: a line opening with a dash (Russian,
# Azerbaijani and Bosnian copy) and a bracketed caption naming a speaker.
_DASH_SPEECH_RE = re.compile(r"^[-–—]\s")
_CAPTION_RE = re.compile(r"^\(.*\)\.?$")
_OPEN_QUOTES = "\"“«„‘"
_CLOSE_QUOTES = "\"”»“’"


def clean_paragraphs(text: str) -> list[str]:
    """Body paragraphs without the dateline and without boilerplate."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if paragraphs:
        dateline = parse_dateline(paragraphs[0])
        if dateline is not None:
            paragraphs = ([dateline.remainder] if dateline.remainder else []) + paragraphs[1:]
    # The agency's boilerplate closes a story: only the last paragraphs are checked.
    tail = len(paragraphs) - BOILERPLATE_TAIL
    return [p for i, p in enumerate(paragraphs) if i < tail or not is_boilerplate(p)]


def is_boilerplate(paragraph: str) -> bool:
    low = paragraph.lower()
    return any(marker in low for marker in BOILERPLATE_MARKERS)


def quote_share(sentence: str) -> float:
    """The share of a sentence's characters inside quotation marks."""
    text = sentence.strip()
    if not text:
        return 0.0
    if not ('"' in text or "“" in text or "«" in text or "„" in text or "‘" in text
            or "»" in text):
        return 0.0  # no mark a quotation opens with (most sentences): no regex needed
    quoted = sum(len(m.group()) for m in _QUOTED_RE.finditer(text))
    if not quoted and text[0] in _OPEN_QUOTES:
        # a quotation split over sentences: opened and not closed
        opens = sum(text.count(q) for q in _OPEN_QUOTES)
        closes = sum(text.count(q) for q in _CLOSE_QUOTES)
        if opens > closes - (text[0] in _CLOSE_QUOTES):
            return 1.0
    return quoted / len(text)


def is_speech(sentence: str) -> bool:
    """A sentence that is someone's words, not the story's: it opens with a quotation mark or
    a speech dash, or it is a bracketed caption."""
    text = sentence.strip()
    return bool(text) and (
        text[0] in _OPEN_QUOTES or text[0] == "»" or bool(_DASH_SPEECH_RE.match(text))
        or bool(_CAPTION_RE.match(text))
    )


# (lang, size) -> word -> its cut form, or "" for a word left out; kept across stories (news
# vocabulary repeats), so a story's words are mostly judged by one set difference.
_CUTS: dict[tuple[str | None, int], dict[str, str]] = {}
MAX_CUT_WORDS = 50_000  # words remembered per language before the memory starts again


def _stem_sets(token_lists: list[list[str]], lang: str | None, size: int) -> list[frozenset[str]]:
    """The cut content words of each sentence (the words
    :func:`~newswire.enrich.text.content_words` keeps, the Arabic article dropped, cut to
    ``size`` letters), each distinct word judged once (and remembered: :data:`_CUTS`)."""
    cut = _CUTS.get((lang, size))
    if cut is None or len(cut) > MAX_CUT_WORDS:
        cut = _CUTS[(lang, size)] = {}
    new = set().union(*token_lists).difference(cut)
    if new:
        stop = stopwords(lang)
        arabic = bool(lang and lang.startswith("ar"))
        for w in new:
            if len(w) >= 3 and w not in stop and not w.isdigit():
                cut[w] = (w[2:] if arabic and w.startswith("ال") and len(w) > 4 else w)[:size]
            else:
                cut[w] = ""
    # cut words are never empty, so filter(None, ...) only drops the words left out ("")
    return [frozenset(filter(None, map(cut.__getitem__, tokens))) for tokens in token_lists]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def _length_score(length: int) -> float:
    if length < 60:
        return length / 60
    if length <= 250:
        return 1.0
    return max(0.0, 1.0 - (length - 250) / 250)


def summary_sentence_limit(body_sentences: int) -> int:
    """The most body sentences a public summary may hold: a third of the body's, rounded
    down. So never all but one of them, and nothing for a body of one or two sentences."""
    return max(0, body_sentences) // 3


def body_sentences(text: str, lang: str | None, limit: int | None = None) -> list[str]:
    """The sentences of a body (one paragraph per line) as the summary rule counts them: the
    dateline and the agency's boilerplate left out; at most ``limit`` when given."""
    sentences: list[str] = []
    for paragraph in clean_paragraphs(text):
        sentences.extend(split_sentences(paragraph, lang))
        if limit is not None and len(sentences) >= limit:
            return sentences[:limit]
    return sentences


def summarize_text(
    text: str,
    lang: str | None,
    headline: str | None = None,
    max_chars: int = DEFAULT_CONFIG.max_chars,
    *,
    standfirst: str | None = None,
    config: SummaryConfig = DEFAULT_CONFIG,
) -> str:
    """An extractive summary of ``text`` (one paragraph per line) within ``max_chars``."""
    # Counted far enough to know the rule's limit, considered up to max_candidates.
    counted = body_sentences(text, lang, max(config.max_candidates, 3 * config.max_sentences + 3))
    sentences = counted[: config.max_candidates]
    # Never most of the story: the public site shows the summary, subscribers the body.
    limit = min(config.max_sentences, summary_sentence_limit(len(counted)))
    if limit < 1:
        return ""
    size = config.stem_chars
    # One pass of word cleaning for all sentences, the headline and the standfirst.
    tokens = words_of_lines([*sentences, " ".join((headline or "").split()),
                             " ".join((standfirst or "").split())], lang)
    *stems, head, stand = _stem_sets(tokens, lang, size)
    topic = head | stand

    quoted = [quote_share(s) for s in sentences]
    reported: list[int] = []  # what the story says, not what someone said
    for i, sentence in enumerate(sentences):
        if len(sentence) < config.min_sentence_chars or sentence.endswith(":"):
            continue
        if quoted[i] >= config.quote_share or is_speech(sentence):
            continue
        reported.append(i)
    eligible = [
        i for i in reported
        if max(_jaccard(stems[i], head), _jaccard(stems[i], stand)) < config.headline_jaccard
    ]
    if not eligible:
        # every reported sentence repeats the headline or standfirst: the first one still
        # says what happened, which beats no summary at all
        eligible = reported[:1]
    if not eligible:
        return ""

    # Centrality: summed cosine overlap of word sets with the other candidates, in linear
    # time - sum over a sentence's words of the weight every other sentence gives the word.
    inverse = [1.0 / math.sqrt(len(st)) if st else 0.0 for st in stems]
    mass: dict[str, float] = {}
    get = mass.get  # a plain dict: defaultdict's __missing__ made a new stem cost a call
    for st, inv in zip(stems, inverse, strict=True):
        for stem in st:
            mass[stem] = get(stem, 0.0) + inv
    centrality = [  # sum(mass[stem] - inv for stem in st), without a Python-level step per word
        inv * sum(map(sub, map(mass.__getitem__, st), repeat(inv)))
        for st, inv in zip(stems, inverse, strict=True)
    ]
    top_centrality = max(centrality) or 1.0

    scores: dict[int, float] = {}
    for i in eligible:
        position = 1.0 / math.sqrt(1 + i)
        on_topic = len(stems[i] & topic) / len(topic) if topic else 0.0
        scores[i] = (
            0.40 * position
            + 0.30 * on_topic
            + 0.20 * centrality[i] / top_centrality
            + 0.10 * _length_score(len(sentences[i]))
            - 0.25 * quoted[i]  # reported facts before quotations
            + config.next_step * looks_ahead(tokens[i], lang)  # what happens next
        )
    ranked = sorted(eligible, key=lambda i: (-scores[i], i))

    def fits(picked: list[int]) -> bool:
        return sum(len(sentences[i]) for i in picked) + len(picked) - 1 <= max_chars

    def distinct(i: int, picked: list[int]) -> bool:
        return all(_jaccard(stems[i], stems[j]) < config.redundancy_jaccard for j in picked)

    chosen: list[int] = []
    for i in ranked:
        if len(chosen) >= limit:
            break
        if fits([*chosen, i]) and distinct(i, chosen):
            chosen.append(i)
    if not chosen:
        return _truncate(sentences[ranked[0]], max_chars)
    return " ".join(sentences[i] for i in sorted(chosen))


def _truncate(sentence: str, max_chars: int) -> str:
    """Cut a too-long sentence at a word boundary, marking the cut with an ellipsis."""
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[: max(0, max_chars - 1)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-—–") + "…"


def lead3(text: str, lang: str | None, max_chars: int | None = None) -> str:
    """Baseline: the first three sentences (dateline and boilerplate removed)."""
    sentences: list[str] = []
    for paragraph in clean_paragraphs(text):
        sentences.extend(split_sentences(paragraph, lang))
        if len(sentences) >= 3:
            break
    summary = " ".join(sentences[:3])
    return _truncate(summary, max_chars) if max_chars is not None else summary


def summarize(item: Item) -> Item:
    """Add ``Text(summary, role="summary")`` to ``descriptions``; an editor's summary wins."""
    if item.summary:
        return item
    text = body_text(item)
    if not text:
        return item
    value = summarize_text(text, item.language, item.headline, standfirst=item.standfirst)
    if not value:
        return item
    enriched = dict(item.extra.get("enriched", {}) or {})  # type: ignore[call-overload]
    enriched["summary"] = {"creator": MACHINE_CREATOR}
    return item.evolve(
        descriptions=(*item.descriptions, Text(value, role="summary")),
        extra={**item.extra, "enriched": enriched},
    )
