"""A local Slack Web API on 127.0.0.1, speaking Slack's wire format.

The real `slack_sdk.WebClient(base_url=sandbox.url)` and a `slack_bolt.App` built on it work
against it unchanged. It holds one workspace in memory (a bot, a few people, two public
channels), validates what is posted the way Slack does (channels, text, Block Kit, metadata)
and records every accepted message and uploaded file so a test or the demo can look at what
reached "Slack". A per-minute rate limit, injected faults (429, 500, 503, slow answers, dropped
connections) and `accept_then_fail` (a message accepted whose answer is lost) can be switched
at runtime. docs/slack.md is the user's guide.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import random
import socket
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from integrations.loopback import LoopbackServer, MinuteWindow
from integrations.slack.sandbox.blocks import content as _content
from integrations.slack.sandbox.blocks import validate_blocks
from integrations.slack.sandbox.interactive import Interactivity
from integrations.slack.sandbox.socket_mode import SocketModeServer
from integrations.slack.sandbox.views import ViewStore
from integrations.slack.sandbox.wire import SlackMethodError as _SlackError
from integrations.slack.sandbox.wire import missing as _missing
from integrations.slack.sandbox.wire import text_param as _text

__all__ = [
    "DEFAULT_FAULTS",
    "FAULT_KINDS",
    "RecordedFile",
    "RecordedMessage",
    "SlackSandbox",
    "validate_blocks",
]

log = logging.getLogger(__name__)

Record = dict[str, Any]
Params = dict[str, Any]

FAULT_KINDS = ("429", "500", "503", "slow", "drop")
DEFAULT_FAULTS = frozenset({"429", "500", "503"})
# After this many injected faults in a row on one method, the next attempt goes through, so a
# client that retries always finishes.
MAX_CONSECUTIVE_FAULTS = 3

MAX_BODY_BYTES = 16 * 1024 * 1024  # a request body larger than this is refused (413)
MAX_WORKERS = 64  # connections served at once; more wait for a free worker
MAX_PENDING_UPLOADS = 1_000  # upload URLs handed out and not completed yet
HANDLER_TIMEOUT_SECONDS = 30  # an idle or stalled connection is closed after this long

HISTORY_DEFAULT_LIMIT = 100
HISTORY_MAX_LIMIT = 999
LIST_DEFAULT_LIMIT = 100
LIST_MAX_LIMIT = 1_000

TEAM_ID = "T0000000001"
TEAM_NAME = "alignbot sandbox"
TEAM_DOMAIN = "alignbot-sandbox"
BOT_USER_ID = "U0000000000"
BOT_ID = "B0000000001"
APP_ID = "A0000000001"
BOT_NAME = "alignbot"
SCOPES = (
    "chat:write,chat:write.public,im:write,users:read,users:read.email,files:write,"
    "channels:read,channels:history,groups:read,groups:history"
)

DEFAULT_USERS: tuple[Record, ...] = (
    {"email": "manager@example.com", "name": "Morgan Lee"},
    {"email": "ana@example.com", "name": "Ana Souza"},
    {"email": "ben@example.com", "name": "Ben Carter"},
    {"email": "chloe@example.com", "name": "Chloé Martin"},
)
DEFAULT_CHANNELS = ("general", "support-managers")

CONVERSATION_TYPES = frozenset({"public_channel", "private_channel", "mpim", "im"})


@dataclass(frozen=True)
class RecordedMessage:
    """A message the sandbox accepted: where it went, its ts, and what it carried."""

    channel: str  # the channel's id (C…, G… or D…), never its name
    ts: str
    text: str | None
    blocks: list[Record] | None
    metadata: Record | None  # {"event_type": ..., "event_payload": {...}}
    thread_ts: str | None
    user: str  # who posted it: the bot user, or a person (`add_message`)
    edited_ts: str | None = None  # when chat.update last changed it


@dataclass(frozen=True)
class RecordedFile:
    """A file uploaded with files.getUploadURLExternal + files.completeUploadExternal."""

    id: str
    filename: str
    title: str
    channel: str | None  # the first channel it was shared to (None: kept private)
    content: bytes
    alt_text: str | None = None
    initial_comment: str | None = None
    channels: tuple[str, ...] = field(default=())

    @property
    def size(self) -> int:
        return len(self.content)


class _HttpReply(Exception):
    """Raised to answer at once with a status other than 200 (a 429, an injected 5xx)."""

    def __init__(self, status: int, body: Record, headers: Mapping[str, str] | None = None):
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = dict(headers or {})


class _BoundedServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that serves at most `MAX_WORKERS` connections at once."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self._slots = threading.BoundedSemaphore(MAX_WORKERS)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(timeout=HANDLER_TIMEOUT_SECONDS):
            self.shutdown_request(request)  # every worker busy for too long: refuse
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class SlackSandbox(Interactivity, LoopbackServer):
    """A Slack Web API for tests and demos, on 127.0.0.1 and a free port by default.

    Use as a context manager or call start()/stop(). Point `slack_sdk.WebClient(token=...,
    base_url=sandbox.url)` at it. What it accepted is in `messages` and `files`; `calls`
    counts requests by method. Attributes a test may switch at runtime: `fail_rate` (share of
    requests answered with an injected fault), `faults` (which kinds: "429", "500", "503",
    "slow", "drop"), `retry_after`, `slow_seconds`, `rate_limit_per_minute`, `accept_then_fail`
    (the next N chat.postMessage or chat.update calls are recorded but answered 500), `token`, and
    `on_message` (called with each accepted message on the server thread that accepted it,
    before the answer goes out).

    Slack calling the app (interactive.py): `block_action`, `view_submission` and
    `slash_command` build Slack's payloads, `signed_request` signs a body with
    `signing_secret` at the sandbox's time, `post_to_app` posts it; what the app answers on a
    response_url is in `responses`. Modals opened with views.open are in `views.views`.
    Socket Mode (socket_mode.py): `apps.connections.open` with `app_token` (xapp-...) hands out
    a ws:// URL on `socket_mode`, whose `send_envelope` and `wait_for_ack` drive the app.
    """

    thread_name = "slack-sandbox"

    def __init__(
        self,
        token: str = "xoxb-sandbox",
        *,
        port: int = 0,
        host: str = "127.0.0.1",
        rate_limit_per_minute: int | None = None,
        fail_rate: float = 0.0,
        faults: set[str] | frozenset[str] | None = None,
        retry_after: int = 1,
        seed: int = 0,
        users: list[dict[str, Any]] | None = None,
        channels: list[str] | None = None,
        slow_seconds: float = 2.0,
        clock: Callable[[], float] = time.time,
        signing_secret: str = "sandbox-signing-secret",
        app_token: str = "xapp-1-sandbox",
    ) -> None:
        chosen = set(DEFAULT_FAULTS if faults is None else faults)
        unknown = chosen - set(FAULT_KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds {sorted(unknown)}; choose from {FAULT_KINDS}")
        self.token = token
        #: What the `x-oauth-scopes` header of every answer says the token was granted.
        self.scopes = SCOPES
        self.signing_secret = signing_secret
        self.app_token = app_token
        self.rate_limit_per_minute = rate_limit_per_minute
        self.fail_rate = fail_rate
        self.faults: set[str] = chosen
        self.retry_after = retry_after
        self.slow_seconds = slow_seconds
        self.accept_then_fail = 0
        self.on_message: Callable[[RecordedMessage], None] | None = None
        self.messages: list[RecordedMessage] = []
        self.files: list[RecordedFile] = []
        self.calls: Counter[str] = Counter()
        self.faults_injected: Counter[str] = Counter()
        self.lock = threading.RLock()
        self._clock = clock
        self._random = random.Random(seed)
        super().__init__(host, port)
        self._init_interactivity()
        self.views = ViewStore(
            clock=self.now,
            new_id=self._new_id,
            validate_blocks=validate_blocks,
            team_id=TEAM_ID,
            app_id=APP_ID,
            bot_id=BOT_ID,
        )
        self.socket_mode = SocketModeServer(host, app_id=APP_ID)
        self._window = MinuteWindow()
        self._fault_streak: Counter[str] = Counter()
        self._last_ts_us = 0
        self._serial: Counter[str] = Counter()
        self._users: dict[str, Record] = {}
        self._user_ids_by_email: dict[str, str] = {}
        self._conversations: dict[str, Record] = {}
        self._channel_ids_by_name: dict[str, str] = {}
        self._ims: dict[tuple[str, ...], str] = {}
        self._pending_uploads: OrderedDict[str, Record] = OrderedDict()
        self._accepted = threading.local()
        self._methods: dict[str, Callable[[Params], Record]] = {
            "api.test": self._api_test,
            "apps.connections.open": self._apps_connections_open,
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "conversations.history": self._conversations_history,
            "conversations.info": self._conversations_info,
            "conversations.list": self._conversations_list,
            "conversations.open": self._conversations_open,
            "files.completeUploadExternal": self._files_complete_upload_external,
            "files.getUploadURLExternal": self._files_get_upload_url_external,
            "users.info": self._users_info,
            "users.lookupByEmail": self._users_lookup_by_email,
            "views.open": self.views.open,
            "views.update": self.views.update,
        }
        self._users[BOT_USER_ID] = self._user_record(BOT_USER_ID, BOT_NAME, None, is_bot=True)
        for user in DEFAULT_USERS if users is None else users:
            self.add_user(
                str(user["email"]), str(user.get("name") or user["email"]), user.get("id")
            )
        for name in DEFAULT_CHANNELS if channels is None else channels:
            self.add_channel(name)

    # ----- lifecycle ------------------------------------------------------------------------

    def make_server(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]
    ) -> ThreadingHTTPServer:
        return _BoundedServer(address, handler)

    def stop(self) -> None:
        self.socket_mode.stop()
        super().stop()

    @property
    def url(self) -> str:
        """The Web API base URL, e.g. http://127.0.0.1:PORT/api/ (slack_sdk's `base_url`)."""
        return f"http://{self._host}:{self.port}/api/"

    def now(self) -> float:
        return float(self._clock())

    # ----- the workspace --------------------------------------------------------------------

    def add_user(
        self, email: str, name: str, user_id: str | None = None, *, tz: str | None = None
    ) -> str:
        """Add a person to the workspace (in time zone `tz`, default Europe/London);
        returns their user id (U…)."""
        with self.lock:
            key = email.strip().lower()
            if key in self._user_ids_by_email:
                raise ValueError(f"a user with the email {email} already exists")
            uid = user_id or self._new_id("U")
            if uid in self._users:
                raise ValueError(f"the user id {uid} is taken")
            self._users[uid] = self._user_record(uid, name, email.strip())
            if tz is not None:
                self._users[uid]["tz"] = tz
            self._user_ids_by_email[key] = uid
            return uid

    def add_channel(self, name: str, *, private: bool = False, member: bool = True) -> str:
        """Add a channel (the bot a member of it unless `member=False`); returns its id
        (C… public, G… private)."""
        with self.lock:
            clean = name.strip().removeprefix("#").lower()
            if not clean or clean in self._channel_ids_by_name:
                raise ValueError(f"the channel name {name!r} is empty or taken")
            cid = self._new_id("G" if private else "C")
            created = int(self.now())
            self._conversations[cid] = {
                "id": cid,
                "name": clean,
                "name_normalized": clean,
                "is_channel": not private,
                "is_group": private,
                "is_im": False,
                "is_mpim": False,
                "is_private": private,
                "is_archived": False,
                "is_general": clean == "general",
                "is_shared": False,
                "is_org_shared": False,
                "is_member": member,
                "created": created,
                "creator": next(iter(self._users)),
                "context_team_id": TEAM_ID,
                "num_members": len(self._users),
                "topic": {"value": "", "creator": "", "last_set": 0},
                "purpose": {"value": "", "creator": "", "last_set": 0},
            }
            self._channel_ids_by_name[clean] = cid
            return cid

    def channel_id(self, name: str) -> str:
        """The id of a channel by name (`#name` or `name`); KeyError if there is none."""
        with self.lock:
            return self._channel_ids_by_name[name.strip().removeprefix("#").lower()]

    def user_id(self, email: str) -> str:
        """The id of the person with this email; KeyError if there is none."""
        with self.lock:
            return self._user_ids_by_email[email.strip().lower()]

    def channel_ids(self) -> dict[str, str]:
        """Every channel the bot is in: `#name` -> id."""
        with self.lock:
            return {f"#{name}": cid for name, cid in self._channel_ids_by_name.items()}

    def people(self) -> dict[str, str]:
        """Every person in the workspace: email -> user id."""
        with self.lock:
            return {
                str(self._users[uid]["profile"]["email"]): uid
                for uid in self._user_ids_by_email.values()
            }

    def history(self, channel: str) -> list[RecordedMessage]:
        """The accepted messages of one channel (id or name), oldest first."""
        with self.lock:
            cid = channel if channel in self._conversations else self.channel_id(channel)
            return [m for m in self.messages if m.channel == cid]

    def add_message(self, channel: str, text: str, *, email: str) -> RecordedMessage:
        """Record a message a person (by email) wrote in a channel, as if typed in Slack:
        one the bot may read but not edit (chat.update answers `cant_update_message`)."""
        with self.lock:
            message = RecordedMessage(
                channel=self._resolve(channel, names=True, users=False),
                ts=self._next_ts(),
                text=text,
                blocks=None,
                metadata=None,
                thread_ts=None,
                user=self.user_id(email),
            )
            self.messages.append(message)
            return message

    def clear(self) -> None:
        """Forget recorded messages, files and call counts (the workspace stays)."""
        with self.lock:
            self.messages.clear()
            self.files.clear()
            self.calls.clear()
            self.faults_injected.clear()
            self._pending_uploads.clear()

    def _new_id(self, prefix: str) -> str:
        self._serial[prefix] += 1
        return f"{prefix}{self._serial[prefix]:010d}"

    @staticmethod
    def _user_record(uid: str, name: str, email: str | None, *, is_bot: bool = False) -> Record:
        handle = (email.split("@")[0] if email else name).lower().replace(" ", ".")
        profile: Record = {
            "real_name": name,
            "real_name_normalized": name,
            "display_name": name,
            "display_name_normalized": name,
            "team": TEAM_ID,
        }
        if email:
            profile["email"] = email
        if is_bot:
            profile["bot_id"] = BOT_ID
        return {
            "id": uid,
            "team_id": TEAM_ID,
            "name": handle,
            "real_name": name,
            "deleted": False,
            "is_bot": is_bot,
            "is_app_user": False,
            "is_admin": False,
            "is_owner": False,
            "tz": "Europe/London",
            "tz_label": "Greenwich Mean Time",
            "tz_offset": 0,
            "updated": 1_700_000_000,
            "profile": profile,
        }

    # ----- request pipeline -----------------------------------------------------------------

    def _admission(self, method: str) -> str | None:
        """Count the call, apply the rate limit and decide an injected fault (or None)."""
        with self.lock:
            self.calls[method] += 1
            wait = self._window.admit(self.rate_limit_per_minute, self.now())
            if wait is not None:
                raise _HttpReply(
                    429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(wait)}
                )
            if self.fail_rate <= 0 or not self.faults:
                return None
            roll = self._random.random()
            kinds = sorted(self.faults)
            kind = kinds[self._random.randrange(len(kinds))]
            if roll < self.fail_rate and self._fault_streak[method] < MAX_CONSECUTIVE_FAULTS:
                self._fault_streak[method] += 1
                self.faults_injected[kind] += 1
                return kind
            self._fault_streak.pop(method, None)
            return None

    def _authenticate(
        self, authorization: str | None, params: Params, *, app_level: bool = False
    ) -> None:
        token: str | None = None
        if authorization:
            scheme, _, value = authorization.partition(" ")
            if scheme.lower() == "bearer":
                token = value.strip()
        form_token = params.pop("token", None)
        if not token and isinstance(form_token, str):
            token = form_token.strip()
        if not token:
            raise _SlackError("not_authed")
        with self.lock:
            if app_level and not token.startswith("xapp-"):
                raise _SlackError("not_allowed_token_type")
            if token != (self.app_token if app_level else self.token):
                raise _SlackError("invalid_auth")

    def call(self, method: str, authorization: str | None, params: Params) -> Record:
        """Answer one Web API call that passed admission; raises _SlackError / _HttpReply."""
        handler = self._methods.get(method)
        if handler is None:
            raise _SlackError("unknown_method", extra={"req_method": method})
        if method != "api.test":
            self._authenticate(authorization, params, app_level=method == "apps.connections.open")
        try:
            with self.lock:
                return handler(params)
        finally:
            # Outside the lock, so a slow callback slows this request, not every request.
            accepted: RecordedMessage | None = getattr(self._accepted, "message", None)
            self._accepted.message = None
            callback = self.on_message
            if accepted is not None and callback is not None:
                try:
                    callback(accepted)
                except Exception:
                    log.exception("the sandbox's on_message callback failed")

    # ----- methods --------------------------------------------------------------------------

    def _api_test(self, params: Params) -> Record:
        args = {k: v for k, v in params.items() if k != "token"}
        if "error" in args:
            raise _SlackError(str(args["error"]), extra={"args": args})
        body: Record = {"ok": True}
        if args:
            body["args"] = args
        return body

    def _apps_connections_open(self, params: Params) -> Record:
        self.socket_mode.start()
        return {"ok": True, "url": self.socket_mode.new_url()}

    def _auth_test(self, params: Params) -> Record:
        return {
            "ok": True,
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": TEAM_NAME,
            "user": BOT_NAME,
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _chat_post_message(self, params: Params) -> Record:
        ref = _text(params, "channel")
        if not ref:
            raise _SlackError("channel_not_found")
        channel = self._resolve(ref, names=True, users=True)
        text, blocks = _content(params)
        metadata = _parse_metadata(params.get("metadata"))
        thread_ts = _text(params, "thread_ts") or None
        if thread_ts is not None and _ts_micros(thread_ts) is None:
            raise _SlackError("invalid_thread_ts")
        message = RecordedMessage(
            channel=channel,
            ts=self._next_ts(),
            text=text or None,
            blocks=blocks or None,
            metadata=metadata,
            thread_ts=thread_ts,
            user=BOT_USER_ID,
        )
        self.messages.append(message)
        self._accepted.message = message  # on_message runs once the lock is released
        if self.accept_then_fail > 0:
            # Slack posted it, but the answer never reaches the client.
            self.accept_then_fail -= 1
            raise _HttpReply(500, {"ok": False, "error": "internal_error"})
        return {
            "ok": True,
            "channel": channel,
            "ts": message.ts,
            "message": self._message_json(message, with_metadata=True),
        }

    def _chat_update(self, params: Params) -> Record:
        # As Slack: the channel must be an id (a #name is channel_not_found), the message is
        # found by ts, only the bot's own messages can be edited, text and blocks left out
        # keep their old value (blocks=[] removes them), and the ts never changes.
        cid = _text(params, "channel")
        if not cid or cid not in self._conversations:
            raise _SlackError("channel_not_found")
        ts = _text(params, "ts")
        if not ts:
            raise _missing("ts")
        index = next(
            (i for i, m in enumerate(self.messages) if m.channel == cid and m.ts == ts), None
        )
        if index is None:
            raise _SlackError("message_not_found")
        old = self.messages[index]
        if old.user != BOT_USER_ID:
            raise _SlackError("cant_update_message")
        raw_blocks = params.get("blocks")
        text, blocks = _content(params)
        metadata = _parse_metadata(params.get("metadata"))
        kept_blocks = old.blocks if raw_blocks is None or raw_blocks == "" else blocks
        message = replace(
            old,
            text=text if text is not None else old.text,
            blocks=kept_blocks or None,
            metadata=metadata if metadata is not None else old.metadata,
            edited_ts=self._next_ts(),
        )
        self.messages[index] = message
        self._accepted.message = message  # on_message sees edits too
        if self.accept_then_fail > 0:
            self.accept_then_fail -= 1  # Slack made the edit; the answer never reaches us
            raise _HttpReply(500, {"ok": False, "error": "internal_error"})
        return {
            "ok": True,
            "channel": cid,
            "ts": message.ts,
            "text": message.text or "",
            "message": self._message_json(message, with_metadata=True),
        }

    def _conversations_open(self, params: Params) -> Record:
        channel = _text(params, "channel")
        users = _text(params, "users")
        if channel:
            conversation = self._conversations.get(channel)
            if conversation is None or not (conversation["is_im"] or conversation["is_mpim"]):
                raise _SlackError("channel_not_found")
            cid, existed = channel, True
        else:
            if not users:
                raise _SlackError("users_list_not_supplied")
            ids = list(dict.fromkeys(u.strip() for u in users.split(",") if u.strip()))
            if len(ids) > 8:
                raise _SlackError("too_many_users")
            for uid in ids:
                if uid not in self._users or self._users[uid]["deleted"]:
                    raise _SlackError("user_not_found")
            if ids == [BOT_USER_ID]:
                raise _SlackError("cannot_dm_bot")
            cid, existed = self._open_conversation(ids)
        body: Record = {"ok": True}
        if existed:
            body.update({"no_op": True, "already_open": True})
        if _flag(params.get("return_im")):
            body["channel"] = self._conversations[cid]
        else:
            body["channel"] = {"id": cid}
        return body

    def _conversations_list(self, params: Params) -> Record:
        types = {t.strip() for t in (_text(params, "types") or "public_channel").split(",")}
        if not types <= CONVERSATION_TYPES:
            raise _SlackError("invalid_types")
        exclude_archived = _flag(params.get("exclude_archived"))
        limit = _limit(params, LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT)
        offset = _decode_cursor(_text(params, "cursor"), "offset")
        rows = [
            c
            for c in self._conversations.values()
            if _conversation_type(c) in types and not (exclude_archived and c["is_archived"])
        ]
        rows.sort(key=lambda c: str(c["id"]))
        page = rows[offset : offset + limit]
        more = offset + limit < len(rows)
        return {
            "ok": True,
            "channels": page,
            "response_metadata": {
                "next_cursor": _encode_cursor("offset", offset + limit) if more else ""
            },
        }

    def _conversations_info(self, params: Params) -> Record:
        cid = _text(params, "channel")
        if not cid or cid not in self._conversations:
            raise _SlackError("channel_not_found")
        return {"ok": True, "channel": self._conversations[cid]}

    def _conversations_history(self, params: Params) -> Record:
        cid = _text(params, "channel")
        if not cid or cid not in self._conversations:
            raise _SlackError("channel_not_found")  # ids only, as Slack: never a #name
        oldest = _ts_param(params, "oldest", "invalid_ts_oldest", default=0) or 0
        latest = _ts_param(params, "latest", "invalid_ts_latest", default=None)
        inclusive = _flag(params.get("inclusive"))
        limit = _limit(params, HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT)
        with_metadata = _flag(params.get("include_all_metadata"))
        before = _decode_cursor(_text(params, "cursor"), "next_ts")
        rows: list[tuple[int, RecordedMessage]] = []
        for message in self.messages:
            if message.channel != cid:
                continue
            if message.thread_ts and message.thread_ts != message.ts:
                continue  # replies live in conversations.replies, as in Slack
            at = _ts_micros(message.ts) or 0
            if at < oldest or (at == oldest and not inclusive and oldest > 0):
                continue
            if latest is not None and (at > latest or (at == latest and not inclusive)):
                continue
            if before and at > before:
                continue
            rows.append((at, message))
        rows.sort(key=lambda row: row[0], reverse=True)  # newest first
        page = rows[:limit]
        more = len(rows) > limit
        replies = Counter(m.thread_ts for m in self.messages if m.thread_ts and m.channel == cid)
        messages = []
        for _, message in page:
            item = self._message_json(message, with_metadata=with_metadata)
            if replies.get(message.ts):
                item["thread_ts"] = message.ts
                item["reply_count"] = replies[message.ts]
            messages.append(item)
        return {
            "ok": True,
            "messages": messages,
            "has_more": more,
            "pin_count": 0,
            "channel_actions_ts": None,
            "channel_actions_count": 0,
            "response_metadata": {
                "next_cursor": _encode_cursor("next_ts", rows[limit][0]) if more else ""
            },
        }

    def _users_lookup_by_email(self, params: Params) -> Record:
        email = _text(params, "email")
        if not email:
            raise _missing("email")
        uid = self._user_ids_by_email.get(email.strip().lower())
        if uid is None:
            raise _SlackError("users_not_found")
        return {"ok": True, "user": self._users[uid]}

    def _users_info(self, params: Params) -> Record:
        uid = _text(params, "user")
        if not uid:
            raise _missing("user")
        if uid not in self._users:
            raise _SlackError("user_not_found")
        return {"ok": True, "user": self._users[uid]}

    def _files_get_upload_url_external(self, params: Params) -> Record:
        filename = _text(params, "filename")
        length = _text(params, "length")
        if not filename:
            raise _missing("filename")
        if not length:
            raise _missing("length")
        if not length.isdigit():
            raise _SlackError("invalid_arguments", ["[ERROR] length must be an integer"])
        file_id = self._new_id("F")
        self._pending_uploads[file_id] = {
            "filename": filename,
            "length": int(length),
            "alt_txt": _text(params, "alt_txt"),
            "content": None,
        }
        while len(self._pending_uploads) > MAX_PENDING_UPLOADS:
            self._pending_uploads.popitem(last=False)
        return {
            "ok": True,
            "upload_url": f"http://{self._host}:{self.port}/upload/v1/{file_id}",
            "file_id": file_id,
        }

    def upload(self, file_id: str, content: bytes) -> bool:
        """Store the bytes posted to an upload URL; False if the URL is unknown."""
        with self.lock:
            pending = self._pending_uploads.get(file_id)
            if pending is None:
                return False
            pending["content"] = content
            return True

    def _files_complete_upload_external(self, params: Params) -> Record:
        raw = params.get("files")
        if raw is None or raw == "":
            raise _missing("files")
        try:
            items = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            raise _SlackError("invalid_arguments", ["[ERROR] files must be a JSON array"]) from None
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items)
        ):
            raise _SlackError(
                "invalid_arguments", ["[ERROR] files must be an array of objects with an id"]
            )
        targets: list[str] = []
        channel_id = _text(params, "channel_id")
        if channel_id:
            targets.append(channel_id)
        for ref in (_text(params, "channels") or "").split(","):
            if ref.strip():
                targets.append(ref.strip())
        shared = list(dict.fromkeys(self._resolve(t, names=False, users=True) for t in targets))
        for item in items:
            pending = self._pending_uploads.get(item["id"])
            if pending is None or pending["content"] is None:
                raise _SlackError("file_not_found", [f"[ERROR] no uploaded file {item['id']}"])
        initial_comment = _text(params, "initial_comment") or None
        answered = []
        for item in items:
            pending = self._pending_uploads.pop(item["id"])
            filename = str(pending["filename"])
            title = str(item.get("title") or filename)
            record = RecordedFile(
                id=item["id"],
                filename=filename,
                title=title,
                channel=shared[0] if shared else None,
                content=bytes(pending["content"]),
                alt_text=pending["alt_txt"] or None,
                initial_comment=initial_comment,
                channels=tuple(shared),
            )
            self.files.append(record)
            answered.append(self._file_json(record))
        return {"ok": True, "files": answered}

    # ----- helpers --------------------------------------------------------------------------

    def _resolve(self, ref: str, *, names: bool, users: bool) -> str:
        """A channel id from an id (C…, G…, D…), a user id (its DM) or a `#name`."""
        ref = ref.strip()
        if ref in self._conversations:
            return ref
        if users and ref in self._users and ref != BOT_USER_ID:
            return self._open_conversation([ref])[0]
        if names:
            cid = self._channel_ids_by_name.get(ref.removeprefix("#").lower())
            if cid is not None:
                return cid
        raise _SlackError("channel_not_found")

    def _open_conversation(self, user_ids: list[str]) -> tuple[str, bool]:
        """The DM (one user) or group DM (several) with these users; (id, already existed)."""
        key = tuple(sorted(u for u in user_ids if u != BOT_USER_ID))
        existing = self._ims.get(key)
        if existing is not None:
            return existing, True
        created = int(self.now())
        if len(key) == 1:
            cid = self._new_id("D")
            record: Record = {
                "id": cid,
                "created": created,
                "is_im": True,
                "is_mpim": False,
                "is_channel": False,
                "is_group": False,
                "is_private": True,
                "is_archived": False,
                "is_org_shared": False,
                "context_team_id": TEAM_ID,
                "user": key[0],
                "is_user_deleted": False,
                "priority": 0,
            }
        else:
            cid = self._new_id("G")
            name = "mpdm-" + "--".join(self._users[u]["name"] for u in key) + "-1"
            record = {
                "id": cid,
                "name": name,
                "name_normalized": name,
                "created": created,
                "is_im": False,
                "is_mpim": True,
                "is_channel": False,
                "is_group": False,
                "is_private": True,
                "is_archived": False,
                "is_member": True,
                "context_team_id": TEAM_ID,
                "num_members": len(key) + 1,
            }
        self._conversations[cid] = record
        self._ims[key] = cid
        return cid, False

    def _next_ts(self) -> str:
        """A ts for a new message: microseconds since the epoch, strictly increasing."""
        micros = max(int(self.now() * 1_000_000), self._last_ts_us + 1)
        self._last_ts_us = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    @staticmethod
    def _message_json(message: RecordedMessage, *, with_metadata: bool) -> Record:
        item: Record = {
            "type": "message",
            "user": message.user,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "text": message.text if message.text is not None else "",
            "ts": message.ts,
            "team": TEAM_ID,
            "bot_profile": {
                "id": BOT_ID,
                "app_id": APP_ID,
                "name": BOT_NAME,
                "deleted": False,
                "team_id": TEAM_ID,
            },
        }
        if message.blocks:
            item["blocks"] = message.blocks
        if message.thread_ts:
            item["thread_ts"] = message.thread_ts
            item["parent_user_id"] = message.user
        if message.edited_ts:
            item["edited"] = {"user": message.user, "ts": message.edited_ts}
        if with_metadata and message.metadata is not None:
            item["metadata"] = message.metadata
        return item

    def _file_json(self, record: RecordedFile) -> Record:
        extension = record.filename.rsplit(".", 1)[-1].lower() if "." in record.filename else ""
        base = f"http://{self._host}:{self.port}/files/{record.id}/{record.filename}"
        return {
            "id": record.id,
            "created": int(self.now()),
            "timestamp": int(self.now()),
            "name": record.filename,
            "title": record.title,
            "mimetype": _mimetype(extension),
            "filetype": extension or "binary",
            "pretty_type": extension.upper() or "Binary",
            "user": BOT_USER_ID,
            "user_team": TEAM_ID,
            "size": record.size,
            "is_external": False,
            "is_public": any(c.startswith("C") for c in record.channels),
            "url_private": base,
            "url_private_download": base + "?download=1",
            "permalink": f"https://{TEAM_DOMAIN}.slack.com/files/{BOT_USER_ID}/{record.id}",
            "alt_txt": record.alt_text,
            "channels": [c for c in record.channels if c.startswith("C")],
            "groups": [c for c in record.channels if c.startswith("G")],
            "ims": [c for c in record.channels if c.startswith("D")],
            "shares": {},
            "comments_count": 0,
        }


