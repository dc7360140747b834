"""SENTIMENT_BACKEND: the lexicons, Zendesk's own sentiment field, or a backend of your own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.errors import SettingsError
from bot.settings import Settings
from bot.signals.analyze import analyze
from bot.signals.backends import backend_from_settings, load_backend
from bot.signals.sentiment import DEFAULT_BACKEND, LexiconBackend, ZendeskFieldBackend
from bot.store import Comment, CommentSignal, Ticket, User

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
FIELD_ID = 360_001


def test_lexicon_is_the_default_backend() -> None:
    assert load_backend("lexicon") is DEFAULT_BACKEND
    assert backend_from_settings(Settings(_env_file=None)) is DEFAULT_BACKEND


def test_a_backend_of_your_own_is_loaded_from_its_import_path() -> None:
    backend = load_backend("bot.signals.sentiment:LexiconBackend")
    assert isinstance(backend, LexiconBackend)
    assert backend.score("This is great, thank you!", "en").label == "positive"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("vader", "is not lexicon, zendesk_field, onnx or package.module:Name"),
        ("no_such_package.models:Model", "cannot load"),
        ("bot.signals.sentiment:Sentiment", "failed to start"),
        ("bot.signals.sentiment:DEFAULT_BACKEND", "failed to start"),
        ("bot.settings:Settings", "without a `name`"),
    ],
)
def test_a_bad_backend_is_one_error_naming_the_setting(spec: str, message: str) -> None:
    with pytest.raises(SettingsError, match="SENTIMENT_BACKEND") as error:
        load_backend(spec)
    assert message in str(error.value)


def test_zendesk_field_backend_needs_the_field_id() -> None:
    settings = Settings(_env_file=None, sentiment_backend="zendesk_field")
    with pytest.raises(SettingsError, match="ZENDESK_SENTIMENT_FIELD_ID"):
        backend_from_settings(settings)


def test_zendesk_field_scores_the_first_customer_message_and_lexicons_the_rest(
    engine: Engine,
) -> None:
    with Session(engine) as session:
        session.add(User(id=1, name="Ana", role="end-user", locale="en-US"))
        session.add(
            Ticket(
                id=10,
                requester_id=1,
                channel="email",
                custom_fields={str(FIELD_ID): "very_negative"},
                created_at=NOW - timedelta(hours=3),
                updated_at=NOW,
            )
        )
        for comment_id, minutes, body in (
            (100, 0, "Hello, a quick question about my invoice."),
            (101, 60, "Thank you so much, that was really helpful!"),
        ):
            session.add(
                Comment(
                    id=comment_id,
                    ticket_id=10,
                    author_id=1,
                    author_role="customer",
                    channel="email",
                    body=body,
                    created_at=NOW - timedelta(hours=3) + timedelta(minutes=minutes),
                )
            )
        session.commit()
    settings = Settings(
        _env_file=None, sentiment_backend="zendesk_field", zendesk_sentiment_field_id=FIELD_ID
    )
    backend = backend_from_settings(settings)
    assert isinstance(backend, ZendeskFieldBackend)
    analyze(engine, settings, NOW, backend=backend)
    with Session(engine) as session:
        labels = dict(
            session.exec(select(CommentSignal.comment_id, CommentSignal.sentiment_label)).all()
        )
    # The first message reads neutral to the lexicons; Zendesk's field says very negative.
    assert labels[100] == "negative"
    assert labels[101] == "positive"  # later messages are the lexicons' to score
