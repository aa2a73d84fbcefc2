"""Issue 15, fourteenth round: the person a sentence is about is looked for in its first words
and the rest of a name that starts among them, so a known double surname (known by its last
word) that ends past the first eight words still names the subject; before, the title and its
employer's adjective ("Zapovjednica Pomorskog", "Dekan Pravnog") were read as a new name.
Invented sentences."""

from __future__ import annotations

from quotekit import speakers


def test_a_known_name_past_the_title_and_employer() -> None:
    text = (
        "Zapovjednica Pomorskog centra za obuku mornarice, kapetanica Vesna Ljubić-Tomašević, "
        "naglasila je da će nova plovila stići do ljeta.\n"
        "- Posade su spremne i obuka počinje odmah nakon isporuke plovila - rekla je."
    )
    assert speakers(text, "bs", people=["Vesna Ljubić-Tomašević"]) == ["Vesna Ljubić-Tomašević"]


def test_a_dean_of_a_faculty_in_a_city() -> None:
    text = (
        "Dekan Pravnog fakulteta Univerziteta u Tuzli Haris Begović-Softić kazao je da upis počinje u julu.\n"
        "„Očekujemo više studenata nego prošle godine, posebno na novom smjeru“, dodao je."
    )
    assert speakers(text, "bs", people=["Haris Begović-Softić"]) == ["Haris Begović-Softić"]
