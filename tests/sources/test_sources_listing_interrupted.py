"""A ``git ls-files`` interrupted while it is read (Ctrl-C) is stopped and reaped, its pipe closed.

``subprocess.run`` killed and waited for its child on any exception; the spawn that replaced it
must too, or an interrupted ``repolens scan`` would leave git running and a descriptor open.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.sources import listing

pytestmark = pytest.mark.skipif(not listing._CAN_SPAWN, reason="no os.posix_spawnp here")


def _open_fds() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/fd")}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc here")
def test_an_interrupted_read_stops_and_reaps_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "git"
    fake.write_text(f"#!/bin/sh\necho $$ > '{tmp_path}/pid'\nexec sleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")

    def interrupted(fd: int, deadline: float) -> bytes | None:
        while not (tmp_path / "pid").exists():  # git has started
            os.sched_yield()
        raise KeyboardInterrupt

    monkeypatch.setattr(listing, "_read_all", interrupted)
    before = _open_fds()
    with pytest.raises(KeyboardInterrupt):
        listing._git_files(tmp_path)
    assert _open_fds() <= before  # the pipe's ends were closed
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed and reaped: not even a zombie is left
