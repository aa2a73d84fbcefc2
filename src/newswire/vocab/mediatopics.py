"""IPTC Media Topics: codes, hierarchy and labels (shipped in ``data/mediatopics.json``).

Codes are written as qcodes, ``medtop:NNNNNNNN``; every function here also accepts the
bare number or the full ``http://cv.iptc.org/newscodes/mediatopic/NNNNNNNN`` URI. The data
is derived from IPTC's files (CC BY 4.0, credit "IPTC - International Press
Telecommunications Council, https://iptc.org") by ``scripts/build_vocab.py``; retired
concepts are not in it.

Routing relies on :func:`is_within` / :func:`descendants` (a product with a code admits
its descendants); site sections on :func:`top_level` + :func:`label`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newswire.model import MEDIATOPIC_URI

PREFIX = "medtop:"
# Label languages that stand in for one another before falling back to English.
_LANGUAGE_FALLBACKS: dict[str, tuple[str, ...]] = {
    "no": ("nb", "nn"),
    "nb": ("nn",),
    "nn": ("nb",),
    "pt-br": ("pt-BR", "pt"),
    "en-us": ("en-US", "en"),
    "zh": ("zh-Hans",),
}


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    parent: str | None
    level: int
    labels: Mapping[str, str]


def normalize(code: str) -> str:
    """``medtop:NNNNNNNN`` from a qcode, a bare number or a Media Topic URI."""
    text = code.strip()
    if text.startswith(MEDIATOPIC_URI):
        return PREFIX + text[len(MEDIATOPIC_URI):].strip("/")
    if text.lower().startswith(PREFIX):
        return PREFIX + text[len(PREFIX):]
    if text.isdigit():
        return PREFIX + text
    return text


def uri(code: str) -> str:
    """The Media Topic URI (the form ninjs ``subjects`` carry) for a code."""
    return MEDIATOPIC_URI + normalize(code)[len(PREFIX):]


class Vocabulary:
    """The active Media Topics with parent/child indexes; build once, query often."""

    def __init__(self, topics: Mapping[str, Topic], meta: Mapping[str, object] | None = None):
        self.topics: dict[str, Topic] = dict(topics)
        self.meta: dict[str, object] = dict(meta or {})
        children: dict[str, list[str]] = {}
        for topic in self.topics.values():
            if topic.parent is not None:
                children.setdefault(topic.parent, []).append(topic.code)
        self.children: dict[str, tuple[str, ...]] = {
            k: tuple(sorted(v)) for k, v in children.items()
        }
        self._descendants: dict[str, frozenset[str]] = {}
        self._top_levels = tuple(sorted(c for c, t in self.topics.items() if t.parent is None))

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Vocabulary:
        raw = data["topics"]
        assert isinstance(raw, dict)
        topics = {
            code: Topic(code, entry.get("parent"), int(entry["level"]), dict(entry["labels"]))
            for code, entry in raw.items()
        }
        return cls(topics, {k: v for k, v in data.items() if k != "topics"})

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and normalize(code) in self.topics

    def __len__(self) -> int:
        return len(self.topics)

    def get(self, code: str) -> Topic | None:
        return self.topics.get(normalize(code))

    def label(self, code: str, lang: str | None = "en") -> str | None:
        """The label in ``lang`` (BCP 47), falling back to related tags, then English."""
        topic = self.topics.get(normalize(code))
        if topic is None:
            return None
        labels = topic.labels
        if lang:
            if lang in labels:
                return labels[lang]
            key = lang.lower()
            for candidate in (*_LANGUAGE_FALLBACKS.get(key, ()), key.split("-")[0]):
                if candidate in labels:
                    return labels[candidate]
        return labels.get("en") or next(iter(labels.values()), None)

    def parent(self, code: str) -> str | None:
        topic = self.topics.get(normalize(code))
        return topic.parent if topic else None

    def ancestors(self, code: str) -> list[str]:
        """Broader topics, nearest first, up to the top level."""
        found: list[str] = []
        current = self.parent(code)
        while current is not None and current not in found:
            found.append(current)
            current = self.parent(current)
        return found

    def descendants(self, code: str) -> frozenset[str]:
        """Every narrower topic at any depth (not the topic itself)."""
        key = normalize(code)
        cached = self._descendants.get(key)
        if cached is not None:
            return cached
        found: set[str] = set()
        stack = list(self.children.get(key, ()))
        while stack:
            child = stack.pop()
            if child not in found:
                found.add(child)
                stack.extend(self.children.get(child, ()))
        result = frozenset(found)
        self._descendants[key] = result
        return result

    def top_level(self, code: str) -> str | None:
        key = normalize(code)
        if key not in self.topics:
            return None
        chain = self.ancestors(key)
        return chain[-1] if chain else key

    def is_within(self, code: str, ancestor: str) -> bool:
        """True when ``code`` is ``ancestor`` or one of its descendants."""
        key, anc = normalize(code), normalize(ancestor)
        return key == anc or anc in self.ancestors(key)

    def top_levels(self) -> list[str]:
        return list(self._top_levels)


@cache
def load() -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    text = resources.files("newswire.vocab").joinpath("data/mediatopics.json").read_text("utf-8")
    return Vocabulary.from_json(json.loads(text))


def label(code: str, lang: str | None = "en") -> str | None:
    return load().label(code, lang)


def parent(code: str) -> str | None:
    return load().parent(code)


def ancestors(code: str) -> list[str]:
    return load().ancestors(code)


def descendants(code: str) -> frozenset[str]:
    return load().descendants(code)


def top_level(code: str) -> str | None:
    return load().top_level(code)


def is_within(code: str, ancestor: str) -> bool:
    return load().is_within(code, ancestor)


def top_levels() -> list[str]:
    return load().top_levels()
