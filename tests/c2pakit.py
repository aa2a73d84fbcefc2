"""Content Credentials made by the tests themselves: a certificate authority and an ES256
signing certificate generated with ``cryptography``, pictures signed with c2pa's Builder.

c2pa refuses a self-signed end-entity certificate, so each authority is a CA and a leaf it
issued (digitalSignature key usage, the emailProtection extended key usage c2pa accepts).
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from newswire.store.tokens import create_token

from conftest import LiveServer, open_wire, start_server

c2pa = pytest.importorskip("c2pa", reason="c2pa-python (the optional extra 'c2pa') is not installed")

AI_GENERATED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
DIGITAL_CAPTURE = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
PEM = serialization.Encoding.PEM


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])


@dataclass(frozen=True)
class Authority:
    """A CA and the signing certificate it issued to one photographer or agency."""

    ca_pem: bytes
    chain_pem: bytes  # the leaf first, then the CA
    key_pem: bytes
    signer: str
    organisation: str

    def write(self, folder: Path) -> tuple[Path, Path, Path]:
        """The CA (a trust anchor), the chain and the key as PEM files in ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        paths = folder / "ca.pem", folder / "chain.pem", folder / "key.pem"
        for path, data in zip(paths, (self.ca_pem, self.chain_pem, self.key_pem), strict=True):
            path.write_bytes(data)
        return paths


def authority(signer: str = "Jane Photographer", organisation: str = "Test Photo Agency") -> Authority:
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"{organisation} Test CA", organisation)
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number())
          .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(_name(signer, organisation)).issuer_name(ca_name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    key_pem = key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return Authority(ca.public_bytes(PEM), leaf.public_bytes(PEM) + ca.public_bytes(PEM), key_pem, signer,
                     organisation)


def signed(data: bytes, by: Authority, *, content_type: str = "image/jpeg", source_type: str = DIGITAL_CAPTURE,
           generator: str = "Test Camera") -> bytes:
    """``data`` with a C2PA manifest (a ``c2pa.created`` action of ``source_type``) embedded."""
    manifest: dict[str, Any] = {
        "claim_generator_info": [{"name": generator, "version": "1.0"}],
        "title": "picture",
        "assertions": [{"label": "c2pa.actions", "data": {"actions": [
            {"action": "c2pa.created", "digitalSourceType": source_type}]}}],
    }
    info = c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, by.chain_pem, by.key_pem, None)
    out = io.BytesIO()
    with c2pa.Signer.from_info(info) as signer, c2pa.Builder(manifest) as builder:
        builder.sign(signer, content_type, io.BytesIO(data), out)
    return out.getvalue()


def tampered(data: bytes, text: bytes = b"JOB-") -> bytes:
    """A signed picture whose metadata changed after signing (``text``, in its IPTC block,
    rewritten): the pixels decode as before, the manifest is intact, its hash no longer matches."""
    at = data.index(text)
    return data[:at] + text.swapcase() + data[at + len(text):]


def media_server(url: str, **settings: object) -> Iterator[LiveServer]:
    """A wire and its HTTP server on loopback with ``settings`` (a module fixture's body)."""
    wire = open_wire(url, **settings)
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


def editor_of(live: LiveServer) -> Iterator[httpx.Client]:
    key = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        yield client


def when_made(client: httpx.Client, path: str) -> httpx.Response:
    """A rendition's answer once the worker has made it (503 until then, for 20 s at most)."""
    deadline = time.monotonic() + 20
    while True:
        resp = client.get(path)
        if resp.status_code != 503 or time.monotonic() > deadline:
            return resp
        time.sleep(0.1)
