"""The subcommands for people and scripts: search, show, scan, rate-limit, cache, auth."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from tui.analysis.report import RepoReport
from tui.cli.exits import EXIT_OK, usage_error
from tui.cli.text import report_text, search_text, table
from tui.github.client import GitHubClient
from tui.present.schema import info_json, report_json, search_json
from tui.sources.base import SearchResults
from tui.sources.catalog import load_catalog
from tui.sources.factory import Options, build_client, build_source, find_token
from tui.sources.github import GitHubSource
from tui.sources.names import looks_like_path, parse_repo_ref


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _log(line: str) -> None:
    print(line, file=sys.stderr)


async def run_command(command: str, args: argparse.Namespace, options: Options) -> int:
    """Run one subcommand with a client that is closed afterwards."""
    if command == "scan" or (command == "show" and _is_local(args.target)):
        return await _local(args.path if command == "scan" else args.target, args.json)
    if command == "auth":
        return _auth(options)
    token = find_token(options)
    client = build_client(options, log=_log if options.verbose else None, token=token)
    async with client:
        if command == "search":
            return await _search(client, options, args)
        if command == "show":
            return await _show(client, options, args)
        if command == "compare":
            from tui.cli.compare import run_compare

            return await run_compare(client, options, args)
        if command == "rate-limit":
            return await _rate_limit(client, args.json)
        return _cache(client, args.action, args.json)


def _is_local(target: str) -> bool:
    return looks_like_path(target) or (parse_repo_ref(target) is None and Path(target).is_dir())


async def _collect(reports: Any) -> RepoReport:
    last: RepoReport | None = None
    async for report in reports:
        last = report
    assert last is not None  # every source yields at least the metadata
    return last


async def _show(client: GitHubClient, options: Options, args: argparse.Namespace) -> int:
    full_name = parse_repo_ref(args.target)
    if full_name is None:
        return usage_error(f"not a repository: {args.target!r} (expected OWNER/REPO or a URL)")
    source = build_source(options, client)
    try:
        report = await _collect(source.report(full_name))
    finally:
        await source.aclose()  # also the catalog's client, if offline needed it
    if report.source.kind == "catalog" and not options.demo:
        print(
            f"repolens: GitHub could not be asked; showing the bundled catalog's data "
            f"({load_catalog().data_date}).",
            file=sys.stderr,
        )
    if args.json:
        _print_json(report_json(report))
    else:
        print(report_text(report))
    return EXIT_OK


async def _search(client: GitHubClient, options: Options, args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= 1000:
        return usage_error(
            "--limit must be between 1 and 1000 (GitHub serves at most 1000 results)"
        )
    source = build_source(options, client)
    try:
        return await _run_search(source, args)
    finally:
        await source.aclose()  # also the catalog's client, if offline needed it


async def _run_search(source: GitHubSource, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    per_page = min(100, args.limit)
    items: list[Any] = []
    page = 1
    while True:
        results = await source.search(query, sort=args.sort, page=page, per_page=per_page)
        items.extend(results.items)
        if len(items) >= args.limit or not results.has_next:
            break
        page += 1
    merged = SearchResults(
        query=query,
        items=tuple(items[: args.limit]),
        total_count=results.total_count,
        incomplete=results.incomplete,
        page=1,
        has_next=results.has_next,
        offline=results.offline,
        from_cache=results.from_cache,
        stale=results.stale,
    )
    if args.details and merged.items:  # nothing found: the plain "0 repositories" line
        reports = [await _collect(source.report(i.full_name, hint=i)) for i in merged.items]
        if args.json:
            _print_json(search_json(merged, [report_json(r) for r in reports]))
        else:
            print("\n\n".join(report_text(r) for r in reports))
        return EXIT_OK
    if args.json:
        _print_json(search_json(merged, [info_json(i) for i in merged.items]))
    else:
        print(search_text(merged))
    return EXIT_OK


async def _rate_limit(client: GitHubClient, as_json: bool) -> int:
    buckets = await client.rate_limit()
    if as_json:
        _print_json(
            {
                name: {
                    "limit": b.limit,
                    "remaining": b.remaining,
                    "used": b.used,
                    "reset": b.reset_at.isoformat(),
                }
                for name, b in sorted(buckets.items())
            }
        )
        return EXIT_OK
    who = f"token from {client.token_source}" if client.token_source else "no token (set GH_TOKEN)"
    rows = [("resource", "remaining", "limit", "resets")]
    rows += [
        (n, str(b.remaining), str(b.limit), b.reset_at.astimezone().strftime("%H:%M:%S"))
        for n, b in sorted(buckets.items())
    ]
    print(f"Authentication: {who}\n{table(rows)}")
    return EXIT_OK


def _cache(client: GitHubClient, action: str, as_json: bool) -> int:
    if action == "clear":
        removed = client.cache_clear()
        _print_json({"removed": removed}) if as_json else print(f"Removed {removed} entries.")
        return EXIT_OK
    info = client.cache_info()
    data = {"directory": str(info.directory), "entries": info.entries, "bytes": info.size_bytes}
    if as_json:
        _print_json(data)
    else:
        print(f"Cache: {info.directory}\n{info.entries:,} entries, {info.size_bytes:,} bytes")
    return EXIT_OK


def _auth(options: Options) -> int:
    token = find_token(options)
    if token is None:
        print("No token: 60 requests an hour. Set GH_TOKEN (or run `gh auth login`) for 5,000.")
    else:
        print(f"Using a token from {token.source}.")
    return EXIT_OK


async def _local(path: str, as_json: bool) -> int:
    from tui.sources.local import LocalSource

    root = Path(path).expanduser()  # noqa: ASYNC240 - reads $HOME only, no disk I/O
    if not await asyncio.to_thread(root.is_dir):
        return usage_error(f"not a directory: {path}")
    report = await _collect(LocalSource(root).report(str(root)))
    if as_json:
        _print_json(report_json(report))
    else:
        print(report_text(report))
    return EXIT_OK


__all__ = ["run_command"]
