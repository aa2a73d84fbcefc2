"""Partner sources the wire watches: HTTP feeds (RSS, Atom, ninjs, NewsML-G2), folders and
IMAP mailboxes.

``model`` (a source, its kinds, the stable identity of a partner item), ``store`` (the
``sources``/``source_items``/``held`` tables), ``feeds`` (fetching and parsing a feed into
partner items), ``folder`` (a watched drop folder), ``mailbox`` (an IMAP mailbox: a message
becomes a story), ``ingest`` (a partner item through
``Wire.publish``, or held for the desk), ``scheduler`` (who polls what, when: a lease per
source in the store) and ``health``.
"""
