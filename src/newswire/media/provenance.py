"""Content Credentials (C2PA) of an uploaded original: read, validated, summed up.

c2pa-python (the optional extra ``c2pa``) reads the manifest store embedded in the original
as uploaded and validates it; :func:`summarize` turns its report into the small
``ContentCredentials`` value the item carries (``store.codec`` keeps it with the version,
``formats.ninjs`` delivers it, the portal's picture page shows it). The original's bytes are
never changed: they are stored and served as they came, manifest included.

What is verified, when the state is ``valid`` or ``trusted``: the claim's signature (COSE,
over the claim), the signing certificate's chain, key usage and validity at signing time,
the hashes binding each assertion to the claim and the hard binding of the manifest to the
file's bytes (a changed pixel, byte or metadata block outside the manifest fails it), and
the ingredients' manifests that travel in the store. ``trusted`` also says the chain ends at
one of the agency's configured trust anchors (``NEWSWIRE_C2PA_TRUST_ANCHORS``); without
them, or when the chain ends elsewhere, a sound manifest is ``valid`` (signer not on the
trust list): it proves the file is as the holder of that certificate signed it, not who
that holder is.

What is not: that what the manifest *says* is true (a camera's or editor's assertions are
the signer's word); certificate revocation (OCSP is not fetched); remote manifests (never
fetched: a picture pointing to one is ``unchecked``, the wire makes no requests a file
asks for); a signing time without a time-stamp (``signed_at`` is empty then).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from newswire.model import ContentCredentials

_UNSET: Any = object()
c2pa: Any = _UNSET  # imported at the first check (3 MB of a server that may never see a picture)


def library() -> Any:
    """c2pa-python, imported once, at first use; None when the optional extra is not installed
    (uploads work, nothing is checked)."""
    global c2pa
    if c2pa is _UNSET:
        try:
            import c2pa as found
        except ImportError:
            found = None
        c2pa = found
    return c2pa


TRUSTED, VALID, INVALID, ABSENT, UNCHECKED = "trusted", "valid", "invalid", "absent", "unchecked"
STATES = (TRUSTED, VALID, INVALID, ABSENT, UNCHECKED)
UNTRUSTED_CODE = "signingCredential.untrusted"
AI_GENERATED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
NOT_INSTALLED = "c2pa-python is not installed (pip install 'newswire[c2pa]')"
MAX_TEXT = 200
MAX_CODES = 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_STATES_C2PA = {"trusted": TRUSTED, "valid": VALID, "invalid": INVALID}


class TrustAnchorsError(ValueError):
    """The configured trust anchors are not a PEM file of certificates."""


def available() -> bool:
    return library() is not None


# -- the pure part: the reader's report -> ContentCredentials --------------------------------

def summarize(store: Mapping[str, Any]) -> ContentCredentials:
    """The active manifest of a c2pa manifest store report (``Reader.json()``), summed up."""
    manifests = store.get("manifests") or {}
    active = manifests.get(store.get("active_manifest")) or {}
    state = _STATES_C2PA.get(str(store.get("validation_state", "")).lower(), INVALID)
    # a signer off the trust list is what ``valid`` (not ``trusted``) says; the rest is why not valid
    codes = tuple(c for c in _failures(store) if c != UNTRUSTED_CODE) or ("manifest.invalid",)
    signature = active.get("signature_info") or {}
    actions = tuple(_actions(active))
    return ContentCredentials(
        state=state,
        signer=_text(signature.get("common_name")),
        issuer=_text(signature.get("issuer")),
        claim_generator=_generator(active),
        signed_at=_text(signature.get("time")),
        digital_source_type=next((_text(a.get("digitalSourceType")) for a in actions if a.get("digitalSourceType")),
                                 None),
        actions=tuple(dict.fromkeys(t for a in actions if (t := _text(a.get("action"))))),
        failures=codes if state == INVALID else (),
    )


def unchecked(note: str) -> ContentCredentials:
    return ContentCredentials(state=UNCHECKED, note=_text(note))


def _failures(store: Mapping[str, Any]) -> tuple[str, ...]:
    """Failure codes of the active manifest (and its ingredients), in order, once each."""
    results = store.get("validation_results")
    entries: list[Any] = []
    if isinstance(results, Mapping):
        active = results.get("activeManifest") or {}
        entries += list(active.get("failure") or [])
        for delta in results.get("ingredientDeltas") or []:
            entries += list(((delta or {}).get("validationDeltas") or {}).get("failure") or [])
    else:  # an older report: one flat list of status entries, failures among them
        entries += [s for s in store.get("validation_status") or [] if isinstance(s, Mapping)]
    codes = (_text(e.get("code")) for e in entries if isinstance(e, Mapping))
    return tuple(dict.fromkeys(c for c in codes if c))[:MAX_CODES]


def _actions(manifest: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    for assertion in manifest.get("assertions") or []:
        if not isinstance(assertion, Mapping) or not str(assertion.get("label", "")).startswith("c2pa.actions"):
            continue
        for action in (assertion.get("data") or {}).get("actions") or []:
            if isinstance(action, Mapping):
                yield action


def _generator(manifest: Mapping[str, Any]) -> str | None:
    info = manifest.get("claim_generator_info")
    if isinstance(info, list) and info and isinstance(info[0], Mapping):
        name, version = _text(info[0].get("name")), _text(info[0].get("version"))
        return _text(f"{name} {version}") if name and version else name
    return _text(manifest.get("claim_generator"))


def _text(value: Any) -> str | None:
    """A string from the file, fit for a page and a feed: no control characters, bounded."""
    if not isinstance(value, str):
        return None
    text = " ".join(_CONTROL.sub(" ", value).split())[:MAX_TEXT]
    return text or None


# -- the edge: c2pa reads the file ------------------------------------------------------------

def settings_for(anchors_pem: str | None) -> dict[str, Any]:
    """c2pa settings: never fetch what a file points to (remote manifests, OCSP responders);
    verify trust against the agency's anchors when it gives some."""
    settings: dict[str, Any] = {"verify": {"verify_trust": True, "remote_manifest_fetch": False,
                                           "ocsp_fetch": False}}
    if anchors_pem:
        settings["trust"] = {"trust_anchors": anchors_pem}
    return settings


