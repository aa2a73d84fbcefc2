"""Issue 15, twelfth round: the journal a study is published in is named whole after its kind
noun ("in the journal Nature Astronomy", "dans la revue Physical Review Letters", "in der
Fachzeitschrift «The Lancet Regional Health – Europe»"); invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The study was published on Wednesday in the journal Nature Astronomy. She spoke later.", "en",
         "Nature Astronomy"),
        ("Les résultats sont publiés dans la revue The Astrophysical Journal Letters.\n", "fr",
         "The Astrophysical Journal Letters"),
        ("Die Studie ist in der Fachzeitschrift «The Lancet Regional Health – Europe» erschienen.", "de",
         "The Lancet Regional Health – Europe"),
    ],
)
def test_the_journal_after_its_kind_noun_is_named_whole(text: str, lang: str, expected: str) -> None:
    assert [o.name for o in find_entities(text, lang).organisations] == [expected]
