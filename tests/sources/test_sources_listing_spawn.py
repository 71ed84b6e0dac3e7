"""``git ls-files``, spawned without ``subprocess``, lists what ``subprocess.run`` listed.

And where git is missing, fails, or hangs, the listing falls back to the walk, as it did; a hung
git, or one whose read is interrupted (Ctrl-C), is stopped and reaped and its pipe closed, as
``subprocess.run`` did; a scan process never imports ``subprocess``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.sources import listing

pytestmark = pytest.mark.skipif(not listing._CAN_SPAWN, reason="no os.posix_spawnp here")


def _repo(root: Path) -> Path:
    (root / "sub dir").mkdir(parents=True)
    (root / "a.py").write_text("print(1)\n")
    (root / "sub dir" / "b ü.js").write_text("x\n")
    (root / "tab\there.txt").write_text("t\n")
    (root / "newline\nname.md").write_text("n\n")
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    return root


def test_same_records_as_subprocess(tmp_path: Path) -> None:
    root = _repo(tmp_path / "repo")
    argv = ["git", *listing._GIT_LS_FILES, "-C", str(root), "ls-files", "-s", "-z"]
    assert listing._output(argv) == listing._output_by_subprocess(argv)
    names = [name for _, name in listing._git_files(root) or []]
    assert names == sorted(["a.py", "sub dir/b ü.js", "tab\there.txt", "newline\nname.md"])


def test_not_a_work_tree_and_no_git_give_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "x.py").write_text("1\n")
    repo = _repo(tmp_path / "repo")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert listing._git_files(plain) is None  # git exits 128: not a repository
    assert listing.listing_of(plain)[0] == "walk honouring .gitignore"
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert listing._git_files(repo) is None  # no git to start


def _hung_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``git`` first on the PATH that writes its pid to the returned file, then hangs."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "git"
    fake.write_text(f"#!/bin/sh\necho $$ > '{tmp_path}/pid'\nexec sleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return tmp_path / "pid"


def test_a_hung_git_is_stopped_and_reaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _hung_git(tmp_path, monkeypatch)
    monkeypatch.setattr(listing, "GIT_TIMEOUT", 0.5)
    start = time.monotonic()
    assert listing._git_files(tmp_path) is None
    assert time.monotonic() - start < 10
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed and reaped: not even a zombie is left


def test_a_scan_never_imports_subprocess(tmp_path: Path) -> None:
    root = _repo(tmp_path / "repo")
    code = (
        "import sys\nfrom pathlib import Path\nfrom tui.sources.local import LocalSource\n"
        f"LocalSource(Path({str(root)!r})).whole_report()\n"
        "print('subprocess' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def _open_fds() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/fd")}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc here")
def test_an_interrupted_read_stops_and_reaps_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = _hung_git(tmp_path, monkeypatch)

    def interrupted(fd: int, deadline: float) -> bytes | None:
        while not pid_file.exists():  # git has started
            os.sched_yield()
        raise KeyboardInterrupt

    monkeypatch.setattr(listing, "_read_all", interrupted)
    before = _open_fds()
    with pytest.raises(KeyboardInterrupt):
        listing._git_files(tmp_path)
    assert _open_fds() <= before  # the pipe's ends were closed
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed and reaped: not even a zombie is left
