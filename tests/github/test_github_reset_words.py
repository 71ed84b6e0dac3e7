"""A refused request says when the budget refills as every screen does: time, then how long."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tui.github.errors import RateLimited, reset_words


def test_the_message_gives_the_local_time_and_the_minutes_left() -> None:
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    reset = now + timedelta(minutes=41, seconds=10)
    local = reset.astimezone()
    assert reset_words(reset, now) == f"resets at {local:%H:%M} (in 42 min)"


def test_a_reset_already_behind_says_so_without_a_countdown() -> None:
    now = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    assert reset_words(now - timedelta(minutes=1), now) == "it has reset since"


def test_rate_limited_carries_the_same_words() -> None:
    now = datetime.now(UTC)
    refused = RateLimited("core", now + timedelta(minutes=5), now=now)
    assert "(in 5 min)" in refused.user_message
