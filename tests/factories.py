"""Story builders for tests: small, multilingual, written for this project."""

from __future__ import annotations

import itertools
import json
from typing import Any

_counter = itertools.count(1)

LEDES = {
    "en": ("Port authority opens new container terminal",
           "The terminal doubles the harbour's capacity, officials said on Monday."),
    "tr": ("Liman idaresi yeni konteyner terminalini açtı",
           "Yeni terminal limanın kapasitesini iki katına çıkarıyor, yetkililer pazartesi açıkladı."),
    "ar": ("هيئة الميناء تفتتح محطة حاويات جديدة",
           "قال مسؤولون يوم الاثنين إن المحطة تضاعف قدرة الميناء."),
    "ru": ("Портовые власти открыли новый контейнерный терминал",
           "Терминал удваивает пропускную способность порта, сообщили чиновники в понедельник."),
    "fr": ("Le port inaugure un nouveau terminal à conteneurs",
           "Le terminal double la capacité du port, ont indiqué lundi les responsables."),
}


def ninjs_story(lang: str = "en", *, uri: str | None = None, marker: str = "", **fields: Any) -> dict[str, Any]:
    headline, lede = LEDES[lang]
    doc: dict[str, Any] = {
        "uri": uri or f"urn:newswire:test:{lang}-{next(_counter)}",
        "type": "text",
        "language": lang,
        "headlines": [{"value": headline}],
        "descriptions": [{"role": "standfirst", "value": lede}],
        "bodies": [{"contentType": "text/html",
                    "value": f"<p>{lede}</p><p>Second paragraph {marker}.</p>"}],
        "subjects": [{"uri": "http://cv.iptc.org/newscodes/mediatopic/04000000",
                      "name": "economy, business and finance"}],
    }
    doc.update(fields)
    return doc


def as_bytes(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()
