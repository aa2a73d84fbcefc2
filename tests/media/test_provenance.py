"""A picture's Content Credentials: c2pa reads the manifest the file carries and says whether
it validates; the item keeps the answer and ninjs delivers it in a schema-valid place."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswire.formats.ninjs import CREDENTIALS_NAME, parse_ninjs, to_ninjs2, to_ninjs3
from newswire.media import provenance
from newswire.model import ContentCredentials, Item
from newswire.store import codec

from c2pakit import AI_GENERATED, authority, signed, tampered
from pictures import drawn, encoded, jpeg
from schemas import assert_ninjs

IPTC = {"Iptc.Application2.Caption": "Ferries leave Eminönü at dawn.",
        "Iptc.Application2.TransmissionReference": "JOB-1"}


def picture(tmp_path: Path, data: bytes, name: str = "p.jpg") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def credentials_of(item: Item) -> dict[str, object]:
    return next(a for a in to_ninjs3(item)["associations"] if a["name"] == CREDENTIALS_NAME)


def test_a_validly_signed_picture_names_its_signer_and_what_the_manifest_declares(tmp_path: Path) -> None:
    agency = authority("Jane Photographer", "Test Photo Agency")
    path = picture(tmp_path, signed(jpeg(iptc=IPTC), agency, source_type=AI_GENERATED, generator="Test Camera"))
    found = provenance.check(path, "image/jpeg")
    assert found == ContentCredentials(
        state="valid", signer="Jane Photographer", issuer="Test Photo Agency", claim_generator="Test Camera 1.0",
        digital_source_type=AI_GENERATED, actions=("c2pa.created",))


def test_the_signer_is_trusted_only_under_the_configured_anchors(tmp_path: Path) -> None:
    agency, stranger = authority(), authority("Someone Else", "Unknown Studio")
    anchors, _, _ = agency.write(tmp_path / "agency")
    ours = picture(tmp_path, signed(jpeg(iptc=IPTC), agency), "ours.jpg")
    theirs = picture(tmp_path, signed(jpeg(iptc=IPTC), stranger), "theirs.jpg")
    assert provenance.check(ours, "image/jpeg", anchors).state == "trusted"
    found = provenance.check(theirs, "image/jpeg", anchors)
    assert (found.state, found.signer, found.failures) == ("valid", "Someone Else", ())


def test_bytes_changed_after_signing_make_the_manifest_invalid_with_the_reason(tmp_path: Path) -> None:
    path = picture(tmp_path, tampered(signed(jpeg(iptc=IPTC), authority())))
    found = provenance.check(path, "image/jpeg")
    assert found.state == "invalid"
    assert found.failures == ("assertion.dataHash.mismatch",)
    assert found.signer == "Jane Photographer"  # who claimed it is still said, beside why it fails


def test_a_picture_without_a_manifest_has_none(tmp_path: Path) -> None:
    assert provenance.check(picture(tmp_path, jpeg(iptc=IPTC)), "image/jpeg") == ContentCredentials(state="absent")


@pytest.mark.parametrize(("fmt", "content_type"), [("PNG", "image/png"), ("WEBP", "image/webp"),
                                                   ("TIFF", "image/tiff")])
def test_other_picture_formats_carry_credentials_too(tmp_path: Path, fmt: str, content_type: str) -> None:
    data = signed(encoded(drawn((120, 80)), fmt), authority(), content_type=content_type)
    assert provenance.check(picture(tmp_path, data, f"p.{fmt.lower()}"), content_type).state == "valid"


def test_without_c2pa_installed_nothing_is_checked_and_the_item_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance, "c2pa", None)  # what the module's import guard leaves
    path = picture(tmp_path, signed(jpeg(iptc=IPTC), authority()))
    assert provenance.check(path, "image/jpeg") == ContentCredentials(state="unchecked",
                                                                      note=provenance.NOT_INSTALLED)


def test_broken_trust_anchors_are_a_configuration_error(tmp_path: Path) -> None:
    bad = tmp_path / "anchors.pem"
    bad.write_text("not a certificate")
    with pytest.raises(provenance.TrustAnchorsError, match="NEWSWIRE_C2PA_TRUST_ANCHORS"):
        provenance.check(picture(tmp_path, jpeg()), "image/jpeg", bad)


def test_strings_from_the_manifest_are_cleaned_and_bounded() -> None:
    store = {"active_manifest": "m", "validation_state": "Valid", "manifests": {"m": {
        "claim_generator_info": [{"name": "Cam\x00era\u2028 X" + "y" * 500}],
        "signature_info": {"common_name": "Jane\x1b[31m Doe", "issuer": 42}}}}
    found = provenance.summarize(store)
    assert found.signer == "Jane [31m Doe" and found.issuer is None
    assert found.claim_generator is not None and found.claim_generator.startswith("Cam era X")
    assert len(found.claim_generator) == provenance.MAX_TEXT


def test_ninjs_delivers_the_credentials_as_an_associated_object_that_validates() -> None:
    c = ContentCredentials(state="invalid", signer="Jane Photographer", issuer="Test Photo Agency",
                           claim_generator="Test Camera 1.0", digital_source_type=AI_GENERATED,
                           actions=("c2pa.created",), failures=("assertion.dataHash.mismatch",))
    item = Item(uri="urn:newswire:picture:abc", type="picture", headlines=(), credentials=c)
    doc = to_ninjs3(item)
    assert_ninjs(doc)
    assert_ninjs(to_ninjs2(item), "2.3")
    assert credentials_of(item) == {
        "name": CREDENTIALS_NAME, "rel": CREDENTIALS_NAME, "uri": "urn:newswire:picture:abc#content-credentials",
        "title": "Content Credentials: invalid, signed by Jane Photographer (Test Photo Agency): "
                 "assertion.dataHash.mismatch",
        "descriptions": [{"role": "state", "value": "invalid"},
                         {"role": "failure", "value": "assertion.dataHash.mismatch"},
                         {"role": "action", "value": "c2pa.created"}],
        "infoSources": [{"name": "Jane Photographer", "role": "signer"},
                        {"name": "Test Photo Agency", "role": "issuer"},
                        {"name": "Test Camera 1.0", "role": "claimGenerator"}],
        "digitalSourceType": {"uri": AI_GENERATED},
    }
    assert "digitalSourceType" not in doc  # an invalid manifest's claim is not the item's
    valid = item.evolve(credentials=ContentCredentials(state="valid", digital_source_type=AI_GENERATED))
    assert to_ninjs3(valid)["digitalSourceType"] == {"uri": AI_GENERATED}
    assert_ninjs(to_ninjs3(valid))


def test_an_editor_cannot_post_credentials_and_the_store_keeps_the_wires_own() -> None:
    c = ContentCredentials(state="valid", signer="Jane Photographer", actions=("c2pa.created",))
    item = Item(uri="urn:newswire:picture:abc", type="picture", credentials=c)
    posted = parse_ninjs(to_ninjs3(item))
    assert posted.credentials is None and posted.associations == ()
    assert codec.decode(codec.encode(item)).credentials == c
    story = Item(uri="urn:newswire:story:1")
    assert "credentials" not in codec.encode(story)  # other items' payloads (and input hashes) unchanged
