"""IPTC vocabularies shipped with the project (Media Topics, places)."""
