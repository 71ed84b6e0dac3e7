"""Time ``scan_checkout`` on a large local tree, and GitHub Linguist on the same tree if installed.

Usage::

    uv run python -m benchmarks.scan [PATH] [--runs N] [--no-linguist]

``PATH`` defaults to this virtualenv's site-packages (not a git work tree, so the scan walks it
honouring .gitignore; ``github-linguist`` needs a git work tree and is skipped there). Point it at
a git checkout to compare with Linguist (Debian: ``apt-get install ruby-github-linguist``), which
runs ``github-linguist --json`` once and reports the speed ratio, the top language of each, and
the largest share difference in percentage points.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

from tui.analysis.languages import shares
from tui.sources.scan import ScanResult, scan_checkout


def _time_scan(path: Path, runs: int, use_enry: bool | None) -> tuple[float, ScanResult]:
    """Best wall time of ``runs`` scans (the first warms the page cache) and the last result."""
    best = float("inf")
    result = scan_checkout(path, use_enry=use_enry)
    for _ in range(runs):
        start = time.perf_counter()
        result = scan_checkout(path, use_enry=use_enry)
        best = min(best, time.perf_counter() - start)
    return best, result


def _linguist(path: Path) -> tuple[float, dict[str, int]] | None:
    """Wall time and bytes per language of ``github-linguist --json``, if it is installed."""
    program = shutil.which("github-linguist")
    if program is None:
        return None
    start = time.perf_counter()
    done = subprocess.run([program, "--json"], cwd=path, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        print(f"github-linguist failed: {done.stderr.strip()[:200]}")
        return None
    data = json.loads(done.stdout)
    return elapsed, {name: int(value["size"]) for name, value in data.items()}


def _agreement(ours: dict[str, int], theirs: dict[str, int]) -> tuple[str, str, float, str]:
    """Top language of each, the largest share difference, and the language it is in."""
    mine = {s.name: s.percent for s in shares(ours)}
    other = {s.name: s.percent for s in shares(theirs)}
    worst, where = 0.0, "-"
    for language in set(mine) | set(other):
        difference = abs(mine.get(language, 0.0) - other.get(language, 0.0))
        if difference > worst:
            worst, where = difference, language
    top = next(iter(mine), "-"), next(iter(other), "-")
    return top[0], top[1], round(worst, 1), where


def _print_result(label: str, seconds: float, result: ScanResult) -> None:
    top = ", ".join(f"{s.name} {s.percent}" for s in shares(result.bytes_by_language)[:5])
    print(f"{label:<58} {seconds:7.2f} s  {result.files_counted:6d} files  {top}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(sysconfig.get_paths()["purelib"])
    parser.add_argument("path", nargs="?", type=Path, default=default)
    parser.add_argument("--runs", type=int, default=3, help="timed scans (best is kept)")
    parser.add_argument("--no-linguist", action="store_true", help="skip github-linguist")
    args = parser.parse_args(argv)
    path: Path = args.path.resolve()
    if not path.is_dir():
        sys.exit(f"not a directory: {path}")
    print(f"tree: {path}")
    seconds, result = _time_scan(path, args.runs, None)
    _print_result(f"scan_checkout ({result.classifier})", seconds, result)
    fallback_seconds, fallback = _time_scan(path, args.runs, False)
    _print_result(f"scan_checkout ({fallback.classifier})", fallback_seconds, fallback)
    print(f"listing: {result.listing}; skipped: {result.files_skipped}")
    found = None if args.no_linguist or result.listing != "git ls-files" else _linguist(path)
    if found is None:
        print("github-linguist: not run (not installed, not a git work tree, or --no-linguist)")
        return 0
    linguist_seconds, theirs = found
    print(f"{'github-linguist --json':<58} {linguist_seconds:7.2f} s")
    for label, ours, spent in (("enry", result, seconds), ("table", fallback, fallback_seconds)):
        top, their_top, worst, where = _agreement(ours.bytes_by_language, theirs)
        print(
            f"{label}: {linguist_seconds / spent:5.1f}x faster; top {top} vs {their_top}; "
            f"max share difference {worst} points ({where})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
