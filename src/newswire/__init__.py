"""newswire: a news agency's wire."""

__version__ = "0.1.0"
