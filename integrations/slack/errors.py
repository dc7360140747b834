"""slack_sdk's exceptions turned into the `bot.chat` port's errors, with messages a user can act on.

`chat_error` decides what a failure means for the dispatcher: `ChatRateLimited` (HTTP 429 or
`ratelimited`, with Retry-After), `ChatUnavailable` (5xx, Slack's internal errors, timeouts,
refused or dropped connections: worth retrying) or `ChatError` (anything else Slack refused:
retrying will not help until someone fixes a setting, a channel or the blocks). The message
names Slack's error code and what to check. Tokens never reach a message.
"""

from __future__ import annotations

import http.client
import socket
from collections.abc import Mapping
from typing import Any
from urllib.error import HTTPError, URLError

from slack_sdk.errors import SlackApiError, SlackClientError

from bot.chat import ChatError, ChatRateLimited, ChatUnavailable

__all__ = ["DEFAULT_RETRY_AFTER", "TRANSIENT_CODES", "chat_error", "describe"]

#: Seconds to wait after a rate limit that came without a usable Retry-After header.
DEFAULT_RETRY_AFTER = 1.0
#: Slack error codes that say "try again later" rather than "this request is wrong".
TRANSIENT_CODES = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)

_TOKEN_ADVICE = "check SLACK_BOT_TOKEN: it must be the app's current bot token (xoxb-...)"
_REINSTALL = "reinstall the alignbot app in the workspace and update SLACK_BOT_TOKEN"
_ADVICE: dict[str, str] = {
    "channel_not_found": (
        "there is no channel {target} the alignbot app can see; check the name or id, and "
        "invite the app to it (/invite @alignbot) if it is private"
    ),
    "not_in_channel": (
        "the alignbot app is not in {target}: invite it (/invite @alignbot), or add the "
        "chat:write.public scope so it can post to public channels it has not joined"
    ),
    "is_archived": "{target} is archived: unarchive it or point alignbot at another channel",
    "restricted_action": (
        "the workspace's settings do not let the app post in {target}; ask a Slack admin"
    ),
    "message_not_found": (
        "there is no message {target} to update: it was deleted in Slack, or the ts is wrong"
    ),
    "cant_update_message": (
        "the message {target} was not posted by the alignbot app, so it cannot edit it"
    ),
    "edit_window_closed": (
        "the workspace's settings no longer allow editing the message {target}; ask a Slack "
        "admin, or post it anew"
    ),
    "msg_too_long": "the message text is over Slack's 40,000 characters: shorten it",
    "no_text": "the message had neither text nor blocks",
    "invalid_blocks": "Slack refused the message's Block Kit blocks",
    "invalid_blocks_format": "the blocks are not a JSON array of block objects",
    "invalid_metadata_format": "the message metadata is not a JSON object",
    "invalid_metadata_schema": "the message metadata needs event_type and event_payload",
    "not_authed": "no token was sent: set SLACK_BOT_TOKEN (xoxb-...)",
    "invalid_auth": "Slack refused the token: " + _TOKEN_ADVICE,
    "account_inactive": "the token belongs to a deleted user or app: " + _REINSTALL,
    "token_revoked": "the token was revoked: " + _REINSTALL,
    "token_expired": "the token expired: " + _REINSTALL,
    "no_permission": "the token may not do this: " + _REINSTALL,
    "missing_scope": (
        "the bot token lacks the {needed} scope: add it under OAuth & Permissions at "
        "https://api.slack.com/apps, then reinstall the app"
    ),
    "user_not_found": "there is no Slack user {target}",
    "users_not_found": "nobody in the workspace has the email {target}",
    "cannot_dm_bot": "{target} is a bot, which cannot get a direct message",
    "user_disabled": "the user {target} is deactivated",
    "file_not_found": "the uploaded file was lost before it was shared; upload it again",
    "invalid_arguments": "alignbot sent a malformed request",
    "unknown_method": "SLACK_API_URL does not point at Slack's Web API (https://slack.com/api/)",
}


