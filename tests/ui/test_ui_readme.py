"""The README preview: from the raw host (no API budget), Markdown only, never markup."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown, Static

from tests.doubles.clients import ClientFactory
from tests.doubles.fake_source import NOW, FakeSource, settle
from tests.doubles.github_server import GitHubServer
from tui.sources.base import Readme
from tui.sources.github import GitHubSource
from tui.sources.local import local_readme
from tui.ui.app import make_app
from tui.ui.widgets.readme_preview import ReadmePreview

HOSTILE = (
    "# Widgets\n\nClick [@click=app.quit]here[/] or [b]there[/b].\n\n[docs](https://x.example)\n"
)


async def test_the_readme_comes_from_the_raw_host_and_spends_nothing(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    github_server.add_repo("acme/docs", files={"README.rst": b"Docs\n====\n"})
    source = GitHubSource(make_client())
    readme = await source.readme("acme/docs", "main")
    assert readme == Readme("README.rst", "Docs\n====\n")
    assert github_server.charged() == 0
    assert not github_server.hits("/api/v3")  # the raw host only
    assert await source.readme("acme/docs", "HEAD") == readme


async def test_no_readme_is_none(github_server: GitHubServer, make_client: ClientFactory) -> None:
    github_server.add_repo("acme/bare", files={"main.go": b"package main\n"})
    assert await GitHubSource(make_client()).readme("acme/bare") is None


def test_a_checkout_readme_is_read_from_disk(tmp_path: Path) -> None:
    assert local_readme(tmp_path) is None
    (tmp_path / "README.md").write_text("# Hello\n", encoding="utf-8")
    assert local_readme(tmp_path) == Readme("README.md", "# Hello\n")


class ReadmeSource(FakeSource):
    """The fake source, with a README for every repository."""

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        return Readme("README.md", HOSTILE)


async def test_the_detail_renders_the_readme_without_running_its_markup(tmp_path: Path) -> None:
    app = make_app(ReadmeSource(), now=NOW, blink=False, export_dir=tmp_path,
                   open_repos=["pallets/flask"])  # fmt: skip
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        preview = app.screen.query_one(ReadmePreview)
        assert str(preview.query_one("#readme-title", Static).render()) == "README.md"
        body = preview.query_one(Markdown)
        assert body.source == HOSTILE
        shown = " ".join(str(block.render()) for block in body.query("MarkdownBlock"))
        assert "[@click=app.quit]here[/]" in shown  # shown as written, not run
        assert "Widgets" in shown
        await pilot.click(body)
        await pilot.pause()
        assert app.is_running


async def test_without_a_readme_the_preview_says_so(tmp_path: Path) -> None:
    app = make_app(FakeSource(), now=NOW, blink=False, export_dir=tmp_path,
                   open_repos=["pallets/flask"])  # fmt: skip
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        title = app.screen.query_one("#readme-title", Static)
        assert str(title.render()) == "README: none found"
