"""One JSON schema: ``show --json``, each ``search --details --json`` item and the compare export
carry the same report object, verdict included."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.doubles.cli import cli_server
from tests.doubles.github_server import GitHubServer
from tui.analysis.report import RepoInfo, RepoReport
from tui.cli.main import main
from tui.present.compare_export import to_json
from tui.present.schema import report_json

REPORT_KEYS = {
    "full_name", "description", "html_url", "stars", "forks", "open_issues", "license", "topics",
    "default_branch", "pushed_at", "archived", "primary_language", "verdict", "languages",
    "frameworks", "source",
}  # fmt: skip
FRAMEWORK_KEYS = {"name", "category", "confidence", "self", "only_in", "role", "basis", "evidence"}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """A fake GitHub with one repository, and repolens pointed at it."""
    with cli_server(monkeypatch, tmp_path) as srv:
        srv.add_repo(
            "microsoft/BioGPT",
            files={"requirements.txt": b"fairseq==0.12.2\nmkdocs\ntorch==1.12.0\nnumpy\n"},
            languages={"Python": 127266, "Shell": 1550},
            description="Biomedical GPT",
        )
        yield srv


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _check(report: dict[str, Any]) -> None:
    """The documented shape, and a verdict that says the same as the frameworks list."""
    assert REPORT_KEYS <= set(report)
    verdict = report["verdict"]
    assert set(verdict) == {"text", "languages", "frameworks"}
    assert verdict["text"].startswith("microsoft/BioGPT is written in Python (98.8 %)")
    assert verdict["languages"] == [{"name": "Python", "percent": 98.8}]
    assert verdict["frameworks"] == [
        {"name": "PyTorch", "category": "ml", "why": "requirements.txt:3 torch==1.12.0"},
        {"name": "fairseq", "category": "ml", "why": "requirements.txt:1 fairseq==0.12.2"},
    ]
    assert all(set(f) == FRAMEWORK_KEYS for f in report["frameworks"])
    # the full list comes in the same order: what the verdict names first
    assert [f["name"] for f in report["frameworks"][:2]] == ["PyTorch", "fairseq"]


def test_show_and_search_details_share_the_schema(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _run(capsys, "show", "microsoft/BioGPT", "--json")
    _check(shown)
    found = _run(capsys, "search", "biomedical", "--details", "--json")
    _check(found["items"][0])
    same = {k: v for k, v in shown.items() if k != "source"}
    assert same == {k: v for k, v in found["items"][0].items() if k != "source"}


def test_compare_export_carries_each_report_in_the_schema() -> None:
    reports = [RepoReport(RepoInfo("a/one")), RepoReport(RepoInfo("b/two"), frameworks=())]
    document = json.loads(to_json(reports, datetime(2026, 9, 1, tzinfo=UTC)))
    assert document["reports"] == [json.loads(json.dumps(report_json(r))) for r in reports]
    verdict_row = document["rows"][0]
    assert verdict_row["key"] == "verdict"
    expected = "b/two has no language statistics yet; no framework was detected."
    assert verdict_row["values"][1]["text"] == expected
