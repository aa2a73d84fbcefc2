"""The one error every parser raises: the API turns it into a 4xx problem+json."""

from __future__ import annotations

import re


class FormatError(ValueError):
    """Input that cannot become an Item. ``status`` is the HTTP status to answer with."""

    def __init__(self, detail: str, *, status: int = 422, title: str = "Invalid story") -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status
        self.title = title


# What no store can keep in a string: NUL (PostgreSQL's text cannot hold it) and a lone
# surrogate (JSON's "\ud800" alone; no UTF-8 text can hold it). One pass finds either.
UNSTORABLE_CHARS = re.compile(r"[\x00\ud800-\udfff]")
NUL_TEXT = "The body holds a NUL character (U+0000 or \\u0000), which no text field of a story can carry."
