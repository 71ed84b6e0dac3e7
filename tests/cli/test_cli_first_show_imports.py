"""The first warm ``repolens show`` (answers cached, no kept output yet) starts light.

It answers from the disk cache without a connection, so it must not pay for what only a
connection needs: no httpx, no OpenSSL hash bindings (``tui.github.digests``), and the HTTP
store is opened once, shared by the kept-output lookup and the client. Each check runs a fresh
interpreter and looks at what it loaded and did; its output must be what the in-process command
printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import diskcache
import pytest

from tests.doubles.cli import cli_server, run
from tests.doubles.github_server import GitHubServer
from tui.github.cache import STORE_DIR

PYPROJECT = (
    b'[project]\nname = "shop"\n'
    b'dependencies = ["fastapi>=0.100", "uvicorn; python_version >= \'3.8\'"]\n'
)

WATCH = ("hashlib", "_hashlib", "httpx", "textual")
"""What a warm show must not load: OpenSSL's hashes, the HTTP client library, the UI."""

PROBE = """
import contextlib, io, json, sys
import diskcache
opened = []
real_init = diskcache.Cache.__init__
def counting_init(self, directory=None, *args, **kwargs):
    opened.append(str(directory))
    real_init(self, directory, *args, **kwargs)
diskcache.Cache.__init__ = counting_init
import gc
from tui.cli.main import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    status = main()  # as the `repolens` script calls it: arguments from sys.argv
print(json.dumps({"status": status, "out": out.getvalue(), "opened": opened,
                  "loaded": [m for m in WATCH if sys.modules.get(m) is not None],
                  "collecting": gc.isenabled(), "frozen": gc.get_freeze_count() > 0}))
"""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """A fake GitHub serving one Python repository; repolens pointed at it, no token."""
    with cli_server(monkeypatch, tmp_path) as srv:
        srv.add_repo(
            "acme/shop",
            files={"pyproject.toml": PYPROJECT, "app/main.py": b"import fastapi\n"},
            languages={"Python": 52000, "HTML": 900},
        )
        yield srv


def _forget_kept(tmp_path: Path) -> None:
    """Remove the kept outputs, so that the next show is the first since the answers came."""
    with diskcache.Cache(str(tmp_path / "cache" / STORE_DIR)) as store:
        for key in list(store.iterkeys()):
            if isinstance(key, str) and key.startswith("MEMO "):
                store.delete(key)


def _probe(*argv: str) -> dict[str, object]:
    """Run ``repolens ARGV`` in a fresh interpreter; what it printed, loaded and opened."""
    code = f"WATCH = {WATCH!r}\n{PROBE}"
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("flags", [("--json",), ()])
def test_first_warm_show_loads_no_tls_and_opens_the_store_once(
    server: GitHubServer,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    flags: tuple[str, ...],
) -> None:
    """Same output as in-process, no request sent, nothing of TLS loaded, one store opened."""
    run(capsys, "show", "acme/shop", *flags)  # fills the cache from the server
    code, expected, _ = run(capsys, "show", "acme/shop", *flags)  # warm: the normal path
    assert code == 0
    _forget_kept(tmp_path)
    sent = len(server.log)
    result = _probe("show", "acme/shop", *flags)
    assert len(server.log) == sent  # answered from the cache alone
    store = str(tmp_path / "cache" / STORE_DIR)
    if not flags:  # the text form ends with the answer's age, worked out at each run
        expected = expected.rsplit("\n", 2)[0]
        result["out"] = str(result["out"]).rsplit("\n", 2)[0]
    # the command ran with the collector on again, start-up's objects frozen (tui.cli.collector)
    assert result == {
        "status": 0,
        "out": expected,
        "opened": [store],
        "loaded": [],
        "collecting": True,
        "frozen": True,
    }


def test_a_show_that_must_connect_still_does(
    server: GitHubServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With nothing cached the same process goes to the network."""
    result = _probe("show", "acme/shop", "--json")
    assert result["status"] == 0
    assert json.loads(str(result["out"]))["full_name"] == "acme/shop"
    assert "httpx" in result["loaded"]  # type: ignore[operator]
    assert any(hit.path.endswith("/repos/acme/shop/languages") for hit in server.log)
