"""GitHub's NOASSERTION (a licence file it could not identify) reads "other" everywhere shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.doubles.apps import app_for
from tests.doubles.cli import run
from tests.doubles.fake_source import NOW, catalog_source, settle
from tui.analysis.report import RepoInfo, RepoReport
from tui.present.compare_rows import compare_rows
from tui.present.format import licence_label
from tui.ui.widgets.repo_detail import meta_text


@pytest.mark.parametrize(
    ("spdx", "shown"),
    [("NOASSERTION", "other"), ("noassertion", "other"), ("Other", "other"), ("MIT", "MIT"),
     ("Apache-2.0", "Apache-2.0"), (None, "none"), ("", "none")],
)  # fmt: skip
def test_licence_label(spdx: str | None, shown: str) -> None:
    assert licence_label(spdx) == shown


def test_detail_and_compare_say_other_and_json_keeps_githubs_word() -> None:
    infos = [RepoInfo("a/unknown", license="NOASSERTION"), RepoInfo("b/mit", license="MIT")]
    assert "licence other" in meta_text(infos[0], NOW).plain
    row = next(r for r in compare_rows([RepoReport(i) for i in infos], NOW) if r.key == "license")
    assert row.values == ("other", "MIT")
    assert row.raw == ("NOASSERTION", "MIT")  # machine output keeps the SPDX field as given


def test_the_command_line_says_other(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REPOLENS_API_URL", "http://127.0.0.1:9/api/v3")
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))
    code, out, _ = run(capsys, "--demo", "show", "BurntSushi/ripgrep")  # NOASSERTION on GitHub
    assert code == 0
    assert "licence other" in out
    assert "NOASSERTION" not in out


async def test_the_detail_pane_says_other(tmp_path: Path) -> None:
    source, budget, status = catalog_source()
    app = app_for(source, tmp_path, budget=budget, status=status, open_repos=["BurntSushi/ripgrep"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        meta = str(app.screen.query_one("#detail-meta", Static).render())
    assert "licence other" in meta
    assert "NOASSERTION" not in meta
