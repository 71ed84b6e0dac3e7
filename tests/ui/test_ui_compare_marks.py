"""Tests of the compare view's honesty: framework marks, sizes, chart labels, export place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.analysis.report import Evidence, Framework, RepoInfo, RepoReport
from tui.present.compare_export import to_json, to_markdown
from tui.present.compare_rows import LEGEND, SHORT_LEGEND, compare_rows, framework_mark
from tui.present.format import UNKNOWN
from tui.ui.app import make_app
from tui.ui.widgets.charts import bar_labels, chart_legend

SIZE = (100, 32)
EVIDENCE = (Evidence("requirements.txt", "torch", 1),)


def fw(confidence: float, *, is_self: bool = False, only_in: str | None = None) -> Framework:
    """PyTorch, detected with the given strength."""
    return Framework("PyTorch", "ml", confidence, is_self, EVIDENCE, only_in=only_in)


def report(name: str, *frameworks: Framework, size_kb: int | None = None) -> RepoReport:
    """A report with only a name, a size and frameworks."""
    return RepoReport(RepoInfo(name, size_kb=size_kb), frameworks=frameworks)


@pytest.mark.parametrize(
    ("framework", "mark"),
    [
        (fw(1.0, is_self=True), "★"),
        (fw(0.95), "✓"),
        (fw(0.95, only_in="examples"), "◐"),
        (fw(0.95, only_in="docs"), "◐"),
        (fw(0.5), "◐"),
        (fw(0.6), "✓"),
        (None, "·"),
    ],
)
def test_marks_say_how_strong_the_evidence_is(framework: Framework | None, mark: str) -> None:
    assert framework_mark(framework) == mark


def test_matrix_row_and_exports_carry_the_marks() -> None:
    reports = [
        report("pytorch/pytorch", fw(1.0, is_self=True)),
        report("a/app", fw(0.9)),
        report("b/demo", fw(0.9, only_in="examples")),
        report("c/none"),
    ]
    row = next(r for r in compare_rows(reports, NOW) if r.key == "fw:PyTorch")
    assert row.values == ("★", "✓", "◐", "·")
    assert "| PyTorch (ml) | ★ | ✓ | ◐ | · |" in to_markdown(reports, NOW)
    assert LEGEND in to_markdown(reports, NOW)
    document = json.loads(to_json(reports, NOW))
    values = next(r for r in document["rows"] if r["key"] == "fw:PyTorch")["values"]
    assert values[0] == {"mark": "★", "self": True, "basis": None, "only_in": None,
                         "confidence": 1.0}  # fmt: skip
    assert values[2]["only_in"] == "examples"
    assert values[3] is False


def test_size_is_in_binary_units() -> None:
    reports = [report("a/big", size_kb=35660), report("b/small", size_kb=5), report("c/unknown")]
    size = next(r for r in compare_rows(reports, NOW) if r.key == "size")
    assert size.values == ("34.8 MiB", "5.0 KiB", UNKNOWN)


def test_chart_labels_keep_owners_apart() -> None:
    assert bar_labels(["a/repo", "b/repo"]) == ["a/repo", "b/repo"]
    long = bar_labels(["an-organisation/a-rather-long-repository"], width=20)
    assert long == ["an-organisation/a-r…"]
    assert bar_labels(["/x/app", "/y/app"]) == ["app", "app (2)"]  # checkouts by folder name


def test_chart_legend_names_each_colour() -> None:
    legend = chart_legend(["Python", "Go", "Other"])
    assert legend.plain == "● Python  ● Go  ● Other"
    assert {span.style for span in legend.spans} >= {"#3572A5", "#00ADD8"}


async def test_compare_screen_shows_both_legends(tmp_path: Path) -> None:
    repos = ["pallets/flask", "gin-gonic/gin"]
    app = make_app(FakeSource(), now=NOW, blink=False, export_dir=tmp_path, open_repos=repos)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one("#compare").border_subtitle == SHORT_LEGEND
        legend = str(app.screen.query_one("#composition-legend", Static).render())
        assert legend.startswith("● Python")
        assert "● Go" in legend


async def test_export_goes_to_documents_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    monkeypatch.chdir(tmp_path)
    repos = ["pallets/flask", "gin-gonic/gin"]
    app = make_app(FakeSource(), now=NOW, blink=False, open_repos=repos)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        written = tmp_path / "Documents" / "repolens" / "repolens-compare-20260901-120000.md"
        assert f"Exported to {written}" in [str(n.message) for n in app._notifications]
    assert written.exists()
    assert not (tmp_path / written.name).exists()  # not the working directory
