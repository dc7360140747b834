"""`SlackChat`: the `bot.chat.Chat` port on slack_sdk's `WebClient`.

It posts messages (with the outbox's idempotency key in the message metadata), updates them
in place, finds a message again by that key, opens DMs, looks people up by email and uploads
files. slack_sdk's own retries are off (`retry_handlers=[]`): the dispatcher owns retries,
and it needs to see each failure as the port's error, which
`integrations.slack.errors.chat_error` decides.
The token is never logged nor put in an error message.
"""

from __future__ import annotations

import http.client
import logging
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web import SlackResponse

from bot import observability
from bot.chat import Chat, ChatError, ChatRateLimited, ChatUser, PostedMessage
from bot.errors import SettingsError
from integrations.slack.errors import chat_error

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = ["METADATA_EVENT_TYPE", "SlackChat"]

log = logging.getLogger("alignbot.slack")


class WithoutBodies(logging.Filter):
    """Cuts slack_sdk's DEBUG lines down to the method's URL or the answer's status: the
    request and response bodies they carry hold messages (subjects, names) and emails."""

    _SDK_LINES = ("Sending a request - ", "Received the following response - ")

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if message.startswith(self._SDK_LINES):
            record.msg = (
                message.split(", ", 1)[0] + " (bodies left out; LOG_CUSTOMER_TEXT=true keeps them)"
            )
            record.args = ()
        return True


#: slack_sdk logs here; with LOG_CUSTOMER_TEXT=true, to the child `verbatim` (no filter).
SDK_LOG = logging.getLogger("alignbot.slack.sdk")
SDK_LOG.addFilter(WithoutBodies())

SLACK_API_URL = "https://slack.com/api/"
#: The `event_type` of the message metadata that carries an outbox idempotency key.
METADATA_EVENT_TYPE = "alignbot_outbox"
HISTORY_PAGE_SIZE = 200
LIST_PAGE_SIZE = 1000

_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{8,}$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{8,}$")
_FAILURES = (SlackClientError, OSError, http.client.HTTPException)


