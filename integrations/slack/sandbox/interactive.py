"""Slack calling the app: the requests Slack sends to an app's Request URL, signed as Slack
signs them, and the `response_url` an app answers them on.

Slack signs every request with the app's signing secret: `X-Slack-Signature` is `v0=` and the
hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`, and `X-Slack-Request-Timestamp` is that
timestamp in Unix seconds (https://docs.slack.dev/authentication/verifying-requests-from-slack/).
Interactions (button clicks, modal submissions) arrive form-encoded as one `payload` field
holding JSON; slash commands arrive as plain form fields. `SlackSandbox` mixes
`Interactivity` in, so a test builds a payload the way Slack would, posts it signed to the
app's URL, and reads what the app answered on the `response_url` the sandbox handed out.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

if TYPE_CHECKING:
    from integrations.slack.sandbox.server import RecordedMessage
    from integrations.slack.sandbox.views import ViewStore

__all__ = [
    "AppResponse",
    "Interactivity",
    "RecordedResponse",
    "form_body",
    "interaction_body",
    "sign",
]

Record = dict[str, Any]

APP_REQUEST_TIMEOUT_SECONDS = 10  # a post to the app gives up after this long


def sign(body: bytes, *, secret: str, timestamp: int) -> dict[str, str]:
    """The two headers Slack adds to a request whose raw body is `body`."""
    base = b"v0:" + str(timestamp).encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def form_body(fields: Mapping[str, str]) -> bytes:
    """Fields as Slack encodes them: application/x-www-form-urlencoded, UTF-8."""
    return urlencode(dict(fields)).encode()


def interaction_body(payload: Mapping[str, Any]) -> bytes:
    """An interaction as Slack sends it: one form field `payload` holding the JSON."""
    return form_body({"payload": json.dumps(payload, ensure_ascii=False)})


@dataclass(frozen=True)
class AppResponse:
    """What the app answered a request the sandbox posted to it."""

    status: int
    body: bytes
    content_type: str

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True)
class RecordedResponse:
    """A message the app posted to a `response_url` (as `respond()` does)."""

    url: str
    body: Record
    message_ts: str | None  # the message the interaction came from, if any
    channel: str | None

    @property
    def text(self) -> str | None:
        value = self.body.get("text")
        return value if isinstance(value, str) else None


class Interactivity:
    """The sandbox's side of interactivity; mixed into `SlackSandbox`, which provides the
    workspace state used below."""

    # Provided by SlackSandbox.
    lock: threading.RLock
    messages: list[RecordedMessage]
    views: ViewStore
    signing_secret: str
    _host: str
    _users: dict[str, Record]
    _conversations: dict[str, Record]

    if TYPE_CHECKING:  # the sandbox's own methods; declared here for type checkers only

        def now(self) -> float: ...

        @property
        def port(self) -> int: ...

        def user_id(self, email: str) -> str: ...

    def _init_interactivity(self) -> None:
        self.responses: list[RecordedResponse] = []
        self._response_urls: dict[str, tuple[str | None, str | None]] = {}

    # ----- signing --------------------------------------------------------------------------

    def signed_request(
        self,
        body: str | bytes,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
    ) -> tuple[dict[str, str], bytes]:
        """Headers and body of a request Slack would send with this body, signed with the
        sandbox's `signing_secret` (or `secret`) at the sandbox's time (or `timestamp`)."""
        raw = body.encode() if isinstance(body, str) else body
        at = int(self.now()) if timestamp is None else timestamp
        headers = sign(raw, secret=self.signing_secret if secret is None else secret, timestamp=at)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return headers, raw

    def post_to_app(
        self,
        url: str,
        body: str | bytes,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> AppResponse:
        """POST `body` to the app at `url` as Slack would, signed unless `headers` are given
        (then sent as they are: a forged request). Any HTTP status is returned, not raised."""
        if headers is None:
            sent, raw = self.signed_request(body, timestamp=timestamp, secret=secret)
        else:
            sent, raw = dict(headers), body.encode() if isinstance(body, str) else body
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        sent["User-Agent"] = "Slackbot 1.0 (+https://api.slack.com/robots)"
        request = urllib.request.Request(url, data=raw, headers=sent, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=APP_REQUEST_TIMEOUT_SECONDS) as answer:
                return AppResponse(
                    answer.status, answer.read(), answer.headers.get("Content-Type") or ""
                )
        except urllib.error.HTTPError as error:
            return AppResponse(error.code, error.read(), error.headers.get("Content-Type") or "")

    # ----- payloads -------------------------------------------------------------------------

    def _user_json(self, user_id: str) -> Record:
        user = self._users[user_id]
        return {
            "id": user_id,
            "username": user["name"],
            "name": user["name"],
            "team_id": user["team_id"],
        }

    def _new_response_url(self, channel: str | None, message_ts: str | None) -> str:
        token = secrets.token_urlsafe(16)
        self._response_urls[token] = (channel, message_ts)
        return f"http://{self._host}:{self.port}/actions/{token}"

    def block_action(
        self,
        message: RecordedMessage,
        action_id: str,
        *,
        email: str,
        value: str | None = None,
    ) -> Record:
        """The `block_actions` payload Slack sends when the person with `email` clicks the
        button `action_id` on `message`; the button's value and block id come from the
        message (or `value`). Issues a trigger id (3 s) and a response_url."""
        from integrations.slack.sandbox.server import APP_ID, TEAM_DOMAIN, TEAM_ID

        with self.lock:
            current = next(
                (m for m in self.messages if m.channel == message.channel and m.ts == message.ts),
                message,
            )
            block_id, button = _find_button(current.blocks or [], action_id)
            if button is None and value is None:
                raise KeyError(f"no button {action_id!r} on the message {message.ts}")
            user_id = self.user_id(email)
            name = self._conversations.get(current.channel, {}).get("name", "directmessage")
            action: Record = {
                "action_id": action_id,
                "block_id": block_id or "actions",
                "text": (button or {}).get("text", {"type": "plain_text", "text": action_id}),
                "type": "button",
                "action_ts": f"{self.now():.6f}",
            }
            chosen = value if value is not None else (button or {}).get("value")
            if chosen is not None:
                action["value"] = chosen
            return {
                "type": "block_actions",
                "user": self._user_json(user_id),
                "api_app_id": APP_ID,
                "token": "deprecated-verification-token",
                "container": {
                    "type": "message",
                    "message_ts": current.ts,
                    "channel_id": current.channel,
                    "is_ephemeral": False,
                },
                "trigger_id": self.views.issue_trigger(user_id),
                "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
                "enterprise": None,
                "is_enterprise_install": False,
                "channel": {"id": current.channel, "name": name},
                "message": _message_payload(current),
                "state": {"values": {}},
                "response_url": self._new_response_url(current.channel, current.ts),
                "actions": [action],
            }

    def view_submission(
        self, view_id: str, values: Mapping[str, Mapping[str, str]], *, email: str
    ) -> Record:
        """The `view_submission` payload Slack sends when the person submits the open modal
        `view_id` with these plain-text input values (`{block_id: {action_id: text}}`)."""
        from integrations.slack.sandbox.server import APP_ID, TEAM_DOMAIN, TEAM_ID

        with self.lock:
            view = self.views.views[view_id]
            user_id = self.user_id(email)
            state = {
                block: {
                    action: {"type": "plain_text_input", "value": text}
                    for action, text in actions.items()
                }
                for block, actions in values.items()
            }
            return {
                "type": "view_submission",
                "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
                "user": self._user_json(user_id),
                "api_app_id": APP_ID,
                "token": "deprecated-verification-token",
                "trigger_id": self.views.issue_trigger(user_id),
                "view": {
                    "id": view.id,
                    "team_id": TEAM_ID,
                    "type": "modal",
                    "callback_id": view.callback_id or "",
                    "private_metadata": view.private_metadata,
                    "title": view.view.get("title"),
                    "blocks": view.view.get("blocks", []),
                    "state": {"values": state},
                    "hash": view.hash,
                    "root_view_id": view.id,
                    "app_id": APP_ID,
                },
                "response_urls": [],
                "is_enterprise_install": False,
                "enterprise": None,
            }

    def slash_command(
        self, command: str, text: str, *, email: str, channel: str = "general"
    ) -> dict[str, str]:
        """The form fields Slack posts when the person with `email` types `command text` in
        `channel` (a name or id)."""
        from integrations.slack.sandbox.server import APP_ID, TEAM_DOMAIN, TEAM_ID

        with self.lock:
            user_id = self.user_id(email)
            cid = channel if channel in self._conversations else None
            if cid is None:
                cid = next(
                    c
                    for c, record in self._conversations.items()
                    if record.get("name") == channel.removeprefix("#")
                )
            return {
                "token": "deprecated-verification-token",
                "team_id": TEAM_ID,
                "team_domain": TEAM_DOMAIN,
                "channel_id": cid,
                "channel_name": str(self._conversations[cid].get("name", "directmessage")),
                "user_id": user_id,
                "user_name": str(self._users[user_id]["name"]),
                "command": command,
                "text": text,
                "api_app_id": APP_ID,
                "is_enterprise_install": "false",
                "response_url": self._new_response_url(cid, None),
                "trigger_id": self.views.issue_trigger(user_id),
            }

    # ----- response_url ---------------------------------------------------------------------

    def respond_at(self, token: str, body: Record) -> bool:
        """Apply what the app posted to a response_url; False if the URL is unknown.

        `replace_original` edits the message the interaction came from (text and blocks),
        `delete_original` removes it; anything else is an ephemeral reply, recorded only.
        """
        with self.lock:
            origin = self._response_urls.get(token)
            if origin is None:
                return False
            channel, ts = origin
            url = f"http://{self._host}:{self.port}/actions/{token}"
            self.responses.append(RecordedResponse(url, body, ts, channel))
            if ts is None:
                return True
            index = next(
                (i for i, m in enumerate(self.messages) if m.channel == channel and m.ts == ts),
                None,
            )
            if index is None:
                return True
            if _true(body.get("delete_original")):
                del self.messages[index]
            elif _true(body.get("replace_original")):
                old = self.messages[index]
                blocks = body.get("blocks")
                self.messages[index] = replace(
                    old,
                    text=body.get("text") if isinstance(body.get("text"), str) else old.text,
                    blocks=blocks if isinstance(blocks, list) and blocks else None,
                    edited_ts=f"{self.now():.6f}",
                )
            return True


def _true(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def _find_button(blocks: list[Record], action_id: str) -> tuple[str | None, Record | None]:
    for block in blocks:
        candidates = list(block.get("elements") or []) if block.get("type") == "actions" else []
        if isinstance(block.get("accessory"), dict):
            candidates.append(block["accessory"])
        for element in candidates:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return block.get("block_id"), element
    return None, None


def _message_payload(message: RecordedMessage) -> Record:
    from integrations.slack.sandbox.server import APP_ID, BOT_ID

    item: Record = {
        "type": "message",
        "user": message.user,
        "bot_id": BOT_ID,
        "app_id": APP_ID,
        "text": message.text or "",
        "ts": message.ts,
    }
    if message.blocks:
        item["blocks"] = message.blocks
    return item
