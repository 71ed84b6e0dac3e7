"""``repolens search``: GitHub's repository search, with repolens's own ``framework:`` qualifier.

``framework:`` is taken out of the query GitHub sees; the first ``--limit`` results are then
judged by their detected frameworks (``tui.sources.census_filter``: free with a token's GraphQL
pages, up to two core requests a result without one, within the budget). Results that could not
be judged are printed apart as pending and counted, never dropped or passed off as matches.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from tui.analysis.report import RepoReport
from tui.cli.exits import EXIT_OFFLINE, EXIT_OK, exit_code, usage_error
from tui.cli.text import report_text, search_text
from tui.github.errors import GitHubError
from tui.github.reset_time import reset_time
from tui.present.schema import info_json, report_json, search_json
from tui.search import QuerySyntaxError
from tui.search.framework_filter import NOTE, FrameworkFilter, parse_framework_filter
from tui.sources.base import RepoSource, SearchResults
from tui.sources.census_filter import JudgedPage, judge_page
from tui.textsafe import clean, escape_bidi_json


def _print_json(data: object) -> None:
    # control characters come out escaped by json; bidirectional ones need telling
    print(escape_bidi_json(json.dumps(data, indent=2, ensure_ascii=False)))


def _err(line: str) -> None:
    print(line, file=sys.stderr)


async def run_search(source: RepoSource, args: argparse.Namespace) -> int:
    """Search, judge ``framework:`` terms if any, and print the results."""
    if not 1 <= args.limit <= 1000:
        return usage_error(
            "--limit must be between 1 and 1000 (GitHub serves at most 1000 results)"
        )
    try:
        flt = parse_framework_filter(" ".join(args.query))
    except QuerySyntaxError as exc:
        return usage_error(str(exc))
    if flt.active and not flt.query:
        return usage_error("framework: narrows a search: add words or qualifiers for GitHub")
    results = await _pages(source, flt.query, args)
    if results.unreachable and not results.items:
        # an empty offline answer in GitHub's place is not "0 results": it is a failure
        _err(f"repolens: {results.unreachable} Nothing cached matches.")
        return EXIT_OFFLINE
    if args.offline and not args.demo and not results.items:
        # asked to stay offline: an empty cache answer is a failure too, as when GitHub is down
        _err("repolens: Offline, and nothing in the cache or the bundled catalog matches.")
        return EXIT_OFFLINE
    if results.unreachable:
        _err(
            f"repolens: {results.unreachable} Showing {len(results.items)} offline results "
            "from the cache and the bundled catalog."
        )
    if flt.active:
        _err(f"repolens: {NOTE}")
        judged = await judge_page(source, results, flt)
        _err(f"repolens: {cost_line(judged)}")
        return _print_judged(flt, judged, args)
    if args.details and results.items:  # nothing found: the plain "0 repositories" line
        return await _details(source, results, args.json)
    if args.json:
        _print_json(search_json(results, [info_json(i) for i in results.items]))
    else:
        print(search_text(results, offline=_offline_label(args)))
    return EXIT_OK


def _offline_label(args: argparse.Namespace) -> str:
    """What an answer given without GitHub is: the demo's come from its catalog, by design."""
    return "demo catalog" if getattr(args, "demo", False) else "offline results"


async def _pages(source: RepoSource, query: str, args: argparse.Namespace) -> SearchResults:
    """The first ``--limit`` results, over as many pages as that takes."""
    per_page = min(100, args.limit)
    items: list[Any] = []
    page = 1
    while True:
        results = await source.search(query, sort=args.sort, page=page, per_page=per_page)
        items.extend(results.items)
        if len(items) >= args.limit or not results.has_next:
            break
        page += 1
    return replace(results, items=tuple(items[: args.limit]), page=1)


def cost_line(judged: JudgedPage) -> str:
    """What judging cost: ``judged 25 of 30 for 44 requests (6 free, from the cache); ...``."""
    total = len(judged.results.items) + judged.dropped
    line = f"framework: judged {judged.judged:,} of {total:,} results for {spent(judged)}"
    if judged.free:
        line += f" ({judged.free:,} free, from the cache or the catalog)"
    if judged.pending:
        line += f"; {len(judged.pending):,} pending: {_why_pending(judged.reset_at)}"
    return line + "."


