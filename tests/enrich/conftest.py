"""Fixtures shared by the enrichment tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from newswire.enrich.tagger import train
from newswire.enrich.topics import MODEL_ENV

Example = tuple[str, str, list[str]]  # (text, language, Media Topic codes)


@pytest.fixture
def use_tagger(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[Sequence[Example]], None]:
    """Train a topic tagger on (text, language, codes) examples and make it the one the topic
    step loads (``$NEWSWIRE_TAGGER_MODEL``) for this test."""

    def install(examples: Sequence[Example]) -> None:
        path = tmp_path / "tagger.json"
        train(list(examples)).save(path)
        monkeypatch.setenv(MODEL_ENV, str(path))

    return install
