"""HTTP mode: the Slack app as a Starlette application, for uvicorn behind a public URL.

Slack posts interactions (buttons, modal submissions) and slash commands to one Request URL,
`POST /slack/events`; bolt's Starlette adapter turns each into a `BoltRequest`, and the app
verifies its signature and timestamp before any listener runs (a forged or replayed request
is answered 401 and changes nothing). `GET /healthz` answers 200 for a load balancer.
"""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.starlette import SlackRequestHandler
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

__all__ = ["EVENTS_PATH", "create_http_app"]

EVENTS_PATH = "/slack/events"


def create_http_app(app: App) -> Starlette:
    """A Starlette application serving `app` at /slack/events (see the module doc)."""
    handler = SlackRequestHandler(app)

    async def events(request: Request) -> Response:
        return await handler.handle(request)

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(
        routes=[
            Route(EVENTS_PATH, endpoint=events, methods=["POST"]),
            Route("/healthz", endpoint=healthz, methods=["GET"]),
        ]
    )
