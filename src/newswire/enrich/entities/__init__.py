"""People, organisations and places named in a story (machine-made, never over an editor's).

One pass of a single :class:`~newswire.vocab.places.NameMatcher` over the story's words
finds, longest match first: gazetteer places and demonyms, the people/organisation
vocabulary (seed + agency imports, every language), and cue words - titles ("President",
"Cumhurbaşkanı", "президент", "الرئيس"), attribution verbs ("said", "dedi", "заявил",
"قال", "a déclaré", "dijo", "sagte") and organisation heads ("Ministry", "Bakanlığı",
"министерство", "وزارة", "Ministère"). Then:

* a name after a title, or before/after an attribution verb, is a person; later
  surname-only mentions ("Putin", "Путина", "Erdoğan'ın") resolve to the full name;
* an acronym defined in brackets ("Collective Security Treaty Organization (CSTO)") is one
  organisation under its expansion; later mentions of the acronym count for it. Only
  expansions headed by an organisation word (or known to the vocabulary) are organisations:
  "Trans-Anatolian Pipeline (TANAP)" is a project, not an organisation;
* a capitalised run ending (en, tr, de) or starting (ru, ar, fr, es, bs) with an
  organisation head is an organisation;
* agency copy's other shapes (issue 15): names in quote-list captions, in lists ("Amina
  Rahimi, Tomasz Wielgosz and Hugo Ferrand", scorers with their minutes, Arabic lists after
  "كل من") and in appositions; clubs around a match result, media after their noun ("the
  daily Gazeta Wyborcza"), employers after "economist at"; not from a title-case headline;
* places are countries and settlements only: regions help disambiguation but are not
  tagged, demonyms ("Russian") count as context, not as mentions, and names inside an
  organisation's name are not places. Same-name places are settled by the dateline and
  the story's other places (see :func:`newswire.vocab.places.choose`).

:func:`find_entities` is the pure text API (used by the benchmark); :func:`extract_entities`
is the pipeline step: it replaces earlier machine-made people/organisations/places and
adds new ones after the editor's, skipping any an editor already set (same uri, or same
name or alias, case-insensitive).

The package, one module per seam:

* :mod:`.cues` and :mod:`.words` - the word tables (titles, speech verbs, organisation
  heads; stop words, connectors, word endings);
* :mod:`.story` - one story's words and matches, and the name-run helpers every finder uses;
* :mod:`.people`, :mod:`.organisations`, :mod:`.acronyms`, :mod:`.places` - the finders
  per kind;
* :mod:`.arabic`, :mod:`.russian`, :mod:`.latin` (fr, es, bs/hr), :mod:`.german` - what only
  one language family needs;
* :mod:`.results` - :class:`Entity` / :class:`Entities` and how evidence becomes them;
* :mod:`.find` - :func:`find_entities`, the finders in order; :mod:`.step` -
  :func:`extract_entities`.
"""

from newswire.enrich.entities.find import find_entities
from newswire.enrich.entities.results import DATELINE, EMIT_PLACE_KINDS, MENTIONED, PLACE, Entities, Entity
from newswire.enrich.entities.step import extract_entities

__all__ = [
    "DATELINE",
    "EMIT_PLACE_KINDS",
    "MENTIONED",
    "PLACE",
    "Entities",
    "Entity",
    "extract_entities",
    "find_entities",
]
