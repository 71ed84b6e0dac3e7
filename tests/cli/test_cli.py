"""``repolens`` subcommands end to end: the real client against the tests' own GitHub."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.doubles.cli import cli_server, run
from tests.doubles.github_server import GitHubServer, Reply
from tui.cli.main import main

REQUIREMENTS = b"torch==1.12.0\nfairseq==0.12.2\nnumpy\n"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """A fake GitHub on the real clock, and an environment pointing repolens at it."""
    with cli_server(monkeypatch, tmp_path) as srv:
        srv.add_repo(
            "microsoft/BioGPT",
            files={"requirements.txt": REQUIREMENTS, "src/model.py": b"import torch\n"},
            languages={"Python": 127266, "Shell": 1550},
            description="Biomedical GPT [@click=app.quit]x[/]",
            stargazers_count=4321,
        )
        yield srv


def test_show_json_has_the_documented_fields(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "show", "microsoft/BioGPT", "--json")
    assert code == 0
    data = json.loads(out)
    expected_keys = {
        "full_name",
        "description",
        "html_url",
        "stars",
        "forks",
        "open_issues",
        "license",
        "topics",
        "default_branch",
        "pushed_at",
        "archived",
        "primary_language",
        "languages",
        "frameworks",
        "source",
    }
    assert expected_keys <= set(data)
    assert data["stars"] == 4321
    assert [(x["name"], x["percent"]) for x in data["languages"]] == [
        ("Python", 98.8),
        ("Shell", 1.2),
    ]
    assert data["languages"][0]["color"].startswith("#")
    names = {f["name"] for f in data["frameworks"]}
    assert {"PyTorch", "fairseq"} <= names
    torch = next(f for f in data["frameworks"] if f["name"] == "PyTorch")
    assert {"path": "requirements.txt"}.items() <= torch["evidence"][0].items()
    assert data["source"]["kind"] == "github"


def test_show_human_opens_with_the_verdict(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "show", f"{server.base}/microsoft/BioGPT.git")  # the API's web host
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("microsoft/BioGPT is written in Python (98.8 %), built with ")
    assert "PyTorch" in first
    assert "fairseq" in first
    assert "[@click=app.quit]x[/]" in out  # shown literally


def test_repeat_show_is_served_from_cache(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "show", "microsoft/BioGPT", "--json")
    before = len(server.hits())
    code, out, _ = run(capsys, "show", "microsoft/BioGPT", "--json")
    assert code == 0
    assert len(server.hits()) == before  # nothing sent within freshness
    assert json.loads(out)["source"]["from_cache"] is True


def test_unknown_repo_exits_3_with_one_line(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "show", "nobody/nothing")
    assert code == 3
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_usage_errors_exit_2(server: GitHubServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "show", "not a repo")[0] == 2
    assert run(capsys, "search", "x", "--limit", "5000")[0] == 2
    with pytest.raises(SystemExit) as exited:
        main(["search", "x", "--sort", "nonsense"])
    assert exited.value.code == 2


def test_bad_search_query_exits_2_with_githubs_message(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "search", "user:ghost-that-does-not-exist")
    assert code == 2
    assert "cannot be searched" in err


def test_search_json_and_limit(server: GitHubServer, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(5):
        server.add_repo(f"acme/tool{i}", stargazers_count=100 - i)
    code, out, _ = run(capsys, "search", "tool", "--limit", "3", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["total_count"] == 5
    assert [item["full_name"] for item in data["items"]] == [
        "acme/tool0",
        "acme/tool1",
        "acme/tool2",
    ]
    assert {"full_name", "stars", "primary_language", "topics"} <= set(data["items"][0])


def test_search_details_adds_languages_and_frameworks(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "biomedical", "--details", "--json")
    assert code == 0
    item = json.loads(out)["items"][0]
    assert item["languages"][0]["name"] == "Python"
    assert "PyTorch" in {f["name"] for f in item["frameworks"]}


def test_rate_limited_exits_4_and_says_when(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.exhaust("core", reset_in=1800)
    code, _, err = run(capsys, "show", "microsoft/BioGPT")
    assert code == 4
    assert "resets at" in err
    assert "GH_ENTERPRISE_TOKEN" in err  # the variable that works for this (non-github.com) host


def test_offline_with_nothing_cached_exits_5(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.add_repo("acme/not-in-the-catalog")
    code, _, err = run(capsys, "--offline", "show", "acme/not-in-the-catalog")
    assert code == 5
    assert server.hits() == []  # --offline sends nothing at all
    assert err.count("\n") == 1


def test_offline_after_a_warm_cache_answers(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "show", "microsoft/BioGPT")
    sent = len(server.hits())
    code, out, _ = run(capsys, "show", "microsoft/BioGPT", "--offline", "--json")
    assert code == 0
    assert len(server.hits()) == sent
    assert json.loads(out)["languages"][0]["name"] == "Python"


def test_network_down_exits_5(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REPOLENS_API_URL", "http://127.0.0.1:9/api/v3")  # discard port: refused
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))
    code, _, err = run(capsys, "show", "acme/not-in-the-catalog")
    assert code == 5
    assert len(err.strip().splitlines()) == 1


def test_token_is_never_printed(
    server: GitHubServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "ghp_SECRETSECRETSECRET1234"
    monkeypatch.setenv("GH_ENTERPRISE_TOKEN", secret)
    code, out, err = run(capsys, "-v", "show", "microsoft/BioGPT")
    assert code == 0
    assert "GET " in err  # -v logs each request
    assert secret not in out + err
    server.script(
        "GET", "/api/v3/repos/microsoft/other", Reply(401, {"message": "Bad credentials"})
    )
    server.add_repo("microsoft/other")
    code, out, err = run(capsys, "show", "microsoft/other")
    assert code == 1
    assert "GH_ENTERPRISE_TOKEN" in err
    assert secret not in err
    assert run(capsys, "auth")[1].startswith("Using a token from GH_ENTERPRISE_TOKEN ")
    cache_dir = Path(os.environ["REPOLENS_CACHE_DIR"])
    cached = b"".join(p.read_bytes() for p in cache_dir.rglob("*") if p.is_file())
    assert cached
    assert secret.encode() not in cached


def test_rate_limit_and_cache_commands(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "rate-limit", "--json")
    assert code == 0
    assert json.loads(out)["core"]["limit"] == 60
    assert server.charged() == 0  # /rate_limit is free
    run(capsys, "show", "microsoft/BioGPT")
    code, out, _ = run(capsys, "cache", "info", "--json")
    assert code == 0
    assert json.loads(out)["entries"] > 0
    code, out, _ = run(capsys, "cache", "clear", "--json")
    assert json.loads(out)["removed"] > 0
    assert json.loads(run(capsys, "cache", "info", "--json")[1])["entries"] == 0


def test_demo_needs_no_network(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))
    code, out, _ = run(capsys, "--demo", "show", "microsoft/BioGPT", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["languages"][0]["name"] == "Python"
    assert {"PyTorch", "fairseq"} <= {f["name"] for f in data["frameworks"]}
    code, out, _ = run(capsys, "--demo", "search", "language:go", "--json")
    assert [i["full_name"] for i in json.loads(out)["items"]] == ["gin-gonic/gin"]


def test_imports_are_sampled_when_manifests_are_silent_even_with_ci(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.add_repo(
        "someone/gpt-from-scratch",
        files={
            ".github/workflows/ci.yml": b"on: push\n",
            "train.py": b"import os\nimport torch\nfrom torch.nn import functional as F\n",
            "model.py": b"import math\nimport torch.nn as nn\n",
        },
        languages={"Python": 5000},
    )
    code, out, _ = run(capsys, "show", "someone/gpt-from-scratch", "--json")
    assert code == 0
    frameworks = {f["name"]: f for f in json.loads(out)["frameworks"]}
    assert "GitHub Actions" in frameworks
    assert frameworks["PyTorch"]["evidence"][0]["path"] in {"train.py", "model.py"}


def test_githubs_error_text_cannot_drive_the_terminal(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "Validation Failed \x1b]0;pwned\x07 \x1b[31mred\x1b[0m [@click=app.quit]x[/]"
    server.script(
        "GET", "/api/v3/search/repositories", Reply(422, {"message": hostile, "errors": []})
    )
    code, _, err = run(capsys, "search", "anything")
    assert code == 2
    assert "\x1b" not in err
    assert "\x07" not in err
    assert "[@click=app.quit]x[/]" in err  # brackets are text, shown as sent


def test_flags_take_separate_values_before_the_subcommand(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cache = tmp_path / "elsewhere"
    code, out, _ = run(
        capsys,
        "--cache-dir",
        str(cache),
        "--api-url",
        server.api_url,
        "show",
        "microsoft/BioGPT",
        "--json",
    )
    assert code == 0
    assert json.loads(out)["full_name"] == "microsoft/BioGPT"
    assert cache.is_dir()


def test_negated_qualifiers_need_no_double_dash(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.add_repo("acme/gotool", languages={"Go": 10})
    code, _out, err = run(capsys, "search", "-language:python", "--json")
    assert code == 0, err
    sent = server.hits("/api/v3/search/repositories")[-1].query["q"]
    assert sent == "-language:python"


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://127.0.0.1:99999/api/v3", "not a url", "ftp://host/api/v3"]
)
def test_a_bad_api_url_is_a_usage_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--api-url", url, "show", "o/r")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("token", ["tök\u00e9n", "ghp_abc\ndef"])
def test_a_mangled_token_is_named_not_sent(
    server: GitHubServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    token: str,
) -> None:
    monkeypatch.setenv("GH_ENTERPRISE_TOKEN", token)
    code, _, err = run(capsys, "show", "microsoft/BioGPT")
    assert code == 1
    assert "GH_ENTERPRISE_TOKEN" in err
    assert token not in err
    assert server.hits() == []


def test_a_manifest_too_big_to_parse_is_not_parsed(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = b'{"dependencies": {"react": "*"}, "x": "' + b"a" * (3 * 1024 * 1024) + b'"}'
    server.add_repo(
        "big/app",
        files={"package.json": huge, "requirements.txt": b"django\n"},
        languages={"Python": 10},
    )
    code, out, _ = run(capsys, "show", "big/app", "--json")
    assert code == 0
    found = {f["name"] for f in json.loads(out)["frameworks"]}
    assert "Django" in found
    # root manifests are probed on the raw host before any listing gives sizes: the body may
    # come (a streaming size cap belongs to the fetcher), but it is never parsed
    assert "React" not in found


def test_a_web_page_from_the_raw_host_is_not_taken_for_the_manifest(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    portal = Reply(200, b"<html>Sign in to the hotel wifi</html>", {"content-type": "text/html"})
    for ref in ("HEAD", "main"):  # root manifests are first asked for at HEAD
        server.script("GET", f"/raw/microsoft/BioGPT/{ref}/requirements.txt", portal, sticky=True)
    code, out, _ = run(capsys, "show", "microsoft/BioGPT", "--json")
    assert code == 0
    # the page is refused and the contents API is asked instead, which has the real file
    assert "PyTorch" in {f["name"] for f in json.loads(out)["frameworks"]}
    assert server.hits("/api/v3/repos/microsoft/BioGPT/contents/requirements.txt")


def test_offline_a_catalog_repository_still_opens_and_says_so(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--offline", "search", "flask", "--json")
    assert code == 0
    assert "pallets/flask" in [i["full_name"] for i in json.loads(out)["items"]]
    code, out, _ = run(capsys, "--offline", "show", "pallets/flask", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["source"]["kind"] == "catalog"
    assert "Flask" in {f["name"] for f in data["frameworks"]}
    assert server.hits() == []
    code, _, err = run(capsys, "--offline", "show", "pallets/flask")
    assert "bundled catalog" in err


def test_notebooks_are_set_apart_next_to_githubs_view(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.add_repo("lab/notebooks", languages={"Jupyter Notebook": 8000, "Python": 2000})
    code, out, _ = run(capsys, "show", "lab/notebooks", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["languages"][0] == {
        "name": "Jupyter Notebook",
        "bytes": 8000,
        "percent": 80.0,
        "color": "#DA5B0B",
    }
    view = data["notebook_view"]
    assert "set apart" in view["label"]
    assert view["notebook_bytes"] == 8000
    assert [(x["name"], x["percent"]) for x in view["languages"]] == [("Python", 100.0)]
    code, out, _ = run(capsys, "show", "lab/notebooks")
    assert "(80.0 %; Python 100.0 % with notebooks set apart)" in out.splitlines()[0]
