"""Hostile repositories x fault kinds: does every run end, cleanly, and leave the cache healthy?

Each cell of the matrix runs one ``GitHubSource.report`` through the real client (disk cache,
retries, deadline, size caps) against the fake GitHub of ``tests/github_server.py`` on 127.0.0.1
while the fault is on, once on an empty cache and once on a warm but stale one; then clears the
fault, runs again on the same cache, and compares that with a run on a fresh cache. Counted per
fault kind, over every repository:

- **tried**: runs with the fault on;
- **failed**: of those, runs that ended in a ``GitHubError`` (a one-line message: expected);
- **stale**: runs that answered from the stale cache instead (expected on a warm cache);
- **tracebacks**: runs that raised anything else (a bug), with or after the fault;
- **hangs**: runs that did not end within the hang limit (a bug);
- **poisoned**: runs after the fault that differ from a clean run, or left an entry in the cache
  that no longer reads back (the fault outlived itself).

Loopback only; every loop is bounded. Usage: ``uv run python -m benchmarks.faults [--deadline S]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.doubles.github_server import (
    FakeClock,
    GitHubServer,
    Reply,
    damage_cache_entry,
    endless_body,
    gzip_bomb,
    html_page,
    slow_drip,
)
from tui.analysis.report import RepoReport
from tui.github.client import STORE_DIR, GitHubClient
from tui.github.errors import GitHubError
from tui.github.request import MIB, Limits, RetryPolicy
from tui.github.settings import ClientSettings
from tui.sources.github import GitHubSource

REQS = b"torch==2.1.0\nnumpy\n"


def hostile_repos(server: GitHubServer) -> list[str]:
    """Serve the hostile repositories; returns their names."""
    server.add_repo("h/plain", files={"requirements.txt": REQS, "a.py": b"x=1\n"},
                    languages={"Python": 5})  # fmt: skip
    bad = server.add_repo("h/badpaths", files={"requirements.txt": REQS}, languages={"Python": 5})
    impossible = ("../requirements.txt", "/etc/passwd", "a/../../x", "a//b", "x\x1by")
    bad.tree += [{"path": p, "type": "blob", "sha": "0" * 40, "size": 3} for p in impossible]
    odd = server.add_repo("h/oddname", files={"requirements.txt": REQS})
    odd.meta["full_name"] = "evil/../../x"
    hostile_text = "safe\u202etxt.exe\x1b]0;pwn\x07 [@click=app.quit]x[/]"
    react = b'{"dependencies": {"react": "1"}}'
    server.add_repo("h/bidi", files={"package.json": react}, description=hostile_text)
    server.add_repo("h/broken", files={"pyproject.toml": b'[project]\ndependencies = ["torch"\n'})
    server.add_repo("h/huge", files={"requirements.txt": b"numpy\n" * (2 * MIB)})
    server.add_repo("h/html", files={"requirements.txt": REQS}, html_url="file:///etc/passwd")
    many = {f"src/m{i}/f{i}.py": b"import flask\n" for i in range(3000)}
    server.add_repo("h/many", files={"requirements.txt": b"flask\n", **many})
    server.add_repo("h/empty", files={"README": b""}, languages={})
    return [name for name in server.repos]


Fault = Callable[[GitHubServer, str, Path], None]


def _sticky(path: str, reply: Callable[[], Reply]) -> Fault:
    def apply(server: GitHubServer, name: str, cache: Path) -> None:
        server.script("GET", path.format(name=name), reply(), sticky=True)

    return apply


def _raw_html(server: GitHubServer, name: str, cache: Path) -> None:
    repo = server.repos[name]
    for path in repo.files:
        server.script("GET", f"/raw/{name}/main/{path}", html_page(), sticky=True)


def _damage(server: GitHubServer, name: str, cache: Path) -> None:
    damage_cache_entry(cache, "/git/trees/")
    damage_cache_entry(cache, "/languages", legacy=True)
    damage_cache_entry(cache, "/raw/")


def _no_fault(server: GitHubServer, name: str, cache: Path) -> None:
    return None


REPO = "/api/v3/repos/{name}"
FAULTS: dict[str, Fault] = {
    "none": _no_fault,
    "5xx": _sticky(REPO, lambda: Reply(503, {"message": "Service Unavailable"})),
    "reset": _sticky(REPO + "/languages", lambda: Reply(reset=True)),
    "truncated": _sticky(REPO + "/git/trees/main", lambda: Reply(200, b'{"sha"', short_body=True)),
    "malformed": _sticky(REPO, lambda: Reply(200, b"<html>not json</html>")),
    "slow drip": _sticky(REPO + "/languages", lambda: slow_drip(b'{"Python": 5}', every=0.5)),
    "endless": _sticky(REPO + "/git/trees/main", endless_body),
    "gzip bomb": _sticky(REPO, lambda: gzip_bomb(512 * MIB)),
    "retry-after 1e20": _sticky(
        REPO + "/languages", lambda: Reply(429, {}, {"retry-after": "1e20"})
    ),
    "retry-after inf": _sticky(
        REPO, lambda: Reply(403, {"message": "secondary rate limit"}, {"retry-after": "inf"})
    ),
    "html from raw": _raw_html,
    "damaged cache": _damage,
    "rate limit": lambda server, name, cache: server.exhaust("core"),
}


@dataclass
class Row:
    """One fault kind's counts."""

    tried: int = 0
    failed: int = 0
    stale: int = 0
    tracebacks: int = 0
    hangs: int = 0
    poisoned: int = 0
    notes: list[str] = field(default_factory=list)


