"""alignbot's Slack app: one slack_bolt `App` with every listener registered in one place.

What agents click and type reaches the domain through here:

| listener                                  | does                                              |
| ----------------------------------------- | ------------------------------------------------- |
| action `alignbot_update_send`             | sends a review-mode draft to the customer         |
| action `alignbot_update_edit`             | opens the Edit modal (views.open), body prefilled |
| view `alignbot_update_edit_modal`         | sends the edited body                             |
| action `alignbot_update_skip`             | drops the draft                                   |
| action `alignbot_nudge_snooze`            | snoozes nudges on a ticket for some hours         |
| action `alignbot_open_ticket`             | a URL button: acknowledged only                   |
| command `/alignbot ticket N|digest|queue` | answers only the person who typed it (ephemeral)  |

Every listener acks first: Slack shows an error if nothing answers within 3 seconds. Work
that reads or writes more than one row runs in a bolt lazy listener, after the ack; what
reaches a customer is queued in the outbox by the domain (`alignbot dispatch` sends it), never
sent from here. After a button the original message is replaced to say what happened, so a
second agent sees it was handled.

The domain is reached through `Domain` (default: `bot.policies.updates` and
`bot.policies.nudges`, imported when first used); tests pass a fake of their own.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, Protocol

from slack_bolt import Ack, App, BoltResponse, Respond
from slack_bolt.middleware.request_verification import RequestVerification
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import Clock, SignatureVerifier
from sqlalchemy import Engine

from bot.digest.mrkdwn import escape, plain
from bot.errors import SettingsError
from bot.settings import Settings
from integrations.slack.client import WithoutBodies

__all__ = [
    "COMMAND",
    "EDIT_MODAL",
    "Domain",
    "ModuleDomain",
    "build_app",
]

log = logging.getLogger("alignbot.slack.app")
#: bolt logs here (its DEBUG lines include what a listener answered).
BOLT_LOG = logging.getLogger("alignbot.slack.bolt")


class _WithoutBodies(WithoutBodies):
    """Also cuts the bodies of bolt's "Responding with" lines and of `respond()`'s requests
    (slack_sdk's WebhookClient, which bolt builds without a logger of ours): both can carry
    the clicked message, customer text included."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if message.startswith("Responding with status"):
            record.msg = message.split(" body:", 1)[0] + " (body left out)"
            record.args = ()
            return True
        return super().filter(record)


_FILTER = _WithoutBodies()
BOLT_LOG.addFilter(_FILTER)
logging.getLogger("slack_sdk.webhook.client").addFilter(_FILTER)

COMMAND = "/alignbot"
SEND = "alignbot_update_send"
EDIT = "alignbot_update_edit"
SKIP = "alignbot_update_skip"
SNOOZE = "alignbot_nudge_snooze"
OPEN_TICKET = "alignbot_open_ticket"
EDIT_MODAL = "alignbot_update_edit_modal"
BODY_BLOCK = "body"  # the modal's input block and action id
MAX_SNOOZE_HOURS = 7 * 24
MAX_BODY_CHARS = 3_000  # plain_text_input's own limit
MAX_QUEUE_LINES = 20
# A draft in one of these states has been decided: Edit says so instead of opening a modal
# (review_draft itself is idempotent, so a stale Send or Skip is harmless either way).
#: A draft is open for a decision only while it is "drafted" (bot.policies.review); any
#: other status (queued, skipped, dropped, dry_run) is final.
OPEN_DRAFT_STATUS = "drafted"

HELP = (
    "*/alignbot* answers only you:\n"
    "• `/alignbot ticket 123`: the ticket's context card (its requester's history)\n"
    "• `/alignbot digest`: today's misalignment digest\n"
    "• `/alignbot queue`: the nudges and drafts queued for you\n"
    "• `/alignbot help`: this message"
)


class Domain(Protocol):
    """What the listeners need from the domain (bot.policies); see `ModuleDomain`."""

    def get_draft(self, engine: Engine, draft_id: int) -> Any: ...

    def review_draft(
        self,
        engine: Engine,
        draft_id: int,
        action: Literal["send", "skip"],
        *,
        slack_user_id: str,
        now: datetime,
        body: str | None = None,
    ) -> Any: ...

    def snooze(
        self, engine: Engine, *, slack_user_id: str, ticket_id: int, until: datetime, now: datetime
    ) -> None: ...

    def queued_for(self, engine: Engine, *, slack_user_id: str, now: datetime) -> list[Any]: ...

    def context_card(
        self, engine: Engine, settings: Settings, ticket_id: int
    ) -> tuple[str, list[dict[str, Any]]]: ...

    def digest(
        self, engine: Engine, settings: Settings, now: datetime
    ) -> tuple[str, list[dict[str, Any]]]: ...


class ModuleDomain:
    """The real domain: review drafts in bot.policies.updates, nudges in bot.policies.nudges,
    the digest in bot.metrics / bot.digest. Imported on first use, so the app starts (and
    its tests run) without them."""

    def get_draft(self, engine: Engine, draft_id: int) -> Any:
        from bot.policies import updates

        return updates.get_draft(engine, draft_id)

    def review_draft(
        self,
        engine: Engine,
        draft_id: int,
        action: Literal["send", "skip"],
        *,
        slack_user_id: str,
        now: datetime,
        body: str | None = None,
    ) -> Any:
        from bot.policies import updates

        return updates.review_draft(
            engine, draft_id, action, slack_user_id=slack_user_id, now=now, body=body
        )

    def snooze(
        self, engine: Engine, *, slack_user_id: str, ticket_id: int, until: datetime, now: datetime
    ) -> None:
        from bot.policies import nudges

        nudges.snooze(
            engine, slack_user_id=slack_user_id, ticket_id=ticket_id, until=until, now=now
        )

    def queued_for(self, engine: Engine, *, slack_user_id: str, now: datetime) -> list[Any]:
        from bot.policies import nudges

        return list(nudges.queued_for(engine, slack_user_id=slack_user_id, now=now))

    def context_card(
        self, engine: Engine, settings: Settings, ticket_id: int
    ) -> tuple[str, list[dict[str, Any]]]:
        from bot.policies import nudges

        text, blocks = nudges.context_card(engine, settings, ticket_id)
        return str(text), list(blocks)

    def digest(
        self, engine: Engine, settings: Settings, now: datetime
    ) -> tuple[str, list[dict[str, Any]]]:
        from bot.digest import render_blocks
        from bot.metrics.model import Period
        from bot.metrics.report import build_report

        # The digest that runs today reports on yesterday, as `alignbot digest` does.
        period = Period.yesterday(now, settings.alignbot_timezone)
        report = build_report(engine, settings, period, now=now, zendesk_url=settings.zendesk_url)
        message = render_blocks(report, settings, chart_attached=False)
        return message.text, list(message.blocks)


class _ClockAdapter(Clock):
    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def now(self) -> float:
        return self._clock().timestamp()


class _VerifyOnClock(RequestVerification):
    """bolt's request verification (signature, and a timestamp within 5 minutes) on our clock
    instead of the process's, and without logging the refused body: it may hold customer text.
    """

    def __init__(self, signing_secret: str, clock: Callable[[], datetime]) -> None:
        super().__init__(signing_secret)
        self._verifier = SignatureVerifier(signing_secret, clock=_ClockAdapter(clock))

    def _debug_log_error(self, signature: Any, timestamp: Any, body: Any) -> None:
        log.warning("refused a request whose Slack signature or timestamp is not valid")


def _describe(error: BaseException) -> str:
    """An error as a log may show it: its type, and Slack's error code. Never its message:
    a SlackApiError's holds Slack's whole answer, a database error's the row's values, and
    either can hold customer text."""
    if isinstance(error, SlackApiError):
        return f"SlackApiError {error.response.get('error')}"
    return type(error).__name__


def _logged(work: Callable[..., None]) -> Callable[..., None]:
    """A lazy listener that logs its failure as `_describe` does. bolt would log the
    exception's message, which may hold customer text."""

    @functools.wraps(work)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            work(*args, **kwargs)
        except Exception as error:
            log.error("the Slack app's %s failed: %s", work.__name__, _describe(error))

    return run


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _secret(settings: Settings) -> str:
    secret = settings.slack_signing_secret
    value = secret.get_secret_value() if secret is not None else ""
    if not value:
        raise SettingsError(
            "SLACK_SIGNING_SECRET is not set (the app's Signing Secret, under Basic Information)"
        )
    return value


def build_app(
    settings: Settings,
    engine: Engine,
    *,
    client: WebClient | None = None,
    clock: Callable[[], datetime] = _utcnow,
    domain: Domain | None = None,
    executor: Executor | None = None,
    process_before_response: bool = False,
    socket_mode: bool = False,
) -> App:
    """alignbot's bolt App, every listener registered.

    `client` defaults to SLACK_BOT_TOKEN at SLACK_API_URL; requests are verified with
    SLACK_SIGNING_SECRET on `clock` (aware UTC), which is also the `now` the domain is
    given. `executor` runs listeners and lazy listeners (bolt's default pool if None).
    With `socket_mode` no signing secret is needed: requests come over the websocket the app
    opened, not to a public URL. `SettingsError` if the token (or, for HTTP, the signing
    secret) is missing.
    """
    if client is None:
        from integrations.slack.client import SlackChat

        client = SlackChat.from_settings(settings).web_client
    extra: dict[str, Any] = {} if executor is None else {"listener_executor": executor}
    if not socket_mode:
        # Verified by _VerifyOnClock, which bolt runs first, before authorization.
        extra["before_authorize"] = _VerifyOnClock(_secret(settings), clock)
    app = App(
        client=client,
        request_verification_enabled=False,
        process_before_response=process_before_response,
        logger=BOLT_LOG,
        **extra,
    )
    listeners = _Listeners(settings, engine, domain or ModuleDomain(), clock)
    listeners.register(app)
    return app


class _Listeners:
    """One method per action, view and command; `register` wires them all to the App."""

    def __init__(
        self, settings: Settings, engine: Engine, domain: Domain, clock: Callable[[], datetime]
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.domain = domain
        self.clock = clock

    def register(self, app: App) -> None:
        app.action(SEND)(ack=self.ack, lazy=[_logged(self.send)])
        app.action(SKIP)(ack=self.ack, lazy=[_logged(self.skip)])
        app.action(EDIT)(self.edit)
        app.view(EDIT_MODAL)(ack=self.check_edit, lazy=[_logged(self.send_edited)])
        app.action(SNOOZE)(ack=self.ack, lazy=[_logged(self.snooze)])
        app.action(OPEN_TICKET)(self.ack)
        app.command(COMMAND)(ack=self.ack_command, lazy=[_logged(self.command)])
        app.error(self.on_error)

    # ----- acks -----------------------------------------------------------------------------

    @staticmethod
    def ack(ack: Ack) -> None:
        ack()

    @staticmethod
    def on_error(error: Exception, body: Mapping[str, Any]) -> BoltResponse | None:
        kind = body.get("type") or body.get("command") or "request"
        log.error("the Slack app failed on a %s: %s", kind, _describe(error))
        return None

    # ----- review-mode drafts ---------------------------------------------------------------

    def send(self, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        self._review(body, respond, client, "send")

    def skip(self, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        self._review(body, respond, client, "skip")

    def _review(
        self,
        body: dict[str, Any],
        respond: Respond,
        client: WebClient,
        action: Literal["send", "skip"],
    ) -> None:
        draft_id = _int_value(body)
        user = _user_id(body)
        if draft_id is None:
            _replace(body, respond, client, "This button carries no draft: nothing was done.")
            return
        try:
            outcome = self.domain.review_draft(
                self.engine, draft_id, action, slack_user_id=user, now=self.clock()
            )
        except Exception:
            # The buttons stay, so the agent can try again; review_draft is idempotent.
            respond(
                text="alignbot could not record that just now: please try again in a minute.",
                response_type="ephemeral",
                replace_original=False,
            )
            raise
        _replace(body, respond, client, f"{escape(_message(outcome))} (<@{user}>)")

    def edit(self, ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        # views.open must follow the click within 3 s (the trigger id expires): one read by
        # id here, nothing slower.
        draft_id = _int_value(body)
        draft = self.domain.get_draft(self.engine, draft_id) if draft_id is not None else None
        status = str(getattr(draft, "status", ""))
        if draft is None or status != OPEN_DRAFT_STATUS:
            said = f"already {status}" if draft is not None else "not found"
            respond(text=f"This draft is {said}: nothing to edit.", response_type="ephemeral")
            return
        try:
            client.views_open(trigger_id=body["trigger_id"], view=edit_modal(draft))
        except SlackApiError as error:
            if error.response.get("error") not in ("expired_trigger_id", "exchanged_trigger_id"):
                raise
            # Slack gives 3 s from the click to open a modal; a slow moment missed it.
            respond(
                text="Slack timed out opening the editor: click Edit again.",
                response_type="ephemeral",
                replace_original=False,
            )

    def check_edit(self, ack: Ack, view: dict[str, Any]) -> None:
        text = _edited_body(view)
        if not text or not text.strip():
            ack(response_action="errors", errors={BODY_BLOCK: "The update cannot be empty."})
            return
        ack()

    def send_edited(self, view: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        text = _edited_body(view)
        metadata = str(view.get("private_metadata") or "")
        if not text or not text.strip() or not metadata.isdigit():
            return  # check_edit refused it already, or the modal is not ours
        user = _user_id(body)
        outcome = self.domain.review_draft(
            self.engine, int(metadata), "send", slack_user_id=user, now=self.clock(), body=text
        )
        # A modal has no message to edit: the outcome goes to the agent's DM with the app.
        client.chat_postMessage(channel=user, text=f"{escape(_message(outcome))} (edited)")

    # ----- nudges ---------------------------------------------------------------------------

    def snooze(self, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        request = _snooze_request(body)
        if request is None:
            _replace(body, respond, client, "This snooze button is malformed: nothing was done.")
            return
        ticket_id, hours = request
        now = self.clock()
        until = now + timedelta(hours=hours)
        self.domain.snooze(
            self.engine, slack_user_id=_user_id(body), ticket_id=ticket_id, until=until, now=now
        )
        _replace(
            body,
            respond,
            client,
            f"Snoozed: no nudge about ticket #{ticket_id} until "
            f"{until:%Y-%m-%d %H:%M} UTC (<@{_user_id(body)}>)",
        )

    # ----- /alignbot ------------------------------------------------------------------------

    @staticmethod
    def ack_command(ack: Ack, command: dict[str, Any]) -> None:
        verb, _, _ = str(command.get("text") or "").strip().partition(" ")
        if verb.lower() in ("ticket", "digest", "queue"):
            ack(response_type="ephemeral", text="Working on it…")
        else:
            ack(response_type="ephemeral", text=HELP)

    def command(self, command: dict[str, Any], respond: Respond) -> None:
        verb, _, rest = str(command.get("text") or "").strip().partition(" ")
        verb = verb.lower()
        user = str(command.get("user_id") or "")
        if verb == "ticket":
            number = rest.strip().removeprefix("#")
            if not number.isdigit():
                respond(response_type="ephemeral", text="Which ticket? `/alignbot ticket 123`")
                return
            text, blocks = self.domain.context_card(self.engine, self.settings, int(number))
            respond(response_type="ephemeral", text=text, blocks=blocks)
        elif verb == "digest":
            text, blocks = self.domain.digest(self.engine, self.settings, self.clock())
            respond(response_type="ephemeral", text=text, blocks=blocks)
        elif verb == "queue":
            items = self.domain.queued_for(self.engine, slack_user_id=user, now=self.clock())
            respond(response_type="ephemeral", text=queue_text(items))


# ----- messages -------------------------------------------------------------------------------


def edit_modal(draft: Any) -> dict[str, Any]:
    """The Edit modal for a draft: its body prefilled in one multiline plain-text input."""
    return {
        "type": "modal",
        "callback_id": EDIT_MODAL,
        "private_metadata": str(draft.id),
        "title": {"type": "plain_text", "text": "Edit the update"},
        "submit": {"type": "plain_text", "text": "Send"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "context",
                "elements": [
                    {
                        "type": "plain_text",
                        "text": f"Ticket #{draft.ticket_id} · {draft.locale} · "
                        "the customer sees this as a public comment",
                    }
                ],
            },
            {
                "type": "input",
                "block_id": BODY_BLOCK,
                "label": {"type": "plain_text", "text": "Update"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": BODY_BLOCK,
                    "multiline": True,
                    "max_length": MAX_BODY_CHARS,
                    "initial_value": str(draft.body)[:MAX_BODY_CHARS],
                },
            },
        ],
    }


def queue_text(items: Sequence[Any]) -> str:
    """`/alignbot queue`: one line per queued nudge or draft, soonest first."""
    if not items:
        return "Nothing is queued for you."
    ordered = sorted(items, key=lambda item: item.due_at)
    lines = [
        f"• {escape(str(item.kind))} · ticket #{item.ticket_id} · due "
        f"{item.due_at:%Y-%m-%d %H:%M} UTC · {escape(plain(str(item.summary), 120))}"
        for item in ordered[:MAX_QUEUE_LINES]
    ]
    if len(ordered) > MAX_QUEUE_LINES:
        lines.append(f"… and {len(ordered) - MAX_QUEUE_LINES} more")
    return f"*Queued for you* ({len(ordered)}):\n" + "\n".join(lines)


def _message(outcome: Any) -> str:
    return str(getattr(outcome, "message", outcome))


def _replace(body: dict[str, Any], respond: Respond, client: WebClient, line: str) -> None:
    """Replace the clicked message: the actions block that held the button becomes `line`
    (mrkdwn we wrote; any customer text in it is already escaped), so the buttons cannot be
    clicked again; the rest of the message (other nudges batched with it) stays."""
    message = body.get("message") or {}
    actions = body.get("actions") or [{}]
    clicked = actions[0].get("block_id")
    note = {"type": "context", "elements": [{"type": "mrkdwn", "text": line}]}
    kept: list[dict[str, Any]] = []
    for block in message.get("blocks") or []:
        if block.get("type") == "actions" and block.get("block_id") == clicked:
            kept.append(note)
        else:
            kept.append(block)
    if note not in kept:
        kept.append(note)
    text = str(message.get("text") or "alignbot")
    if body.get("response_url"):
        respond(replace_original=True, text=text, blocks=kept)
        return
    container = body.get("container") or {}
    if container.get("channel_id") and container.get("message_ts"):
        client.chat_update(
            channel=container["channel_id"], ts=container["message_ts"], text=text, blocks=kept
        )


def _user_id(body: Mapping[str, Any]) -> str:
    user = body.get("user") or {}
    return str(user.get("id") or "")


def _int_value(body: Mapping[str, Any]) -> int | None:
    actions = body.get("actions") or [{}]
    value = str(actions[0].get("value") or "")
    return int(value) if value.isdigit() else None


def _snooze_request(body: Mapping[str, Any]) -> tuple[int, int] | None:
    actions = body.get("actions") or [{}]
    try:
        value = json.loads(str(actions[0].get("value") or ""))
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    ticket, hours = value.get("ticket"), value.get("hours")
    if not isinstance(ticket, int) or not isinstance(hours, int) or isinstance(hours, bool):
        return None
    if ticket <= 0 or not 1 <= hours <= MAX_SNOOZE_HOURS:
        return None
    return ticket, hours


def _edited_body(view: Mapping[str, Any]) -> str | None:
    values = ((view.get("state") or {}).get("values") or {}).get(BODY_BLOCK) or {}
    value = (values.get(BODY_BLOCK) or {}).get("value")
    return value if isinstance(value, str) else None
