"""``repolens census``: what many repositories are written in and built with, within the budget."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TextIO

from tui.cli.exits import EXIT_OK, usage_error
from tui.github.client import GitHubClient
from tui.present.census import aggregate
from tui.present.census_output import census_csv, census_json, census_markdown, census_text
from tui.search import QuerySyntaxError
from tui.search.framework_filter import NOTE, FrameworkFilter, parse_framework_filter
from tui.sources.catalog import CatalogSource
from tui.sources.census import CensusProgress, CensusResult, CensusRunner, local_census
from tui.sources.census_catalog import DEMO_LABEL, CatalogCensus
from tui.sources.census_plan import SLICED_CAP, plan_text
from tui.sources.factory import Options
from tui.sources.github import GitHubSource
from tui.sources.names import looks_like_path, parse_repo_ref


class ProgressLine:
    """Progress on stderr: one rewritten line on a terminal, a line per tenth otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._last: tuple[str, int] = ("", -1)

    def __call__(self, p: CensusProgress) -> None:
        """Show one step."""
        tenth = 10 * p.done // max(1, p.total)
        if not self.tty and (p.phase, tenth) == self._last and p.done != p.total:
            return
        self._last = (p.phase, tenth)
        eta = f", about {p.eta:.0f} s left" if p.eta is not None and p.done < p.total else ""
        words = {
            "search": "search pages",
            "cache": "looking in the cache",
            "details": "repositories",
        }
        if p.phase == "waiting":
            line = f"census: waiting {p.total} s for GitHub's search limit to refill"
        else:
            line = f"census: {words.get(p.phase, p.phase)} {p.done:,}/{p.total:,}{eta}"
        end = "\r" if self.tty and p.done < p.total else "\n"
        print(f"{line:<70}", end=end, file=self.stream, flush=True)


def _confirm(yes: bool) -> bool | None:
    """True to go on, False if the person said no, None if nobody can be asked."""
    if yes:
        return True
    if not sys.stdin.isatty():
        return None
    answer = input("Go ahead? [y/N] ").strip().lower()
    return answer in ("y", "yes")


def _names(path: str) -> list[str] | str:
    """The ``OWNER/REPO`` lines of a file (``-`` is stdin), or why they cannot be read."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return f"cannot read {path}: {exc.strerror if isinstance(exc, OSError) else 'not text'}"
    names = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name = parse_repo_ref(line)
        if name is None:
            return f"{path}, line {number}: not OWNER/REPO: {line!r}"
        names.append(name)
    return list(dict.fromkeys(names)) or f"{path} names no repository"


async def run_census(
    client: GitHubClient | None, options: Options, args: argparse.Namespace
) -> int:
    """Plan, confirm, run and print one census (``client`` None: the demo catalog's)."""
    if not 1 <= args.limit <= SLICED_CAP:
        return usage_error(f"--limit must be between 1 and {SLICED_CAP:,}")
    query = " ".join(args.target)
    try:
        flt = parse_framework_filter(query)
    except QuerySyntaxError as exc:
        return usage_error(str(exc))
    if client is None:
        return await _demo_census(flt, args, query)
    if args.from_file is None and len(args.target) == 1 and _is_folder(args.target[0]):
        folder = Path(args.target[0]).expanduser()  # noqa: ASYNC240 - reads $HOME only
        result = await local_census(folder)
        return _print(result, flt, args)
    names: list[str] | None = None
    if args.from_file is not None:
        found = _names(args.from_file)
        if isinstance(found, str):
            return usage_error(found)
        names = found[: args.limit]
    elif not flt.query:
        return usage_error("census needs a query, --from FILE or a folder")
    source = GitHubSource(
        client
    )  # a census asks GitHub itself; the router's fallbacks do not apply
    try:
        runner = CensusRunner(source, on_progress=ProgressLine(sys.stderr))
        # with --yes the run is agreed to: its first page (reused) tells how many there are
        probe = flt.query if args.yes else None
        plan = await runner.plan(args.limit, names=names, query=probe)
        print(plan_text(plan), file=sys.stderr)
        if flt.active:
            print(NOTE, file=sys.stderr)
        go = _confirm(args.yes)
        if go is None:
            return usage_error("not asking without a terminal: add --yes to run the census")
        if not go:
            return EXIT_OK
        try:
            if names is not None:
                result = await runner.run_names(names, plan, args.from_file)
            else:
                result = await runner.run_query(flt.query, plan)
        except asyncio.CancelledError:
            print("census: cancelled; run it again to resume from the cache", file=sys.stderr)
            raise
    finally:
        await source.aclose()
    return _print(result, flt, args, query=query or None)


async def _demo_census(flt: FrameworkFilter, args: argparse.Namespace, query: str) -> int:
    """A census of the bundled catalog's repositories: demo data, labelled so; nothing is sent."""
    if args.from_file is not None or not flt.query:
        return usage_error("the demo's census takes a search query (its catalog has no folders)")
    runner = CatalogCensus(CatalogSource())
    plan = await runner.plan(args.limit, query=flt.query)
    print(plan_text(plan), file=sys.stderr)
    if flt.active:
        print(NOTE, file=sys.stderr)
    result = await runner.run_query(flt.query, plan)
    label = f"{query} ({DEMO_LABEL}, {await runner.data_date()})"
    return _print(result, flt, args, query=label)


def _is_folder(target: str) -> bool:
    return looks_like_path(target) or (parse_repo_ref(target) is None and Path(target).is_dir())


def _print(
    result: CensusResult,
    flt: FrameworkFilter,
    args: argparse.Namespace,
    *,
    query: str | None = None,
) -> int:
    census = aggregate(result, flt, query=query)
    if args.json:
        print(json.dumps(census_json(census), indent=2, ensure_ascii=False))
    elif args.csv:
        print(census_csv(census), end="")
    elif args.markdown:
        print(census_markdown(census), end="")
    else:
        print(census_text(census))
    return EXIT_OK
