"""Partner sources the wire watches: HTTP feeds (RSS, Atom, ninjs, NewsML-G2) and folders.

``model`` (a source, its kinds, the stable identity of a partner item), ``store`` (the
``sources``/``source_items``/``held`` tables), ``feeds`` (fetching and parsing a feed into
partner items), ``folder`` (a watched drop folder), ``ingest`` (a partner item through
``Wire.publish``, or held for the desk), ``scheduler`` (who polls what, when: a lease per
source in the store) and ``health``.
"""
