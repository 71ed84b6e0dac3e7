"""``repolens census``: plan, confirmation, progress on stderr, and each output format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.doubles.cli import cli_server, run
from tests.doubles.generated_repos import install, populate
from tests.doubles.github_server import GitHubServer


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """A fake GitHub with 150 generated repositories, and repolens pointed at it, no token."""
    with cli_server(monkeypatch, tmp_path) as srv:
        populate(srv, 150)
        install(srv)
        yield srv


def test_json_is_one_object_with_coverage_shares_and_repositories(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "census", "census", "--limit", "120", "--yes", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "census"
    assert data["coverage"]["listed"] == 120
    # 60 core requests without a token: more than the 30 the plan promised (two each), fewer
    # than one each
    assert 30 < data["coverage"]["with_frameworks"] < 60
    assert len(data["repositories"]) == 120
    assert sum(s["value"] for s in data["shares"]["languages_by_repositories"]) == 120
    assert "no token: primary languages for all 120" in err  # the plan, before spending
    assert "census: repositories 30/30" in err  # progress on stderr


def test_csv_has_one_row_per_repository(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "census", "census", "--limit", "40", "--yes", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(rows) == 40
    assert {"full_name", "stars", "created", "top_language", "top_language_percent"} <= set(rows[0])
    assert int(rows[0]["stars"]) >= int(rows[-1]["stars"])


def test_markdown_is_a_report_with_the_query_and_tables(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "census", "census language:python", "--limit", "30", "--yes", "--markdown"
    )
    assert code == 0
    assert out.startswith("# Census: `census language:python`")
    assert "| Python | 100.0 % | 30 |" in out
    assert "## Frameworks: ML" in out


def test_without_yes_and_without_a_terminal_nothing_is_spent(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "census", "census")
    assert code == 2
    assert "--yes" in err
    assert not server.hits("/api/v3/search/")


def test_framework_qualifier_is_applied_after_github_s_search(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "census", "census", "-framework:pytorch", "--limit", "30", "--yes", "--json"
    )
    assert code == 0
    assert all("framework" not in h.query.get("q", "") for h in server.hits("/api/v3/search/"))
    assert "applied by repolens" in err
    data = json.loads(out)
    assert data["query"] == "census -framework:pytorch"
    assert all("PyTorch" not in (r["frameworks"] or {}).get("ml", []) for r in data["repositories"])


def test_from_a_file_of_names(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    names = tmp_path / "repos.txt"
    names.write_text(
        "# ours\norg00/deep-learning-0000\nhttps://github.com/org01/deep-learning-0001\n"
    )
    code, out, _ = run(capsys, "census", "--from", str(names), "--yes", "--json")
    data = json.loads(out)
    assert code == 0
    assert [r["full_name"] for r in data["repositories"]] == [
        "org00/deep-learning-0000",
        "org01/deep-learning-0001",
    ]
    assert data["repositories"][0]["frameworks"] == {"ml": ["PyTorch"]}


def test_a_folder_of_checkouts_costs_nothing(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name, deps in (("one", "django\n"), ("two", "torch\n")):
        (tmp_path / "src" / name).mkdir(parents=True)
        (tmp_path / "src" / name / "requirements.txt").write_text(deps)
        (tmp_path / "src" / name / "main.py").write_text("print('hi')\n")
    code, out, _ = run(capsys, "census", str(tmp_path / "src"), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["coverage"]["with_frameworks"] == 2
    assert not server.hits()
