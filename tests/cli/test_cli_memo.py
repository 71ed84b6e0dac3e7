"""``repolens show`` reuses its own output only while the cached answers behind it stand.

The kept output must be byte for byte what the normal path prints from the same cache; it must
never be kept from answers that came from the network, and never reused once one of its cached
answers is gone, replaced, or due for revalidation (``tui.cli.memo``, ``tui.github.reads``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import diskcache
import pytest

from tests.doubles.cli import cli_server, main_in_child, run
from tests.doubles.github_server import GitHubServer
from tui.cli import memo
from tui.github.cache import STORE_DIR, decode_entry, encode_entry

PYPROJECT = b'[project]\nname = "shop"\ndependencies = ["fastapi>=0.100", "sqlalchemy"]\n'
PACKAGE = b'{"name": "web", "dependencies": {"react": "^18.2.0", "next": "14.0.0"}}'


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """A fake GitHub on the real clock serving two repositories; repolens pointed at it."""
    with cli_server(monkeypatch, tmp_path) as srv:
        srv.add_repo(
            "acme/shop",
            files={"pyproject.toml": PYPROJECT, "app/main.py": b"import fastapi\n"},
            languages={"Python": 52000, "HTML": 900},
            description="A shop [b]bold[/b]",
        )
        srv.add_repo(
            "acme/web",
            files={"package.json": PACKAGE, "pages/index.tsx": b"import React from 'react'\n"},
            languages={"TypeScript": 81000, "CSS": 4000},
        )
        yield srv


def _store(tmp_path: Path) -> diskcache.Cache:
    return diskcache.Cache(str(tmp_path / "cache" / STORE_DIR))


def _kept(tmp_path: Path) -> list[str]:
    with _store(tmp_path) as store:
        return [k for k in store.iterkeys() if isinstance(k, str) and k.startswith("MEMO ")]


def _no_normal_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the normal path fail loudly, so that an answer proves it came from the memo."""

    async def refuse(*args: Any, **kwargs: Any) -> int:
        raise AssertionError("the normal path ran")

    monkeypatch.setattr("tui.cli.commands.run_command", refuse)


def _asked(server: GitHubServer, path: str) -> int:
    return sum(1 for hit in server.hits() if hit.path.endswith(path))


def _rewrite(tmp_path: Path, url_part: str, change: Any) -> None:
    """Rewrite every cached answer whose key holds ``url_part`` with ``change(entry)``."""
    with _store(tmp_path) as store:
        keys = [k for k in store.iterkeys() if isinstance(k, str) and url_part in k]
        assert keys
        for key in keys:
            entry = decode_entry(store.get(key))
            assert entry is not None
            store.set(key, encode_entry(change(entry)))


@pytest.mark.parametrize("token", [None, "ghp_memotest"])
@pytest.mark.parametrize("flags", [("--json",), ()])
@pytest.mark.parametrize("name", ["acme/shop", "acme/web"])
def test_kept_output_is_what_the_normal_path_prints(
    server: GitHubServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    flags: tuple[str, ...],
    token: str | None,
) -> None:
    """Cold: nothing kept. Warm: the normal path prints and keeps. Then the kept output, equal."""
    if token:
        monkeypatch.setenv("GH_TOKEN", token)  # the GraphQL path
    assert run(capsys, "show", name, *flags)[0] == 0
    assert _kept(tmp_path) == []  # answers from the network are never kept
    code, normal, err = run(capsys, "show", name, *flags)
    assert (code, err) == (0, "")
    assert len(_kept(tmp_path)) == 1
    sent = len(server.hits())
    _no_normal_path(monkeypatch)
    code, again, err = run(capsys, "show", name, *flags)
    assert (code, err) == (0, "")
    assert again == normal
    assert len(server.hits()) == sent


def test_a_replaced_answer_is_read_not_the_kept_output(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An entry with other content under the same fetch time (another process stored it)."""
    run(capsys, "show", "acme/shop", "--json")
    run(capsys, "show", "acme/shop", "--json")  # kept
    body = json.dumps({"Python": 1000, "Rust": 99000}).encode()
    _rewrite(tmp_path, "/languages", lambda entry: replace(entry, body=body))
    code, out, _ = run(capsys, "show", "acme/shop", "--json")
    assert code == 0
    assert [lang["name"] for lang in json.loads(out)["languages"]] == ["Rust", "Python"]


def test_an_answer_due_for_revalidation_sends_it(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Past an answer's freshness the kept output stands aside: GitHub is asked again."""
    run(capsys, "show", "acme/web", "--json")
    run(capsys, "show", "acme/web", "--json")  # kept
    for language in ("Elm", "Zig"):  # the second round: nothing kept from the first
        server.repos["acme/web"].languages = {"TypeScript": 1000, language: 90000}
        _rewrite(
            tmp_path,
            "/languages",
            lambda entry: replace(entry, fetched_at=entry.fetched_at - timedelta(hours=2)),
        )
        before = _asked(server, "/repos/acme/web/languages")
        code, out, _ = run(capsys, "show", "acme/web", "--json")
        assert code == 0
        assert _asked(server, "/repos/acme/web/languages") == before + 1
        assert json.loads(out)["languages"][0]["name"] == language


def test_a_damaged_kept_output_is_a_miss(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Garbage under the kept key: the normal path answers, as it did before."""
    run(capsys, "show", "acme/shop")
    code, normal, _ = run(capsys, "show", "acme/shop")
    with _store(tmp_path) as store:
        for key in _kept(tmp_path):
            store.set(key, b"repolens-cache-1\n{not json\n")
    code, again, _ = run(capsys, "show", "acme/shop")
    assert code == 0
    assert again == normal


def test_flags_that_change_the_output_are_not_served_a_kept_one(
    server: GitHubServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """``-v`` prints a line per request, so it always takes the normal path (and keeps none)."""
    run(capsys, "show", "acme/shop", "--json")
    run(capsys, "show", "acme/shop", "--json")  # kept
    _no_normal_path(monkeypatch)
    with pytest.raises(AssertionError, match="normal path"):
        run(capsys, "-v", "show", "acme/shop", "--json")


def test_code_fingerprint_follows_every_file(tmp_path: Path) -> None:
    """Editing any file of the package (a rule, say) gives another key, so no older output."""
    root = tmp_path / "pkg"
    (root / "data" / "rules").mkdir(parents=True)
    rule = root / "data" / "rules" / "python.json"
    rule.write_text('{"fastapi": "FastAPI"}')
    (root / "__init__.py").write_text("")
    first = memo.code_fingerprint(root)
    assert memo.code_fingerprint(root) == first
    rule.write_text('{"fastapi": "FastAPI", "flask": "Flask"}')
    assert memo.code_fingerprint(root) != first
    os.utime(root / "__init__.py", ns=(0, 0))
    assert len({first, memo.code_fingerprint(root)}) == 2


def test_kept_show_loads_no_event_loop_client_or_analysis(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A fresh process answering from a kept output imports neither asyncio nor the analysis."""
    run(capsys, "show", "acme/shop", "--json")
    _, normal, _ = run(capsys, "show", "acme/shop", "--json")
    watch = ["asyncio", "httpx", "tui.github.client", "tui.analysis.frameworks", "pathspec",
             "tui.analysis.manifests", "textual"]  # fmt: skip
    result, _ = main_in_child(
        ["show", "acme/shop", "--json"],
        f"{{'status': status, 'out': out.getvalue(),"
        f" 'loaded': [m for m in {watch!r} if m in sys.modules]}}",
        env=os.environ,
    )
    assert result == {"status": 0, "out": normal, "loaded": []}
