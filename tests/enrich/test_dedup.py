"""Near-duplicate detection: a lightly edited rewrite is a duplicate, a different story is
not, in several languages; the LSH index finds neighbours without scanning everything."""

from __future__ import annotations

import random

from newswire.enrich.dedup import (
    DUPLICATE_MAX_DISTANCE,
    MAX_LINKS,
    RELATED_MAX_DISTANCE,
    DuplicateIndex,
    classify,
    classify_jaccard,
    hamming,
    item_signature,
    jaccard_estimate,
    minhash,
    related_associations,
    signature,
)
from newswire.model import Association, Item, Text

EN_PORT = (
    "The port authority said on Monday that container traffic through the northern harbour "
    "rose by eleven percent in the third quarter, helped by a new rail link to the inland "
    "terminal and longer opening hours at the customs gates.\n"
    "Officials expect the harbour to handle more than two million containers this year, a "
    "record, although congestion on the approach road remains a concern for hauliers who "
    "say their drivers wait up to four hours to unload.\n"
    "The authority plans to widen the road and to open a second gate for empty containers. "
    "Work on the gate has already begun and should be finished before the spring, a "
    "spokeswoman told reporters at the harbour offices.\n"
    "Shipping lines welcomed the figures but warned that fuel costs and a shortage of "
    "trained crane operators could slow growth next year. The union representing dock "
    "workers has asked for talks on wages and training before the end of the month.\n"
    "Local businesses said the busier port had brought new jobs to the town, where "
    "unemployment fell to its lowest level in a decade."
)
EN_SCHOOL = (
    "Teachers in the capital will vote next week on whether to accept a pay offer that "
    "their union described as the best in a generation, after months of strikes that "
    "closed hundreds of schools.\n"
    "The education ministry offered a nine percent rise over two years and promised to "
    "hire three thousand teaching assistants, easing the workload in crowded classrooms.\n"
    "Parents' groups urged both sides to settle quickly. Many families have had to take "
    "time off work during the stoppages, and exam results fell last summer in the "
    "districts hit hardest by the dispute.\n"
    "The union's leader said members were tired of striking but would not accept a deal "
    "that failed to keep pace with rents, which have risen sharply across the city.\n"
    "If the offer is rejected, further walkouts could begin in January, the union warned."
)
TR_BRIDGE = (
    "Kentin iki yakasını bağlayacak yeni köprünün inşaatında son aşamaya gelindi ve ilk "
    "araçların yaz başında köprüden geçmesi bekleniyor.\n"
    "Belediye yetkilileri, projenin maliyetinin planlanan bütçeyi aşmadığını ve çalışmaların "
    "takvime uygun olarak sürdüğünü açıkladı. Köprü tamamlandığında iki yaka arasındaki "
    "yolculuk süresinin yarım saatten on dakikaya inmesi hedefleniyor.\n"
    "Mühendisler, köprünün şiddetli rüzgara ve depreme dayanıklı olacak şekilde "
    "tasarlandığını belirtti. Ayaklar deniz tabanına kırk metre derinliğe kadar indirildi.\n"
    "Esnaf ise inşaat süresince trafiğin aksadığını ve satışların düştüğünü söyledi. "
    "Belediye, mağduriyet yaşayan işletmeler için destek paketi hazırlandığını duyurdu.\n"
    "Köprünün açılış töreninin ardından toplu taşıma hatlarının da yeniden düzenlenmesi "
    "planlanıyor."
)
TR_HARVEST = (
    "Ovada bu yıl fındık hasadı beklenenden erken başladı ve üreticiler kuru havanın "
    "verimi düşürdüğünden yakınıyor.\n"
    "Ziraat odası başkanı, rekoltenin geçen yıla göre yüzde on beş azalabileceğini, bunun da "
    "fiyatları yukarı çekeceğini söyledi. Tüccarlar ise ihracat siparişlerinin şimdiden "
    "arttığını ifade etti.\n"
    "Üreticiler, gübre ve işçilik maliyetlerinin yükseldiğini, devletin taban fiyatı bir an "
    "önce açıklaması gerektiğini dile getirdi.\n"
    "Bahçelerde çalışan mevsimlik işçilerin barınma koşullarının iyileştirilmesi için de "
    "yeni konteyner kentler kuruldu.\n"
    "Hasadın eylül sonuna kadar sürmesi bekleniyor."
)


def _edit(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new, 1)
    return text


EN_PORT_REWRITE = _edit(
    EN_PORT,
    {"rose by eleven percent": "grew by 11 percent", "a spokeswoman": "a spokesperson"},
)
TR_BRIDGE_REWRITE = _edit(
    TR_BRIDGE,
    {"son aşamaya gelindi": "son aşamaya girildi", "yaz başında": "yazın başında"},
)


