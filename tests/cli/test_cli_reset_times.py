"""``repolens rate-limit`` and ``repolens census`` say when the budget refills as the app does."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.doubles.cli import point_at, run, without_token
from tests.doubles.generated_repos import install, populate
from tests.doubles.github_server import FakeClock, GitHubServer


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """A fake GitHub on the real clock (the commands read it), in Kolkata's time zone."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")  # half an hour off UTC: a UTC time would show
    time.tzset()
    without_token(monkeypatch, tmp_path)
    with GitHubServer(FakeClock(datetime.now(UTC).replace(microsecond=0))).serving() as srv:
        populate(srv, 80)
        install(srv)
        point_at(monkeypatch, srv, tmp_path)
        yield srv
    monkeypatch.undo()
    time.tzset()


def kolkata(moment: datetime) -> str:
    return (moment + timedelta(hours=5, minutes=30)).strftime("%H:%M")


def test_rate_limit_table_gives_local_time_and_minutes_left(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    reset = server.clock() + timedelta(minutes=41)
    server.exhaust("core", reset_in=41 * 60)
    code, out, _ = run(capsys, "rate-limit")
    assert code == 0
    core = next(line for line in out.splitlines() if line.startswith("core"))
    assert core.split()[1:3] == ["0", "60"]
    # the real clock moves on while the command runs: 41 minutes, or 40 and some seconds
    assert re.search(rf"{kolkata(reset)} \(in (41|40) min\)$", core), core
    search = next(line for line in out.splitlines() if line.startswith("search"))
    assert re.search(r"\d\d:\d\d \(in 1 min\)$", search), search  # its window is a minute


@pytest.mark.parametrize("output", [(), ("--markdown",)])
def test_census_says_when_the_rest_comes(
    output: tuple[str, ...], server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    reset = server.clock() + timedelta(hours=1)  # the anonymous hour began with the first request
    code, out, _ = run(capsys, "census", "census", "--limit", "80", "--yes", *output)
    assert code == 0
    when = rf"the rest after the reset at {kolkata(reset)} \(in (1 h|5\d min)\)"
    assert re.search(when, out), out[:400]
