"""`alignbot web`: the pages a customer's answer link opens (see docs/resolution.md).

`create_app(settings, engine, on_answer)` builds the Starlette app, so the long-running
service can mount it; `alignbot web` serves it alone on uvicorn.
"""

from bot.web.app import MAX_BODY_BYTES, SECURITY_HEADERS, create_app

__all__ = ["MAX_BODY_BYTES", "SECURITY_HEADERS", "create_app"]
