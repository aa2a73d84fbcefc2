"""Untrusted body HTML -> safe HTML (nh3): no scripts, handlers or ``javascript:`` URLs."""

from __future__ import annotations

import html
import re

import nh3

_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "blockquote", "q", "cite",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "span", "table", "thead",
    "tbody", "tr", "th", "td", "caption", "figure", "figcaption", "img", "hr", "pre", "code",
}
_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "*": {"lang", "dir"},
}
_TAG_RE = re.compile(r"<[^>]+>")
_BLOCK_END_RE = re.compile(r"</(p|h[1-6]|li|blockquote|tr|figcaption)>|<br\s*/?>", re.I)


def clean_html(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def paragraphs_to_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p.strip())


def markup_free(fragment: str) -> str:
    """The fragment's text with its markup gone and a line break after each block, white space
    as the markup left it: the words of :func:`html_to_text` (its tidying only joins white
    space), for what only needs the words, such as the search index."""
    return html.unescape(_TAG_RE.sub("", _BLOCK_END_RE.sub("\n", fragment)))


def html_to_text(fragment: str) -> str:
    """Plain text with one paragraph per line: for enrichment, search and NITF."""
    lines = [" ".join(line.split()) for line in markup_free(fragment).splitlines()]
    return "\n".join(line for line in lines if line)
