"""The compose form as data: what the desk's fields say, checked, and the story they make.

Pure functions: the routes read a form into :class:`Story`, and turn a story into an
:class:`~newswire.model.Item` for ``Wire.publish`` (the path ``POST /v1/items`` takes).
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from newswire.desk import suggest
from newswire.desk.dateline import dateline_date
from newswire.formats.sanitize import clean_html, html_to_text, paragraphs_to_html
from newswire.model import SIGNAL_CORRECTION, Concept, Item, Text, parse_time, utcnow

URGENCIES = {"flash": 1, "urgent": 3, "normal": 5}  # ninjs urgency: 1 is the most urgent
MAX_HEADLINE = 300
MAX_LINE = 1000
MAX_SLUGLINE = 100
MAX_SERVICES = 10
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_SERVICE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_PLAIN_PARAGRAPHS = re.compile(r"^(?:<p>[^<]*</p>\s*)+$")


@dataclass(frozen=True, slots=True)
class Story:
    """The form's fields as the editor typed them (a draft keeps them so)."""

    headline: str = ""
    standfirst: str = ""
    dateline: str = ""  # the place; the desk adds the date and the agency (desk.dateline)
    byline: str = ""
    slugline: str = ""
    services: str = ""  # service codes as typed, separated by commas or spaces
    body: str = ""
    language: str = "en"
    urgency: str = "normal"
    embargo: str = ""  # datetime-local, UTC: YYYY-MM-DDTHH:MM
    public: bool = False
    machine: str = ""  # the enrichment suggestions the editor accepted (desk.suggest.encode)
    reviewed: str = ""  # the pipeline steps whose suggestions the editor saw, comma-separated

    @classmethod
    def from_form(cls, fields: dict[str, str]) -> Story:
        urgency = fields.get("urgency", "normal")
        machine = suggest.accepted(fields)
        return cls(
            headline=" ".join(fields.get("headline", "").split()),
            standfirst=" ".join(fields.get("standfirst", "").split()),
            dateline=" ".join(fields.get("dateline", "").split()),
            byline=" ".join(fields.get("byline", "").split()),
            slugline=" ".join(fields.get("slugline", "").split()),
            services=", ".join(service_codes(fields.get("services", ""))),
            body=fields.get("body", "").replace("\r\n", "\n").strip(),
            language=suggest.language_choice(machine) or fields.get("language", "").strip() or "en",
            urgency=urgency if urgency in URGENCIES else "normal",
            embargo=fields.get("embargo", "").strip(),
            public=fields.get("public") == "on",
            machine=suggest.encode(machine) if machine else "",
            reviewed=",".join(suggest.reviewed_steps(fields.get("reviewed", ""))),
        )

    @classmethod
    def from_item(cls, item: Item) -> Story:
        """A published story back in the form, to correct it: its machine values ticked and the
        reviewable steps marked reviewed, so the next version carries what the editor decided
        (a suggestion rejected before does not come back) unless the editor asks again."""
        urgency = item.urgency if item.urgency is not None else 5
        return cls(
            headline=item.headline, standfirst=item.standfirst or "", dateline=item.located or "",
            byline=item.by or "", slugline=item.slugline or "",
            services=", ".join(c.name or c.uri or "" for c in item.services if c.name or c.uri),
            body=editable_body(item.body_html), language=item.language or "en",
            urgency="flash" if urgency <= 2 else "urgent" if urgency <= 4 else "normal",
            embargo=item.embargoed_until.strftime("%Y-%m-%dT%H:%M") if item.embargoed_until else "",
            public=item.public, machine=suggest.encode(suggest.kept(item)), reviewed=",".join(suggest.REVIEWABLE),
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Story:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def problems(self, *, publishing: bool) -> list[str]:
        """What keeps the story from being saved (or, ``publishing``, moved), in the editor's words."""
        return [english.format(**values) for english, values in self.problem_sentences(publishing=publishing)]

    def problem_sentences(self, *, publishing: bool) -> list[tuple[str, dict[str, object]]]:
        """:meth:`problems` as English sentences with ``{name}`` places and their values, the form
        :func:`newswire.desk.i18n_messages.say` translates."""
        found: list[tuple[str, dict[str, object]]] = []
        if not self.headline:
            found.append(("A headline is required.", {}))
        elif len(self.headline) > MAX_HEADLINE:
            found.append(("A headline has at most {n} characters.", {"n": MAX_HEADLINE}))
        if len(self.standfirst) > MAX_LINE or len(self.dateline) > MAX_LINE or len(self.byline) > MAX_LINE:
            found.append(("The standfirst, the dateline and the byline have at most {n} characters each.",
                          {"n": MAX_LINE}))
        if len(self.slugline) > MAX_SLUGLINE:
            found.append(("A slugline has at most {n} characters.", {"n": MAX_SLUGLINE}))
        codes = service_codes(self.services)
        if len(codes) > MAX_SERVICES or not all(_SERVICE.match(code) for code in codes):
            found.append(("Services are up to {n} codes such as economy or sport-en (letters, digits, dot, dash), "
                          "separated by commas.", {"n": MAX_SERVICES}))
        if not _LANGUAGE.match(self.language):
            found.append(("The language is a language code such as en, de or pt-BR.", {}))
        if self.embargo and self.embargo_until() is None:
            found.append(("Embargo until is a date and time (UTC).", {}))
        if publishing and not html_to_text(self.body_html()).strip():
            found.append(("A story needs a body to be published.", {}))
        return found

    def embargo_until(self) -> datetime | None:
        if not self.embargo:
            return None
        try:
            return parse_time(self.embargo).replace(second=0, microsecond=0)
        except ValueError:
            return None

    def body_html(self) -> str:
        """HTML as pasted, sanitized; plain text as one paragraph per blank-line-separated block."""
        if self.body.lstrip().startswith("<"):
            return clean_html(self.body)
        return paragraphs_to_html([" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(self.body)])

    def apply(self, item: Item, moved_at: datetime | None = None) -> Item:
        """``item`` with what the form says (the rest of it, such as its subjects, kept).
        ``moved_at`` dates the dateline (the embargo time if there is one), in the place's zone;
        without it the dateline keeps the item's date (a correction does not re-date a story)."""
        date = item.dateline_date if self.dateline else None
        if self.dateline and (moved_at is not None or date is None):
            date = dateline_date(self.dateline, self.embargo_until() or moved_at or item.first_created or utcnow())
        return suggest.apply(item.evolve(
            headlines=(Text(self.headline),),
            descriptions=(Text(self.standfirst, "standfirst"),) if self.standfirst else (),
            bodies=(Text(self.body_html(), content_type="text/html"),),
            located=self.dateline or None, dateline_date=date,
            by=self.byline or None, slugline=self.slugline or None,
            services=tuple(Concept(name=code) for code in service_codes(self.services)),
            language=self.language, urgency=URGENCIES[self.urgency], embargoed_until=self.embargo_until(),
        ), self.accepted(), self.reviewed_steps())

    def accepted(self) -> list[suggest.Suggestion]:
        return suggest.decode(self.machine)

    def reviewed_steps(self) -> tuple[str, ...]:
        return suggest.reviewed_steps(self.reviewed)


def editable_body(body_html: str) -> str:
    """A body of plain paragraphs back as the text the editor typed; any other HTML as it is."""
    if _PLAIN_PARAGRAPHS.match(body_html.strip()):
        return "\n\n".join(html.unescape(p) for p in re.findall(r"<p>([^<]*)</p>", body_html))
    return body_html


def service_codes(value: str) -> list[str]:
    """Service codes as typed ("Economy, sport-en"): lower-case, each once, in order."""
    found: list[str] = []
    for code in re.split(r"[,\s]+", value.lower()):
        if code and code not in found:
            found.append(code)
    return found


def new_uri() -> str:
    return f"urn:newswire:text:desk-{secrets.token_hex(10)}"


def first_version(story: Story, uri: str, now: datetime) -> Item:
    return story.apply(Item(uri=uri, version=0), now)


def correction(story: Story, current: Item, note: str) -> Item:
    """The next version of ``current``: what the form says, the note as its edNote, marked as
    a correction. Its version is fixed, so a save against an older one is a conflict."""
    signals = current.signals if SIGNAL_CORRECTION in current.signals else (*current.signals, SIGNAL_CORRECTION)
    return story.apply(current).evolve(version=current.version + 1, version_created=None, ed_note=note,
                                       signals=signals)


def update(story: Story, current: Item, note: str, now: datetime) -> Item:
    """The next version of ``current`` as news moves on: what the form says, dated anew, not a
    correction (an earlier correction's mark and note are not carried over); ``note``, if any,
    is its edNote."""
    return story.apply(current, now).evolve(
        version=current.version + 1, version_created=None, ed_note=note or None,
        signals=tuple(s for s in current.signals if s != SIGNAL_CORRECTION))


def withheld(current: Item, reason: str) -> Item:
    """``current`` withheld: subscribers that had it are told to stop using it for now."""
    return current.evolve(version=current.version + 1, version_created=None, pub_status="withheld",
                          ed_note=f"WITHHELD: {reason}")


def released(current: Item, note: str) -> Item:
    """A withheld story usable again, as it was (a change is an update or correction after)."""
    return current.evolve(version=current.version + 1, version_created=None, pub_status="usable",
                          ed_note=note or None)
