"""Issue 15, round thirteen: in a question-and-answer interview, a quote that the answer
attributes in the first person ("A: … We told them what we tell everyone: “…”") is the
interviewee's - the person the story names first, before its questions. A quote the answer
attributes to someone else ("Mi abuela decía «…»") is not. One behaviour per test, on sentences
written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_first_person_attribution_in_an_answer_is_the_interviewee_s() -> None:
    text = (
        "'We are not striking for the sake of it': rail union leader on the ballot\n"
        "Deirdre McAlinden-Shaw, general secretary of the drivers' union, talks about the ballot.\n"
        "Q: Has the government been in touch?\n"
        'A: Transport Scotland called us on Wednesday. We told them what we tell everyone: "Put the '
        'rest days back and there is no dispute."\n'
    )
    assert speakers(text, "en", ["Deirdre McAlinden-Shaw"]) == ["Deirdre McAlinden-Shaw"]


def test_a_saying_of_someone_else_in_an_answer_stays_unattributed() -> None:
    text = (
        "Aitor Zubizarreta Elorza, chef del restaurante, habla de su cocina.\n"
        "P: ¿Qué le enseñó su familia?\n"
        "R: Mi abuela decía «en la mesa no se miente», y sigo pensando igual.\n"
    )
    assert "Aitor Zubizarreta Elorza" not in speakers(text, "es", ["Aitor Zubizarreta Elorza"])
