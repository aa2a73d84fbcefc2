"""Direct quotations and who said them.

Quotes are found per paragraph in every style the wire uses - “…”, ‘…’, «…», »…«, „…“,
"…" and '…' - taking the outermost marks (nested marks stay in the text). A straight or
curly single mark only opens after a non-letter and only closes before a non-letter, so
apostrophes ("don't", "Moscow's", "leaders' summit", "Strauss’ Oper") are not quotes.
Fewer than three words between the marks is a name or a scare quote, not a quotation;
the trailing comma that belongs to the attribution is dropped, a final . ? ! is kept.

The speaker comes from the attribution after the quote (“…,” X said / — заявил Путин /
" dedi / a-t-il ajouté) or before it (X said: “…” / وقال البلوشي: "…" / Aksoy, "…" dedi):

* a person named there, normalised to the full name seen in the story ("Putin" ->
  "Vladimir Putin", "Путина" -> "Владимир Путин");
* a pronoun or a subject-less verb ("he added", "o dedi", "добавил он", "وأضاف",
  "diye ekledi", "dodala je") -> the last named speaker, or the only person named so far;
* a role ("the Russian president said") -> the one person seen with that title;
* an organisation named in the attribution ("the agency said" is not named) -> its name;
* a role after the verb with a definite article ("expresó el mandatario", "afirmó la
  legisladora") -> the person the sentence before the quote is about; a role with the
  article before the verb ("the minister added") -> the person last named;
* Turkish names its speaker before the quote, whatever stands between the quote and the verb
  ("…" görüşünü dile getirdi, açıklamasını yaptı, bilgisini verdi, uyarısında bulundu);
  Arabic puts its verb first ("…"، على حد قوله); a passive or impersonal attribution
  ("ifadesine yer verildi", "heißt es in einer Mitteilung") names an organisation or nobody;
* a new name in capitals loses the titles it opens with ("Grup Başkanvekili X Y") and, in
  languages that put the title and employer first, a long run keeps its last two words
  ("Premijerka Vlade Kantona Sarajevo X Y-Z");
* a quote list's bracketed caption below the quote ("(Kari Vestby, chief economist at DNB
  Markets)") -> the person it names (the longest person of the story written out in it);
* the verb right after the quote and its comma is recognised by its shape, whatever it is:
  Spanish preterite or perfect ("…", criticó X / ha explicado X), French passé composé or
  present before its subject ("« … », a savouré X", "s'est félicité X", "assure le
  coauteur X"), German verb-second ("„…“, räumte X ein"); verbs that label a partial quote
  (nannte, sprach von, a qualifié de, ocijenilo je, назвал) attribute it to their subject;
* after the verb, a new name after a preposition or "told", or inside quotation marks, is a
  venue, medium or thing, not the speaker; an indefinite subject ("contó a EFE una vecina")
  is nobody; "it said" / "the company said" -> the organisation the sentence before opens with;
* a quote with no attribution of its own that follows a quote of the previous or same
  paragraph continues that speaker (“A,” X said. “B.”), and one that follows a sentence about a
  person ("Rahimi spoke at the ceremony. “When we arrived …”") is that person's; otherwise the
  speaker is unknown.

A quotation that runs over paragraphs (each reopening the mark, only the last closing it) is
one quote.

A quote whose words lie inside a longer one (a standfirst quoting part of a body quote, the
same words quoted twice) is merged into it: :func:`merge_contained`.

:func:`find_quotes` is pure; :func:`extract_quotes` is the pipeline step (sets
``item.quotes`` unless an editor already set them, each marked as the machine's, in the
story's language, with the speaker's URI when the story's people or organisations give one).

The package, one module per seam:

* :mod:`.spans` - quotation marks and dash speech in a paragraph; :mod:`.paragraphs` -
  run-on quotations, captions, sentence ends and abbreviations, introductions, titles of works;
* :mod:`.verbs` and :mod:`.words` - the word tables (verbs of saying and their shapes;
  pronouns, roles, articles, prepositions);
* :mod:`.attribution_openers` - French, German and Spanish verbs first after the quote;
* the speaker resolver, one layer per kind of reference: :mod:`.story` (the story's people,
  organisations and speakers so far), :mod:`.organisations`, :mod:`.names` and
  :mod:`.people`, :mod:`.arabic`, :mod:`.unnamed` (nobody named, interview answers), and
  :mod:`.resolver`, which tries them in order for each quote;
* :mod:`.find` - :func:`find_quotes`; :mod:`.merge` - :func:`merge_contained`; :mod:`.step` -
  :func:`extract_quotes`.
"""

from newswire.enrich.quotes.find import find_quotes
from newswire.enrich.quotes.merge import merge_contained
from newswire.enrich.quotes.spans import MIN_WORDS
from newswire.enrich.quotes.step import extract_quotes

__all__ = ["MIN_WORDS", "extract_quotes", "find_quotes", "merge_contained"]
