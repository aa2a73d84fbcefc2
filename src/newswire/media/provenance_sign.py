"""The agency's own Content Credentials on the renditions it serves (when it has a certificate).

A derived JPEG is served with the version's metadata spliced in (``media.embed``), and a C2PA
manifest's hard binding covers every byte outside the manifest: a manifest made by the worker
would break when the caption is written in. So the agency signs what it serves, *after*
embedding, when a (rendition, version) is first asked for, and keeps the signed file in the
blob store: the row ``media_renditions(original, "c2pa:<key>")`` points to it, the key being a
digest of the rendition's bytes, the metadata written in and the signing certificate. Every
later download (any subscriber, any Range) gets the same bytes, ETag and length; a caption
correction is a new key, a new certificate too. Two nodes signing the same key at once both
succeed; the first row wins and the other's file is removed.

A video's renditions are signed the same way: the poster and thumbnail JPEGs after their
metadata is written in, the ``preview`` MP4 as it is stored (c2pa's BMFF hash binds the
manifest to the file's boxes; no metadata is written in, so its one signed file serves every
version). The ``original`` is never altered, a picture's or a video's.

The manifest: claim generator ``newswire``, the upload as a ``parentOf`` ingredient (its own
manifest carried inside when it has one, with its validation results; a video's file is only
read for that manifest, so an unsigned upload costs nothing however long it is), and the
actions (:func:`actions`): ``c2pa.opened`` (that ingredient), then for a picture's rendition
``c2pa.resized`` and ``c2pa.edited.metadata``; for a video's poster or thumbnail
``c2pa.converted`` (a frame as a JPEG), ``c2pa.resized`` and ``c2pa.edited.metadata``; for
its preview ``c2pa.transcoded``, ``c2pa.resized``, ``c2pa.trimmed`` when the upload is longer
than the preview, and ``c2pa.edited`` (the agency's watermark). Signed with
``NEWSWIRE_C2PA_CERT`` (PEM chain, leaf first) and ``NEWSWIRE_C2PA_KEY`` (PEM private key;
the algorithm follows the key: ES256/384/512, Ed25519, PS256 for RSA).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from sqlalchemy import Engine

from newswire import __version__
from newswire.config import Settings
from newswire.media import assets, embed, provenance
from newswire.media.blobs import BlobStore

CACHE_PREFIX = "c2pa:"  # media_renditions.name is 32 characters: the prefix and 27 of the key
BUILDER_SETTINGS = {"builder": {"thumbnail": {"enabled": False}}}
JPEG, MP4 = "image/jpeg", "video/mp4"
SIGNED_TYPES = (JPEG, MP4)  # the renditions' types the agency signs
_EXTENSIONS = {JPEG: "jpg", MP4: "mp4"}
_CURVES = {"secp256r1": "es256", "secp384r1": "es384", "secp521r1": "es512"}


class SigningConfigError(ValueError):
    """NEWSWIRE_C2PA_CERT / NEWSWIRE_C2PA_KEY cannot sign."""


@dataclass(frozen=True)
class AgencySigner:
    chain_pem: bytes
    key_pem: bytes = b""
    alg: str = "es256"
    fingerprint: str = ""  # of the leaf certificate: part of every cache key

    def __repr__(self) -> str:  # never the key
        return f"AgencySigner(alg={self.alg!r}, fingerprint={self.fingerprint[:16]!r})"


def algorithm(key: Any) -> str:
    """The C2PA signing algorithm a private key signs with."""
    if isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name in _CURVES:
        return _CURVES[key.curve.name]
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return "ed25519"
    if isinstance(key, rsa.RSAPrivateKey):
        return "ps256"
    raise SigningConfigError(f"NEWSWIRE_C2PA_KEY: a {type(key).__name__} cannot sign C2PA manifests")


@lru_cache(maxsize=2)
def _load(cert: str, key: str, _mtimes: tuple[int, int]) -> AgencySigner:
    try:
        chain_pem, key_pem = Path(cert).read_bytes(), Path(key).read_bytes()
        chain = x509.load_pem_x509_certificates(chain_pem)
        private = serialization.load_pem_private_key(key_pem, password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningConfigError(f"NEWSWIRE_C2PA_CERT/NEWSWIRE_C2PA_KEY: {exc}") from exc
    if chain[0].public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo) \
            != private.public_key().public_bytes(serialization.Encoding.DER,
                                                 serialization.PublicFormat.SubjectPublicKeyInfo):
        raise SigningConfigError("NEWSWIRE_C2PA_KEY is not the key of NEWSWIRE_C2PA_CERT's first certificate")
    fingerprint = chain[0].fingerprint(hashes.SHA256()).hex()
    return AgencySigner(chain_pem, key_pem, algorithm(private), fingerprint)


def signer_for(settings: Settings) -> AgencySigner | None:
    """The agency's signer, or None when it signs nothing (not configured)."""
    if not settings.c2pa_cert and not settings.c2pa_key:
        return None
    if not settings.c2pa_cert or not settings.c2pa_key:
        raise SigningConfigError("NEWSWIRE_C2PA_CERT and NEWSWIRE_C2PA_KEY go together")
    if not provenance.available():
        raise SigningConfigError(f"NEWSWIRE_C2PA_CERT is set but {provenance.NOT_INSTALLED}")
    try:
        mtimes = settings.c2pa_cert.stat().st_mtime_ns, settings.c2pa_key.stat().st_mtime_ns
    except OSError as exc:
        raise SigningConfigError(f"NEWSWIRE_C2PA_CERT/NEWSWIRE_C2PA_KEY: {exc}") from exc
    return _load(str(settings.c2pa_cert), str(settings.c2pa_key), mtimes)


