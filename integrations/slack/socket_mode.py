"""Socket Mode: the Slack app without a public URL. The app opens a websocket to Slack
(`apps.connections.open` with an app-level token, xapp-...) and receives the same
interactions and slash commands over it, acking each envelope; no signing secret is needed
because Slack is the one being dialled, over TLS."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.errors import SettingsError

__all__ = ["socket_mode_handler"]


def socket_mode_handler(app: App, app_token: str | None) -> SocketModeHandler:
    """A handler that connects `app` over Socket Mode (call `.connect()` or `.start()`);
    the websocket URL comes from apps.connections.open on the app's own Web API client.
    `SettingsError` unless `app_token` is an app-level token."""
    if not app_token or not app_token.startswith("xapp-"):
        raise SettingsError(
            "SLACK_APP_TOKEN is not set or is not an app-level token (xapp-..., under Basic "
            "Information > App-Level Tokens, with the connections:write scope)"
        )
    return SocketModeHandler(app, app_token, web_client=app.client)
