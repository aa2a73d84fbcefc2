"""Issue 15, twelfth round: a body whose complement lists its fields in lower case, separated
by commas and closed by "i"/"et", is named with the whole list ("Ministarstvo mora, prometa i
infrastrukture", "Institut ... pour l'agriculture, l'alimentation et l'environnement"); a list
of subjects before a plural verb is no complement; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Podatke je objavilo Ministarstvo poljoprivrede, šumarstva i ribarstva u srijedu.", "hr",
         "Ministarstvo poljoprivrede, šumarstva i ribarstva"),
        ("Odluku je donijelo Ministarstvo mora, prometa i infrastrukture u petak.", "hr",
         "Ministarstvo mora, prometa i infrastrukture"),
        ("Selon l'Institut national de recherche pour l'agriculture, l'alimentation et "
         "l'environnement, le prix du lait baisse.", "fr",
         "Institut national de recherche pour l'agriculture, l'alimentation et l'environnement"),
    ],
)
def test_the_listed_fields_belong_to_the_name(text: str, lang: str, expected: str) -> None:
    assert [o.name for o in find_entities(text, lang).organisations] == [expected]


def test_subjects_joined_before_a_plural_verb_are_no_fields() -> None:
    found = find_entities("Ministarstvo zdravstva, policija i vatrogasci su na terenu.", "hr")
    assert [o.name for o in found.organisations] == ["Ministarstvo zdravstva"]


def test_a_modal_verb_after_the_head_still_ends_the_name() -> None:
    assert find_entities("Vlada mora, kako je rekao, brzo djelovati.", "hr").organisations == ()
