"""Issue 15, twelfth round: a Turkish prosecutor's office ("Cumhuriyet Başsavcılığı") is a
body, also with a case ending glued to it as Turkish writes a common noun's ("Başsavcılığınca",
"Başsavcılığının", "Bakanlığınca"); invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("İzmir Cumhuriyet Başsavcılığınca hazırlanan iddianamede sanıklar yer aldı.",
         "İzmir Cumhuriyet Başsavcılığı"),
        ("Ankara Cumhuriyet Başsavcılığının hazırladığı iddianamede sanıklar yer aldı.",
         "Ankara Cumhuriyet Başsavcılığı"),
        ("Sağlık Bakanlığınca yapılan açıklamada vaka sayısı verildi.", "Sağlık Bakanlığı"),
    ],
)
def test_the_office_is_named_in_its_base_form(text: str, expected: str) -> None:
    assert [o.name for o in find_entities(text, "tr").organisations] == [expected]


def test_the_prosecution_in_general_is_no_name() -> None:
    assert find_entities("Savcılık sanıklar için hapis istedi.", "tr").organisations == ()
