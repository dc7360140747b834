"""The `seed` fixture: a `Seed` on the (SQLite and PostgreSQL) `engine`."""

from __future__ import annotations

import pytest
from metrics_support import Seed
from sqlalchemy import Engine


@pytest.fixture
def seed(engine: Engine) -> Seed:
    return Seed(engine)
