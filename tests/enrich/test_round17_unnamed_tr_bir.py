"""Round seventeen, unnamed speakers in Turkish: "bir" and a noun before the quote is an
unnamed speaker also past whom they told ("bir esnaf, DHA muhabirine, "…" dedi") and when the
quote is labelled by a lower-case noun before the verb ("bir Avrupalı diplomat ise "…"
değerlendirmesinde bulundu"); a named speaker before the quote still speaks."""

from __future__ import annotations

from quotekit import speakers


def test_bir_noun_past_the_recipient() -> None:
    text = (
        "Belediye Başkanı Kadriye Süzerler-Aktaş yeni otoparkın açılışını yaptı.\n"
        "Törene katılan emekli bir esnaf, DHA muhabirine, \"Yıllardır bu otoparkı bekliyorduk.\" dedi."
    )
    assert speakers(text, "tr") == [None]


def test_bir_noun_with_a_labelled_quote() -> None:
    text = (
        "Dışişleri Bakanı Tarık Gülsever-Erdem görüşmelerin olumlu geçtiğini söyledi.\n"
        "Müzakereleri izleyen bir Avrupalı diplomat ise \"Taraflar henüz birbirine güvenmiyor.\" "
        "değerlendirmesinde bulundu."
    )
    assert speakers(text, "tr")[-1] is None


def test_named_speaker_before_the_quote() -> None:
    text = (
        "Vali Cemalettin Yörükoğlu-Tan, AA muhabirine, \"Yollar akşama kadar açılacak.\" dedi."
    )
    assert speakers(text, "tr") == ["Cemalettin Yörükoğlu-Tan"]
