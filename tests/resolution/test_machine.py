"""The state machine as a pure function: every path, without a clock or a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.resolution.machine import (
    CommentItem,
    Policy,
    Standing,
    StatusItem,
    TicketFacts,
    answer,
    step,
)
from bot.resolution.quiet import parse_quiet_hours
from bot.resolution.states import Cause, State

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday, 10:00 UTC
DAY = timedelta(days=1)
POLICY = Policy(
    mode="enforce",
    remind_after=(2 * DAY, 5 * DAY),
    close_after=7 * DAY,
    quiet=parse_quiet_hours("21:00-08:00"),
    zone=ZoneInfo("UTC"),
    opt_out_tag="alignbot_opt_out",
    skip_types=frozenset({"incident"}),
    skip_groups=frozenset({77}),
)
TICKET = TicketFacts(ticket_id=42, tags=(), type=None, group_id=None)
AGENT = 900


def solve(id_: int, at: datetime, previous: str = "open", actor: int = AGENT) -> StatusItem:
    return StatusItem(id_, at, "solved", previous, actor)


def change(id_: int, at: datetime, status: str, previous: str, actor: int = AGENT) -> StatusItem:
    return StatusItem(id_, at, status, previous, actor)


def reply(id_: int, at: datetime, body: str) -> CommentItem:
    return CommentItem(id_, at, body, 555)


def asked(now: datetime = T0) -> Standing:
    """The standing after an agent's solve at T0 and the request it started."""
    return step(Standing(), [solve(1, T0)], TICKET, POLICY, now).standing


def kinds(result) -> list[str]:
    return [i.kind for i in result.intents]


def test_an_agents_solve_asks_the_customer_under_a_request_of_that_solve() -> None:
    result = step(Standing(), [solve(1, T0)], TICKET, POLICY, T0)
    assert result.standing.state == State.AWAITING
    assert result.standing.request_id == "42-1"
    assert [(t.from_state, t.to_state, t.cause) for t in result.transitions] == [
        (None, State.AWAITING, Cause.AGENT_SOLVE)
    ]
    assert result.transitions[0].actor_id == AGENT
    assert kinds(result) == ["request"]


def test_a_ticket_left_alone_is_recorded_unconfirmed_and_nothing_is_written() -> None:
    for ticket in (
        TicketFacts(42, ("vip", "alignbot_opt_out"), None, None),
        TicketFacts(42, (), "incident", None),
        TicketFacts(42, (), None, 77),
    ):
        result = step(Standing(), [solve(1, T0)], ticket, POLICY, T0)
        assert result.standing.state == State.CLOSED_UNCONFIRMED
        assert result.transitions[0].cause == Cause.OPT_OUT
        assert result.intents == []


def test_a_confirmation_by_reply_solves_the_ticket_confirmed() -> None:
    result = step(
        asked(), [reply(5, T0 + DAY, "Yes, it works now. Thanks!")], TICKET, POLICY, T0 + DAY
    )
    assert result.standing.state == State.CONFIRMED
    assert result.transitions[0].cause == Cause.CUSTOMER_REPLY
    assert result.transitions[0].comment_id == 5
    assert kinds(result) == ["confirmed"]


def test_a_spanish_denial_reopens_and_tells_the_assignee_in_the_customers_words() -> None:
    words = "Sigue sin funcionar, me sale el mismo error."
    result = step(asked(), [reply(5, T0 + DAY, words)], TICKET, POLICY, T0 + DAY)
    assert result.standing.state == State.REOPENED
    assert kinds(result) == ["reopened"]
    assert result.intents[0].words == words


def test_a_question_returns_the_ticket_to_the_agent() -> None:
    text = "Thanks. One more question: can I also change the invoice address?"
    result = step(asked(), [reply(5, T0 + DAY, text)], TICKET, POLICY, T0 + DAY)
    assert result.standing.state == State.OPEN
    assert kinds(result) == ["returned"]


def test_the_agents_next_solve_after_a_question_asks_again_under_a_new_request() -> None:
    standing = step(
        asked(), [reply(5, T0 + DAY, "Can I also change the address?")], TICKET, POLICY, T0 + DAY
    ).standing
    result = step(standing, [solve(9, T0 + 2 * DAY)], TICKET, POLICY, T0 + 2 * DAY)
    assert result.standing.state == State.AWAITING
    assert result.standing.request_id == "42-9"
    assert kinds(result) == ["request"]


def test_an_agent_who_solves_again_is_not_fought() -> None:
    items = [
        change(2, T0 + timedelta(minutes=1), "pending", "solved"),  # our request landing
        solve(3, T0 + timedelta(minutes=5), previous="pending"),
    ]
    result = step(asked(), items, TICKET, POLICY, T0 + timedelta(minutes=6))
    assert result.standing.state == State.CLOSED_UNCONFIRMED
    assert result.transitions[-1].cause == Cause.AGENT_OVERRIDE
    assert kinds(result) == ["override"]
    # and nothing more is asked on the next pass
    again = step(result.standing, [], TICKET, POLICY, T0 + 10 * DAY)
    assert again.intents == [] and again.transitions == []


