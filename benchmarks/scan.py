"""Local scan speed against GitHub Linguist: whole process against whole process.

Usage::

    uv run python -m benchmarks.scan --prepare /tmp/repolens-trees   # build the standard trees
    uv run python -m benchmarks.scan PATH [PATH ...] [--runs 5] [--no-linguist]

Headline, per tree: ``repolens scan PATH --json`` and ``github-linguist PATH --json`` run as two
subprocesses, alternately, ``--runs`` times (after one warm-up of each, so both read a warm page
cache); the figure is the median of the paired ratios (Linguist's time over repolens's). Each
process pays its own start-up, as a user does; repolens's answer also carries the framework
detection, which Linguist does not do. Secondary: the old in-process figure, ``scan_checkout``
alone, best of ``--runs`` in this interpreter (imports and language table already loaded), which
flatters repolens and is printed for continuity only. Then the agreement: the top language of
each and the largest share difference in percentage points.

Linguist is Debian's ``ruby-github-linguist`` 7.22.1 (``apt-get install ruby-github-linguist``);
it reads committed trees only, so every PATH must be a git work tree with its files committed.

``--prepare DIR`` makes the standard trees from what is on this machine offline: a clone of this
checkout, a copy of this virtualenv's site-packages, and, when Debian's ``ruby-rails`` is
installed, the Rails gems' sources (actionpack, activerecord, railties, ...), each committed in a
fresh git repository (``__pycache__`` and compiled ``.so`` files left out).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from benchmarks.launch import REPOLENS, ROOT, child_env
from tui.analysis.languages import shares
from tui.sources.scan import scan_checkout

RAILS_GEMS = Path("/usr/share/rubygems-integration/all/gems")
"""Where Debian's ``ruby-rails`` packages put the Rails gems' sources."""


def _timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{argv[0]} failed: {done.stderr.strip()[-400:]}")
    return elapsed, done.stdout


def _ours(stdout: str) -> dict[str, int]:
    return {item["name"]: item["bytes"] for item in json.loads(stdout)["languages"]}


def _theirs(stdout: str) -> dict[str, int]:
    return {name: int(value["size"]) for name, value in json.loads(stdout).items()}


def _agreement(ours: dict[str, int], theirs: dict[str, int]) -> str:
    """Top language of each and the largest share difference, as one line."""
    mine = {s.name: s.percent for s in shares(ours)}
    other = {s.name: s.percent for s in shares(theirs)}
    worst, where = 0.0, "-"
    for language in set(mine) | set(other):
        difference = abs(mine.get(language, 0.0) - other.get(language, 0.0))
        if difference > worst:
            worst, where = difference, language
    top = next(iter(mine), "-"), next(iter(other), "-")
    return f"top {top[0]} vs {top[1]}; max share difference {worst:.1f} points ({where})"


def whole_process(path: Path, runs: int, env: dict[str, str], linguist: str | None) -> None:
    """The headline: both programs as subprocesses, alternated, median of paired ratios."""
    ours_cmd = [REPOLENS, "scan", str(path), "--json"]
    their_cmd = [linguist, str(path), "--json"] if linguist else None
    _, out = _timed(ours_cmd, env)  # warm-up: page cache, bytecode
    theirs_out = _timed(their_cmd)[1] if their_cmd else None
    ours_t: list[float] = []
    theirs_t: list[float] = []
    for _ in range(runs):
        ours_t.append(_timed(ours_cmd, env)[0])
        if their_cmd:
            theirs_t.append(_timed(their_cmd)[0])
    print(f"  repolens scan --json (whole process)   median {statistics.median(ours_t):7.2f} s")
    if not their_cmd or theirs_out is None:
        print("  github-linguist: not run (not installed or --no-linguist)")
        return
    ratios = [t / o for o, t in zip(ours_t, theirs_t, strict=True)]
    print(f"  github-linguist --json (whole process) median {statistics.median(theirs_t):7.2f} s")
    print(
        f"  WHOLE PROCESS: repolens {statistics.median(ratios):.1f}x faster "
        f"(median of {runs} paired runs; range {min(ratios):.1f}x to {max(ratios):.1f}x)"
    )
    print(f"  agreement: {_agreement(_ours(out), _theirs(theirs_out))}")
    in_process(path, runs, statistics.median(theirs_t))


def in_process(path: Path, runs: int, linguist_seconds: float | None) -> None:
    """Secondary: ``scan_checkout`` alone, warm, best of ``runs`` (not what a user waits for)."""
    result = scan_checkout(path)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        result = scan_checkout(path)
        best = min(best, time.perf_counter() - start)
    line = f"  in-process scan_checkout ({result.classifier}), warm, best: {best:.2f} s"
    if linguist_seconds:
        line += f" ({linguist_seconds / best:.1f}x Linguist's whole process)"
    print(line)
    print(f"  {result.files_counted} files counted; skipped: {result.files_skipped}")


def _commit_tree(source: Path, target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyc", ".git")
    shutil.copytree(source, target, ignore=ignore, symlinks=True)
    _git_commit(target)


def _git_commit(target: Path) -> None:
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-C", str(target)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A", "-f"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "tree", "--no-verify"], check=True)


def prepare(base: Path) -> list[Path]:
    """Build the standard trees under ``base`` (see the module docstring); returns them."""
    base.mkdir(parents=True, exist_ok=True)
    trees: list[Path] = []
    checkout = base / "repolens"
    if not checkout.exists():
        subprocess.run(["git", "clone", "-q", str(ROOT), str(checkout)], check=True)
    trees.append(checkout)
    site = base / "site-packages"
    if not site.exists():
        _commit_tree(Path(sysconfig.get_paths()["purelib"]), site)
    trees.append(site)
    rails = base / "rails"
    gems = sorted(RAILS_GEMS.glob("*")) if RAILS_GEMS.is_dir() else []
    parts = [g for g in gems if g.name.split("-")[0] in RAILS_PARTS]
    if parts and not rails.exists():
        rails.mkdir()
        for gem in parts:
            shutil.copytree(gem, rails / gem.name.split("-")[0], symlinks=True)
        _git_commit(rails)
    if rails.exists():
        trees.append(rails)
    return trees


RAILS_PARTS = {
    "actioncable", "actionmailbox", "actionmailer", "actionpack", "actiontext", "actionview",
    "activejob", "activemodel", "activerecord", "activestorage", "activesupport", "railties",
}  # fmt: skip
"""The gems that make up the Rails repository."""


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="paired runs per tree")
    parser.add_argument("--no-linguist", action="store_true", help="skip github-linguist")
    parser.add_argument("--prepare", type=Path, help="build the standard trees here, then run")
    args = parser.parse_args(argv)
    paths: list[Path] = list(args.paths)
    if args.prepare:
        paths += prepare(args.prepare)
    if not paths:
        parser.error("give a PATH (a committed git work tree) or --prepare DIR")
    linguist = None if args.no_linguist else shutil.which("github-linguist")
    with tempfile.TemporaryDirectory(prefix="repolens-scan-") as tmp:
        env = child_env(Path(tmp, "pycache"), Path(tmp, "cache"))
        for path in paths:
            files = subprocess.run(
                ["git", "-C", str(path), "ls-files"], capture_output=True, text=True, check=True
            ).stdout.count("\n")
            print(f"tree: {path} ({files:,} tracked files)")
            whole_process(path.resolve(), args.runs, env, linguist)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