def describe(method: str, code: str, data: Mapping[str, Any], target: str | None) -> str:
    """A one-line explanation of Slack's `code` for `method`, naming what to check."""
    advice = _ADVICE.get(code)
    if advice is None:
        advice = f"see https://docs.slack.dev/reference/methods/{method} for what it means"
    advice = advice.format(target=target or "(none)", needed=data.get("needed") or "required")
    details: list[str] = []
    metadata = data.get("response_metadata")
    if isinstance(metadata, Mapping):
        messages = metadata.get("messages")
        if isinstance(messages, list):
            details = [str(m) for m in messages[:3]]
            if len(messages) > 3:
                details.append(f"and {len(messages) - 3} more")
    where = f" ({target})" if target else ""
    line = f"Slack {method}{where} failed: {code}: {advice}"
    return line + (" (" + "; ".join(details) + ")" if details else "")


def _retry_after(headers: Mapping[str, Any] | None) -> float:
    for name, value in (headers or {}).items():
        if str(name).lower() == "retry-after":
            raw = value[0] if isinstance(value, list) and value else value
            try:
                seconds = float(str(raw).strip())
            except ValueError:
                return DEFAULT_RETRY_AFTER
            return max(0.0, seconds)
    return DEFAULT_RETRY_AFTER


def _from_status(
    method: str,
    status: int,
    code: str,
    retry_after: float,
    data: Mapping[str, Any],
    target: str | None,
) -> ChatError:
    if status == 429 or code == "ratelimited":
        return ChatRateLimited(
            f"Slack rate-limited {method}: retry after {retry_after:g} s", retry_after
        )
    if status >= 500 or code in TRANSIENT_CODES:
        return ChatUnavailable(
            f"Slack {method} failed with HTTP {status} ({code}): Slack is having trouble; "
            "the call can be retried"
        )
    return ChatError(describe(method, code, data, target))


def chat_error(
    exc: BaseException, method: str, target: str | None = None, *, base_url: str = ""
) -> ChatError:
    """The port's error for a failed slack_sdk call (`target`: the channel, user or email)."""
    if isinstance(exc, SlackApiError):
        response = exc.response
        # files_upload_v2 makes several calls: name the one that failed.
        api_url = str(getattr(response, "api_url", "") or "")
        called = api_url.split("?", 1)[0].rsplit("/", 1)[-1]
        if called and "." in called:
            method = called
        status = int(getattr(response, "status_code", 0) or 0)
        data = response.data if isinstance(response.data, Mapping) else {}
        code = str(data.get("error") or f"http_{status}")
        retry_after = _retry_after(getattr(response, "headers", None))
        return _from_status(method, status, code, retry_after, data, target)
    if isinstance(exc, HTTPError):  # the upload URL of files_upload_v2 answered non-2xx
        return _from_status(
            method, exc.code, f"http_{exc.code}", _retry_after(dict(exc.headers or {})), {}, target
        )
    if isinstance(exc, TimeoutError):
        return ChatUnavailable(f"Slack {method}: no answer from {base_url or 'Slack'} in time")
    if isinstance(exc, URLError | OSError | http.client.HTTPException):
        reason = exc.reason if isinstance(exc, URLError) else exc
        if isinstance(reason, TimeoutError):
            return ChatUnavailable(f"Slack {method}: no answer from {base_url or 'Slack'} in time")
        where = base_url or "Slack"
        if isinstance(reason, ConnectionRefusedError | socket.gaierror):
            return ChatUnavailable(
                f"Slack {method}: cannot reach {where} ({type(reason).__name__}: {reason}); "
                "check SLACK_API_URL and the network"
            )
        return ChatUnavailable(
            f"Slack {method}: the connection to {where} failed without an answer "
            f"({type(reason).__name__}: {reason}); the call can be retried"
        )
    if isinstance(exc, SlackClientError):
        return ChatError(f"Slack {method}: the request could not be made: {exc}")
    return ChatError(f"Slack {method} failed: {type(exc).__name__}: {exc}")
