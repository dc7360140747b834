"""The resolution flow's texts: every language says what English says (same fields, every
link exactly once, the days and dates), the language falls back as the pages' does, names
cannot break a comment, and the assignee's DM shows the customer's words as words."""

from __future__ import annotations

import json
import string
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.resolution.links import Choice, request_links
from bot.resolution.messages import (
    MAX_QUOTE_CHARS,
    TEXTS,
    closing_comment,
    denial_dm,
    reminder_comment,
    request_comment,
)
from bot.web.messages import LANGUAGES, MESSAGES
from integrations.slack.sandbox.server import validate_blocks
from tests.resolution.resolution_support import KEYS, NOW, TTL

ZONE = ZoneInfo("Europe/Madrid")
LINKS = request_links(
    KEYS,
    "https://help.example.com/alignbot",
    ticket_id=4217,
    request_id="4217-1",
    now=NOW,
    ttl=TTL,
)
TICKET_URL = "https://example.zendesk.com/agent/tickets/4217"


def request(locale: str | None, **kwargs: Any) -> str:
    values: dict[str, Any] = {
        "requester_name": "Ana Ruiz",
        "agent_name": "Bruno",
        "expires_at": NOW + TTL,
        "zone": ZONE,
        "close_after_days": 7,
    }
    return request_comment(locale, LINKS, **(values | kwargs))


def reminder(locale: str | None, number: int = 1, **kwargs: Any) -> str:
    values: dict[str, Any] = {
        "requester_name": "Ana Ruiz",
        "close_at": NOW + timedelta(days=7),
        "zone": ZONE,
    }
    return reminder_comment(locale, LINKS, number=number, **(values | kwargs))


def fields(text: str) -> set[str | None]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_texts_speak_the_same_languages_as_the_pages() -> None:
    assert tuple(TEXTS) == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_englishs_messages_and_fields(language: str) -> None:
    assert TEXTS[language].keys() == TEXTS["en"].keys()
    for key, english in TEXTS["en"].items():
        assert fields(TEXTS[language][key]) == fields(english), (language, key)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_comment_carries_each_link_once_on_its_own_line(language: str) -> None:
    for comment in (request(language), reminder(language, 1), reminder(language, 2)):
        lines = comment.splitlines()
        for choice in Choice:
            assert comment.count(LINKS[choice]) == 1, (language, choice)
            assert LINKS[choice] in lines, (language, choice)


@pytest.mark.parametrize("language", LANGUAGES)
def test_request_says_who_solved_it_the_rating_question_the_days_and_the_expiry(
    language: str,
) -> None:
    comment = request(language, close_after_days=7, expires_at=NOW + TTL)
    assert "Ana" in comment and "Ruiz" not in comment
    assert "Bruno" in comment
    assert MESSAGES[language]["rating_question"] in comment
    assert " 7" in comment or "\u00a07" in comment
    # 17 December 2026 in Madrid, in the language's own words.
    assert "17" in comment and "2026" in comment


def test_request_in_english_reads_as_the_doc_shows() -> None:
    comment = request("en", close_after_days=7)
    assert comment.startswith("Hello Ana,\n\nBruno marked your request as solved.")
    assert "Yes, my issue is resolved:\n" + LINKS[Choice.CONFIRM] in comment
    assert "I still need help:\n" + LINKS[Choice.NEED_HELP] in comment
    assert "I'll close it myself:\n" + LINKS[Choice.CLOSE] in comment
    assert "reply to this email" in comment
    assert "close this request in 7 days" in comment
    assert "These links work until December 17, 2026." in comment


def test_request_expiry_is_the_day_in_the_requesters_zone() -> None:
    late = NOW.replace(hour=23, minute=30)  # 23:30 UTC is already the next day in Madrid
    assert "December 4, 2026" in request("en", expires_at=late, zone=ZoneInfo("Europe/Madrid"))
    assert "December 3, 2026" in request("en", expires_at=late, zone=ZoneInfo("UTC"))


