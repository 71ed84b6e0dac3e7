"""The subcommands for people and scripts: search, show, scan, rate-limit, cache, auth."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tui.analysis.report import RepoReport
from tui.cli import memo
from tui.cli.exits import EXIT_OK, usage_error
from tui.cli.text import report_text, source_line, table
from tui.github.auth import Token, gh_host, token_variables
from tui.github.client import GitHubClient
from tui.github.errors import OfflineMiss
from tui.github.reset_time import reset_time
from tui.github.settings import ClientSettings
from tui.present.schema import report_json
from tui.sources.base import RepoSource
from tui.sources.factory import Options, build_client, build_source, find_token
from tui.sources.names import (
    RepoRef,
    TargetError,
    parse_target,
    web_hosts,
)
from tui.textsafe import escape_bidi_json

if TYPE_CHECKING:  # `scan` never needs the HTTP client: it loads with the first client built
    from tui.github.cache import HttpCache
    from tui.github.client import GitHubClient


def _print_json(data: object) -> None:
    # control characters come out escaped by json; bidirectional ones need telling
    print(escape_bidi_json(json.dumps(data, indent=2, ensure_ascii=False)))


def _log(line: str) -> None:
    print(line, file=sys.stderr)


FIND: Literal["find"] = "find"
"""``run_command``'s ``token`` when nobody has looked for one yet."""


async def run_command(
    command: str,
    args: argparse.Namespace,
    options: Options,
    token: Token | Literal["find"] | None = FIND,
    store: HttpCache | None = None,
) -> int:
    """Run one subcommand with a client that is closed afterwards (``token``: as already
    found, so that ``gh`` is not asked twice; ``store``: the HTTP store already open, which the
    client takes over)."""
    ref: RepoRef | None = None
    if command == "show":
        try:
            ref = parse_target(args.target, hosts=web_hosts(options.api_url))
        except TargetError as exc:
            return usage_error(str(exc))
    if command == "scan":
        ref = RepoRef(path=Path(args.path))  # checked (and resolved) by ``_local``
    if ref is not None and ref.path is not None:
        return await _local(str(ref.path), args.json)
    if command == "auth":
        return _auth(options)
    if options.demo and command != "cache":  # the demo sends nothing, so it needs no client
        return await _demo(command, ref, options, args)
    if isinstance(token, str):  # FIND
        token = find_token(options)
    # no screen to keep drawing: cache reads on the loop's thread (see ClientSettings)
    client = build_client(
        options,
        log=_log if options.verbose else None,
        token=token,
        cache_on_loop=True,
        store=store,
    )
    async with client:
        try:
            if command == "search":
                return await _search(build_source(options, client), args)
            if command == "census":
                from tui.cli.census import run_census

                return await run_census(client, options, args)
            if command == "show":
                source = build_source(options, client)
                return await _show(source, ref, options, args, (client, token))
            if command == "compare":
                from tui.cli.compare import run_compare

                return await run_compare(client, options, args)
            if command == "rate-limit":
                return await _rate_limit(client, args.json)
            return _cache(client, args.action, args.json)
        finally:
            # said once, at the end, so that a store rebuilt mid-run is reported as well
            if client.cache_problem and command != "cache":
                print(f"repolens: {client.cache_problem}", file=sys.stderr)


async def _demo(
    command: str, ref: RepoRef | None, options: Options, args: argparse.Namespace
) -> int:
    """``show`` and ``search`` on the demo catalog; ``rate-limit`` says it spends none."""
    if command == "search":
        return await _search(build_source(options, None), args)
    if command == "show":
        return await _show(build_source(options, None), ref, options, args)
    if command == "compare":
        from tui.cli.compare import run_compare

        return await run_compare(None, options, args)
    if command == "census":
        from tui.cli.census import run_census

        return await run_census(None, options, args)  # a census of the catalog: demo data
    if args.json:
        _print_json({})
    else:
        print("The demo catalog sends no requests to GitHub: no rate limit applies.")
    return EXIT_OK


