"""The answer pages over real HTTP (uvicorn on 127.0.0.1), on SQLite and PostgreSQL: a GET
changes nothing, a POST records once, every refusal has its page and status, and every
response carries the security headers."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import Connection, Engine

from bot.resolution.answers import Answer
from bot.resolution.links import Choice
from bot.web import MAX_BODY_BYTES, SECURITY_HEADERS
from bot.web.messages import MESSAGES
from tests.resolution.resolution_support import NOW, TTL, add_ticket, answer_tables, token
from tests.web.web_support import make_app, serving

EMPTY = {"uses": [], "answers": []}


@pytest.fixture
def site(engine: Engine) -> Iterator[httpx.Client]:
    """A client of the app served over `engine`, with ticket 7 (requester speaks nothing
    we know) and ticket 8 (requester in pt-BR) in the store."""
    add_ticket(engine, 7)
    add_ticket(engine, 8, locale="pt-BR", time_zone="America/Sao_Paulo")
    with serving(make_app(engine)) as base, httpx.Client(base_url=base, timeout=10) as client:
        yield client


def link(ticket_id: int, request_id: str, choice: Choice = Choice.CONFIRM, **kwargs) -> str:
    return f"/r/{ticket_id}/{token(ticket_id, request_id, choice, **kwargs)}"


def post(client: httpx.Client, ticket_id: int, text: str, rating: str = "", **headers: str):
    return client.post(
        f"/r/{ticket_id}/answer", data={"token": text, "rating": rating}, headers=headers
    )


def h1(page: httpx.Response) -> str:
    found = re.search(r"<h1>(.*?)</h1>", page.text, re.S)
    assert found, page.text
    return html.unescape(found.group(1))


def lang(page: httpx.Response) -> str:
    found = re.search(r'<html lang="([a-z]+)">', page.text)
    assert found, page.text
    return found.group(1)


def test_a_get_shows_the_choice_and_its_form_and_changes_nothing(site, engine) -> None:
    url = link(7, "7-1", Choice.NEED_HELP)

    pages = [site.get(url), site.get(url), site.head(url)]

    assert [p.status_code for p in pages] == [200, 200, 200]
    page = pages[0]
    assert h1(page) == MESSAGES["en"]["need_help_heading"]
    assert '<form method="post" action="answer">' in page.text
    assert f'name="token" value="{url.rsplit("/", 1)[1]}"' in page.text
    assert MESSAGES["en"]["need_help_button"] in page.text
    assert [
        f'<input type="radio" id="rating-{n}" name="rating" value="{n}">' in page.text
        for n in range(1, 6)
    ] == [True] * 5
    assert "<script" not in page.text
    assert answer_tables(engine) == EMPTY


def test_a_post_records_the_answer_and_the_page_says_what_happened(site, engine) -> None:
    text = token(7, "7-1", Choice.CONFIRM)

    page = post(site, 7, text, rating="4")

    assert page.status_code == 200
    assert h1(page) == MESSAGES["en"]["done_title"]
    assert MESSAGES["en"]["confirm_done"] in html.unescape(page.text)
    assert "Your rating: 4 of 5." in page.text
    tables = answer_tables(engine)
    assert [(u["request_id"], u["choice"]) for u in tables["uses"]] == [("7-1", "confirm")]
    assert [(a["choice"], a["rating"], a["locale"]) for a in tables["answers"]] == [
        ("confirm", 4, "en")
    ]


def test_the_rating_may_be_left_unanswered(site, engine) -> None:
    page = post(site, 7, token(7, "7-1", Choice.CLOSE))

    assert page.status_code == 200 and "Your rating" not in page.text
    assert [a["rating"] for a in answer_tables(engine)["answers"]] == [None]


@pytest.mark.parametrize("rating", ["0", "6", "4.5", "five", "٣"])
def test_an_invalid_rating_shows_the_form_again_and_records_nothing(site, engine, rating) -> None:
    page = post(site, 7, token(7, "7-1"), rating=rating)

    assert page.status_code == 400
    assert MESSAGES["en"]["rating_invalid"] in page.text
    assert '<form method="post" action="answer">' in page.text
    assert answer_tables(engine) == EMPTY


def test_a_second_answer_to_the_same_request_is_refused_with_409(site, engine) -> None:
    post(site, 7, token(7, "7-1", Choice.CONFIRM), rating="5")
    before = answer_tables(engine)

    again = post(site, 7, token(7, "7-1", Choice.NEED_HELP))
    shown = site.get(link(7, "7-1", Choice.CLOSE))

    for page in (again, shown):
        assert page.status_code == 409
        assert h1(page) == MESSAGES["en"]["used_title"]
        assert "An answer was recorded on December 3, 2026" in page.text
    assert answer_tables(engine) == before


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    ("make", "status", "title"),
    [
        (lambda: (7, token(7, "7-1")[:-3]), 400, "forged_title"),
        (lambda: (7, "not-a-token"), 400, "forged_title"),
        (lambda: (7, token(8, "8-1")), 400, "other_ticket_title"),
        (lambda: (99, token(99, "99-1")), 404, "unknown_title"),
        (lambda: (7, token(7, "7-1", expires_at=NOW)), 410, "expired_title"),
    ],
    ids=["truncated", "garbage", "other-ticket", "unknown-ticket", "expired"],
)
def test_each_refused_link_has_its_page_and_status_and_changes_nothing(
    site, engine, method, make, status, title
) -> None:
    ticket_id, text = make()

    if method == "get":
        page = site.get(f"/r/{ticket_id}/{text}")
    else:
        page = post(site, ticket_id, text, rating="3")

    assert page.status_code == status
    assert h1(page) == MESSAGES["en"][title]
    assert "<form" not in page.text
    assert answer_tables(engine) == EMPTY


def test_an_expired_link_says_until_when_it_worked(site) -> None:
    page = site.get(link(7, "7-1", expires_at=NOW - timedelta(days=1)))

    assert page.status_code == 410
    assert "It worked until December 2, 2026." in page.text


@pytest.mark.parametrize(
    ("ticket_id", "locale", "accept", "expected"),
    [
        (7, "es", "", "es"),  # the token's locale first
        (8, None, "de", "pt"),  # then the requester's, from the users table
        (7, None, "fr-CA,fr;q=0.9,en;q=0.5", "fr"),  # then the browser's
        (7, None, "ja", "en"),  # English otherwise
        (7, "ja", "", "en"),
    ],
)
def test_the_page_speaks_the_requesters_language(site, ticket_id, locale, accept, expected) -> None:
    page = site.get(link(ticket_id, "r-1", locale=locale), headers={"Accept-Language": accept})

    assert lang(page) == expected
    assert page.headers["content-language"] == expected
    assert h1(page) == MESSAGES[expected]["confirm_heading"]


def test_dates_are_written_in_the_requesters_language(site) -> None:
    page = site.get(link(8, "8-1", expires_at=NOW + TTL))

    assert "Este link funciona até 17 de dezembro de 2026." in page.text


def test_a_forged_link_is_explained_in_the_browsers_language(site) -> None:
    page = site.get("/r/7/forged", headers={"Accept-Language": "de-AT,de;q=0.8"})

    assert (page.status_code, lang(page)) == (400, "de")
    assert h1(page) == MESSAGES["de"]["forged_title"]


@pytest.mark.parametrize(
    "request_of",
    [
        lambda c: c.get(link(7, "7-1")),
        lambda c: c.get("/r/7/forged"),
        lambda c: c.get("/nothing/here"),
        lambda c: c.post(link(7, "7-1"), data={"a": "b"}),
        lambda c: c.post("/r/7/answer", content=b"x" * (MAX_BODY_BYTES + 1)),
    ],
    ids=["form", "forged", "not-found", "wrong-method", "too-large"],
)
def test_every_response_carries_the_security_headers(site, request_of) -> None:
    page = request_of(site)

    for name, value in SECURITY_HEADERS.items():
        assert page.headers.get(name) == value, name
    assert "script-src" not in page.headers["content-security-policy"]
    assert "set-cookie" not in page.headers
    assert page.headers["content-type"].startswith("text/html")


def test_not_found_and_wrong_method_get_their_pages(site) -> None:
    assert site.get("/nothing/here").status_code == 404
    assert site.post(link(7, "7-1"), data={"a": "b"}).status_code == 405


def test_a_body_over_the_limit_is_refused_unread_with_413(site, engine) -> None:
    text = token(7, "7-1")
    declared = site.post(
        "/r/7/answer",
        content=f"token={text}&pad={'x' * MAX_BODY_BYTES}".encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    streamed = site.post(
        "/r/7/answer",
        content=iter([f"token={text}&pad=".encode(), b"x" * MAX_BODY_BYTES]),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert "content-length" not in streamed.request.headers
    assert (declared.status_code, streamed.status_code) == (413, 413)
    assert answer_tables(engine) == EMPTY


def test_a_post_that_is_not_a_form_is_refused_with_415(site, engine) -> None:
    page = site.post("/r/7/answer", json={"token": token(7, "7-1")})

    assert page.status_code == 415
    assert answer_tables(engine) == EMPTY


def test_a_post_without_a_token_or_with_too_many_fields_is_a_bad_request(site, engine) -> None:
    crowded = site.post("/r/7/answer", data={f"f{n}": "x" for n in range(11)} | {"token": "t"})

    assert post(site, 7, "").status_code == 400
    assert crowded.status_code == 400
    assert answer_tables(engine) == EMPTY


def test_the_flows_hook_sees_the_answer_and_its_failure_records_nothing(engine, caplog) -> None:
    add_ticket(engine, 7)
    seen: list[Answer] = []

    def failing_flow(connection: Connection, answer: Answer) -> None:
        seen.append(answer)
        raise RuntimeError("the state machine refused")

    text = token(7, "7-1", Choice.NEED_HELP)
    with (
        serving(make_app(engine, failing_flow)) as base,
        httpx.Client(base_url=base) as client,
        caplog.at_level(logging.INFO),
    ):
        page = post(client, 7, text, rating="2", **{"Accept-Language": "es"})
        shown = client.get(f"/r/7/{text}")

    assert [(a.ticket_id, a.request_id, a.choice, a.rating) for a in seen] == [
        (7, "7-1", Choice.NEED_HELP, 2)
    ]
    assert page.status_code == 500
    assert h1(page) == MESSAGES["es"]["error_title"]
    assert answer_tables(engine) == EMPTY
    assert shown.status_code == 200  # the link still works: nothing was spent
    logged = server_log(caplog)
    assert "POST /r/7/answer failed" in logged
    assert text.split(".")[0] not in logged and text.split(".")[1] not in logged


def test_tokens_never_reach_the_log(site, caplog) -> None:
    text = token(7, "7-1")
    with caplog.at_level(logging.DEBUG):
        site.get(f"/r/7/{text}")
        post(site, 7, text, rating="1")
        site.get(f"/r/7/{text}")

    logged = server_log(caplog)
    assert "GET /r/7/… 200" in logged
    assert "POST /r/7/answer 200" in logged
    assert "GET /r/7/… 409" in logged
    assert text.split(".")[0] not in logged and text.split(".")[1] not in logged


def server_log(caplog: pytest.LogCaptureFixture) -> str:
    """What the server side logged (the test's own HTTP client logs the URLs it requests)."""
    return "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}"
        for record in caplog.records
        if not record.name.startswith(("httpx", "httpcore"))
    )


def test_every_language_has_every_sentence_with_the_same_fields() -> None:
    fields = re.compile(r"{(\w+)}")
    english = MESSAGES["en"]
    assert set(MESSAGES) == {"en", "es", "fr", "de", "pt"}
    for language, messages in MESSAGES.items():
        assert set(messages) == set(english), language
        for key, text in messages.items():
            assert fields.findall(text) == fields.findall(english[key]), (language, key)