# -- pure ------------------------------------------------------------------------------------

def cache_name(name: str, rendition_blob: str, inserted: bytes, signer: AgencySigner) -> str:
    """The row naming the signed file of one rendition as one version's metadata makes it."""
    digest = hashlib.sha256(b"\0".join((name.encode(), rendition_blob.encode(), inserted,
                                        signer.fingerprint.encode()))).hexdigest()
    return CACHE_PREFIX + digest[:32 - len(CACHE_PREFIX)]


def actions(content_type: str, original_type: str, trimmed: bool = False) -> tuple[str, ...]:
    """What the agency did to the upload (after ``c2pa.opened``) to make a rendition of
    ``content_type``; ``trimmed``: a video's preview is shorter than the upload."""
    if not original_type.startswith("video/"):
        return ("c2pa.resized", "c2pa.edited.metadata")
    if content_type == JPEG:  # a video's poster or thumbnail: one frame, as a JPEG
        return ("c2pa.converted", "c2pa.resized", "c2pa.edited.metadata")
    return ("c2pa.transcoded", "c2pa.resized", *(("c2pa.trimmed",) if trimmed else ()), "c2pa.edited")


def manifest(name: str, content_type: str = JPEG,
             done: tuple[str, ...] = ("c2pa.resized", "c2pa.edited.metadata")) -> dict[str, Any]:
    return {
        "claim_generator_info": [{"name": "newswire", "version": __version__}],
        "title": f"{name}.{_EXTENSIONS[content_type]}",
        "assertions": [{"label": "c2pa.actions", "data": {"actions": [
            {"action": "c2pa.opened", "parameters": {"ingredientIds": ["original"]}},
            *({"action": action} for action in done),
        ]}}],
    }


# -- the edge --------------------------------------------------------------------------------

def sign_jpeg(data: bytes, name: str, original: Path, original_type: str, signer: AgencySigner) -> bytes:
    """``data`` (a picture's JPEG rendition) with the agency's manifest, the ``original`` as its
    parent ingredient."""
    return sign(data, JPEG, manifest(name), original, original_type, signer)


def sign(data: bytes, content_type: str, claim: dict[str, Any], original: Path, original_type: str,
         signer: AgencySigner) -> bytes:
    """``data`` (a JPEG or an MP4) with the manifest ``claim``, the ``original`` as its parent
    ingredient."""
    c2pa = provenance.library()
    assert c2pa is not None
    info = c2pa.C2paSignerInfo(signer.alg, signer.chain_pem, signer.key_pem, None)
    out = io.BytesIO()
    # no thumbnails: c2pa would decode the whole upload for the ingredient's (1.3 s for 24
    # megapixels, against 30 ms without); the rendition is its own picture
    with c2pa.Settings.from_dict(BUILDER_SETTINGS) as settings, c2pa.Context(settings) as context, \
            c2pa.Signer.from_info(info) as signing, c2pa.Builder(claim, context=context) as builder, \
            original.open("rb") as src:
        builder.add_ingredient_from_stream(
            {"title": "original", "relationship": "parentOf", "label": "original"}, original_type, src)
        builder.sign(signing, content_type, io.BytesIO(data), out)
    return out.getvalue()


def signed_rendition(engine: Engine, blobs: BlobStore, signer: AgencySigner, asset: assets.Asset,
                     made: assets.Made, placed: embed.Plan | None, trimmed: bool = False) -> assets.Made:
    """The signed file of ``made`` with ``placed``'s metadata (None: as stored, a video's
    preview): from the cache, else signed now."""
    inserted = placed.inserted if placed is not None else b""
    key = cache_name(made.name, made.blob, inserted, signer)
    found = assets.made(engine, asset.sha256, key)
    if found is not None:
        return found
    whole = b"".join(blobs.read_range(made.blob, 0, made.size))
    if placed is not None:
        whole = embed.spliced(whole, inserted)
    claim = manifest(made.name, made.content_type, actions(made.content_type, asset.content_type, trimmed))
    with blobs.local(asset.sha256) as original:
        data = sign(whole, made.content_type, claim, original, asset.content_type, signer)
    blob, size = blobs.put_bytes(data)
    mine = assets.Made(key, blob, made.content_type, made.width, made.height, size)
    kept = assets.remember(engine, asset.sha256, mine)
    if kept.blob != blob:  # another node signed it first: its file is the one served
        blobs.delete(blob)
    return kept
