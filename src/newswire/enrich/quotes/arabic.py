"""Arabic references to a speaker named before: an honorific with a pronoun ("وقال سعادته")
and a relative pronoun before the verb ("الدار العقارية التي قالت").
"""

from __future__ import annotations

from newswire.enrich.quotes.people import _PersonReferences
from newswire.vocab.places import fold

# Arabic honorifics with a pronoun ("سعادته", his excellency) and the honorific that
# introduced the person they refer to, folded; relative pronouns ("الدار العقارية التي قالت").
_AR_HONORIFIC_PRONOUNS = {
    fold(pronoun): honorific for honorific, pronouns in (
        ("سعادة", ("سعادته", "سعادتها")), ("معالي", ("معاليه", "معاليها")), ("سمو", ("سموه", "سموها")),
        ("فخامة", ("فخامته",)),
    ) for pronoun in pronouns
}
_AR_RELATIVES = frozenset(fold(w) for w in ("التي", "الذي", "الذين"))


class _ArabicReferences(_PersonReferences):
    """The person or body an Arabic honorific or relative pronoun refers to."""

    def _ar_reference(
        self, before: str, toks: list[tuple[str, str, int]], verb: int, at: int
    ) -> str | None:
        """Arabic references to a speaker named before: an honorific with a pronoun ("وقال
        سعادته" -> the person the story first introduced with "سعادة"), or a relative pronoun right
        before the verb ("سهم الدار العقارية التي قالت" -> the body it follows)."""
        words = [folded for _, folded, _ in toks[verb + 1:verb + 3]]
        honorific = next((_AR_HONORIFIC_PRONOUNS[w] for w in words if w in _AR_HONORIFIC_PRONOUNS), None)
        if honorific is not None:
            # the story's subject: agencies (QNA, WAM) open with the official the honorific
            # introduces ("اجتمع سعادة الدكتور X مع … سعادة السيد Y") and refer back to them
            title_at = self.text.find(honorific, 0, at)
            if self.mentions is None:
                self.mentions = self._mentions()
            after_title = (name for offset, name in sorted(self.mentions) if 0 <= title_at < offset < at)
            return next(after_title, None)
        if verb and toks[verb - 1][1] in _AR_RELATIVES:
            ante = before[:toks[verb - 1][2]].rstrip()
            return next((name for name, spellings in self.orgs if any(ante.endswith(s) for s in spellings)), None)
        return None
