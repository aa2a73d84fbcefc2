"""A light topic tagger learned from the wire's own archive: multinomial naive Bayes.

Trained on ``(text, language, top-level Media Topic codes)`` - in practice the stories
editors have tagged (:func:`train_from_items` only trusts subjects that are *not*
machine-made, so the model never learns from its own guesses). Features are word stems
(Snowball where a stemmer exists, else the first six letters) with sub-linear counts
(``1 + log(count)``), so one word repeated cannot dominate a story. A story with several
topics counts for each of them.

Confidences: the per-word average of each topic's log-likelihood, sharpened by
``TaggerModel.sharpness`` and normalised over the topics (a softmax), times 100. They sum
to about 100 over all topics, so a story that is half politics, half economy gets about
50 for each; :mod:`newswire.enrich.topics` keeps topics above its model threshold.

The model is a JSON file (``TaggerModel.save``/``load``); ``newswire tagger train`` writes
it to ``$NEWSWIRE_TAGGER_MODEL`` (default ``data/tagger.json``), where
:func:`newswire.enrich.topics.assign_topics` picks it up.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newswire.enrich.text import content_words, has_stemmer, item_text, stem_words
from newswire.model import MEDIATOPIC_URI, Item
from newswire.vocab import mediatopics

FORMAT = "newswire-tagger"
FORMAT_VERSION = 1
DEFAULT_ALPHA = 0.5
DEFAULT_SHARPNESS = 12.0
MAX_FEATURES = 60_000
MAX_TEXT_CHARS = 12_000  # longer stories are read up to here: the top of a story tells most

FloatArray = npt.NDArray[np.float64]


def features(text: str, lang: str | None) -> list[str]:
    """Content-word stems of ``text`` (the tagger's features)."""
    tokens = content_words(text[:MAX_TEXT_CHARS], lang)
    if has_stemmer(lang):
        return stem_words(tokens, lang)
    return [t[:6] for t in tokens]


def _weights(found: Counter[str]) -> dict[str, float]:
    return {f: 1.0 + math.log(n) for f, n in found.items()}


@dataclass
class TaggerModel:
    classes: list[str]
    vocabulary: list[str]
    class_log_prior: FloatArray
    feature_log_prob: FloatArray  # classes x vocabulary
    sharpness: float = DEFAULT_SHARPNESS
    meta: dict[str, object] = field(default_factory=dict)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {f: i for i, f in enumerate(self.vocabulary)}

    def predict(self, text: str, lang: str | None) -> list[tuple[str, int]]:
        """``(top-level code, confidence 0-100)`` for every class, most likely first."""
        weights = _weights(Counter(features(text, lang)))
        known = [(self._index[f], w) for f, w in weights.items() if f in self._index]
        if not known or not self.classes:
            return []
        idx = np.fromiter((i for i, _ in known), dtype=np.intp, count=len(known))
        vals = np.fromiter((w for _, w in known), dtype=np.float64, count=len(known))
        total = float(vals.sum())
        scores = self.feature_log_prob[:, idx] @ vals / total
        scores = scores * self.sharpness + self.class_log_prior / max(total, 1.0)
        scores = np.exp(scores - scores.max())
        probs = scores / scores.sum()
        order = np.argsort(-probs, kind="stable")
        return [(self.classes[int(i)], round(float(probs[i]) * 100)) for i in order]

    def save(self, path: str | Path) -> None:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "meta": self.meta,
            "sharpness": self.sharpness,
            "classes": self.classes,
            "class_log_prior": np.round(self.class_log_prior, 5).tolist(),
            "vocabulary": self.vocabulary,
            "feature_log_prob": np.round(self.feature_log_prob, 4).tolist(),
        }
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
        tmp.replace(target)

    @classmethod
    def load(cls, path: str | Path) -> TaggerModel:
        data = json.loads(Path(path).read_text("utf-8"))
        if data.get("format") != FORMAT or data.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path} is not a {FORMAT} v{FORMAT_VERSION} model")
        classes = list(data["classes"])
        vocabulary = list(data["vocabulary"])
        matrix = np.asarray(data["feature_log_prob"], dtype=np.float64).reshape(
            len(classes), len(vocabulary)
        )
        return cls(
            classes=classes,
            vocabulary=vocabulary,
            class_log_prior=np.asarray(data["class_log_prior"], dtype=np.float64),
            feature_log_prob=matrix,
            sharpness=float(data.get("sharpness", DEFAULT_SHARPNESS)),
            meta=dict(data.get("meta", {})),
        )