def test_lightly_edited_rewrite_is_a_duplicate_in_english_and_turkish() -> None:
    for original, rewrite, lang in (
        (EN_PORT, EN_PORT_REWRITE, "en"),
        (TR_BRIDGE, TR_BRIDGE_REWRITE, "tr"),
    ):
        distance = hamming(signature(original, lang), signature(rewrite, lang))
        assert distance <= DUPLICATE_MAX_DISTANCE, (lang, distance)
        assert classify(distance) == "duplicate"
        estimate = jaccard_estimate(minhash(original, lang), minhash(rewrite, lang))
        assert classify_jaccard(estimate) == "duplicate", estimate


def test_different_stories_are_not_near() -> None:
    for a, b, lang in ((EN_PORT, EN_SCHOOL, "en"), (TR_BRIDGE, TR_HARVEST, "tr")):
        distance = hamming(signature(a, lang), signature(b, lang))
        assert distance > RELATED_MAX_DISTANCE, (lang, distance)
        assert classify(distance) is None
        assert classify_jaccard(jaccard_estimate(minhash(a, lang), minhash(b, lang))) is None


def test_signature_is_stable_and_ignores_case_and_spacing() -> None:
    assert signature(EN_PORT) == signature(EN_PORT)
    assert signature(EN_PORT) == signature(EN_PORT.upper().replace("\n", "  \n"))
    assert signature("") == 0
    assert 0 <= signature(EN_PORT) < 2**64
    # A known value: the hash is BLAKE2b, not Python's salted hash().
    assert signature("one two three four") == signature("One two  three FOUR")


def test_item_signature_reads_headline_and_body() -> None:
    item = Item(uri="urn:a", headlines=(Text("Port traffic up"),), bodies=(Text(EN_PORT),))
    same = Item(uri="urn:b", headlines=(Text("Port traffic up"),), bodies=(Text(EN_PORT),))
    assert item_signature(item) == item_signature(same) != signature(EN_PORT)


def test_index_finds_near_signatures_only() -> None:
    index = DuplicateIndex()
    index.add("urn:port", signature(EN_PORT, "en"))
    index.add("urn:school", signature(EN_SCHOOL, "en"))
    index.add("urn:bridge", signature(TR_BRIDGE, "tr"))
    found = index.near(signature(EN_PORT_REWRITE, "en"))
    assert [uri for uri, _ in found] == ["urn:port"]
    assert found[0][1] <= DUPLICATE_MAX_DISTANCE
    assert index.near(signature(EN_PORT, "en"), exclude="urn:port") == []
    index.remove("urn:port")
    assert index.near(signature(EN_PORT, "en")) == []
    assert len(index) == 2 and "urn:bridge" in index


def test_index_never_misses_a_duplicate_and_scans_little() -> None:
    rng = random.Random(7)
    index = DuplicateIndex()
    stored = {f"urn:{i}": rng.getrandbits(64) for i in range(3000)}
    for uri, sig in stored.items():
        index.add(uri, sig)
    for uri, sig in list(stored.items())[:200]:
        flipped = sig
        for bit in rng.sample(range(64), DUPLICATE_MAX_DISTANCE):
            flipped ^= 1 << bit
        assert (uri, DUPLICATE_MAX_DISTANCE) in index.near(flipped, DUPLICATE_MAX_DISTANCE)
    # Candidates inspected per lookup: a few percent of the index, not all of it.
    probe = rng.getrandbits(64)
    inspected = sum(len(index._buckets[b].get(k, ())) for b, k in index._band_keys(probe))
    assert inspected < len(index) * 0.15


def test_related_associations_are_pure_and_skip_self_and_existing() -> None:
    item = Item(
        uri="urn:new",
        associations=(Association(uri="urn:known", rel="related"),),
    )
    matches = [("urn:new", 0), ("urn:dup", 3), ("urn:known", 5), ("urn:rel", 12), ("urn:far", 30)]
    out = related_associations(item, matches)
    assert out == (
        Association(uri="urn:dup", rel="duplicate", type="text"),
        Association(uri="urn:rel", rel="related", type="text"),
    )
    assert item.associations == (Association(uri="urn:known", rel="related"),)


def test_a_story_links_only_its_closest_near_matches() -> None:
    """A running story moved forty times must not carry forty links (payload and publish
    time grew with every earlier near-duplicate)."""
    matches = [(f"urn:earlier:{n:02d}", 1 + n % 16) for n in range(40)]
    out = related_associations(Item(uri="urn:new"), matches)
    assert len(out) == MAX_LINKS
    assert [a.uri for a in out] == ["urn:earlier:00", "urn:earlier:16", "urn:earlier:32",
                                    "urn:earlier:01", "urn:earlier:17"]
    assert [a.rel for a in out] == ["duplicate"] * MAX_LINKS
