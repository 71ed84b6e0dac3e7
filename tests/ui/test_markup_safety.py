"""Untrusted text shows literally and triggers nothing: names, descriptions, topics, errors."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeRepo, FakeSource, settle
from tui.analysis.report import Evidence, Framework, RepoInfo
from tui.github.errors import NotFound
from tui.textsafe import clean, one_line
from tui.ui.widgets.results_table import ResultsTable
from tui.ui.widgets.safe_text import safe_text

HOSTILE = "[@click=app.quit]x[/]"
ESCAPE = "\x1b[31mred\x1b]0;pwned\x07\x07"
NAME = f"evil/{HOSTILE}"


def hostile_source() -> FakeSource:
    """A source whose only repository is made of markup and escape codes."""
    info = RepoInfo(
        full_name=NAME,
        description=f"{HOSTILE} {ESCAPE}",
        topics=(HOSTILE, f"t{ESCAPE}"),
        license=HOSTILE,
        homepage=f"https://example.com/{HOSTILE}",
        primary_language="Python",
    )
    fw = Framework(HOSTILE, "ml", 0.9, evidence=(Evidence(f"{HOSTILE}.txt", HOSTILE, 1),))
    source = FakeSource(repos={NAME: FakeRepo(info, {"Python": 10}, (fw,))})
    source.errors["evil/other"] = NotFound(f"{HOSTILE} {ESCAPE}")
    return source


def exported_markdown(directory: Path) -> str:
    """The one Markdown export written into ``directory``."""
    (path,) = directory.glob("*.md")
    return path.read_text(encoding="utf-8")


def test_clean_strips_escapes_and_controls() -> None:
    assert one_line(f"a{ESCAPE}b\x00\x9b") == "aredb"
    assert one_line("one\ntwo\tthree") == "one two three"
    assert clean("one\ntwo") == "one\ntwo"
    assert safe_text(HOSTILE).plain == HOSTILE
    assert not safe_text(HOSTILE).spans


async def test_hostile_repository_shows_literally(tmp_path: Path) -> None:
    app = app_for(hostile_source(), tmp_path, initial_query="evil")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(ResultsTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        # shown literally, if cut to its column (…): markup would have vanished
        assert any(cell.startswith(HOSTILE[:17]) for cell in row)
        assert not any("\x1b" in cell or "\x07" in cell for cell in row)
        title = str(app.screen.query_one("#detail-title", Static).render())
        description = str(app.screen.query_one("#detail-description", Static).render())
        meta = str(app.screen.query_one("#detail-meta", Static).render())
        assert HOSTILE in title
        assert HOSTILE in description
        assert "red" in description
        assert "\x1b" not in description
        assert "pwned" not in description
        assert meta.count(HOSTILE) >= 3  # licence, homepage and a topic
        await pilot.press("e")
        evidence = str(app.screen.query_one("#detail-frameworks").render())
        assert evidence.count(HOSTILE) >= 3
        await pilot.click("#detail-description")
        await pilot.click("#detail-title")
        await pilot.click(ResultsTable, offset=(8, 1))
        await settle(app, pilot)
        assert app.is_running
        await pilot.press("enter")  # full-screen detail of the same repository
        await settle(app, pilot)
        await pilot.click("#detail-description")
        await pilot.pause()
        assert app.is_running


async def test_hostile_error_message_is_literal(tmp_path: Path) -> None:
    app = app_for(hostile_source(), tmp_path, open_repos=["evil/other"])
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await settle(app, pilot)
        notes = list(app._notifications)
        assert len(notes) == 1
        assert notes[0].message == f"{HOSTILE} red"  # escape codes stripped, markup kept literal
        assert not notes[0].markup
        await pilot.pause(0.2)
        toasts = app.screen.query("Toast")
        assert toasts, "the notification is on screen"
        assert HOSTILE in str(toasts.first().render())
        await pilot.click("Toast")
        await pilot.pause()
        assert app.is_running


async def test_hostile_name_in_compare_and_export(tmp_path: Path) -> None:
    source = hostile_source()
    source.add(FakeSource().repos.values())
    app = app_for(source, tmp_path, open_repos=[NAME, "pallets/flask"])
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.click("#compare", offset=(30, 0))
        await pilot.press("m")
        await settle(app, pilot)
        assert app.is_running
        text = exported_markdown(tmp_path)
        assert "evil/[@click=app.quit]x[/]" in text
        assert "\x1b" not in text
