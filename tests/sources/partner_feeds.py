"""Partner feeds of the shapes found in the wild."""

from __future__ import annotations


def rss(*entries: tuple[str, str, str], language: str | None = None) -> bytes:
    """RSS 2.0 with content:encoded and dc:creator; entries are (guid, title, body html)."""
    lang = f"<language>{language}</language>" if language else ""
    items = "".join(
        f"""<item><guid isPermaLink="false">{guid}</guid><title>{title}</title>
        <link>https://partner.example/{guid}</link>
        <description>Summary of {title}</description>
        <dc:creator>Jane Partner</dc:creator>
        <pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>
        <content:encoded><![CDATA[{body}]]></content:encoded>
        <enclosure url="https://partner.example/{guid}.jpg" type="image/jpeg" length="100"/></item>"""
        for guid, title, body in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Partner</title><link>https://partner.example/</link><description>d</description>{lang}
{items}</channel></rss>""".encode()


def atom(entry_id: str, title: str, paragraph: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="fr">
  <title>Partenaire</title><id>urn:partner:feed</id><updated>2026-12-01T10:00:00Z</updated>
  <entry><id>{entry_id}</id><title>{title}</title><updated>2026-12-01T10:00:00Z</updated>
    <dc:creator>Marie Dupont</dc:creator>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{paragraph}</p>
      <script>alert(1)</script></div></content>
  </entry>
</feed>""".encode()


def g2_item(guid: str, headline: str, body: str, status: str = "usable", version: int = 1) -> str:
    return f"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{guid}" version="{version}"
  standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:PARTNER"/>
    <versionCreated>2026-12-01T10:00:00Z</versionCreated><pubStatus qcode="stat:{status}"/></itemMeta>
  <contentMeta><infoSource role="cRole:source" literal="Partner Agency"><name>Partner Agency</name></infoSource>
    <headline>{headline}</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><p>{body}</p></body></html>
  </inlineXML></contentSet>
</newsItem>"""


def g2_message(*items: str) -> bytes:
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2026-12-01T10:00:00Z</sent></header>
<itemSet>""" + "".join(items) + "</itemSet></newsMessage>").encode()


def rss_with_media(guid: str, title: str, media: str) -> bytes:
    """RSS 2.0 with Media RSS: ``media`` is the item's <enclosure>/<media:content> markup."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Partner</title>
<link>https://partner.example/</link><description>d</description><language>en</language>
<item><guid>{guid}</guid><title>{title}</title><description>{title}, with pictures.</description>
{media}</item></channel></rss>""".encode()


def atom_with_enclosure(entry_id: str, title: str, href: str, media_type: str, length: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Partner</title><id>urn:partner:feed</id>
  <updated>2026-12-01T10:00:00Z</updated>
  <entry><id>{entry_id}</id><title>{title}</title><updated>2026-12-01T10:00:00Z</updated>
    <link rel="alternate" href="https://partner.example/{entry_id}"/>
    <link rel="enclosure" href="{href}" type="{media_type}" length="{length}" title="The interview"/>
    <content type="html">&lt;p&gt;{title}.&lt;/p&gt;</content></entry>
</feed>""".encode()