class SlackChat:
    """Slack through slack_sdk. Raises `ChatError`, `ChatUnavailable` or `ChatRateLimited`."""

    def __init__(
        self,
        token: str,
        base_url: str = SLACK_API_URL,
        timeout: float = 10,
        *,
        log_customer_text: bool = False,
    ) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.timeout = timeout
        self._client = WebClient(
            token=token,
            base_url=self.base_url,
            timeout=timeout,  # type: ignore[arg-type]  # urllib takes float seconds
            retry_handlers=[],
            logger=SDK_LOG.getChild("verbatim") if log_customer_text else SDK_LOG,
        )
        self._lock = threading.Lock()
        self._channel_ids: dict[str, str] = {}  # "#name" or "U…" -> channel id

    @classmethod
    def from_settings(cls, settings: Settings) -> SlackChat:
        """A client for SLACK_BOT_TOKEN at SLACK_API_URL; `SettingsError` if there is no token."""
        settings.require_slack()
        token = settings.slack_bot_token
        if token is None:  # require_slack() has already said so; this keeps mypy informed
            raise SettingsError("SLACK_BOT_TOKEN is not set (a bot token, xoxb-...)")
        return cls(
            token.get_secret_value(),
            base_url=settings.slack_api_url,
            log_customer_text=settings.log_customer_text,
        )

    def __repr__(self) -> str:
        return f"SlackChat(base_url={self.base_url!r})"

    @property
    def web_client(self) -> WebClient:
        """The underlying slack_sdk client (for a slack_bolt `App(client=...)`)."""
        return self._client

    # ----- the Chat port --------------------------------------------------------------------

    def post_message(
        self,
        channel: str,
        *,
        text: str,
        blocks: Sequence[Mapping[str, Any]] | None = None,
        idempotency_key: str | None = None,
    ) -> PostedMessage:
        kwargs: dict[str, Any] = {"channel": channel, "text": text}
        if blocks is not None:
            kwargs["blocks"] = [dict(block) for block in blocks]
        if idempotency_key is not None:
            kwargs["metadata"] = {
                "event_type": METADATA_EVENT_TYPE,
                "event_payload": {"idempotency_key": idempotency_key},
            }
        response = self._call(
            "chat.postMessage", channel, lambda: self._client.chat_postMessage(**kwargs)
        )
        posted = PostedMessage(channel=str(response["channel"]), ts=str(response["ts"]))
        if not _CHANNEL_ID.match(channel.strip()):
            self._remember(channel, posted.channel)
        return posted

    def update_message(
        self,
        channel: str,
        ts: str,
        *,
        text: str,
        blocks: Sequence[Mapping[str, Any]] | None = None,
    ) -> PostedMessage:
        # chat.update takes a channel id only; blocks=[] removes old blocks (None keeps them).
        channel_id = self._channel_id(channel)
        kwargs: dict[str, Any] = {"channel": channel_id, "ts": ts, "text": text}
        kwargs["blocks"] = [dict(block) for block in blocks] if blocks is not None else []
        response = self._call(
            "chat.update", f"{channel} {ts}", lambda: self._client.chat_update(**kwargs)
        )
        return PostedMessage(channel=str(response["channel"]), ts=str(response["ts"]))

    def find_message(
        self, channel: str, idempotency_key: str, *, oldest: float
    ) -> PostedMessage | None:
        channel_id = self._channel_id(channel)
        cursor: str | None = None
        while True:
            response = self._call(
                "conversations.history",
                channel,
                partial(
                    self._client.conversations_history,
                    channel=channel_id,
                    oldest=f"{max(0.0, oldest):.6f}",
                    inclusive=True,
                    limit=HISTORY_PAGE_SIZE,
                    include_all_metadata=True,
                    cursor=cursor,
                ),
            )
            for message in response.get("messages") or ():
                if _idempotency_key(message) == idempotency_key:
                    return PostedMessage(channel=channel_id, ts=str(message["ts"]))
            cursor = _next_cursor(response)
            if not cursor:
                return None

    def open_direct_message(self, user_id: str) -> str:
        response = self._call(
            "conversations.open", user_id, lambda: self._client.conversations_open(users=user_id)
        )
        return str(response["channel"]["id"])

    def lookup_user_by_email(self, email: str) -> str | None:
        user = self.lookup_user(email)
        return None if user is None else user.id

    def lookup_user(self, email: str) -> ChatUser | None:
        try:
            response = self._client.users_lookupByEmail(email=email)
        except SlackApiError as exc:
            data = exc.response.data if isinstance(exc.response.data, Mapping) else {}
            if exc.response.status_code == 200 and data.get("error") == "users_not_found":
                return None
            raise chat_error(exc, "users.lookupByEmail", email, base_url=self.base_url) from exc
        except _FAILURES as exc:
            raise chat_error(exc, "users.lookupByEmail", email, base_url=self.base_url) from exc
        user = response["user"]
        tz = user.get("tz")
        return ChatUser(id=str(user["id"]), tz=str(tz) if tz else None)

    def upload_file(
        self,
        channel: str,
        *,
        filename: str,
        content: bytes,
        title: str,
        alt_text: str | None = None,
        initial_comment: str | None = None,
    ) -> str:
        channel_id = self._channel_id(channel)
        response = self._call(
            "files.completeUploadExternal",
            channel,
            lambda: self._client.files_upload_v2(
                filename=filename,
                content=content,
                title=title,
                alt_txt=alt_text,
                channel=channel_id,
                initial_comment=initial_comment,
            ),
        )
        uploaded = response.get("file") or (response.get("files") or [{}])[0]
        return str(uploaded["id"])

    # ----- what `alignbot doctor` asks ------------------------------------------------------

    def granted_scopes(self) -> frozenset[str]:
        """The bot token's scopes, from `auth.test`'s `x-oauth-scopes` header (Slack sends
        it on every Web API answer). Raises `ChatError` when the token is refused,
        `ChatUnavailable` when Slack cannot be reached."""
        response = self._call("auth.test", "", self._client.auth_test)
        headers = {str(k).lower(): v for k, v in (response.headers or {}).items()}
        raw = headers.get("x-oauth-scopes", "")
        if isinstance(raw, list):  # urllib may hand a repeated header over as a list
            raw = ",".join(raw)
        return frozenset(s.strip() for s in str(raw).split(",") if s.strip())

    def is_member(self, channel: str) -> bool:
        """Whether the bot is in `channel` (an id or a #name): `conversations.info` is_member.
        Raises `ChatError` (channel_not_found included) as any other call."""
        channel_id = self._channel_id(channel)
        response = self._call(
            "conversations.info",
            channel,
            partial(self._client.conversations_info, channel=channel_id),
        )
        info = response.get("channel")
        return bool(isinstance(info, Mapping) and info.get("is_member"))

    # ----- helpers --------------------------------------------------------------------------

    def _call(self, method: str, target: str, call: Callable[[], SlackResponse]) -> SlackResponse:
        # Counted here, once per Web API call alignbot makes itself (bolt's own calls, the
        # acks and `respond()`, are not): /metrics of `alignbot run`.
        observability.record_api_request("slack")
        try:
            return call()
        except _FAILURES as exc:
            error = chat_error(exc, method, target, base_url=self.base_url)
            if isinstance(error, ChatRateLimited):
                observability.record_rate_limited("slack")
            log.debug("%s failed: %s", method, error)
            raise error from exc

    def _remember(self, ref: str, channel_id: str) -> None:
        with self._lock:
            self._channel_ids[_cache_key(ref)] = channel_id

    def _channel_id(self, channel: str) -> str:
        """The id of a channel given as an id, a `#name` (via conversations.list) or a user id
        (their DM). Names are cached; an unknown name re-reads the list once."""
        ref = channel.strip()
        if _CHANNEL_ID.match(ref):
            return ref
        key = _cache_key(ref)
        with self._lock:
            cached = self._channel_ids.get(key)
        if cached is not None:
            return cached
        if _USER_ID.match(ref):
            channel_id = self.open_direct_message(ref)
            self._remember(ref, channel_id)
            return channel_id
        self._load_channel_names()
        with self._lock:
            found = self._channel_ids.get(key)
        if found is None:
            raise ChatError(
                f"Slack channel_not_found: there is no channel {key} the alignbot app can see; "
                "check the name (SLACK_DIGEST_CHANNEL), and invite the app to it "
                "(/invite @alignbot) if it is private"
            )
        return found

    def _load_channel_names(self) -> None:
        names: dict[str, str] = {}
        cursor: str | None = None
        while True:
            response = self._call(
                "conversations.list",
                "",
                partial(
                    self._client.conversations_list,
                    types="public_channel,private_channel",
                    exclude_archived=True,
                    limit=LIST_PAGE_SIZE,
                    cursor=cursor,
                ),
            )
            for item in response.get("channels") or ():
                if item.get("name") and item.get("id"):
                    names[_cache_key(str(item["name"]))] = str(item["id"])
            cursor = _next_cursor(response)
            if not cursor:
                break
        with self._lock:
            self._channel_ids.update(names)


def _cache_key(ref: str) -> str:
    ref = ref.strip()
    if _USER_ID.match(ref):
        return ref
    return "#" + ref.removeprefix("#").lower()


def _next_cursor(response: SlackResponse) -> str | None:
    metadata = response.get("response_metadata")
    cursor = metadata.get("next_cursor") if isinstance(metadata, Mapping) else None
    return str(cursor) if cursor else None


def _idempotency_key(message: Any) -> str | None:
    if not isinstance(message, Mapping):
        return None
    metadata = message.get("metadata")
    if not isinstance(metadata, Mapping) or metadata.get("event_type") != METADATA_EVENT_TYPE:
        return None
    payload = metadata.get("event_payload")
    key = payload.get("idempotency_key") if isinstance(payload, Mapping) else None
    return str(key) if key is not None else None


if TYPE_CHECKING:  # mypy checks that SlackChat implements the port
    _port: Chat = SlackChat("")
