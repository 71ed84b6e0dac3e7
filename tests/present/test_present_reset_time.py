"""Reset times read the same everywhere: the local clock time, then how long until it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tui.github.reset_time import reset_time
from tui.present.census import Coverage

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # 17:30 in Kolkata


@pytest.fixture(autouse=True)
def kolkata(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A local zone half an hour off UTC's hours: a time left in UTC cannot pass for local."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("later", "said"),
    [
        (timedelta(minutes=41), "18:11 (in 41 min)"),
        (timedelta(minutes=40, seconds=1), "18:10 (in 41 min)"),  # never less than is left
        (timedelta(seconds=20), "17:30 (in 1 min)"),
        (timedelta(minutes=60), "18:30 (in 1 h)"),
        (timedelta(hours=2, minutes=5), "19:35 (in 2 h 5 min)"),
        (timedelta(hours=7), "00:30 tomorrow (in 7 h)"),
        (timedelta(days=2), "17:30 on 2026-12-06 (in 48 h)"),
        (timedelta(0), "17:30 (passed)"),
        (-timedelta(minutes=3), "17:27 (passed)"),
    ],
)
def test_reset_time(later: timedelta, said: str) -> None:
    assert reset_time(NOW + later, NOW) == said


def test_the_census_coverage_says_when_the_rest_comes() -> None:
    coverage = Coverage(listed=10, matched=10, counted=10, with_languages=10, with_frameworks=4,
                        from_cache=0, reset_at=NOW + timedelta(minutes=41))  # fmt: skip
    assert coverage.text(NOW) == (
        "frameworks for 4 of 10; the rest after the reset at 18:11 (in 41 min)"
    )
