""":func:`find_quotes`: the quotations of a text, paragraph by paragraph, each with the words
around it handed to the speaker resolver.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newswire.enrich.entities import Entity, find_entities
from newswire.enrich.quotes.merge import merge_contained
from newswire.enrich.quotes.paragraphs import (
    _CAPTION_RE,
    _after_work_noun,
    _attribution_end,
    _introduction,
    _paragraphs,
    _sentence_ends,
)
from newswire.enrich.quotes.resolver import _Resolver
from newswire.enrich.quotes.spans import (
    _DASH_LINE_RE,
    _DASH_MID_OPEN_RE,
    MIN_WORDS,
    _clean,
    _dash_spans,
    _find_spans,
    _mark_patterns,
)
from newswire.enrich.quotes.story import _people_index
from newswire.enrich.quotes.unnamed import _ANSWER_RE, _first_person
from newswire.enrich.quotes.verbs import _AR_PARTICIPLES_FOLDED
from newswire.model import Quote
from newswire.vocab.places import fold, norm_lang

_AFTER_CHARS = 160
_PARTICIPLE_OPENING = frozenset(_AR_PARTICIPLES_FOLDED)


def _participle_opens(before: str, lang: str | None) -> bool:
    """The words between two quotes of one sentence open with an Arabic participle of saying
    ("…"، مشيرا إلى أن "…"، "مضيفة:"): no new subject."""
    if lang != "ar":
        return False
    head = before.lstrip(" ،,")
    return fold(head.split(" ", 1)[0].rstrip(":،,")) in _PARTICIPLE_OPENING
_BEFORE_CHARS = 220


def _paragraph_quotes(
    text: str, lang: str | None, resolver: _Resolver
) -> list[Quote]:
    out: list[Quote] = []
    last_paragraph = -2
    unnamed_last = False  # the last quote is an unnamed speaker's
    paragraphs = _paragraphs(text)
    patterns = _mark_patterns(text, lang)
    for number, (paragraph, offset) in enumerate(paragraphs):
        spans = _find_spans(paragraph, lang, patterns)
        dashed = [d for d in _dash_spans(paragraph) if not any(s.start < d.end and d.start < s.end for s in spans)]
        if dashed:
            spans = sorted([*spans, *dashed], key=lambda s: s.start)
        if not spans:
            continue
        caption = None
        said_last: tuple[int, str | None] | None = None  # this paragraph's last quote: its index, its speaker
        if number + 1 < len(paragraphs):
            caption = _CAPTION_RE.match(paragraphs[number + 1][0])
        for index, span in enumerate(spans):
            prev_end = spans[index - 1].end if index else 0
            next_start = spans[index + 1].start if index + 1 < len(spans) else len(paragraph)
            before = paragraph[prev_end:span.start]
            if _after_work_noun(before):
                continue  # por su novela "La casa de las nueve lluvias": a title
            ends = _sentence_ends(before)
            previous = ""
            if ends:
                cut = ends[-1].end()
                start = ends[-2].end() if len(ends) > 1 else 0
                before, previous = before[cut:], before[start:cut]
            if index and not previous.strip(" .!?") and not before.strip():
                # "Pour X, les salariés « paient … ». « … », a-t-elle dénoncé": the sentence
                # before is the one the quote before closed, from its start
                head = paragraph[:spans[index - 1].start]
                head_ends = _sentence_ends(head)
                previous = paragraph[head_ends[-1].end() if head_ends else 0:span.start]
            before = before[-_BEFORE_CHARS:]
            after = paragraph[span.end:next_start][:_AFTER_CHARS]
            if span.text.endswith(".") and after.lstrip()[:1].isupper():
                after = ""  # called the result "a clear signal." The party said …: a new sentence
            stop = _attribution_end(after)
            if stop is not None:
                after = after[:stop]
            sentence_before = previous
            if not sentence_before and not ends and number:
                # a quote opening its paragraph: the sentence before it ends the paragraph above
                above = paragraphs[number - 1][0]
                above_ends = _sentence_ends(above.rstrip())
                sentence_before = above[above_ends[-2].end():] if len(above_ends) > 1 else above
            speaker, attributed = resolver.speaker(before, after, offset + span.start, previous, sentence_before)
            if said_last is not None and said_last[0] == index - 1 and not ends and _participle_opens(before, lang):
                # "وقال البنك إن "…"، مشيرا إلى أن القرار "…"": the participle goes on with the
                # subject of the sentence, the speaker of the quote before it
                speaker, attributed = said_last[1], True
            if dashed and span is dashed[0] and not attributed:
                continue  # dash speech is a quotation only with its attribution
            if not attributed and caption is not None and index == len(spans) - 1:
                speaker = resolver.caption(caption.group(1))
                attributed = speaker is not None
            if not attributed and number and not before.strip() and not after.strip(" .") and (
                lead := _introduction(paragraphs[number - 1][0])
            ):
                # "Yıldırım şunları söyledi:", "Siemons told reporters:", "وقال الجاسر:" and the
                # quotation in the paragraph below
                speaker, attributed = resolver.speaker(lead, "", offset + span.start)
            if not attributed and previous and not before.strip() and not after.strip(" ."):
                # "Rahimi spoke at the ceremony. “When we arrived …”": the quote goes on
                # from the person the sentence before it is about.
                speaker = resolver.subject(previous) or resolver.reported_by(previous)
                attributed = speaker is not None
            if not attributed and out and number - last_paragraph <= 1 and not before.strip(
                " \t—–-"
            ):
                # the quote goes on in the words of whoever spoke last; after an unnamed
                # speaker ("“…,” said one passenger, who was treated in hospital. “…”") it is
                # still theirs, not the person named before them (ANNOTATION 6: null)
                speaker, attributed = (None if unnamed_last else resolver.last), True
            if not attributed and not (before.strip() == "" and after.strip(" .") == ""):
                continue
            quote_text = _clean(span.text)
            if len(quote_text.split()) < MIN_WORDS:
                continue
            if speaker is None and attributed and _ANSWER_RE.match(paragraph) and _first_person(before + after):
                # "A: … We told them what we tell everyone: “…”": the interviewee speaks
                speaker = resolver.interviewee()
            if speaker is not None:
                speaker = resolver.canonical(speaker)
            out.append(Quote(quote_text, speaker))
            said_last = (index, speaker)
            unnamed_last = speaker is None
            if speaker is not None and speaker not in resolver.named_bodies and not any(
                speaker == name for name, _ in resolver.orgs
            ):
                resolver.last = speaker
                resolver.spoken.append((offset + span.start, speaker))
            last_paragraph = number
    return out


def find_quotes(
    text: str,
    lang: str | None = None,
    *,
    people: Iterable[Entity | str] | None = None,
    organisations: Sequence[Entity] = (),
) -> list[Quote]:
    """Direct quotations in ``text`` (one paragraph per line) with their speakers (pure).

    ``people``: the story's people (entities or full names); found with
    :func:`~newswire.enrich.entities.find_entities` when not given.
    """
    # Not a bare dash: nearly every dateline has one (" - "), which would let every story by.
    if not any(mark in text for mark in "“”„«»‘’\"'") and not _DASH_LINE_RE.search(text) and (
        not _DASH_MID_OPEN_RE.search(text)
    ):
        return []
    if people is None:
        found = find_entities(text, lang)
        people, organisations = found.people, found.organisations
    resolver = _Resolver(text, lang, _people_index(text, people, norm_lang(lang)), organisations)
    return merge_contained(_paragraph_quotes(text, lang, resolver))
