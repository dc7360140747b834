"""The scheduler's settings: a digest time or weekday that cannot be read is refused naming
the setting, and the forms people write are accepted."""

from __future__ import annotations

import pytest

from bot.errors import SettingsError
from bot.settings import load_settings


@pytest.mark.parametrize("value", ["8am", "25:00", "08:5", "0800"])
def test_an_unreadable_digest_time_is_refused_naming_the_setting(value: str) -> None:
    with pytest.raises(SettingsError, match=r"^DIGEST_AT: .*expected a local time such as 08:00"):
        load_settings(_env_file=None, digest_at=value)


def test_a_weekday_may_be_written_in_full_or_any_case_and_empty_means_daily() -> None:
    assert load_settings(_env_file=None, digest_weekly_on="Monday").digest_weekly_on == "mon"
    assert load_settings(_env_file=None, digest_weekly_on="").digest_weekly_on is None


def test_an_unknown_weekday_is_refused_naming_the_setting() -> None:
    with pytest.raises(SettingsError, match=r"^DIGEST_WEEKLY_ON: "):
        load_settings(_env_file=None, digest_weekly_on="someday")