def spent(judged: JudgedPage) -> str:
    """``12 core requests and 2 GraphQL points`` (raw-host files cost nothing)."""
    core = f"{judged.core_requests:,} core request{'' if judged.core_requests == 1 else 's'}"
    if not judged.graphql_points:
        return core
    return f"{core} and {judged.graphql_points:,} GraphQL point{'s'[: judged.graphql_points - 1]}"


def _why_pending(reset_at: datetime | None) -> str:
    if reset_at is None:
        return "their frameworks could not be fetched"
    return f"the budget allows no more until {reset_time(reset_at, datetime.now(UTC))}"


def filter_line(flt: FrameworkFilter, judged: JudgedPage) -> str:
    """``framework:pytorch: 12 match, 5 pending (not judged yet), 13 do not``."""
    return (
        f"{flt.describe()}: {len(judged.matching):,} match, "
        f"{len(judged.pending):,} pending (not judged yet), {judged.dropped:,} do not"
    )


def _rows(results: SearchResults, items: tuple[Any, ...]) -> list[str]:
    """``search_text``'s lines for ``items``, without its heading."""
    return search_text(replace(results, items=items)).splitlines()[1:]


def _print_judged(flt: FrameworkFilter, judged: JudgedPage, args: argparse.Namespace) -> int:
    """Matches (with their reports under ``--details``), then the pending results, apart."""
    matches = replace(judged.results, items=judged.matching)
    reports = [judged.reports[i.full_name.lower()] for i in judged.matching]
    if args.json:
        shown = [report_json(r) for r in reports] if args.details else None
        data = search_json(matches, shown)
        data["framework_filter"] = {
            "terms": flt.describe(),
            "query_sent": flt.query,
            "note": NOTE,
            "judged": judged.judged,
            "matched": len(judged.matching),
            "dropped": judged.dropped,
            "pending": [info_json(i) for i in judged.pending],
            "core_requests": judged.core_requests,
            "graphql_points": judged.graphql_points,
            "free": judged.free,
            "reset": judged.reset_at.isoformat() if judged.reset_at else None,
        }
        _print_json(data)
        return EXIT_OK
    seen = len(judged.results.items) + judged.dropped
    print(
        f"GitHub: {matches.total_count:,} match {clean(flt.query, single_line=True)}; "
        f"of the first {seen:,}, {filter_line(flt, judged)}"
    )
    if args.details:
        print("\n\n".join(report_text(r) for r in reports))
    else:
        print("\n".join(_rows(matches, judged.matching)))
    if judged.pending:
        print(f"\nPending, not judged yet ({_why_pending(judged.reset_at)}):")
        print("\n".join(_rows(matches, judged.pending)))
    return EXIT_OK


async def _details(source: RepoSource, results: SearchResults, as_json: bool) -> int:
    """Each item's full report; when a failure (a spent budget) stops the run part-way, what
    was finished is printed all the same, and what was not is named."""
    reports: list[RepoReport] = []
    failure: GitHubError | None = None
    for item in results.items:
        try:
            reports.append(await _collect(source, item))
        except GitHubError as error:
            failure = error  # the next ones would fail the same way: stop spending
            break
    unfinished = [i.full_name for i in results.items[len(reports) :]]
    if as_json:
        data = search_json(results, [report_json(r) for r in reports])
        if failure is not None:
            data["unfinished"] = unfinished
            data["problem"] = failure.user_message
        _print_json(data)
    else:
        print("\n\n".join(report_text(r) for r in reports))
    if failure is None:
        return EXIT_OK
    names = ", ".join(clean(n, single_line=True) for n in unfinished[:5])
    more = f" and {len(unfinished) - 5} more" if len(unfinished) > 5 else ""
    _err(
        f"repolens: {failure.user_message} Finished {len(reports)} of {len(results.items)}; "
        f"not finished: {names}{more}."
    )
    return exit_code(failure)


async def _collect(source: RepoSource, item: Any) -> RepoReport:
    """The last report of one search item; a failure before any report is raised."""
    last: RepoReport | None = None
    async for report in source.report(item.full_name, hint=item):
        last = report
    assert last is not None  # every source yields at least the metadata
    return last


__all__ = ["cost_line", "filter_line", "run_search", "spent"]