def _client(server: GitHubServer, cache: Path, limits: Limits) -> GitHubClient:
    async def quick(_: float) -> None:
        await asyncio.sleep(0)

    settings = ClientSettings(api_url=server.api_url, cache_dir=cache)
    return GitHubClient(settings, retry=RetryPolicy(tries=2, base=0.01), limits=limits,
                        clock=server.clock, sleep=quick)  # fmt: skip


async def _report(server: GitHubServer, cache: Path, name: str, limits: Limits) -> RepoReport:
    async with _client(server, cache, limits) as client:
        source = GitHubSource(client)
        last = None
        async for report in source.report(name):
            last = report
        assert last is not None
        return last


def _summary(report: RepoReport) -> str:
    frameworks = sorted(f.name for f in report.frameworks or ())
    langs = [(s.name, s.bytes) for s in report.languages or ()]
    return json.dumps([report.info.full_name, langs, frameworks])


async def _attempt(
    server: GitHubServer, cache: Path, name: str, limits: Limits, hang: float
) -> tuple[str, RepoReport | None]:
    """One run: ``ok``, ``failed``, ``traceback`` or ``hang``."""
    try:
        report = await asyncio.wait_for(_report(server, cache, name, limits), hang)
    except TimeoutError:
        return "hang", None
    except GitHubError:
        return "failed", None
    except Exception:
        traceback.print_exc(limit=3)
        return "traceback", None
    return "ok", report


def _unreadable_entries(cache: Path) -> int:
    """Entries whose stored body no longer reads back (damage the fault left behind)."""
    import diskcache

    from tui.github.cache import decode_entry

    with diskcache.Cache(str(cache / STORE_DIR)) as store:
        return sum(1 for key in store.iterkeys() if decode_entry(store.get(key)) is None)


async def run_cell(server: GitHubServer, fault: str, name: str, row: Row, limits: Limits) -> None:
    """One repository under one fault, on a cold cache and on a warm (stale) one; each faulty
    run is followed by a clean one on the same cache, compared with a run on a fresh cache."""
    hang = limits.deadline * 3 + 10
    with tempfile.TemporaryDirectory() as fresh_dir:
        _, clean_report = await _attempt(server, Path(fresh_dir), name, limits, hang)
    for warm in (False, True):
        with tempfile.TemporaryDirectory() as cache_dir:
            cache = Path(cache_dir)
            if warm:  # the fault meets a full cache, stale so that validators are sent
                await _attempt(server, cache, name, limits, hang)
                server.clock.advance(hours=2)
            FAULTS[fault](server, name, cache)
            outcome, during = await _attempt(server, cache, name, limits, hang)
            server.scripts.clear()
            server.sticky.clear()
            server.buckets.clear()
            # the client keeps a spent budget across runs (until its reset, as it must): the
            # clean run comes after that reset, or it would rightly send nothing
            server.clock.advance(minutes=61)
            after, report = await _attempt(server, cache, name, limits, hang)
            row.tried += 1
            row.failed += outcome == "failed"
            row.stale += during is not None and during.source.stale
            row.tracebacks += (outcome == "traceback") + (after == "traceback")
            row.hangs += (outcome == "hang") + (after == "hang")
            if not _same(report, clean_report) or _unreadable_entries(cache):
                row.poisoned += 1
                row.notes.append(f"{fault} / {name} / {'warm' if warm else 'cold'}")


def _same(report: RepoReport | None, clean: RepoReport | None) -> bool:
    if report is None or clean is None:
        return report is None and clean is None
    return _summary(report) == _summary(clean)


async def main(deadline: float, only: str | None = None) -> None:
    """Run the whole matrix (or one fault kind's row) and print the table."""
    limits = Limits(deadline=deadline, json=8 * MIB, tree=16 * MIB, file=1 * MIB)
    rows: dict[str, Row] = {}
    start = time.perf_counter()
    with GitHubServer(FakeClock(datetime.now(UTC))).serving() as server:
        names = hostile_repos(server)
        kinds = [only] if only else list(FAULTS)
        for fault in kinds:
            row = rows.setdefault(fault, Row())
            for name in names:
                await run_cell(server, fault, name, row, limits)
    caps = f"{limits.json // MIB}/{limits.tree // MIB}/{limits.file // MIB} MB"
    took = time.perf_counter() - start
    print(f"{len(names)} hostile repositories x {len(kinds)} fault kinds, deadline "
          f"{deadline:g} s, caps json/tree/file {caps}, {took:.0f} s")  # fmt: skip
    print(
        f"{'fault':<18} {'tried':>5} {'failed':>6} {'stale':>5} {'tracebacks':>10} {'hangs':>5} "
        f"{'poisoned':>8}"
    )
    total = Row()
    for fault, row in rows.items():
        print(f"{fault:<18} {row.tried:>5} {row.failed:>6} {row.stale:>5} {row.tracebacks:>10} "
              f"{row.hangs:>5} {row.poisoned:>8}")  # fmt: skip
        for attr in ("tried", "failed", "stale", "tracebacks", "hangs", "poisoned"):
            setattr(total, attr, getattr(total, attr) + getattr(row, attr))
        total.notes += row.notes
    print(f"{'total':<18} {total.tried:>5} {total.failed:>6} {total.stale:>5} "
          f"{total.tracebacks:>10} {total.hangs:>5} {total.poisoned:>8}")  # fmt: skip
    for note in total.notes:
        print(f"  poisoned: {note}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deadline", type=float, default=3.0, help="per-request deadline (s)")
    parser.add_argument("--fault", choices=list(FAULTS), help="run only this fault kind")
    args = parser.parse_args()
    asyncio.run(main(args.deadline, args.fault))