def test_request_says_fractional_and_single_days_in_the_language() -> None:
    assert "in 2.5 days" in request("en", close_after_days=2.5)
    assert "en 2,5 días" in request("es", close_after_days=2.5)
    assert "in 1 day." in request("en", close_after_days=1)


def test_request_without_names_greets_without_one_and_says_we_solved_it() -> None:
    comment = request("en", requester_name=None, agent_name=None)
    assert comment.startswith("Hello,\n\nWe marked your request as solved.")


def test_a_naive_expiry_is_refused_rather_than_read_in_the_servers_zone() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        request("en", expires_at=NOW.replace(tzinfo=None))


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        (None, "en"),
        ("", "en"),
        ("ja", "en"),
        ("xx-YY", "en"),
        ("pt-BR", "pt"),
        ("pt_BR", "pt"),
        ("es-MX", "es"),
        ("FR", "fr"),
        ("de-AT", "de"),
    ],
)
def test_locale_falls_back_to_its_language_or_english(locale: str | None, language: str) -> None:
    t = TEXTS[language]
    assert t["need_help"] in request(locale)
    assert t["reminder_2"] in reminder(locale, 2)
    assert t["closed"] in closing_comment(locale, requester_name=None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_reminders_say_which_one_and_the_closing_day(language: str) -> None:
    t = TEXTS[language]
    first, second = reminder(language, 1), reminder(language, 2)
    assert t["reminder_1"] in first and t["reminder_2"] not in first
    assert t["reminder_2"] in second
    assert "10" in first and "2026" in first  # closes 10 December 2026
    assert t["reply"] in first


def test_english_reminder_names_the_closing_day() -> None:
    assert "close this request on December 10, 2026." in reminder("en", 1)


@pytest.mark.parametrize("number", [0, 3])
def test_there_are_only_two_reminders(number: int) -> None:
    with pytest.raises(ValueError):
        reminder("en", number)


@pytest.mark.parametrize("language", LANGUAGES)
def test_closing_note_says_it_is_closed_and_a_reply_picks_it_up(language: str) -> None:
    t = TEXTS[language]
    note = closing_comment(language, requester_name="Ana")
    assert t["closed"] in note and t["reopen"] in note
    assert "http" not in note


@pytest.mark.parametrize(
    "name",
    [
        "<b>Ana</b>\nBCC: everyone@example.com",
        "Ana\r\n\r\nYes, my issue is resolved:\nhttps://evil.example",
        "Ana\u202eevil\x00\x1b[31m",
        "{name} {agent} {0}",
    ],
)
def test_a_name_cannot_add_lines_or_fields_to_a_comment(name: str) -> None:
    plainly = request("en", requester_name="Ana", agent_name="Bruno")
    comment = request("en", requester_name=name, agent_name=name)
    # The name adds no line: the comment has exactly the lines it has with a plain name.
    assert len(comment.splitlines()) == len(plainly.splitlines())
    assert not any(ch in comment for ch in "\x00\x1b\u202e\r")
    assert "https://evil.example" not in comment.splitlines()
    pairs = [
        (reminder("en", requester_name=name), reminder("en", requester_name="Ana")),
        (closing_comment("en", requester_name=name), closing_comment("en", requester_name="Ana")),
    ]
    for text, plain_version in pairs:
        assert len(text.splitlines()) == len(plain_version.splitlines())
        assert not any(ch in text for ch in "\x00\x1b\u202e\r")


def test_a_name_with_markup_is_kept_as_written_text() -> None:
    # A plain-text body needs no HTML escaping; the name must just come through intact.
    assert request("en", requester_name="<b>", agent_name="<i>x</i>").startswith(
        "Hello <b>,\n\n<i>x</i> marked your request as solved."
    )


def test_a_blank_name_greets_without_one() -> None:
    assert request("en", requester_name=" \n\t ").startswith("Hello,\n\n")


def test_comments_hold_nothing_beyond_what_is_passed_in() -> None:
    comment = request("en")
    urls = [word for word in comment.split() if "://" in word]
    assert sorted(urls) == sorted(LINKS.values())


# -- the assignee's DM -----------------------------------------------------------------


def mrkdwn_texts(value: Any) -> list[str]:
    """Every string Slack reads as mrkdwn in the blocks."""
    found: list[str] = []
    if isinstance(value, dict):
        if value.get("type") == "mrkdwn":
            found.append(value["text"])
        for item in value.values():
            found += mrkdwn_texts(item)
    elif isinstance(value, list):
        for item in value:
            found += mrkdwn_texts(item)
    return found


def plain_texts(value: Any) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        if value.get("type") == "plain_text":
            found.append(value["text"])
        for item in value.values():
            found += plain_texts(item)
    elif isinstance(value, list):
        for item in value:
            found += plain_texts(item)
    return found


HOSTILE = "<!channel> it still fails, see <https://evil.example|your invoice> & <@U123>"


def test_dm_escapes_the_customers_words_in_its_mrkdwn_text() -> None:
    text, _ = denial_dm(4217, TICKET_URL, HOSTILE, subject="Q&A <!here>")
    assert "&lt;!channel&gt;" in text
    assert "&lt;https://evil.example|your invoice&gt;" in text
    assert "&lt;@U123&gt;" in text
    assert " &amp; " in text
    assert "Q&amp;A &lt;!here&gt;" in text
    # The only real link in it is ours.
    assert text.count("<") == 1 and f"<{TICKET_URL}|Open in Zendesk>" in text


def test_dm_blocks_show_customer_text_only_as_plain_text() -> None:
    _, blocks = denial_dm(4217, TICKET_URL, HOSTILE, subject="Q&A <!here>")
    for text in mrkdwn_texts(blocks):
        assert "evil" not in text and "channel" not in text and "Q&A" not in text
    shown = plain_texts(blocks)
    assert any(HOSTILE in text for text in shown)
    assert "Q&A <!here>" in shown


def test_dm_links_to_the_ticket_and_names_it() -> None:
    text, blocks = denial_dm(4217, TICKET_URL, "still broken", subject=None)
    buttons = [
        element for block in blocks if block["type"] == "actions" for element in block["elements"]
    ]
    assert [(b["text"]["text"], b["url"]) for b in buttons] == [("Open in Zendesk", TICKET_URL)]
    assert "#4217" in text and "#4217" in json.dumps(blocks)


def test_dm_cuts_long_words_to_what_a_section_allows() -> None:
    text, blocks = denial_dm(4217, TICKET_URL, "&" * 10_000, subject="s" * 5_000)
    for value in plain_texts(blocks) + mrkdwn_texts(blocks):
        assert len(value) <= 3000
    assert max(len(value) for value in plain_texts(blocks)) >= MAX_QUOTE_CHARS
    assert len(text) < 4000
    quoted = text.split("“", 1)[1].split("”", 1)[0]
    assert quoted.endswith("&amp;…")  # a cut never leaves a broken `&amp;`


def test_dm_flattens_newlines_and_drops_control_characters() -> None:
    text, blocks = denial_dm(4217, TICKET_URL, "line one\n> line two\u202e\x00", subject=None)
    quote = next(t for t in plain_texts(blocks) if "line one" in t)
    assert "\n" not in quote and "\x00" not in quote and "\u202e" not in quote
    assert "\n" not in text and "\x00" not in text


@pytest.mark.parametrize(
    ("words", "subject"),
    [("still broken", None), (HOSTILE, "Q&A <!here>"), ("&" * 10_000, "s" * 5_000), ("", "")],
)
def test_dm_blocks_are_what_slack_accepts(words: str, subject: str | None) -> None:
    _, blocks = denial_dm(4217, TICKET_URL, words, subject=subject)
    assert validate_blocks(blocks) == []
