"""Issue 15, round sixteen: a quote followed by a conjunction and a second verb ("…", aunque
ha criticado …; „…“, te najavio …; „…“ i najavila …) belongs to the subject of the clause
before it, a known person, whatever that clause's verb; Bosnian "i" and "te" open such a
clause; one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_spanish_quote_before_aunque_is_the_subject_s() -> None:
    text = (
        "Madrid, 4 dic (EFE).- El Gobierno aprobó el decreto.\n"
        "La portavoz del grupo, Nerea Olabarri Soto, ha avanzado que su partido \"votará a favor del texto\", "
        "aunque ha criticado que se tramite por decreto.\n"
    )
    assert speakers(text, "es", ["Nerea Olabarri Soto"]) == ["Nerea Olabarri Soto"]


def test_a_bosnian_quote_before_te_is_the_subject_s() -> None:
    text = (
        "SARAJEVO, 4. decembra (FENA) - Gradsko vijeće usvojilo je budžet.\n"
        "Vijećnik Emir Salihagić-Dedić kazao je da je budžet „korak u dobrom smjeru, ali spor“, "
        "te najavio amandmane na proljeće.\n"
    )
    assert speakers(text, "bs", ["Emir Salihagić-Dedić"]) == ["Emir Salihagić-Dedić"]


def test_a_bosnian_quote_before_i_is_the_subject_s() -> None:
    text = (
        "SARAJEVO, 4. decembra (FENA) - Vijeće ministara usvojilo je prijedlog.\n"
        "Predsjednica sindikata Azra Hodžić-Pašić izjavila je da povećanje „ne pokriva ni inflaciju“ "
        "i najavila proteste.\n"
    )
    assert speakers(text, "bs", ["Azra Hodžić-Pašić"]) == ["Azra Hodžić-Pašić"]
