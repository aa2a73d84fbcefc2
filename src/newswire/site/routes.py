"""Public website routes (placeholder until the site lands)."""

from __future__ import annotations

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    """Mount the public site on the app."""
