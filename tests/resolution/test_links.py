"""Signed links: a genuine token reads back exactly what it binds; anything else is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.resolution.links import (
    MAX_TOKEN_LENGTH,
    Choice,
    LinkClaim,
    LinkRefused,
    Refusal,
    issue_link,
    read_link,
    request_links,
)
from bot.settings import LinkKeys
from tests.resolution.resolution_support import KEYS, NOW, TTL, token

claims = st.builds(
    LinkClaim,
    ticket_id=st.integers(1, 2**63 - 1),
    request_id=st.from_regex(r"[A-Za-z0-9._:-]{1,64}", fullmatch=True),
    choice=st.sampled_from(Choice),
    expires_at=st.integers(0, 2**34).map(lambda s: datetime.fromtimestamp(s, UTC)),
    locale=st.sampled_from([None, "en", "es", "fr-CA", "pt-BR", "de"]),
)


def issue(claim: LinkClaim, keys: LinkKeys = KEYS) -> str:
    return issue_link(
        keys,
        ticket_id=claim.ticket_id,
        request_id=claim.request_id,
        choice=claim.choice,
        expires_at=claim.expires_at,
        locale=claim.locale,
    )


def refusal(keys: LinkKeys, text: str, ticket_id: int) -> Refusal | None:
    try:
        read_link(keys, text, ticket_id=ticket_id)
    except LinkRefused as refused:
        return refused.reason
    return None


@given(claims)
def test_a_genuine_link_reads_back_exactly_what_it_binds(claim: LinkClaim) -> None:
    assert read_link(KEYS, issue(claim), ticket_id=claim.ticket_id) == claim


@given(claims, st.data())
@settings(max_examples=50)
def test_every_changed_character_of_a_token_is_refused(claim: LinkClaim, data: st.DataObject):
    text = issue(claim)
    bit = data.draw(st.integers(0, 7), label="bit")
    for position, char in enumerate(text):
        changed = text[:position] + chr(ord(char) ^ (1 << bit)) + text[position + 1 :]
        assert refusal(KEYS, changed, claim.ticket_id) is Refusal.FORGED, (position, changed)


@given(claims)
@settings(max_examples=50)
def test_every_truncation_and_extension_of_a_token_is_refused(claim: LinkClaim) -> None:
    text = issue(claim)
    for end in range(len(text)):
        assert refusal(KEYS, text[:end], claim.ticket_id) is Refusal.FORGED
        assert refusal(KEYS, text[end + 1 :], claim.ticket_id) is Refusal.FORGED
    for extra in ("A", "=", ".", "-", "==", " ", "\n"):
        assert refusal(KEYS, text + extra, claim.ticket_id) is Refusal.FORGED


@given(st.text(max_size=MAX_TOKEN_LENGTH + 20), st.integers(1, 2**63 - 1))
def test_random_text_is_never_a_token(text: str, ticket_id: int) -> None:
    assert refusal(KEYS, text, ticket_id) is Refusal.FORGED


def test_the_last_characters_spare_bits_do_not_make_a_second_valid_token() -> None:
    # 32 MAC bytes are 43 base64 characters with 2 spare bits in the last one; a decoder
    # that ignores them would accept 'B' where the token says 'A'.
    text = token(7, "r-1")
    body, mac = text.split(".")
    last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".index(mac[-1])
    for spare in range(1, 4):
        sibling = (
            mac[:-1]
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last ^ spare]
        )
        assert refusal(KEYS, f"{body}.{sibling}", 7) is Refusal.FORGED


def test_a_link_signed_with_another_key_is_refused() -> None:
    other = LinkKeys(current="x" * 40)
    assert refusal(KEYS, token(7, "r-1", keys=other), 7) is Refusal.FORGED


def test_keys_rotate_old_links_still_work_and_new_ones_use_the_new_key() -> None:
    old = LinkKeys(current="o" * 40)
    rotated = LinkKeys(current="n" * 40, fallbacks=(old.current,))
    made_before = token(7, "r-1", keys=old)
    made_after = token(7, "r-2", keys=rotated)

    assert read_link(rotated, made_before, ticket_id=7).request_id == "r-1"
    assert read_link(LinkKeys(current="n" * 40), made_after, ticket_id=7).request_id == "r-2"
    assert refusal(old, made_after, 7) is Refusal.FORGED


def test_a_link_for_another_ticket_is_refused_with_its_claim_kept() -> None:
    with pytest.raises(LinkRefused) as info:
        read_link(KEYS, token(7, "r-1", locale="es"), ticket_id=8)

    assert info.value.reason is Refusal.OTHER_TICKET
    assert info.value.claim is not None and info.value.claim.locale == "es"


def test_expiry_is_read_against_the_callers_clock() -> None:
    claim = read_link(KEYS, token(7, "r-1", expires_at=NOW + TTL), ticket_id=7)

    assert not claim.expired(NOW + TTL - timedelta(seconds=1))
    assert claim.expired(NOW + TTL)


def test_request_links_are_three_choices_under_the_public_url() -> None:
    links = request_links(
        KEYS,
        "https://help.example.com/alignbot/",
        ticket_id=42,
        request_id="42-1",
        now=NOW,
        ttl=TTL,
    )

    assert set(links) == set(Choice)
    for choice, url in links.items():
        prefix = "https://help.example.com/alignbot/r/42/"
        assert url.startswith(prefix)
        claim = read_link(KEYS, url.removeprefix(prefix), ticket_id=42)
        assert (claim.choice, claim.request_id, claim.expires_at) == (choice, "42-1", NOW + TTL)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ticket_id", 0),
        ("request_id", ""),
        ("request_id", "r" * 65),
        ("request_id", "a b"),
        ("locale", "<script>"),
        ("expires_at", datetime(2026, 12, 3)),
    ],
)
def test_a_link_that_could_not_be_read_back_is_never_made(field: str, value: object) -> None:
    arguments: dict[str, object] = {
        "ticket_id": 7,
        "request_id": "r-1",
        "choice": Choice.CONFIRM,
        "expires_at": NOW,
        "locale": None,
    }
    arguments[field] = value
    with pytest.raises(ValueError):
        issue_link(KEYS, **arguments)  # type: ignore[arg-type]


def test_the_keys_never_show_in_their_repr() -> None:
    keys = LinkKeys(current="s3cret" * 8, fallbacks=("old-s3cret" * 4,))
    assert "s3cret" not in repr(keys) and "s3cret" not in str(keys)