# ----- parameters -----------------------------------------------------------------------------


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes")


def _limit(params: Params, default: int, maximum: int) -> int:
    raw = _text(params, "limit")
    if raw is None or raw == "":
        return default
    if not raw.isdigit():
        raise _SlackError("invalid_limit")
    value = int(raw)
    return default if value == 0 else min(value, maximum)


def _ts_micros(raw: str) -> int | None:
    """A Slack ts (or any Unix time in seconds) as integer microseconds; None if malformed."""
    try:
        value = Decimal(raw.strip())
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite() or value < 0:
        return None
    return int(value * 1_000_000)


def _ts_param(params: Params, name: str, error: str, *, default: int | None) -> int | None:
    raw = _text(params, name)
    if raw is None or raw == "":
        return default
    micros = _ts_micros(raw)
    if micros is None:
        raise _SlackError(error)
    return micros


def _encode_cursor(kind: str, value: int) -> str:
    return base64.b64encode(f"{kind}:{value}".encode()).decode()


def _decode_cursor(cursor: str | None, kind: str) -> int:
    if not cursor:
        return 0
    try:
        decoded = base64.b64decode(cursor.encode(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise _SlackError("invalid_cursor") from None
    prefix, _, number = decoded.partition(":")
    if prefix != kind or not number.isdigit():
        raise _SlackError("invalid_cursor")
    return int(number)


def _conversation_type(conversation: Record) -> str:
    if conversation.get("is_im"):
        return "im"
    if conversation.get("is_mpim"):
        return "mpim"
    return "private_channel" if conversation.get("is_private") else "public_channel"


def _mimetype(extension: str) -> str:
    return {
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "svg": "image/svg+xml",
        "csv": "text/csv",
        "txt": "text/plain",
        "json": "application/json",
        "pdf": "application/pdf",
    }.get(extension, "application/octet-stream")


def _parse_metadata(raw: Any) -> Record | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            value = json.loads(raw)
        except ValueError:
            raise _SlackError("invalid_metadata_format") from None
    else:
        value = raw
    if not isinstance(value, dict):
        raise _SlackError("invalid_metadata_format")
    event_type = value.get("event_type")
    payload = value.get("event_payload")
    if not isinstance(event_type, str) or not event_type or not isinstance(payload, dict):
        raise _SlackError(
            "invalid_metadata_schema",
            ["[ERROR] metadata needs a string event_type and an object event_payload"],
        )
    return {"event_type": event_type, "event_payload": payload}


# ----- HTTP -----------------------------------------------------------------------------------


def _parse_multipart(raw: bytes, content_type: str) -> dict[str, str | bytes]:
    """The fields of a multipart/form-data body: text as str, file parts as bytes."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + raw)
    if not message.is_multipart():
        raise _SlackError("invalid_form_data")
    fields: dict[str, str | bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if part.get_filename() is not None:
            fields[name] = data
        else:
            fields[name] = data.decode(part.get_content_charset() or "utf-8", "replace")
    return fields


def _parse_params(query: str, raw: bytes, content_type: str) -> Params:
    params: Params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
    if not raw:
        return params
    kind = content_type.partition(";")[0].strip().lower()
    if kind == "application/json":
        try:
            value = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise _SlackError("invalid_json") from None
        if not isinstance(value, dict):
            raise _SlackError("json_not_object")
        params.update(value)
    elif kind == "multipart/form-data":
        params.update(_parse_multipart(raw, content_type))
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _SlackError("invalid_form_data") from None
        params.update({k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()})
    return params


def _upload_bytes(raw: bytes, content_type: str) -> bytes:
    """What an upload URL received: the raw body, or the file part of a multipart body."""
    if content_type.partition(";")[0].strip().lower() != "multipart/form-data":
        return raw
    try:
        fields = _parse_multipart(raw, content_type)
    except _SlackError:
        return raw
    for value in fields.values():
        if isinstance(value, bytes):
            return value
    text = fields.get("file") or fields.get("content")
    return text.encode() if isinstance(text, str) else raw


class _Handler(BaseHTTPRequestHandler):
    sandbox: SlackSandbox
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm and the
    # client's delayed ACK add ~40 ms to every keep-alive response.
    disable_nagle_algorithm = True
    timeout = HANDLER_TIMEOUT_SECONDS
    server_version = "SlackSandbox/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        # Per-request lines would drown test output; `calls` says the same.
        return

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self._send(413, {"ok": False, "error": "request_too_large"})
            return
        raw = self.rfile.read(length) if length > 0 else b""
        content_type = self.headers.get("Content-Type") or ""
        if split.path.startswith("/actions/"):
            self._response_url(split.path.removeprefix("/actions/"), raw)
            return
        if split.path.startswith("/upload/v1/"):
            self._upload(split.path.removeprefix("/upload/v1/"), raw, content_type)
            return
        if not split.path.startswith("/api/") or split.path == "/api/":
            self._send(404, {"ok": False, "error": "unknown_method"})
            return
        method = split.path.removeprefix("/api/").strip("/")
        sandbox = self.sandbox
        try:
            fault = sandbox._admission(method)
            if fault == "drop":
                self._drop()
                return
            if fault == "slow":
                # A gateway that waited and gave up: nothing was done. A client with a
                # shorter timeout sees a timeout instead.
                time.sleep(sandbox.slow_seconds)
                raise _HttpReply(504, {"ok": False, "error": "request_timeout"})
            if fault == "429":
                raise _HttpReply(
                    429,
                    {"ok": False, "error": "ratelimited"},
                    {"Retry-After": str(sandbox.retry_after)},
                )
            if fault in ("500", "503"):
                raise _HttpReply(
                    int(fault),
                    {
                        "ok": False,
                        "error": "service_unavailable" if fault == "503" else "internal_error",
                    },
                    {"Retry-After": str(sandbox.retry_after)} if fault == "503" else None,
                )
            params = _parse_params(split.query, raw, content_type)
            body = sandbox.call(method, self.headers.get("Authorization"), params)
        except _HttpReply as reply:
            self._send(reply.status, reply.body, reply.headers)
            return
        except _SlackError as error:
            self._send(200, error.body())
            return
        except Exception:
            log.exception("the Slack sandbox failed on %s", method)
            self._send(500, {"ok": False, "error": "internal_error"})
            return
        self._send(200, body)

    def _upload(self, file_id: str, raw: bytes, content_type: str) -> None:
        if self.command != "POST":
            self._send_text(405, "method not allowed")
            return
        if self.sandbox.upload(file_id, _upload_bytes(raw, content_type)):
            self._send_text(200, f"OK - {len(raw)}")
        else:
            self._send_text(404, "upload url not found")

    def _response_url(self, token: str, raw: bytes) -> None:
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._send_text(400, "invalid_payload")
            return
        if self.command != "POST" or not isinstance(body, dict):
            self._send_text(400, "invalid_payload")
        elif self.sandbox.respond_at(token, body):
            self._send_text(200, "ok")
        else:
            self._send_text(404, "expired_url")

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError as exc:
            log.debug("socket already gone while dropping it: %s", exc)

    def _send_text(self, status: int, text: str) -> None:
        self._write(status, text.encode(), "text/plain; charset=utf-8", {})

    def _send(self, status: int, body: Record, headers: Mapping[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        extra = {"x-oauth-scopes": self.sandbox.scopes, **(headers or {})}
        self._write(status, data, "application/json; charset=utf-8", extra)

    def _write(
        self, status: int, data: bytes, content_type: str, headers: Mapping[str, str]
    ) -> None:
        try:
            self.send_response(status, HTTPStatus(status).phrase)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError) as exc:
            # The client gave up first (a timeout on a slow answer): nothing left to answer.
            log.debug("client went away before the response was written: %s", exc)
            self.close_connection = True


SlackSandbox.handler_class = _Handler  # defined below the sandbox it serves
