"""`alignbot doctor` against both sandboxes: all ok with good settings, and each broken
setting named as a problem with its fix and exit status 1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app
from bot.store import make_engine, upgrade
from integrations.slack.sandbox import SlackSandbox
from integrations.zendesk.sandbox import ZendeskSandbox, generate_org

NOW = datetime(2026, 3, 2, tzinfo=UTC)
LINK_SECRET = "k" * 40


@dataclass
class Deployment:
    zendesk: ZendeskSandbox
    slack: SlackSandbox
    db_url: str
    monkeypatch: pytest.MonkeyPatch

    def set(self, name: str, value: str) -> None:
        self.monkeypatch.setenv(name, value)

    def unset(self, name: str) -> None:
        self.monkeypatch.delenv(name, raising=False)


def doctor() -> Result:
    return CliRunner().invoke(app, ["doctor"])


def problems(result: Result) -> dict[str, tuple[str, str]]:
    """Each problem's check name -> (what was found, the fix), from the printed report."""
    lines = result.output.splitlines()
    found: dict[str, tuple[str, str]] = {}
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if line.startswith("problem  "):
            check, _, detail = line.removeprefix("problem  ").partition(": ")
            found[check] = (detail, following.strip().removeprefix("fix: "))
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def deployment(
    db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[Deployment]:
    """A deployment every check passes on: sandboxes up, the store migrated, the
    "Awaiting confirmation" status made by `alignbot zendesk setup`, links configured."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    with (
        ZendeskSandbox(generate_org(tickets=5, seed=3, now=NOW)) as zendesk,
        SlackSandbox() as slack,
    ):
        env = Deployment(zendesk, slack, db_url, monkeypatch)
        for name, value in {
            "ZENDESK_URL": zendesk.url,
            "ZENDESK_EMAIL": zendesk.email,
            "ZENDESK_API_TOKEN": "sandbox",
            "ZENDESK_REQUESTS_PER_MINUTE": "10000",
            "SLACK_BOT_TOKEN": "xoxb-sandbox",
            "SLACK_API_URL": slack.url,
            "SLACK_DIGEST_CHANNEL": "#support-managers",
            "DATABASE_URL": db_url,
            "ALIGNBOT_LINK_SECRET": LINK_SECRET,
            "ALIGNBOT_PUBLIC_URL": "https://help.example.com/alignbot",
            "RESOLUTION_MODE": "enforce",
        }.items():
            env.set(name, value)
        setup = CliRunner().invoke(app, ["zendesk", "setup"])
        assert setup.exit_code == 0, setup.output
        yield env


def test_a_healthy_deployment_passes_every_check(deployment: Deployment) -> None:
    result = doctor()
    assert result.exit_code == 0, result.output
    assert problems(result) == {}
    for check in (
        "settings",
        "database",
        "migrations",
        "zendesk credentials",
        "zendesk role",
        "custom statuses",
        "slack token",
        "slack scopes",
        "slack channel",
        "link secret",
        "public url",
    ):
        assert f"ok       {check}: " in result.output
    assert result.output.rstrip().endswith("all checks passed")


def test_a_wrong_zendesk_token_is_a_credentials_problem(deployment: Deployment) -> None:
    deployment.set("ZENDESK_API_TOKEN", "not-the-token")
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["zendesk credentials"]
    assert "401" in detail and "ZENDESK_API_TOKEN" in fix
    assert "not-the-token" not in result.output


def test_an_unreachable_zendesk_url_says_to_check_it(deployment: Deployment) -> None:
    deployment.set("ZENDESK_URL", f"http://127.0.0.1:{free_port()}")
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["zendesk credentials"]
    assert "cannot reach Zendesk" in detail and "ZENDESK_URL" in fix
    assert "ok       slack token" in result.output  # the other checks still ran


def test_an_agent_token_cannot_run_setup(deployment: Deployment) -> None:
    agent = next(u for u in deployment.zendesk.org.users.values() if u.get("role") == "agent")
    deployment.set("ZENDESK_EMAIL", str(agent["email"]))
    result = doctor()
    assert result.exit_code == 1
    assert set(problems(result)) == {"zendesk role"}


def test_a_missing_awaiting_status_points_to_zendesk_setup(deployment: Deployment) -> None:
    deployment.zendesk.org.custom_statuses.clear()
    result = doctor()
    assert result.exit_code == 1
    assert problems(result)["custom statuses"][1] == "run `alignbot zendesk setup`"


def test_custom_statuses_turned_off_is_a_problem(deployment: Deployment) -> None:
    deployment.zendesk.custom_statuses_enabled = False
    result = doctor()
    assert "turn them on" in problems(result)["custom statuses"][1]


def test_a_wrong_slack_token_is_a_token_problem(deployment: Deployment) -> None:
    deployment.set("SLACK_BOT_TOKEN", "xoxb-wrong-token")
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["slack token"]
    assert "refused the token" in detail and "SLACK_BOT_TOKEN" in fix
    assert "xoxb-wrong-token" not in result.output


def test_a_token_without_a_needed_scope_names_it(deployment: Deployment) -> None:
    deployment.slack.scopes = "chat:write,users:read,channels:read,channels:history"
    result = doctor()
    detail, fix = problems(result)["slack scopes"]
    assert "im:write, users:read.email, files:write" in detail and "reinstall" in fix


def test_a_bot_outside_the_digest_channel_is_told_to_invite_it(
    deployment: Deployment,
) -> None:
    deployment.slack.add_channel("managers-private", member=False)
    deployment.set("SLACK_DIGEST_CHANNEL", "#managers-private")
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["slack channel"]
    assert "not a member of #managers-private" in detail and "/invite @alignbot" in fix


def test_missing_link_secret_and_public_url_when_the_flow_is_on(
    deployment: Deployment,
) -> None:
    deployment.unset("ALIGNBOT_LINK_SECRET")
    deployment.unset("ALIGNBOT_PUBLIC_URL")
    result = doctor()
    assert result.exit_code == 1
    found = problems(result)
    assert set(found) == {"link secret", "public url"}
    assert "ALIGNBOT_LINK_SECRET is not set" in found["link secret"][0]
    assert "token_urlsafe" in found["link secret"][1]
    deployment.set("RESOLUTION_MODE", "off")
    assert doctor().exit_code == 0


def test_migrations_behind_say_to_run_db_upgrade(deployment: Deployment, tmp_path: Path) -> None:
    # A store one migration behind the newest, on SQLite (the PostgreSQL leg of `db_url`
    # already covers the backends for the other checks).
    url = f"sqlite:///{tmp_path / 'behind.db'}"
    engine = make_engine(url)
    upgrade(engine, "0013")
    engine.dispose()
    deployment.set("DATABASE_URL", url)
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["migrations"]
    assert "the schema is at 0013" in detail and fix.startswith("run `alignbot db upgrade`")


def test_an_unreachable_database_says_to_check_database_url(deployment: Deployment) -> None:
    deployment.set("DATABASE_URL", f"postgresql://postgres@127.0.0.1:{free_port()}/nowhere")
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["database"]
    assert "cannot open the database" in detail and "DATABASE_URL" in fix
    assert "migrations" not in result.output


def test_settings_that_do_not_load_are_the_only_problem_reported(
    deployment: Deployment,
) -> None:
    deployment.set("ALIGNBOT_TIMEZONE", "Mars/Olympus")
    result = doctor()
    assert result.exit_code == 1
    detail, _fix = problems(result)["settings"]
    assert "ALIGNBOT_TIMEZONE" in detail
    assert "ok " not in result.output


def test_an_unreachable_slack_api_url_says_to_check_it(deployment: Deployment) -> None:
    deployment.set("SLACK_API_URL", f"http://127.0.0.1:{free_port()}/api/")
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["slack token"]
    assert "127.0.0.1" in detail and "SLACK_API_URL" in fix
    assert "slack scopes" not in result.output and "slack channel" not in result.output


def test_a_missing_sqlite_file_is_reported_not_created(
    deployment: Deployment, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere" / "alignbot.db"
    deployment.set("DATABASE_URL", f"sqlite:///{missing}")
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["database"]
    assert str(missing) in detail and "alignbot db upgrade" in fix
    assert not missing.exists()


def test_an_oauth_token_without_the_write_scope_is_a_problem(deployment: Deployment) -> None:
    deployment.unset("ZENDESK_API_TOKEN")
    deployment.set("ZENDESK_OAUTH_TOKEN", "sandbox")
    assert doctor().exit_code == 0
    deployment.zendesk.oauth_scopes = ["read"]
    result = doctor()
    assert result.exit_code == 1
    detail, fix = problems(result)["zendesk scopes"]
    assert "lacks the write scope" in detail and "read and write" in fix
