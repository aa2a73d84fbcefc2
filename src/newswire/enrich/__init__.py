"""Enrichment: pure steps ``Item -> Item`` run on publish (see ``pipeline``)."""
