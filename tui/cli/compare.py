"""``repolens compare A B [C...]``: the compare view's rows and verdicts, as text, JSON or Markdown.

The rows are the TUI's (``tui.present.compare_rows``), the JSON and Markdown are its exports
(``tui.present.compare_export``), so the command line and the app never disagree.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

from tui.analysis.report import RepoReport
from tui.cli.exits import EXIT_OK, usage_error
from tui.cli.targets import resolve_targets
from tui.cli.text import table
from tui.github.client import GitHubClient
from tui.present.compare_export import languages_summary, to_json, to_markdown
from tui.present.compare_rows import LEGEND, compare_rows
from tui.present.verdict import verdict_text
from tui.sources.factory import Options, build_source
from tui.sources.names import web_hosts
from tui.textsafe import clean

MIN_REPOS, MAX_REPOS = 2, 6
"""How many repositories a comparison takes (as in the app)."""


async def _last(reports: AsyncIterator[RepoReport]) -> RepoReport:
    last: RepoReport | None = None
    async for report in reports:
        last = report
    assert last is not None  # every source yields at least the metadata
    return last


async def run_compare(
    client: GitHubClient | None, options: Options, args: argparse.Namespace
) -> int:
    """Fetch every repository at once, then print the comparison in the format asked for."""
    if not MIN_REPOS <= len(args.targets) <= MAX_REPOS:
        return usage_error(f"compare takes {MIN_REPOS} to {MAX_REPOS} repositories")
    targets, problem = resolve_targets(args.targets, web_hosts(options.api_url))
    if problem:
        return usage_error(problem)
    source = build_source(options, client)  # the demo's catalog when there is no client
    try:
        reports = list(await asyncio.gather(*(_last(source.report(t)) for t in targets)))
    finally:
        await source.aclose()
    now = datetime.now(UTC)
    if args.json:
        print(to_json(reports, now), end="")
    elif args.markdown:
        print(to_markdown(reports, now), end="")
    else:
        print(compare_text(reports, now))
    return EXIT_OK


def compare_text(reports: list[RepoReport], now: datetime) -> str:
    """The verdict of each repository, then the rows aligned in columns (▲ best, ▼ worst)."""
    lines = [verdict_text(r) for r in reports]
    header = ["", *(clean(r.info.full_name, single_line=True) for r in reports)]
    rows: list[list[str]] = [header]
    for row in compare_rows(reports, now):
        marks = [
            "▲" if i in row.best else "▼" if i in row.worst else "" for i in range(len(reports))
        ]
        label = row.label
        if row.group.startswith("frameworks: "):
            label = f"{label} ({row.group.removeprefix('frameworks: ')})"
        # a cell of two lines (the verdict's) is one line here: the table has one row per fact
        cells = (
            f"{' · '.join(v.splitlines())} {m}".rstrip()
            for v, m in zip(row.values, marks, strict=True)
        )
        rows.append([label, *cells])
        if row.key == "primary_language":
            rows.append(["Languages", *(languages_summary(r) for r in reports)])
    lines += ["", table(rows)]
    if any(r.frameworks for r in reports):
        lines += ["", f"Frameworks: {LEGEND}"]
    return "\n".join(lines)
