"""Modals in the Slack sandbox: the trigger ids an interaction hands out, `views.open` and
`views.update`, validated the way Slack validates them.

Slack gives every interaction payload a `trigger_id` that opens one modal and expires three
seconds later; here expiry follows the sandbox's clock, so a test moves time instead of
sleeping.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from integrations.slack.sandbox.wire import SlackMethodError, missing

__all__ = ["TRIGGER_TTL_SECONDS", "RecordedView", "ViewStore"]

Record = dict[str, Any]

TRIGGER_TTL_SECONDS = 3.0  # Slack: "trigger_id ... expires after 3 seconds"
MAX_TRIGGERS = 1_000  # issued trigger ids remembered; the oldest are forgotten first
MAX_MODAL_BLOCKS = 100
MAX_TITLE = 24  # title, submit and close labels
MAX_CALLBACK_ID = 255
MAX_PRIVATE_METADATA = 3_000


@dataclass(frozen=True)
class RecordedView:
    """A modal the sandbox opened (or its latest update): who saw it and what it held."""

    id: str  # V…
    user: str  # the user whose trigger opened it
    view: Record  # the view as the app sent it (type, title, blocks, callback_id, ...)
    hash: str  # changes on every update; views.update with an old hash is hash_conflict

    @property
    def callback_id(self) -> str | None:
        value = self.view.get("callback_id")
        return value if isinstance(value, str) else None

    @property
    def private_metadata(self) -> str:
        return str(self.view.get("private_metadata") or "")


class ViewStore:
    """Trigger ids and open modals. Not thread-safe: the sandbox calls it under its lock."""

    def __init__(
        self,
        *,
        clock: Callable[[], float],
        new_id: Callable[[str], str],
        validate_blocks: Callable[[list[Any]], list[str]],
        team_id: str,
        app_id: str,
        bot_id: str,
    ) -> None:
        self._clock = clock
        self._new_id = new_id
        self._validate_blocks = validate_blocks
        self._team_id = team_id
        self._app_id = app_id
        self._bot_id = bot_id
        # trigger id -> (issued at, user id, used)
        self._triggers: OrderedDict[str, tuple[float, str, bool]] = OrderedDict()
        self.views: dict[str, RecordedView] = {}

    def issue_trigger(self, user_id: str) -> str:
        """A fresh trigger id for an interaction by `user_id`, valid for 3 s of sandbox time."""
        serial = self._new_id("T")[1:]
        digest = hashlib.sha1(f"{serial}:{user_id}".encode()).hexdigest()[:32]
        trigger = f"{int(serial)}.{int(self._clock() * 1000)}.{digest}"
        self._triggers[trigger] = (self._clock(), user_id, False)
        while len(self._triggers) > MAX_TRIGGERS:
            self._triggers.popitem(last=False)
        return trigger

    def open(self, params: Record) -> Record:
        """views.open: a modal from a trigger id that is known, unused and at most 3 s old."""
        trigger = params.get("trigger_id")
        if not isinstance(trigger, str) or not trigger:
            raise missing("trigger_id")
        issued = self._triggers.get(trigger)
        if issued is None:
            raise SlackMethodError("invalid_trigger_id")
        at, user, used = issued
        if used:
            raise SlackMethodError("exchanged_trigger_id")
        if self._clock() - at > TRIGGER_TTL_SECONDS:
            raise SlackMethodError("expired_trigger_id")
        view = self._parse_view(params.get("view"))
        self._triggers[trigger] = (at, user, True)
        recorded = RecordedView(id=self._new_id("V"), user=user, view=view, hash=self._hash())
        self.views[recorded.id] = recorded
        return {"ok": True, "view": self._view_json(recorded)}

    def update(self, params: Record) -> Record:
        """views.update: replace an open modal's view, by view_id or external_id."""
        view_id = params.get("view_id")
        external_id = params.get("external_id")
        if not view_id and not external_id:
            raise missing("view_id")
        current = self.views.get(str(view_id)) if view_id else None
        if current is None and external_id:
            current = next(
                (v for v in self.views.values() if v.view.get("external_id") == external_id),
                None,
            )
        if current is None:
            raise SlackMethodError("not_found")
        expected = params.get("hash")
        if expected and expected != current.hash:
            raise SlackMethodError("hash_conflict")
        view = self._parse_view(params.get("view"))
        updated = RecordedView(id=current.id, user=current.user, view=view, hash=self._hash())
        self.views[current.id] = updated
        return {"ok": True, "view": self._view_json(updated)}

    def _hash(self) -> str:
        return f"{int(self._clock())}.{self._new_id('H')[1:]}"

    def _parse_view(self, raw: Any) -> Record:
        if raw is None or raw == "":
            raise missing("view")
        if isinstance(raw, str):
            try:
                value = json.loads(raw)
            except ValueError:
                raise SlackMethodError("invalid_arguments", ["[ERROR] view must be JSON"]) from None
        else:
            value = raw
        if not isinstance(value, dict):
            raise SlackMethodError("invalid_arguments", ["[ERROR] view must be an object"])
        errors: list[str] = []

        def fail(message: str, pointer: str) -> None:
            errors.append(f"[ERROR] {message} [json-pointer:/view{pointer}]")

        if value.get("type") != "modal":
            fail("must be modal", "/type")
        for name, required in (("title", True), ("submit", False), ("close", False)):
            _check_label(value.get(name), f"/{name}", fail, required=required)
        blocks = value.get("blocks")
        if not isinstance(blocks, list):
            fail("must provide an array", "/blocks")
        elif len(blocks) > MAX_MODAL_BLOCKS:
            fail(f"no more than {MAX_MODAL_BLOCKS} items allowed", "/blocks")
        else:
            # Slack's block limit for messages is 50; a modal allows 100, so check in halves.
            for start in range(0, len(blocks), 50):
                for error in self._validate_blocks(blocks[start : start + 50]):
                    errors.append(error.replace("[json-pointer:", "[json-pointer:/view"))
            if "submit" not in value and any(
                isinstance(b, dict) and b.get("type") == "input" for b in blocks
            ):
                fail("a modal with input blocks must have a submit button", "/submit")
        callback_id = value.get("callback_id")
        if callback_id is not None and (
            not isinstance(callback_id, str) or len(callback_id) > MAX_CALLBACK_ID
        ):
            fail(f"must be a string of at most {MAX_CALLBACK_ID} characters", "/callback_id")
        metadata = value.get("private_metadata")
        if metadata is not None and (
            not isinstance(metadata, str) or len(metadata) > MAX_PRIVATE_METADATA
        ):
            fail(
                f"must be a string of at most {MAX_PRIVATE_METADATA} characters",
                "/private_metadata",
            )
        if errors:
            raise SlackMethodError("invalid_arguments", errors)
        return value

    def _view_json(self, recorded: RecordedView) -> Record:
        view = recorded.view
        return {
            "id": recorded.id,
            "team_id": self._team_id,
            "type": "modal",
            "title": view["title"],
            "submit": view.get("submit"),
            "close": view.get("close"),
            "blocks": view.get("blocks", []),
            "private_metadata": recorded.private_metadata,
            "callback_id": recorded.callback_id or "",
            "external_id": view.get("external_id", ""),
            "state": {"values": {}},
            "hash": recorded.hash,
            "clear_on_close": bool(view.get("clear_on_close", False)),
            "notify_on_close": bool(view.get("notify_on_close", False)),
            "root_view_id": recorded.id,
            "previous_view_id": None,
            "app_id": self._app_id,
            "bot_id": self._bot_id,
        }


def _check_label(value: Any, at: str, fail: Callable[[str, str], None], *, required: bool) -> None:
    if value is None:
        if required:
            fail("missing required field", at)
        return
    if not isinstance(value, dict) or value.get("type") != "plain_text":
        fail("must be a plain_text text object", at)
        return
    text = value.get("text")
    if not isinstance(text, str) or not text:
        fail("must be more than 0 characters", f"{at}/text")
    elif len(text) > MAX_TITLE:
        fail(f"must be less than {MAX_TITLE + 1} characters", f"{at}/text")
