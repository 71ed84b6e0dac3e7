"""The command line facing odd input and hostile answers: one line, the documented exit code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.doubles.cli import point_at, run, without_token
from tests.doubles.github_server import FakeClock, GitHubServer, Reply

REQUIREMENTS = b"torch==2.1.0\n"
SPENT = Reply(
    403,
    {"message": "API rate limit exceeded for 127.0.0.1."},
    {"x-ratelimit-remaining": "0", "x-ratelimit-limit": "60", "x-ratelimit-reset": "2000000000"},
    rate_headers=False,
)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """A fake GitHub with three widgets, and an environment pointing repolens at it."""
    without_token(monkeypatch, tmp_path)
    monkeypatch.chdir(tmp_path)  # `show ''` must not describe whatever folder the test runs in
    with GitHubServer(FakeClock(datetime.now(UTC))).serving() as srv:
        for index, name in enumerate(("w1", "w2", "w3")):
            srv.add_repo(
                f"octo/{name}",
                files={"requirements.txt": REQUIREMENTS},
                languages={"Python": 100},
                description="widgets for all",
                stargazers_count=30 - index,
            )
        # its manifest sits below the root, so its report needs the tree (the others do not)
        srv.add_repo(
            "octo/deep",
            files={"service/requirements.txt": REQUIREMENTS},
            languages={"Python": 100},
            description="a widget one level down",
        )
        point_at(monkeypatch, srv, tmp_path)
        yield srv


# --- 4. odd targets are usage errors --------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("show", ""),
        ("show", "   "),
        ("show", "http://[::1/a/b"),
        ("show", "a" * 300 + "/x"),
        ("show", "./" + "d" * 300),
        ("show", "x\0y"),
        ("http://[::1/a/b",),  # a target for the TUI: refused before it starts
        ("a" * 300 + "/x",),
        ("",),
    ],
)
def test_odd_targets_are_one_line_usage_errors(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("repolens: ")
    assert server.hits() == []


# --- 6. a failing search is not "0 results" ------------------------------------------------


def test_a_failing_search_with_nothing_offline_exits_5(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script("GET", "/api/v3/search/repositories", Reply(500), sticky=True)
    code, out, err = run(capsys, "search", "nothing-matches-this")
    assert code == 5
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "HTTP 500" in err


def test_offline_results_are_labelled_on_stderr(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "search", "widgets")[0] == 0  # cached now
    server.script("GET", "/api/v3/search/repositories", Reply(503), sticky=True)
    code, out, err = run(capsys, "search", "all", "widgets")  # not cached as such: GitHub fails
    assert code == 0
    assert "octo/w1" in out
    assert "offline results" in err
    assert "HTTP 503" in err


# --- 7. one bad entry does not sink the report ----------------------------------------------


def test_impossible_tree_paths_are_skipped_and_listed(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = server.repos["octo/deep"].tree
    tree += [
        {"path": p, "type": "blob", "mode": "100644", "sha": "0" * 40, "size": 5}
        for p in ("../requirements.txt", "/etc/passwd", "a/../../x", "a//b")
    ]
    code, out, err = run(capsys, "show", "octo/deep", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert "PyTorch" in {f["name"] for f in data["frameworks"]}
    assert any("Skipped 4 tree entries" in p for p in data["problems"])
    assert not [h for h in server.hits("/raw/") if ".." in h.path or "//" in h.path]


def test_an_impossible_full_name_does_not_make_a_usage_error(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.repos["octo/w1"].meta["full_name"] = "evil/../../x"
    code, out, err = run(capsys, "show", "octo/w1", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["full_name"] == "octo/w1"
    assert any("impossible name" in p for p in data["problems"])


def test_search_leaves_out_items_with_impossible_names(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.repos["octo/w2"].meta["full_name"] = "evil/../../x"
    code, out, err = run(capsys, "search", "widgets", "--details", "--json")
    assert code == 0, err
    assert [i["full_name"] for i in json.loads(out)["items"]] == ["octo/w1", "octo/w3"]


# --- 9. bidirectional controls ---------------------------------------------------------------


def test_bidi_controls_never_reach_the_terminal(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.repos["octo/w1"].meta["description"] = "safe\u202etxt.exe\u202c \u2066x\u2069"
    code, out, _ = run(capsys, "show", "octo/w1")
    assert code == 0
    assert "safetxt.exe" in out
    assert not any(ch in out for ch in "\u202e\u202c\u2066\u2069")
    code, out, _ = run(capsys, "show", "octo/w1", "--json")
    assert not any(ch in out for ch in "\u202e\u202c\u2066\u2069")
    assert json.loads(out)["description"] == "safe\u202etxt.exe\u202c \u2066x\u2069"  # escaped


# --- 10. a damaged or unusable cache is said once --------------------------------------------


def test_a_damaged_cache_is_said_once_and_cache_info_reports_it(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "show", "octo/w1")[0] == 0
    (tmp_path / "cache" / "http-v1" / "cache.db").write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "show", "octo/w1")
    assert code == 0
    assert err.count("was damaged") == 1
    assert len(err.strip().splitlines()) == 1
    (tmp_path / "cache" / "http-v1" / "cache.db").write_bytes(b"garbage" * 1000)
    code, out, _ = run(capsys, "cache", "info", "--json")
    assert "rebuilt" in json.loads(out)["problem"]


def test_an_unusable_cache_is_said_once(
    server: GitHubServer,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(blocker))
    code, out, err = run(capsys, "show", "octo/w1")
    assert code == 0
    assert "octo/w1" in out
    assert err.count("cannot be used") == 1
    code, out, _ = run(capsys, "cache", "info")
    assert "cannot be used" in out


# --- 12. search --details keeps what it finished ---------------------------------------------


def test_details_print_what_was_finished_when_the_budget_runs_out(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script("GET", "/api/v3/repos/octo/w2/languages", SPENT, sticky=True)
    code, out, err = run(capsys, "search", "widgets", "--details")
    assert code == 4
    assert "octo/w1 is written in Python" in out
    assert "octo/w2 is written" not in out
    assert "Finished 1 of 3" in err
    assert "octo/w2, octo/w3" in err
    code, out, _ = run(capsys, "search", "widgets", "--details", "--json")
    data = json.loads(out)
    assert [i["full_name"] for i in data["items"]] == ["octo/w1"]
    assert data["unfinished"] == ["octo/w2", "octo/w3"]


# --- 1. a damaged cache entry heals itself ---------------------------------------------------


@pytest.mark.parametrize("legacy", [False, True], ids=["cut-bytes", "no-digest"])
def test_show_after_a_damaged_tree_entry_succeeds_without_a_cache_clear(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path, legacy: bool
) -> None:
    from tests.doubles.github_server import damage_cache_entry

    assert run(capsys, "show", "octo/deep")[0] == 0
    assert damage_cache_entry(tmp_path / "cache", "/git/trees/", legacy=legacy) == 1
    code, out, err = run(capsys, "show", "octo/deep", "--json")
    assert code == 0, err
    assert "PyTorch" in {f["name"] for f in json.loads(out)["frameworks"]}
    assert run(capsys, "show", "octo/deep")[0] == 0
