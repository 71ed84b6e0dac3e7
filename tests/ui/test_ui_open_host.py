"""``o`` opens the configured host's web page, not github.com, when the API host is another."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.sources.base import SourceStatus
from tui.sources.factory import web_url
from tui.ui.app import make_app


@pytest.mark.parametrize(
    ("api", "web"),
    [
        ("https://api.github.com", "https://github.com"),
        ("https://ghe.example.com/api/v3", "https://ghe.example.com"),
        ("http://127.0.0.1:8080/api/v3", "http://127.0.0.1:8080"),
    ],
)
def test_the_web_base_follows_the_api_base(api: str, web: str) -> None:
    assert web_url(api) == web


async def test_o_uses_the_enterprise_hosts_web_url(tmp_path: Path) -> None:
    status = SourceStatus(host="ghe.example.com", web_url="https://ghe.example.com")
    app = make_app(FakeSource(), status=status, now=NOW, blink=False, export_dir=tmp_path,
                   open_repos=["pallets/flask"])  # fmt: skip
    opened: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.screen.open_url = opened.append  # type: ignore[attr-defined]  # no real browser
        await pilot.press("o")
        await pilot.pause()
    assert opened == ["https://ghe.example.com/pallets/flask"]
