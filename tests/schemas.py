"""IPTC's schemas, loaded from ../shared/standards (never from the network); tests that need
them skip with a clear reason where that folder is absent."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from lxml import etree
from referencing import Registry, Resource

from newswire.formats.xmlsafe import safe_fromstring

SHARED_STANDARDS = Path(__file__).resolve().parents[1].parent / "shared" / "standards"
STANDARDS = SHARED_STANDARDS / "newsml-g2"
G2_XSD = "NewsML-G2_2.35-spec-All-Power.xsd"
NITF_XSD = "nitf-3-6.xsd"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the IPTC standards folder ../shared is not beside the repo")
    return path


class _LocalSchemas(etree.Resolver):
    """Serves imported schema documents (xml.xsd) from the standards folder."""

    def resolve(self, system_url: str, public_id: str, context: Any = None) -> Any:
        local = STANDARDS / system_url.rsplit("/", 1)[-1]
        if not local.exists():
            return None
        return self.resolve_filename(str(local), context)  # type: ignore[attr-defined]


@cache
def _xsd(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(STANDARDS / name), parser))


def load_schema(name: str) -> etree.XMLSchema:
    _require(STANDARDS / name)
    return _xsd(name)


def assert_valid(schema: etree.XMLSchema, data: bytes) -> etree._Element:
    root = safe_fromstring(data)
    if not schema.validate(root):
        pytest.fail(str(schema.error_log))
    return root


@cache
def _ninjs_validator(version: str) -> Draft202012Validator:
    folder = SHARED_STANDARDS / "ninjs"
    geojson = json.loads((folder / "GeoJSON-schema.json").read_text())
    registry: Registry = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson))
    schema = json.loads((folder / f"ninjs-schema_{version}.json").read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_ninjs(doc: dict[str, Any], version: str = "3.2") -> None:
    _require(SHARED_STANDARDS / "ninjs" / f"ninjs-schema_{version}.json")
    errors = sorted(_ninjs_validator(version).iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        pytest.fail(f"ninjs {version} invalid: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