@lru_cache(maxsize=4)
def _anchors(path: str, mtime_ns: int) -> str:
    from cryptography import x509  # a dependency of c2pa's signing and of the wire's own secrets

    try:
        pem = Path(path).read_text(encoding="ascii")
        if not x509.load_pem_x509_certificates(pem.encode()):
            raise ValueError("no certificate")
    except (OSError, ValueError) as exc:
        raise TrustAnchorsError(f"NEWSWIRE_C2PA_TRUST_ANCHORS={path}: not a PEM file of certificates ({exc})") from exc
    return pem


def load_anchors(path: Path | str | None) -> str | None:
    """The trust anchors' PEM text (read again when the file changes); None when not configured."""
    if not path:
        return None
    try:
        mtime = Path(path).stat().st_mtime_ns
    except OSError as exc:
        raise TrustAnchorsError(f"NEWSWIRE_C2PA_TRUST_ANCHORS={path}: {exc}") from exc
    return _anchors(str(path), mtime)


def check(path: Path, content_type: str, anchors: Path | str | None = None) -> ContentCredentials:
    """The Content Credentials of the file at ``path`` (its type already sniffed by probe)."""
    c2pa = library()
    if c2pa is None:
        return unchecked(NOT_INSTALLED)
    if content_type not in c2pa.Reader.get_supported_mime_types():
        return unchecked(f"C2PA is not read from {content_type}")
    pem = load_anchors(anchors)
    try:
        with c2pa.Context(c2pa.Settings.from_dict(settings_for(pem))) as context, path.open("rb") as stream:
            reader = c2pa.Reader.try_create(content_type, stream, context=context)
            if reader is None:
                return ContentCredentials(state=ABSENT)
            with reader:
                return summarize(json.loads(reader.json()))
    except c2pa.C2paError.RemoteManifest:
        return unchecked("the manifest is remote and is not fetched")
    except c2pa.C2paError as exc:
        # a manifest store is there but cannot be read or verified at all (a broken JUMBF box,
        # an unparsable certificate): not credentials anyone may rely on
        return ContentCredentials(state=INVALID, failures=(_error_code(exc),), note=_text(str(exc)))


def _error_code(exc: Exception) -> str:
    """``manifest.<kind>`` from the c2pa error's class (``Signature``, ``Verify``...)."""
    kind = type(exc).__name__.removeprefix("_C2pa") or "error"
    return f"manifest.{kind[0].lower()}{kind[1:]}"
