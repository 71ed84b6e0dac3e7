"""Compare marks follow the verdict's evidence basis: never ✓ where the verdict says "probably"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.doubles.apps import app_for
from tests.doubles.fake_source import NOW, catalog_source, settle
from tui.analysis.report import Basis, Evidence, Framework, RepoInfo, RepoReport
from tui.analysis.verdict import decide
from tui.present.compare_export import to_json, to_markdown
from tui.present.compare_rows import LEGEND, MARKS, compare_rows, framework_mark
from tui.sources.catalog import load_catalog
from tui.sources.catalog.source import catalog_report
from tui.ui.screens.compare import CompareScreen
from tui.ui.widgets.compare_table import CompareTable

MARKER = (Evidence(".pre-commit-config.yaml", "marker file"),)


def fw(name: str, category: str, basis: Basis | None, confidence: float = 0.9,
       **extra: object) -> Framework:  # fmt: skip
    """A framework decided by ``basis``."""
    return Framework(name, category, confidence, evidence=MARKER, basis=basis, signals=1,
                     **extra)  # type: ignore[arg-type]  # fmt: skip


@pytest.mark.parametrize(
    ("framework", "mark"),
    [
        (fw("Flask", "web-backend", Basis.ROOT), "✓"),
        (fw("React", "web-frontend", Basis.MEMBER), "✓"),
        (fw("PyTorch", "ml", Basis.IMPORTS, 0.5), "◐"),  # the verdict: "probably PyTorch"
        (fw("UIKit", "mobile", Basis.IMPORTS, 0.5, sdk=("iOS",)), "✓"),  # its SDK declares it
        (fw("Django", "web-backend", Basis.README, 0.3), "◐"),
        (fw("pre-commit", "build", Basis.OTHER, 0.6), "◐"),  # a marker file only
        (fw("GitHub Actions", "infra", Basis.OTHER, 0.65), "◐"),
        (fw("pytest", "test", Basis.OTHER, 0.55), "◐"),  # a dev dependency
        (fw("pytest", "test", Basis.ROOT), "✓"),  # a declared runtime dependency
        (fw("Next.js", "web-frontend", Basis.OTHER, 0.6), "✓"),  # its config: the verdict names it
        (fw("Next.js", "web-frontend", Basis.OTHER, 0.55), "◐"),  # too little for the verdict
        (fw("Flask", "web-backend", Basis.ROOT, only_in="examples"), "◐"),
        (fw("Flask", "web-backend", Basis.SELF, 1.0, is_self=True), "★"),
    ],
)
def test_a_mark_follows_the_kind_of_evidence(framework: Framework, mark: str) -> None:
    assert framework_mark(framework) == mark


def test_every_catalog_verdict_agrees_with_its_marks() -> None:
    """Over the real catalog: "probably" is ◐, a firm name ✓, the repository itself ★."""
    seen = set()
    for repo in load_catalog().repos:
        report = catalog_report(repo)
        by_name = {f.name: f for f in report.frameworks or ()}
        for named in decide(report).frameworks:
            expected = "★" if named.is_self else "◐" if named.weak else "✓"
            assert framework_mark(by_name[named.name]) == expected, report.info.full_name
            seen.add(expected)
    assert seen == {"★", "◐", "✓"}  # the catalog has each kind, so each rule was checked


def test_legend_and_json_say_what_decided_the_mark() -> None:
    reports = [
        RepoReport(RepoInfo("a/app"), frameworks=(fw("pre-commit", "build", Basis.OTHER, 0.6),)),
        RepoReport(RepoInfo("b/lib"), frameworks=(fw("pre-commit", "build", Basis.ROOT),)),
    ]
    row = next(r for r in compare_rows(reports, NOW) if r.key == "fw:pre-commit")
    assert row.values == ("◐", "✓")
    markdown = to_markdown(reports, NOW)
    assert f"Frameworks: {LEGEND}" in markdown
    assert "| pre-commit (build) | ◐ | ✓ |" in markdown
    document = json.loads(to_json(reports, NOW))
    assert document["framework_marks"] == LEGEND
    values = next(r for r in document["rows"] if r["key"] == "fw:pre-commit")["values"]
    assert [(v["mark"], v["basis"]) for v in values] == [("◐", "other"), ("✓", "root manifest")]
    assert [mark for mark, _ in MARKS] == ["★", "✓", "◐", "·"]
    assert "marker file" in dict(MARKS)["◐"]
    assert "runtime dependency" in dict(MARKS)["✓"]


async def test_the_demo_matrix_marks_imports_only_pytorch_weak(tmp_path: Path) -> None:
    source, budget, status = catalog_source()
    repos = ["pallets/flask", "karpathy/nanoGPT"]
    app = app_for(source, tmp_path, budget=budget, status=status, open_repos=repos)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot, rounds=5)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        table = screen.query_one(CompareTable)
        verdict = next(r for r in table.rows_shown if r.key == "verdict")
        assert "probably PyTorch" in verdict.values[1]
        pytorch = next(r for r in table.rows_shown if r.key == "fw:PyTorch")
        assert pytorch.values == ("·", "◐")
        assert table.get_row("fw:PyTorch")[2].plain.strip() == "◐"