def test_reminders_at_two_and_five_days_then_closed_unconfirmed_at_seven() -> None:
    standing = asked()
    sent = []
    for hour in range(0, 9 * 24):
        now = T0 + timedelta(hours=hour)
        result = step(standing, [], TICKET, POLICY, now)
        standing = result.standing
        sent += [(i.kind, i.number, now - T0) for i in result.intents]
    assert sent == [
        ("reminder", 1, 2 * DAY),
        ("reminder", 2, 5 * DAY),
        ("timeout", 0, 7 * DAY),
    ]
    assert standing.state == State.CLOSED_UNCONFIRMED


def test_no_reminder_in_the_requesters_quiet_hours() -> None:
    madrid = Policy(**{**POLICY.__dict__, "zone": ZoneInfo("Europe/Madrid")})
    late = datetime(2026, 3, 2, 21, 30, tzinfo=UTC)  # 22:30 in Madrid
    standing = step(Standing(), [solve(1, late)], TICKET, madrid, late).standing
    due = late + 2 * DAY
    assert step(standing, [], TICKET, madrid, due).intents == []
    # 07:59 Madrid is still quiet; 08:00 Madrid (07:00 UTC) is not
    morning = datetime(2026, 3, 5, 7, 0, tzinfo=UTC)
    assert step(standing, [], TICKET, madrid, morning - timedelta(minutes=1)).intents == []
    assert kinds(step(standing, [], TICKET, madrid, morning)) == ["reminder"]


def test_a_late_sweep_sends_each_reminder_a_day_apart_before_closing() -> None:
    standing = asked()
    now = T0 + 10 * DAY
    first = step(standing, [], TICKET, POLICY, now)
    assert [(i.kind, i.number) for i in first.intents] == [("reminder", 1)]
    assert step(first.standing, [], TICKET, POLICY, now + timedelta(hours=23)).intents == []
    second = step(first.standing, [], TICKET, POLICY, now + DAY)
    assert [(i.kind, i.number) for i in second.intents] == [("reminder", 2)]
    assert step(second.standing, [], TICKET, POLICY, now + DAY + timedelta(hours=1)).intents == []
    assert kinds(step(second.standing, [], TICKET, POLICY, now + 2 * DAY)) == ["timeout"]


def test_a_reply_to_the_solve_before_the_request_went_out_answers_it() -> None:
    items = [solve(1, T0), reply(5, T0 + timedelta(minutes=2), "Perfect, that fixed it, thanks")]
    result = step(Standing(), items, TICKET, POLICY, T0 + timedelta(minutes=3))
    assert result.standing.state == State.CONFIRMED
    assert kinds(result) == ["confirmed"]  # no request: they already answered


def test_a_resolved_ticket_reopened_is_reopened_and_its_next_solve_asks_again() -> None:
    confirmed = step(
        asked(), [reply(5, T0 + DAY, "Yes it works, thanks")], TICKET, POLICY, T0 + DAY
    )
    own_solve = solve(6, T0 + DAY + timedelta(minutes=1))  # our confirmed solve landing
    after = step(confirmed.standing, [own_solve], TICKET, POLICY, T0 + DAY)
    assert after.transitions == [] and after.intents == []
    reopen = change(7, T0 + 2 * DAY, "open", "solved", actor=555)
    result = step(after.standing, [reopen], TICKET, POLICY, T0 + 2 * DAY)
    assert result.standing.state == State.REOPENED
    assert result.transitions[0].cause == Cause.REOPEN
    again = step(result.standing, [solve(8, T0 + 3 * DAY)], TICKET, POLICY, T0 + 3 * DAY)
    assert again.standing.request_id == "42-8" and kinds(again) == ["request"]


def test_zendesk_closing_an_awaiting_ticket_in_ask_mode_is_closed_unconfirmed() -> None:
    ask = Policy(**{**POLICY.__dict__, "mode": "ask"})
    standing = step(Standing(), [solve(1, T0)], TICKET, ask, T0).standing
    closed = change(2, T0 + 4 * DAY, "closed", "solved", actor=-1)
    result = step(standing, [closed], TICKET, ask, T0 + 4 * DAY)
    assert result.standing.state == State.CLOSED_UNCONFIRMED
    assert result.transitions[-1].cause == Cause.ZENDESK_CLOSE


def test_link_answers_move_only_the_current_request() -> None:
    standing = asked()
    confirmed = answer(standing, "42-1", "confirm", T0 + DAY)
    assert confirmed is not None and confirmed.standing.state == State.CONFIRMED
    assert confirmed.transitions[0].cause == Cause.LINK
    closed = answer(standing, "42-1", "close", T0 + DAY)
    assert closed is not None and closed.standing.state == State.CLOSED_BY_CUSTOMER
    help_ = answer(standing, "42-1", "need_help", T0 + DAY)
    assert help_ is not None and help_.standing.state == State.REOPENED
    assert [(i.kind, i.set_open) for i in help_.intents] == [("reopened", True)]
    assert answer(standing, "42-0", "confirm", T0 + DAY) is None  # an older request
    assert answer(confirmed.standing, "42-1", "need_help", T0 + DAY) is None  # resolved