def _top_levels(codes: Iterable[str]) -> list[str]:
    found: list[str] = []
    for code in codes:
        root = mediatopics.top_level(code) or mediatopics.normalize(code)
        if root not in found:
            found.append(root)
    return found


def train(
    examples: Iterable[tuple[str, str | None, list[str]]],
    *,
    alpha: float = DEFAULT_ALPHA,
    min_df: int | None = None,
    max_features: int = MAX_FEATURES,
    sharpness: float = DEFAULT_SHARPNESS,
) -> TaggerModel:
    """Learn from ``(text, language, Media Topic codes)``; codes are mapped to top levels.

    Examples without codes or without words are skipped. ``min_df`` (documents a stem must
    occur in) defaults to 1 for fewer than 50 stories, else 2.
    """
    docs: list[tuple[dict[str, float], list[str]]] = []
    document_frequency: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    for text, lang, codes in examples:
        labels = _top_levels(codes)
        found = Counter(features(text, lang))
        if not labels or not found:
            continue
        document_frequency.update(found.keys())
        languages[lang or "und"] += 1
        docs.append((_weights(found), labels))
    if not docs:
        raise ValueError("no training examples with both text and Media Topic codes")
    floor = min_df if min_df is not None else (1 if len(docs) < 50 else 2)
    vocabulary = sorted(
        f for f, n in document_frequency.most_common(max_features) if n >= floor
    )
    index = {f: i for i, f in enumerate(vocabulary)}
    classes = sorted({code for _, labels in docs for code in labels})
    row = {code: i for i, code in enumerate(classes)}
    counts = np.zeros((len(classes), len(vocabulary)), dtype=np.float64)
    class_docs = np.zeros(len(classes), dtype=np.float64)
    for weights, labels in docs:
        idx = [index[f] for f in weights if f in index]
        vals = [weights[f] for f in weights if f in index]
        for code in labels:
            counts[row[code], idx] += vals
            class_docs[row[code]] += 1
    smoothed = counts + alpha
    feature_log_prob = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
    class_log_prior = np.log(class_docs / class_docs.sum())
    meta: dict[str, object] = {
        "trained": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "documents": len(docs),
        "languages": dict(languages.most_common()),
        "alpha": alpha,
        "min_df": floor,
        "class_documents": {code: int(class_docs[row[code]]) for code in classes},
    }
    return TaggerModel(
        classes, vocabulary, class_log_prior, feature_log_prob, sharpness=sharpness, meta=meta
    )


def editor_codes(item: Item) -> list[str]:
    """Media Topic codes an editor (not the machine) set on ``item``."""
    return [
        mediatopics.normalize(s.uri)
        for s in item.subjects
        if s.uri and s.uri.startswith(MEDIATOPIC_URI) and not s.machine_made
    ]


def examples_from_items(items: Iterable[Item]) -> Iterator[tuple[str, str | None, list[str]]]:
    """Training examples from stories, using only editor-assigned Media Topics."""
    for item in items:
        if item.killed:
            continue
        codes = editor_codes(item)
        if codes:
            yield item_text(item), item.language, codes


def train_from_items(
    items: Iterable[Item],
    *,
    alpha: float = DEFAULT_ALPHA,
    min_df: int | None = None,
    max_features: int = MAX_FEATURES,
    sharpness: float = DEFAULT_SHARPNESS,
) -> TaggerModel:
    """:func:`train` on stories' editor-assigned subjects (machine topics are ignored)."""
    return train(
        examples_from_items(items),
        alpha=alpha,
        min_df=min_df,
        max_features=max_features,
        sharpness=sharpness,
    )
