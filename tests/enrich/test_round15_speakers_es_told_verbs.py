"""Round fifteen, speakers: Spanish "contó", "relató" and "recordó" after a quote are verbs of
saying that name the speaker after them, as "dijo" does."""

from __future__ import annotations

from quotekit import speakers


def test_conto_names_the_speaker_after_it() -> None:
    text = (
        "Cientos de pacientes marcharon en Tunja. "
        '"Llevo dos meses sin una cita con el cardiólogo", contó Mariela Suárez, una jubilada de 70 años.'
    )
    assert speakers(text, "es") == ["Mariela Suárez"]


def test_relato_names_the_speaker_after_it() -> None:
    text = (
        "El agua llegó de madrugada al barrio. "
        '"Salimos con lo puesto y el agua ya nos cubría las rodillas", relató Tomás Quintero Villa.'
    )
    assert speakers(text, "es") == ["Tomás Quintero Villa"]
