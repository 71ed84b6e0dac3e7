"""``repolens search`` with ``framework:``: kept from GitHub, judged within the budget."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.doubles.cli import cli_server, run
from tests.doubles.generated_repos import Generated, install, populate
from tests.doubles.github_server import GitHubServer


@pytest.fixture
def made(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[tuple[GitHubServer, Generated]]:
    """A fake GitHub with 120 generated repositories, repolens pointed at it, no token."""
    with cli_server(monkeypatch, tmp_path) as srv:
        generated = populate(srv, 120)
        install(srv)
        yield srv, generated


def _first(server: GitHubServer, count: int) -> list[str]:
    """The names GitHub lists first for ``census`` (most starred), as the fake orders them."""
    from tests.doubles.generated_repos import search

    return [r.meta["full_name"] for r in search(server, "census")[:count]]


def test_with_a_token_every_result_is_judged_and_github_never_sees_the_qualifier(
    made: tuple[GitHubServer, Generated],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, generated = made
    monkeypatch.setenv("GH_ENTERPRISE_TOKEN", "tok")  # 127.0.0.1 is not github.com
    route, asked = install(server), []
    answer = route._data

    def seen(query: str, variables: dict[str, Any], token: str | None) -> dict[str, Any]:
        asked.append(str(variables.get("q", "")))
        return answer(query, variables, token)

    monkeypatch.setattr(route, "_data", seen)
    code, out, err = run(
        capsys, "search", "census", "framework:pytorch", "-framework:tensorflow", "--limit",
        "50", "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    first = _first(server, 50)
    expected = [
        n for n in first
        if "PyTorch" in generated.expected[n] and "TensorFlow" not in generated.expected[n]
    ]  # fmt: skip
    assert [i["full_name"] for i in data["items"]] == expected
    flt = data["framework_filter"]
    assert flt["pending"] == []
    assert flt["matched"] + flt["dropped"] == 50
    assert flt["query_sent"] == "census"
    assert asked == ["census"]  # one GraphQL search, without framework:
    assert "applied by repolens" in err


def test_without_a_token_what_the_budget_cannot_judge_is_pending_and_counted(
    made: tuple[GitHubServer, Generated], capsys: pytest.CaptureFixture[str]
) -> None:
    server, generated = made
    code, out, err = run(capsys, "search", "census", "framework:react", "--limit", "90")
    assert code == 0, err
    head, _, rest = out.partition("\n")
    assert "of the first 90, framework:react:" in head
    matched, _, pending_part = rest.partition("Pending, not judged yet")
    assert pending_part  # 90 results at one or two requests each: more than 60 an hour pays for
    assert "budget allows no more until" in pending_part
    # said as everywhere else: local time, then how long (tui.github.reset_time)
    assert re.search(r"until \d\d:\d\d( tomorrow| on \S+)? \((in |passed)", pending_part)
    shown = [line.split()[0] for line in matched.splitlines() if line.strip()]
    pending = [line.split()[0] for line in pending_part.splitlines()[1:] if line.strip()]
    assert shown
    assert all("React" in generated.expected[n] for n in shown)
    assert set(pending) <= set(_first(server, 90))
    assert f"{len(pending)} pending" in head
    assert f"{len(pending)} pending: the budget allows no more" in err
    assert not [h for h in server.hits() if h.status in (403, 429)]  # nothing was refused


def test_a_second_run_judges_from_the_cache_for_free(
    made: tuple[GitHubServer, Generated], capsys: pytest.CaptureFixture[str]
) -> None:
    server, _ = made
    run(capsys, "search", "census", "framework:react", "--limit", "10")
    before = len(server.hits("/api/v3/repos/"))
    code, _, err = run(capsys, "search", "census", "framework:react", "--limit", "10")
    assert code == 0
    assert "judged 10 of 10 results" in err
    assert "10 free" in err
    assert len(server.hits("/api/v3/repos/")) == before  # not one core request more


def test_an_unknown_framework_is_one_line_with_the_closest_names(
    made: tuple[GitHubServer, Generated], capsys: pytest.CaptureFixture[str]
) -> None:
    server, _ = made
    code, out, err = run(capsys, "search", "census", "framework:pytroch")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Unknown framework 'pytroch'" in err
    assert "PyTorch (pytorch)" in err
    assert not server.hits("/api/v3/search")  # refused before anything was spent


def test_the_demo_catalog_is_judged_for_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--demo", "search", "is:public", "framework:pytorch", "--json")
    assert code == 0, err
    data = json.loads(out)
    names = {i["full_name"] for i in data["items"]}
    assert "microsoft/BioGPT" in names
    assert "pallets/flask" not in names
    assert data["framework_filter"]["core_requests"] == 0
    assert data["framework_filter"]["pending"] == []


def test_offline_the_catalog_s_answers_are_judged_for_nothing(
    made: tuple[GitHubServer, Generated], capsys: pytest.CaptureFixture[str]
) -> None:
    server, _ = made
    code, out, err = run(capsys, "--offline", "search", "is:public", "framework:pytorch", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert "microsoft/BioGPT" in {i["full_name"] for i in data["items"]}
    assert data["framework_filter"]["pending"] == []  # the budget had no say: nothing is spent
    assert not server.hits()
