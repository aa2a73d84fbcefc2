"""The portal's search, planning diary and developer pages, mounted beside its own routes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import FastAPI

from newswire.portal import developers, diary, pictures, search

if TYPE_CHECKING:
    from newswire.portal.routes import Portal


def install(app: FastAPI, portal: Portal) -> None:
    app.router.routes.extend([*search.routes(portal), *diary.routes(portal), *developers.routes(portal)])
    pictures.install(portal)  # thumbnails, a picture's page, a story's pictures
