"""A picture's or video's Content Credentials in NewsML-G2 and NITF, as ninjs says them: G2 as
one more link (and contentMeta's digitalSourceType when the manifest validated), NITF as head
meta elements; both valid against their XSDs, and neither parser reads them back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import etree

from newswire.formats import parse
from newswire.formats.newsmlg2 import CREDENTIALS_REL, to_news_message, to_newsml_item
from newswire.formats.ninjs import credentials_title
from newswire.formats.nitf import CREDENTIALS_META, to_nitf
from newswire.model import ContentCredentials, Item, Rendition, Text

from schemas import G2_XSD, NITF_XSD, assert_valid, load_schema

G2 = "{http://iptc.org/std/nar/2006-10-01/}"
NITF = "{http://iptc.org/std/NITF/2006-10-18/}"
AI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
VALID = ContentCredentials(state="valid", signer="Jane Photographer", issuer="Test Photo Agency",
                           claim_generator="Test Camera 1.0", signed_at="2026-12-03T09:00:00+00:00",
                           digital_source_type=AI, actions=("c2pa.created", "c2pa.edited"))
INVALID = ContentCredentials(state="invalid", signer="Jane Photographer", digital_source_type=AI,
                             failures=("assertion.bmffHash.mismatch",), actions=("c2pa.created",))


def picture(credentials: ContentCredentials | None) -> Item:
    at = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    return Item(uri="urn:newswire:video:c2pa", version=1, type="video", language="en", version_created=at,
                first_created=at, headlines=(Text("Ferry leaves Kadıköy at dawn"),),
                bodies=(Text("<p>The first ferry crosses the Bosphorus.</p>", content_type="text/html"),),
                renditions=(Rendition("https://wire.example/v1/media/urn:newswire:video:c2pa/1/original", "original",
                                      "video/mp4", 96, 64, duration=1.0, video_codec="H.264"),),
                credentials=credentials)


@pytest.fixture(scope="module")
def g2_schema() -> etree.XMLSchema:
    return load_schema(G2_XSD)


@pytest.fixture(scope="module")
def nitf_schema() -> etree.XMLSchema:
    return load_schema(NITF_XSD)


def test_newsml_g2_carries_the_credentials_as_a_link_and_the_source_type_when_valid(
        g2_schema: etree.XMLSchema) -> None:
    root = assert_valid(g2_schema, to_newsml_item(picture(VALID)))
    [link] = [el for el in root.iter(f"{G2}link") if el.get("reluri") == CREDENTIALS_REL]
    assert (link.get("residref"), link.get("title")) == ("urn:newswire:video:c2pa#content-credentials",
                                                         credentials_title(VALID))
    said = [(d.get("roleuri", "").rsplit(":", 1)[1], d.text) for d in link.findall(f"{G2}description")]
    assert said == [("state", "valid"), ("action", "c2pa.created"), ("action", "c2pa.edited"),
                    ("signed", "2026-12-03T09:00:00+00:00")]
    assert {s.get("roleuri", "").rsplit(":", 1)[1]: s.findtext(f"{G2}name") for s in link.findall(f"{G2}infoSource")} \
        == {"signer": "Jane Photographer", "issuer": "Test Photo Agency", "claimGenerator": "Test Camera 1.0"}
    assert link.find(f"{G2}digitalSourceType").get("uri") == AI  # type: ignore[union-attr]
    assert root.find(f"{G2}contentMeta/{G2}digitalSourceType").get("uri") == AI  # type: ignore[union-attr]
    assert_valid(g2_schema, to_news_message([picture(VALID)], sent=datetime.now(UTC), message_id="m-1"))
    # an invalid manifest: its failure said, no source type claimed for the item
    bad = assert_valid(g2_schema, to_newsml_item(picture(INVALID)))
    [link] = [el for el in bad.iter(f"{G2}link") if el.get("reluri") == CREDENTIALS_REL]
    assert ("failure", "assertion.bmffHash.mismatch") in [
        (d.get("roleuri", "").rsplit(":", 1)[1], d.text) for d in link.findall(f"{G2}description")]
    assert bad.find(f"{G2}contentMeta/{G2}digitalSourceType") is None
    # never read back: a re-posted G2 document says no credentials and no such association
    back = parse(to_newsml_item(picture(VALID)), "newsml")
    assert back.credentials is None and not back.associations
    assert not [el for el in assert_valid(g2_schema, to_newsml_item(picture(None))).iter(f"{G2}link")]


def test_nitf_carries_the_credentials_as_head_meta(nitf_schema: etree.XMLSchema) -> None:
    root = assert_valid(nitf_schema, to_nitf(picture(INVALID)))
    metas = [(m.get("name"), m.get("content")) for m in root.findall(f"{NITF}head/{NITF}meta")]
    assert metas == [(CREDENTIALS_META, credentials_title(INVALID)), (f"{CREDENTIALS_META}.state", "invalid"),
                     (f"{CREDENTIALS_META}.failure", "assertion.bmffHash.mismatch"),
                     (f"{CREDENTIALS_META}.action", "c2pa.created"),
                     (f"{CREDENTIALS_META}.signer", "Jane Photographer"),
                     (f"{CREDENTIALS_META}.digitalSourceType", AI)]
    back = parse(to_nitf(picture(INVALID)), "nitf")
    assert back.credentials is None and not back.associations
    assert not assert_valid(nitf_schema, to_nitf(picture(None))).findall(f"{NITF}head/{NITF}meta")
