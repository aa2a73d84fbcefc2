"""Round eighteen, a verb of saying after the quote that opens a clause of its own: when a
comma stands between the quote and that verb ("X admitió que el rival es "…" en esta fase,
pero aseguró que …", "X сообщила, что … «…», поэтому театр добавил …"), the quote belongs to
the verb before it and to the person its sentence names there, not to nobody."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def _speakers(text: str, lang: str, people: list[str]) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, lang, people=people, organisations=[])]


def test_spanish_pero_aseguro() -> None:
    text = (
        "Tomás Ibarguren Solís, de 31 años, admitió que el rival \"llega en el mejor momento de su carrera\" "
        "en esta fase, pero aseguró que ganará.\n"
    )
    assert _speakers(text, "es", ["Tomás Ibarguren Solís"]) == ["Tomás Ibarguren Solís"]


def test_russian_poetomu_dobavil() -> None:
    text = (
        "Директор музея Алла Верхоланцева сообщила, что на выставку \"уже продано десять тысяч билетов\", "
        "поэтому музей добавил еще два дня.\n"
    )
    assert _speakers(text, "ru", ["Алла Верхоланцева"]) == ["Алла Верхоланцева"]
