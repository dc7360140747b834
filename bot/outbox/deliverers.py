"""Deliverers: how each kind of row reaches its service, through the port it names.

Kinds (see `DELIVERERS`; a Dispatcher can be given its own `deliverers`):

- `slack.message`: target a channel (`#name` or id); payload `text`, optional `blocks`,
  optional `file` = {filename, content_b64, title, alt_text?}.
- `slack.dm`: target an email address; the user is looked up, the DM opened, then as above.
- `slack.update`: target the channel of a message a `slack.message` row posted; payload
  `text`, optional `blocks`, `message_key` (that row's key) and `after` (the row this one
  must follow: the previous update of the same message, or the message itself). It waits,
  without using an attempt, until `after` is sent or failed, so updates land in the order
  they were decided, on every replica; then it replaces the message in place
  (`Chat.update_message`, the channel and ts from `message_key`'s result). Making the same
  update twice changes nothing, so a crash or a lost answer simply makes it again: never a
  second message.
- `zendesk.comment`: target a ticket id; payload `body`, `public`.
- `zendesk.proactive_update`: a proactive update to a stale ticket's customer
  (`bot.policies.updates`): a `zendesk.comment` that must be public, its own kind so the
  transparency metric `proactive_updates_sent` counts exactly these.
- `zendesk.update`: target a ticket id; payload any of `status`, `custom_status_id`, `tags`,
  `add_tags`, `remove_tags`, `comment` with `public`.

Both Zendesk kinds send the row's key with the write (the helpdesk keeps it in the ticket
update's audit). When an earlier attempt may have gone in, the write is first looked up
(`Helpdesk.find_write`): found, it is recorded as sent (`found: true`) and not made again,
so a comment is never posted twice and a status set then is not set over what happened to
the ticket since (a customer's reply that reopened it); not found, it is made. An update
that changed nothing leaves no audit, so it is made again, which again changes nothing.

A file goes *after* its message: the message is the part that matters and the part Slack
can be asked about. Once the message is posted its {channel, ts} is committed to the row
(still claimed), so a failed or interrupted upload is retried without posting the message
again. The upload itself cannot be looked up through the Chat port, so the one case where
something can repeat is an upload Slack accepted whose success was never recorded (the
process died before the mark, or the answer was lost to a 5xx or a timeout): then the file,
never the message, is uploaded again.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol

from bot.chat import Chat, ChatError
from bot.helpdesk import Helpdesk, TicketWrite
from bot.outbox.errors import OutboxError, Waiting
from bot.store.outbox import PENDING, SENDING, SENT, OutboxRow

__all__ = [
    "DELIVERERS",
    "SLACK_DM",
    "SLACK_MESSAGE",
    "SLACK_UPDATE",
    "ZENDESK_COMMENT",
    "ZENDESK_PROACTIVE_UPDATE",
    "ZENDESK_UPDATE",
    "Deliverer",
    "Delivery",
    "Port",
    "Ports",
    "SlackPost",
    "SlackUpdate",
    "ZendeskComment",
    "ZendeskProactiveUpdate",
    "ZendeskUpdate",
]

log = logging.getLogger("alignbot.outbox")

SLACK_MESSAGE, SLACK_DM, SLACK_UPDATE = "slack.message", "slack.dm", "slack.update"
ZENDESK_COMMENT, ZENDESK_UPDATE = "zendesk.comment", "zendesk.update"
ZENDESK_PROACTIVE_UPDATE = "zendesk.proactive_update"

# How far before the earliest uncertain attempt Slack and the helpdesk are searched: clocks
# differ a little.
LOOKBACK = timedelta(minutes=2)

Port = Literal["chat", "helpdesk"]


@dataclass(frozen=True)
class Ports:
    """The ports a dispatcher was given; a deliverer uses the one its `port` names."""

    chat: Chat | None = None
    helpdesk: Helpdesk | None = None

    def require_chat(self) -> Chat:
        if self.chat is None:
            raise OutboxError("no chat tool configured")
        return self.chat

    def require_helpdesk(self) -> Helpdesk:
        if self.helpdesk is None:
            raise OutboxError("no helpdesk configured")
        return self.helpdesk


@dataclass(frozen=True)
class Delivery:
    """One claimed row, as its deliverer sees it.

    `unknown_since` is set when an earlier attempt may have been delivered (the earliest
    such attempt's claim time): the deliverer must check before sending again, or refuse.
    `progress` holds steps already done and committed (e.g. the posted message of a
    message with a file); `checkpoint(progress)` commits more of them while the row is
    still claimed. `lookup(key)` reads another row as it is now (None if there is none).
    """

    id: int
    key: str
    kind: str
    target: str
    payload: Mapping[str, Any]
    attempt: int
    created_at: datetime
    unknown_since: datetime | None
    progress: Mapping[str, Any]
    checkpoint: Callable[[dict[str, Any]], None]
    lookup: Callable[[str], OutboxRow | None] = lambda key: None


class Deliverer(Protocol):
    """Delivers one kind of row through one port."""

    port: Port

    def check(self, target: str, payload: Mapping[str, Any]) -> None:
        """Raise `OutboxError` unless `target` and `payload` can be delivered (at enqueue)."""
        ...

    def deliver(self, delivery: Delivery, ports: Ports) -> dict[str, Any]:
        """Deliver, returning what to keep in the row's `result`. Raise `ChatError` /
        `HelpdeskError` (transient or not) or `OutboxError` (permanent)."""
        ...


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise OutboxError(message)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


class SlackPost:
    """`slack.message` (target a channel) and `slack.dm` (target an email address)."""

    port: Port = "chat"

    def __init__(self, *, direct: bool) -> None:
        self.direct = direct

    def check(self, target: str, payload: Mapping[str, Any]) -> None:
        kind = SLACK_DM if self.direct else SLACK_MESSAGE
        _require(isinstance(target, str) and target.strip() != "", f"{kind}: empty target")
        if self.direct:
            _require("@" in target, f"{kind}: target {target!r} is not an email address")
        text = payload.get("text")
        _require(isinstance(text, str) and text.strip() != "", f"{kind}: payload needs 'text'")
        blocks = payload.get("blocks")
        _require(
            blocks is None
            or (isinstance(blocks, list) and all(isinstance(b, dict) for b in blocks)),
            f"{kind}: 'blocks' must be a list of block objects",
        )
        file = payload.get("file")
        if file is None:
            return
        _require(isinstance(file, dict), f"{kind}: 'file' must be an object")
        for name in ("filename", "content_b64", "title"):
            _require(isinstance(file.get(name), str) and file[name] != "", f"{kind}: file.{name}")
        _require(
            file.get("alt_text") is None or isinstance(file["alt_text"], str),
            f"{kind}: file.alt_text must be text",
        )
        try:
            base64.b64decode(file["content_b64"], validate=True)
        except (binascii.Error, ValueError):
            raise OutboxError(f"{kind}: file.content_b64 is not base64") from None

    def _channel(self, chat: Chat, target: str) -> tuple[str, str | None]:
        if not self.direct:
            return target, None
        user = chat.lookup_user_by_email(target)
        if user is None:
            raise ChatError(f"no Slack user has the email address {target}")
        return chat.open_direct_message(user), user

    def deliver(self, delivery: Delivery, ports: Ports) -> dict[str, Any]:
        chat = ports.require_chat()
        payload = delivery.payload
        file = payload.get("file")
        result: dict[str, Any] = {
            k: v for k, v in delivery.progress.items() if k in ("channel", "ts", "user", "found")
        }
        if "ts" not in result:
            channel, user = self._channel(chat, delivery.target)
            if user is not None:
                result["user"] = user
            found = None
            if delivery.unknown_since is not None:
                oldest = (delivery.unknown_since - LOOKBACK).timestamp()
                found = chat.find_message(channel, delivery.key, oldest=oldest)
            if found is not None:
                log.info(
                    "outbox row %s (key %s): already in Slack at %s/%s, not posted again",
                    delivery.id,
                    delivery.key,
                    found.channel,
                    found.ts,
                )
                result.update(channel=found.channel, ts=found.ts, found=True)
            else:
                posted = chat.post_message(
                    channel,
                    text=payload["text"],
                    blocks=payload.get("blocks"),
                    idempotency_key=delivery.key,
                )
                result.update(channel=posted.channel, ts=posted.ts)
            if file is not None:
                delivery.checkpoint(dict(result))
        if file is not None:
            result["file_id"] = chat.upload_file(
                result["channel"],
                filename=file["filename"],
                content=base64.b64decode(file["content_b64"]),
                title=file["title"],
                alt_text=file.get("alt_text"),
            )
        return result


class SlackUpdate:
    """`slack.update`: replace the text and blocks of a message a `slack.message` row posted.

    The file a message carried (the digest's chart) is left as it is: Slack cannot edit a
    shared file in place, and sharing a new one would add a message to the channel.
    """

    port: Port = "chat"

    def check(self, target: str, payload: Mapping[str, Any]) -> None:
        kind = SLACK_UPDATE
        _require(isinstance(target, str) and target.strip() != "", f"{kind}: empty target")
        text = payload.get("text")
        _require(isinstance(text, str) and text.strip() != "", f"{kind}: payload needs 'text'")
        blocks = payload.get("blocks")
        _require(
            blocks is None
            or (isinstance(blocks, list) and all(isinstance(b, dict) for b in blocks)),
            f"{kind}: 'blocks' must be a list of block objects",
        )
        for name in ("message_key", "after"):
            value = payload.get(name)
            _require(isinstance(value, str) and value != "", f"{kind}: payload needs '{name}'")
        _require("file" not in payload, f"{kind}: a file cannot be updated; post it anew")

    def deliver(self, delivery: Delivery, ports: Ports) -> dict[str, Any]:
        chat = ports.require_chat()
        payload = delivery.payload
        after = delivery.lookup(payload["after"])
        if after is None:
            raise OutboxError(f"{SLACK_UPDATE}: there is no outbox row {payload['after']}")
        if after.status in (PENDING, SENDING):
            raise Waiting(after)
        key = payload["message_key"]
        original = after if after.key == key else delivery.lookup(key)
        posted = original.result if original is not None else {}
        if original is None or original.status != SENT or "ts" not in posted:
            state = "is missing" if original is None else f"is {original.status}"
            if original is not None and original.last_error:
                state += f" ({original.last_error})"
            raise OutboxError(
                f"the message this updates was never posted: outbox row {key} {state}; "
                f"`alignbot outbox retry {key}` posts it, then retry this row"
            )
        channel, ts = str(posted["channel"]), str(posted["ts"])
        updated = chat.update_message(
            channel, ts, text=payload["text"], blocks=payload.get("blocks")
        )
        return {"channel": updated.channel, "ts": updated.ts, "updated": key}


def _ticket_id(kind: str, target: str) -> int:
    _require(target.isdigit() and int(target) > 0, f"{kind}: target {target!r} is no ticket id")
    return int(target)


def _written(write: TicketWrite) -> dict[str, Any]:
    return {
        "ticket_id": write.ticket_id,
        "status": write.status,
        "custom_status_id": write.custom_status_id,
        "tags": list(write.tags),
        "comment_id": write.comment_id,
        "audit_id": write.audit_id,
    }


def _found_or_write(
    delivery: Delivery, helpdesk: Helpdesk, ticket: int, write: Callable[[], TicketWrite]
) -> dict[str, Any]:
    """Make a write, unless an earlier attempt that may have gone in did: the ticket's
    audits are asked for the row's key first."""
    if delivery.unknown_since is not None:
        since = delivery.unknown_since - LOOKBACK
        found = helpdesk.find_write(ticket, delivery.key, since=since)
        if found is not None:
            log.info(
                "outbox row %s (key %s): already on ticket %s (audit %s), not written again",
                delivery.id,
                delivery.key,
                ticket,
                found.audit_id,
            )
            return {**_written(found), "found": True}
    return _written(write())


class ZendeskComment:
    """`zendesk.comment`: target a ticket id; payload `body` and `public` (required: a
    public comment emails the requester)."""

    port: Port = "helpdesk"

    def check(self, target: str, payload: Mapping[str, Any]) -> None:
        _ticket_id(ZENDESK_COMMENT, target)
        body = payload.get("body")
        _require(isinstance(body, str) and body.strip() != "", "zendesk.comment: needs 'body'")
        _require(isinstance(payload.get("public"), bool), "zendesk.comment: needs 'public'")

    def deliver(self, delivery: Delivery, ports: Ports) -> dict[str, Any]:
        helpdesk = ports.require_helpdesk()
        ticket = _ticket_id(ZENDESK_COMMENT, delivery.target)
        payload = delivery.payload
        return _found_or_write(
            delivery,
            helpdesk,
            ticket,
            lambda: helpdesk.add_comment(
                ticket, payload["body"], public=payload["public"], key=delivery.key
            ),
        )


class ZendeskProactiveUpdate(ZendeskComment):
    """`zendesk.proactive_update`: a `zendesk.comment` to the customer, always public."""

    def check(self, target: str, payload: Mapping[str, Any]) -> None:
        kind = ZENDESK_PROACTIVE_UPDATE
        _ticket_id(kind, target)
        body = payload.get("body")
        _require(isinstance(body, str) and body.strip() != "", f"{kind}: needs 'body'")
        _require(payload.get("public") is True, f"{kind}: an update to the customer is public")


UPDATE_FIELDS = ("status", "custom_status_id", "tags", "add_tags", "remove_tags", "comment")


class ZendeskUpdate:
    """`zendesk.update`: target a ticket id; payload any of `status`, `custom_status_id`,
    `tags` (replaces them), `add_tags`, `remove_tags`, `comment` with `public`."""

    port: Port = "helpdesk"

    def check(self, target: str, payload: Mapping[str, Any]) -> None:
        kind = ZENDESK_UPDATE
        _ticket_id(kind, target)
        _require(any(payload.get(f) is not None for f in UPDATE_FIELDS), f"{kind}: nothing to do")
        unknown = set(payload) - {*UPDATE_FIELDS, "public"}
        _require(not unknown, f"{kind}: unknown fields {sorted(unknown)}")
        status = payload.get("status")
        _require(status is None or isinstance(status, str), f"{kind}: 'status' must be text")
        custom = payload.get("custom_status_id")
        _require(custom is None or type(custom) is int, f"{kind}: custom_status_id must be int")
        for name in ("tags", "add_tags", "remove_tags"):
            value = payload.get(name)
            _require(value is None or _is_str_list(value), f"{kind}: '{name}' must be a list")
        comment = payload.get("comment")
        _require(comment is None or isinstance(comment, str), f"{kind}: 'comment' must be text")
        _require(isinstance(payload.get("public", True), bool), f"{kind}: 'public' must be bool")

    def deliver(self, delivery: Delivery, ports: Ports) -> dict[str, Any]:
        helpdesk = ports.require_helpdesk()
        payload = delivery.payload
        ticket = _ticket_id(ZENDESK_UPDATE, delivery.target)

        def write() -> TicketWrite:
            return helpdesk.update_ticket(
                ticket,
                status=payload.get("status"),
                custom_status_id=payload.get("custom_status_id"),
                tags=payload.get("tags"),
                add_tags=payload.get("add_tags") or (),
                remove_tags=payload.get("remove_tags") or (),
                comment=payload.get("comment"),
                public=payload.get("public", True),
                key=delivery.key,
            )

        return _found_or_write(delivery, helpdesk, ticket, write)


DELIVERERS: dict[str, Deliverer] = {
    SLACK_MESSAGE: SlackPost(direct=False),
    SLACK_DM: SlackPost(direct=True),
    SLACK_UPDATE: SlackUpdate(),
    ZENDESK_COMMENT: ZendeskComment(),
    ZENDESK_UPDATE: ZendeskUpdate(),
    ZENDESK_PROACTIVE_UPDATE: ZendeskProactiveUpdate(),
}
