"""IPTC's schemas, loaded from the copies in tests/standards (never from the network). Each
folder's README says where the files come from and under which licence (CC BY 4.0, IPTC)."""

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

STANDARDS_DIR = Path(__file__).resolve().parent / "standards"
G2_STANDARDS = STANDARDS_DIR / "newsml-g2"
G2_XSD = "NewsML-G2_2.35-spec-All-Power.xsd"
NITF_XSD = "nitf-3-6.xsd"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is absent: tests/standards holds IPTC's schemas and must be complete")
    return path


class _LocalSchemas(etree.Resolver):
    """Serves imported schema documents (xml.xsd) from the standards folder."""

    def resolve(self, system_url: str, public_id: str, context: Any = None) -> Any:
        local = G2_STANDARDS / system_url.rsplit("/", 1)[-1]
        if not local.exists():
            return None
        return self.resolve_filename(str(local), context)  # type: ignore[attr-defined]


@cache
def _xsd(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(G2_STANDARDS / name), parser))


def load_schema(name: str) -> etree.XMLSchema:
    _require(G2_STANDARDS / name)
    return _xsd(name)


def assert_valid(schema: etree.XMLSchema, data: bytes) -> etree._Element:
    root = safe_fromstring(data)
    if not schema.validate(root):
        pytest.fail(str(schema.error_log))
    return root


@cache
def _ninjs_validator(version: str) -> Draft202012Validator:
    folder = STANDARDS_DIR / "ninjs"
    geojson = json.loads((folder / "GeoJSON-schema.json").read_text())
    registry: Registry = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson))
    schema = json.loads((folder / f"ninjs-schema_{version}.json").read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_ninjs(doc: dict[str, Any], version: str = "3.2") -> None:
    _require(STANDARDS_DIR / "ninjs" / f"ninjs-schema_{version}.json")
    errors = sorted(_ninjs_validator(version).iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        pytest.fail(f"ninjs {version} invalid: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
