"""Issue 15, round fourteen: Bosnian, Croatian and Serbian set off an unnamed speaker with
the numeral "one" in its three genders (jedan, jedna, jedno) as other languages do with
their indefinite article: "- … - kazala je za AA jedna mještanka Žepča" is nobody (null),
not the person named last. One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_one_resident_after_the_verb_is_nobody() -> None:
    text = (
        "ZENICA, 4. decembra (AA) - Rijeka Bosna izlila se u Maglaju.\n"
        "- Voda je došla za pola sata - rekao je načelnik Maglaja Mirsad Hodžić-Kovač.\n"
        "- Ostali smo bez svega, i kuće i auta - kazala je za AA jedna mještanka Zavidovića.\n"
    )
    assert speakers(text, "bs", ["Mirsad Hodžić-Kovač"], []) == ["Mirsad Hodžić-Kovač", None]


def test_a_named_resident_after_the_verb_still_speaks() -> None:
    text = (
        "ZENICA, 4. decembra (AA) - Rijeka Bosna izlila se u Maglaju.\n"
        "- Ostali smo bez svega, i kuće i auta - kazala je mještanka Zavidovića Emina Softić-Hadžić.\n"
    )
    assert speakers(text, "bs", ["Emina Softić-Hadžić"], []) == ["Emina Softić-Hadžić"]