async def _collect(reports: Any) -> RepoReport:
    """The last report; offline, what the cache held when the rest is not there.

    A repository seen only in a search has its metadata cached (the search item) but not its
    languages or files: offline, that much is shown, with a line saying what is missing.
    """
    last: RepoReport | None = None
    try:
        async for report in reports:
            last = report
    except OfflineMiss:
        if last is None:
            raise
        missing = "languages and frameworks" if last.languages is None else "frameworks"
        problem = f"Offline: its {missing} are not in the cache (seen in a search, never opened)."
        return last._replace(errors=(*last.errors, problem))
    assert last is not None  # every source yields at least the metadata
    return last


_Keep = tuple[GitHubClient, Token | None]
"""What ``show`` needs to keep its output for the next run (``tui.cli.memo``): the client whose
answers it printed, and the token they were asked with."""


async def _show(
    source: RepoSource,
    ref: RepoRef | None,
    options: Options,
    args: argparse.Namespace,
    keep: _Keep | None = None,
) -> int:
    if ref is None or ref.full_name is None:
        return usage_error(f"not a repository: {args.target!r} (expected OWNER/REPO or a URL)")
    report = await _collect(source.report(ref.full_name))
    if report.source.kind == "catalog" and not options.demo:
        from tui.sources.catalog import load_catalog  # only when the catalog answered

        print(
            f"repolens: GitHub could not be asked; showing the bundled catalog's data "
            f"({load_catalog().data_date}).",
            file=sys.stderr,
        )
        keep = None  # said on stderr: not an answer to print on its own
    if args.json:
        out = escape_bidi_json(json.dumps(report_json(report), indent=2, ensure_ascii=False))
        tail = ""
    else:
        out, tail = report_text(report), source_line(report.source)
    print(out)
    if keep is not None and memo.usable(options):
        client, token = keep
        key = memo.show_key(ref.full_name, args.json, options, token)
        source_info = None if args.json else report.source
        # on the loop's thread, as the client's reads were (ClientSettings.cache_on_loop)
        memo.keep(client, key, out, source_info, tail)
    return EXIT_OK


async def _search(source: RepoSource, args: argparse.Namespace) -> int:
    from tui.cli.search import run_search  # with framework: judging; see that module

    return await run_search(source, args)


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
    hint = f"no token (set {client.token_hint})"
    who = f"token from {client.token_source}" if client.token_source else hint
    rows = [("resource", "remaining", "limit", "resets")]
    now = datetime.now(UTC)
    rows += [
        (n, str(b.remaining), str(b.limit), reset_time(b.reset_at, now))
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
    data: dict[str, object] = {
        "directory": str(info.directory),
        "entries": info.entries,
        "bytes": info.size_bytes,
        "enabled": info.enabled,
        "problem": info.problem,
    }
    if as_json:
        _print_json(data)
    else:
        print(f"Cache: {info.directory}\n{info.entries:,} entries, {info.size_bytes:,} bytes")
        if info.problem:
            print(info.problem)
    return EXIT_OK


def _auth(options: Options) -> int:
    host = ClientSettings(api_url=options.api_url).host
    names = token_variables(host)
    gh = gh_host(host)  # gh knows github.com's token as github.com, not api.github.com
    looked = f"Looked for {', then '.join(names)}, then `gh auth token --hostname {gh}`."
    token = find_token(options)
    if token is None:
        print(f"No token for {host}: 60 requests an hour. {looked}")
        login = "gh auth login" if gh == "github.com" else f"gh auth login --hostname {gh}"
        print(f"Set {names[0]} (or run `{login}`) for 5,000.")
    else:
        print(f"Using a token from {token.source} for {host}. {looked}")
    return EXIT_OK


async def _local(path: str, as_json: bool) -> int:
    from tui.cli.local import run_local

    return await asyncio.to_thread(run_local, path, as_json)


__all__ = ["run_command"]
