"""A story's sentence starts: the first word of a word's sentence, and the cost of asking.

Finders ask for the sentence start of many words; a story that is one long unpunctuated run (a
pasted list or table, or copy made to be slow) once made every question walk back to its start,
so a 90 KB run took over a second and 5 MB (the largest body the API takes) hours."""

from __future__ import annotations

import pytest

from newswire.enrich.entities.story import _Story


def test_the_first_word_of_each_sentence_and_of_the_story() -> None:
    story = _Story("The minister spoke. Then Dr. Aksoy left.\nNew line here", "en")
    words = story.toks.words
    starts = {words[i]: story.sentence_start(i) for i in range(len(words))}
    assert starts["minister"] == 0 and starts["spoke"] == 0
    assert starts["Then"] == 3 and starts["Aksoy"] == 3  # "Dr." does not end a sentence
    assert starts["New"] == starts["here"] == words.index("New")
    assert story.sentence_start(-1) == -1 and story.sentence_start(0) == 0


def test_the_answer_is_the_same_whatever_order_the_words_are_asked_in() -> None:
    text = "One two three. Four five six seven! Eight nine? Ten eleven twelve"
    forward, backward = _Story(text, "en"), _Story(text, "en")
    n = len(forward.toks.words)
    ahead = [forward.sentence_start(i) for i in range(n)]
    behind = [backward.sentence_start(i) for i in reversed(range(n))][::-1]
    assert ahead == behind == [0, 0, 0, 3, 3, 3, 3, 7, 7, 9, 9, 9]


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_a_long_run_without_a_sentence_end_is_walked_once(order: str, monkeypatch: pytest.MonkeyPatch) -> None:
    story = _Story(" ".join(["заявил представитель министерства Иван Петров"] * 400), "ru")
    n = len(story.toks.words)
    looked_at = 0
    real = story._sentence_begins

    def counting(k: int) -> bool:
        nonlocal looked_at
        looked_at += 1
        return real(k)

    monkeypatch.setattr(story, "_sentence_begins", counting)
    indexes = range(n) if order == "forward" else reversed(range(n))
    assert {story.sentence_start(i) for i in indexes} == {0}
    assert looked_at < n  # each word once in all, not once per question (n * n / 2 before)
