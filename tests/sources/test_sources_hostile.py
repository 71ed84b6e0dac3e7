"""Odd input to the sources: targets, web URLs, special files, bidi text, abandoned scans."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest

from tui.github.errors import ApiUnavailable
from tui.sources.background import in_daemon_thread
from tui.sources.names import TargetError, parse_repo_ref, parse_target, repo_web_url
from tui.sources.safe_read import read_regular
from tui.sources.scan import scan_checkout
from tui.textsafe import clean, one_line

FIFO = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")


@pytest.mark.parametrize(
    "text", ["", "  ", "http://[::1/a/b", "a" * 300 + "/x", "x\0y/z", "~nobody-such/x/y", "a/b/c"]
)
def test_odd_targets_are_target_errors(text: str, tmp_path: Path) -> None:
    with pytest.raises(TargetError) as caught:
        parse_target(text)
    assert "\n" not in str(caught.value)


def test_targets_that_are_fine(tmp_path: Path) -> None:
    assert parse_target("https://github.com/o/r.git").key == "o/r"
    assert parse_target(str(tmp_path)) == parse_target(str(tmp_path) + "/")
    assert parse_target(str(tmp_path)).local
    assert parse_repo_ref("http://[::1/a/b") is None


@pytest.mark.parametrize(
    ("html_url", "full_name", "api_host", "expected"),
    [
        ("https://github.com/o/r", "o/r", "api.github.com", "https://github.com/o/r"),
        ("https://ghe.corp/o/r", "o/r", "ghe.corp", "https://ghe.corp/o/r"),
        ("http://github.com/o/r", "o/r", "api.github.com", "https://github.com/o/r"),
        ("https://github.com.evil.io/o/r", "o/r", "api.github.com", "https://github.com/o/r"),
        ("https://github.com/o/r\x1b[2J", "o/r", "api.github.com", "https://github.com/o/r"),
        ("file:///etc/passwd", "evil/../../x", "api.github.com", None),
        (None, "/home/me/checkout", "api.github.com", None),
    ],
)
def test_web_urls(html_url: str | None, full_name: str, api_host: str, expected: str) -> None:
    assert repo_web_url(html_url, full_name, api_host) == expected


@FIFO
def test_special_files_are_never_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "file").write_bytes(b"abc")
    assert read_regular(tmp_path / "fifo", 10) is None  # returns at once: no writer needed
    assert read_regular("/dev/zero", 10) is None
    assert read_regular(tmp_path / "file", 2) == b"ab"
    assert read_regular(tmp_path / "missing", 2) is None


@FIFO
def test_a_scan_over_fifos_finishes(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text("print(1)\n")
    for name in ("data.py", ".gitignore", ".gitattributes"):
        os.mkfifo(tmp_path / name)
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(scan_checkout(tmp_path)), daemon=True)
    worker.start()
    worker.join(timeout=60)  # a hang fails the test instead of blocking the suite
    assert done, "the scan blocked on a FIFO"
    result = done[0]
    assert result.bytes_by_language == {"Python": 9}  # type: ignore[attr-defined]
    assert result.files_skipped.get("not a file") == 3  # type: ignore[attr-defined]


async def test_abandoning_a_daemon_thread_sets_stop_and_does_not_wait() -> None:
    stop, started = threading.Event(), threading.Event()

    def work() -> int:
        started.set()
        stop.wait(30)
        return 1

    task = asyncio.ensure_future(in_daemon_thread(work, stop))
    await asyncio.to_thread(started.wait, 10)
    assert any(t.daemon for t in threading.enumerate() if t.name == "repolens-background")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert stop.is_set()


async def test_a_daemon_thread_hands_back_results_and_errors() -> None:
    assert await in_daemon_thread(lambda: 42) == 42

    def fail() -> None:
        raise ApiUnavailable("nope")

    with pytest.raises(ApiUnavailable):
        await in_daemon_thread(fail)


@pytest.mark.parametrize(
    "bidi", ["\u202e", "\u202a", "\u202c", "\u2066", "\u2069", "\u200f", "\u061c"]
)
def test_bidi_controls_are_stripped(bidi: str) -> None:
    assert clean(f"evil{bidi}gpj.exe") == "evilgpj.exe"
    assert one_line(f"a{bidi}\nb") == "a b"
    assert ApiUnavailable(f"bad {bidi}name").user_message == "bad name"
