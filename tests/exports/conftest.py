from datetime import datetime, timezone

import pytest

from .data import hostile_article, newsroom

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def room(db) -> dict:
    return newsroom()


@pytest.fixture
def hostile(db):
    return hostile_article()
