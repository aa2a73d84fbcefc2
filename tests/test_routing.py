"""The one entitlement decision: who an event reaches, and which stored versions a
subscriber may read back."""

from __future__ import annotations

from datetime import timedelta

from newswire.model import SIGNAL_CORRECTION, Concept, Item, Text, utcnow
from newswire.routing import Product, is_follow_up, may_read, reaches

NOW = utcnow()
EN = Product("english", languages=frozenset({"en"}))
EN_EARLY = Product("english-early", languages=frozenset({"en"}), embargo_early=True)
FR = Product("french", languages=frozenset({"fr"}))


def story(**fields: object) -> Item:
    base = Item(uri="urn:test:1", language="en", headlines=(Text("Harbour opens"),),
                bodies=(Text("<p>Body.</p>"),), subjects=(Concept(name="economy"),))
    return base.evolve(**fields)


def test_an_event_reaches_matching_products_and_an_embargo_holds_it_back_unless_early() -> None:
    item = story()
    assert reaches("published", False, item, [EN], was_recipient=False)
    assert not reaches("published", False, item, [FR], was_recipient=False)
    assert not reaches("published", True, item, [EN], was_recipient=False)
    assert reaches("published", True, item, [EN_EARLY], was_recipient=False)


def test_follow_ups_reach_earlier_recipients_whatever_their_products_became() -> None:
    correction = story(signals=(SIGNAL_CORRECTION,))
    assert reaches("corrected", False, correction, [FR], was_recipient=True)
    assert reaches("killed", False, story(pub_status="canceled"), [], was_recipient=True)
    assert not reaches("corrected", False, correction, [FR], was_recipient=False)


def test_a_follow_up_under_embargo_waits_for_the_lift_like_any_other_event() -> None:
    correction = story(signals=(SIGNAL_CORRECTION,), embargoed_until=NOW + timedelta(hours=1))
    assert not reaches("corrected", True, correction, [EN], was_recipient=True)
    assert not reaches("corrected", True, correction, [FR], was_recipient=True)
    assert reaches("corrected", True, correction, [EN_EARLY], was_recipient=True)
    # at the lift the held correction is a follow-up again: earlier recipients get it
    assert is_follow_up("embargo_lifted", correction)
    assert reaches("embargo_lifted", False, correction, [FR], was_recipient=True)
    assert not is_follow_up("embargo_lifted", story())


def test_killed_and_withheld_versions_reach_only_those_who_had_the_story() -> None:
    for status, event in (("canceled", "killed"), ("withheld", "withheld")):
        gone = story(pub_status=status)
        assert not reaches(event, False, gone, [EN], was_recipient=False)
        assert reaches(event, False, gone, [EN], was_recipient=True)
        # replayed as "the item as of now" it reaches no newcomer either
        assert not reaches("updated", False, gone, [EN], was_recipient=False)


def test_a_version_is_readable_when_it_reached_the_reader_or_is_deliverable_now() -> None:
    v1 = story(version=1)
    held = story(version=2, embargoed_until=NOW + timedelta(hours=1))
    french = story(version=3, language="fr")
    assert may_read(v1, held, [EN], reached=False, now=NOW)
    assert not may_read(held, held, [EN], reached=False, now=NOW)
    assert may_read(held, held, [EN_EARLY], reached=False, now=NOW)
    assert may_read(held, held, [EN], reached=True, now=NOW)
    assert may_read(held, held, [EN], reached=False, now=NOW + timedelta(hours=2))
    assert not may_read(french, french, [EN], reached=False, now=NOW)


def test_nothing_of_a_withdrawn_story_is_readable_by_those_it_never_reached() -> None:
    v1 = story(version=1)
    for status in ("canceled", "withheld"):
        current = story(version=2, pub_status=status)
        assert not may_read(v1, current, [EN], reached=False, now=NOW)
        assert not may_read(current, current, [EN], reached=False, now=NOW)
        assert may_read(v1, current, [EN], reached=True, now=NOW)
