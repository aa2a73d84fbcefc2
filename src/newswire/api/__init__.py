"""HTTP API (FastAPI): editor, subscriber and admin routers, problem+json errors."""
