"""``repolens compare A B [C...]``: the app's compare rows and verdicts on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.doubles.cli import cli_server, run
from tests.doubles.github_server import GitHubServer


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """Two repositories on a fake GitHub, and an environment pointing repolens at it."""
    with cli_server(monkeypatch, tmp_path) as srv:
        srv.add_repo(
            "acme/torchy",
            files={"requirements.txt": b"torch==2.3\nnumpy\n"},
            languages={"Python": 2_000_000, "Cuda": 500},  # Cuda is 0.02 %
            stargazers_count=900,
            pushed_at="2026-09-01T10:00:00Z",
        )
        srv.add_repo(
            "acme/webby",
            files={"pyproject.toml": b'[project]\nname = "webby"\ndependencies = ["flask"]\n'},
            languages={"Python": 40_000, "HTML": 9_000},
            stargazers_count=30,
            pushed_at="2026-09-02T10:00:00Z",
        )
        yield srv


def test_text_gives_each_verdict_then_the_rows(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "compare", "acme/torchy", "acme/webby")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("acme/torchy is written in Python")
    assert "PyTorch" in lines[0]
    assert lines[1].startswith("acme/webby is written in Python")
    assert "Flask" in lines[1]
    stars = next(line for line in lines if line.startswith("Stars"))
    assert stars.split()[1:] == ["900", "▲", "30", "▼"]
    assert any(line.startswith("PyTorch (ml)") for line in lines)


def test_json_is_the_apps_export_with_best_and_worst(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    webby = f"{server.base}/acme/webby"  # a URL on the web host of the API in use
    code, out, _ = run(capsys, "compare", "acme/torchy", webby, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["repositories"] == ["acme/torchy", "acme/webby"]
    stars = next(row for row in data["rows"] if row["key"] == "stars")
    assert (stars["values"], stars["best"], stars["worst"]) == ([900, 30], [0], [1])
    flask = next(row for row in data["rows"] if row["key"] == "fw:Flask")
    assert flask["values"][0] is False
    assert flask["values"][1]["mark"] == "✓"


def test_markdown_links_each_repository_and_says_under_a_tenth(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "compare", "acme/torchy", "acme/webby", "--markdown")
    assert code == 0
    header = next(line for line in out.splitlines() if line.startswith("| |"))
    assert "[acme/torchy](<https://github.com/acme/torchy>)" in header
    assert "[acme/webby](<https://github.com/acme/webby>)" in header
    assert "Cuda <0.1%" in out
    assert " 0.0%" not in out
    # pushed a day apart: both read the same age, so neither is best nor worst
    pushed = next(line for line in out.splitlines() if line.startswith("| Last push"))
    assert "▲" not in pushed
    assert "▼" not in pushed


@pytest.mark.parametrize("targets", [["acme/torchy"], [f"acme/r{i}" for i in range(7)]])
def test_two_to_six_repositories(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], targets: list[str]
) -> None:
    code, _, err = run(capsys, "compare", *targets)
    assert code == 2
    assert "2 to 6" in err
    assert not server.hits("/api/v3/repos")  # refused before spending anything


def test_compare_never_loads_textual(server: GitHubServer) -> None:
    code = (
        "import sys; from tui.cli.main import main; "
        "code = main(['compare', 'acme/torchy', 'acme/webby', '--json']); "
        "assert code == 0, code; "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_search_details_with_no_results_says_so(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "nothingmatchesthis", "--details")
    assert code == 0
    assert out.startswith("0 repositories match")


def test_every_fact_is_one_line_of_the_table(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "compare", "acme/torchy", "acme/webby")
    assert code == 0
    table = out.split("\n\n", 1)[1].splitlines()
    verdict = next(line for line in table if line.startswith("Verdict"))
    assert " · " in verdict  # the verdict cell's two lines, joined
    assert table[table.index(verdict) + 1].startswith("Stars")
