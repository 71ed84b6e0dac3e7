"""The ``repolens`` command: the TUI by default, and subcommands for people and scripts.

Exit codes (one table, also in the README):

    0  success
    1  any other error (bad credentials, blocked repository, malformed answer, ...)
    2  usage: bad flags or arguments, or a search query GitHub refuses
    3  not found
    4  rate limited (the message gives the reset time)
    5  offline or network error, with nothing cached to fall back on

Textual is imported only when the TUI starts, so ``repolens show --json`` stays light.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tui import __version__
from tui.cli import collector
from tui.cli.exits import EXIT_OK, exit_code, usage_error
from tui.cli.parser import SUBCOMMANDS, VALUE_FLAGS, build_parser, chosen_command, plain_scan

if TYPE_CHECKING:
    import argparse

    from tui.github.auth import Token
    from tui.github.cache import HttpCache
    from tui.sources.factory import Options

    _Kept = tuple[str | None, Token | Literal["find"] | None, HttpCache | None]


def _normalise(argv: list[str]) -> list[str]:
    """``repolens o/r`` means ``repolens open o/r``; ``-language:x`` is a query term."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in VALUE_FLAGS:
            index += 2  # the flag's value is not the command
            continue
        if arg.startswith("-"):
            index += 1
            continue
        if arg not in SUBCOMMANDS:
            return [*argv[:index], "open", *argv[index:]]
        if arg in ("census", "search"):
            from tui.cli.census_args import census_terms_last

            return census_terms_last(argv, arg)
        break
    return argv


def _local_target(command: str, args: argparse.Namespace) -> str | None:
    """The directory ``scan PATH`` or ``show PATH`` names, or None for anything else."""
    if command == "scan":
        return os.fspath(Path(args.path))  # as before: "dir/" is said back as "dir"
    if command != "show":
        return None
    from tui.sources.names import TargetError, parse_target

    try:
        ref = parse_target(args.target)
    except TargetError:
        return None  # the command says so, in its own words
    return str(ref.path) if ref.path is not None else None


def _kept_answer(command: str, args: argparse.Namespace, options: Options) -> _Kept:
    """For ``show OWNER/REPO``: the kept output if it still stands (``tui.cli.memo``), the
    token looked for on the way (so that ``gh`` is not asked twice; ``"find"``: not looked for)
    and the store it was read from, for the client to go on with."""
    if command != "show":
        return None, "find", None
    from tui.cli import memo
    from tui.sources.names import TargetError, parse_target, web_hosts

    try:
        ref = parse_target(args.target, hosts=web_hosts(options.api_url))
    except TargetError:
        return None, "find", None  # the command says so, in its own words
    if ref.full_name is None or not memo.usable(options):
        return None, "find", None
    from tui.sources.factory import find_token

    token = find_token(options)
    store = memo.open_store(options)
    key = memo.show_key(ref.full_name, args.json, options, token)
    return memo.recall(key, store), token, store


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run it; returns the exit code.

    Without ``argv`` (the ``repolens`` script, arguments from ``sys.argv``) the process is the
    command's own, and the garbage collector is held off while it starts (``tui.cli.collector``);
    called with arguments (tests, other programs) nothing of the caller's is touched.
    """
    if argv is not None:
        return _main(list(argv), collector.nothing)
    collector.hold()
    try:
        return _main(sys.argv[1:], collector.release)
    finally:
        collector.at_exit()


def _main(argv: list[str], started: Callable[[], None]) -> int:
    """``main``, calling ``started`` once the command has imported what it needs."""
    words = _normalise(argv)
    plain = plain_scan(words)
    # `scan [PATH] [--json]` needs neither argparse nor the options built from flags and the
    # environment (unless REPOLENS_API_URL is set: a bad one is still a usage error)
    if plain is not None and "REPOLENS_API_URL" not in os.environ:
        from tui.cli.local import run_local

        return _guarded(lambda: run_local(os.fspath(Path(plain[0])), plain[1]))
    from tui.sources.factory import Options, api_url_problem

    args = build_parser(__version__, only=chosen_command(words)).parse_args(words)
    options = Options.from_flags(
        api_url=args.api_url,
        cache_dir=args.cache_dir,
        offline=args.offline,
        no_cache=args.no_cache,
        verbose=args.verbose,
        demo=args.demo,
    )
    problem = api_url_problem(options.api_url)
    if problem:
        return usage_error(problem)
    command = args.command or "open"
    return _guarded(lambda: _dispatch(command, args, options, started))


def _guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit code, with the failures every command answers the same way."""
    try:
        return run()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`repolens show x | head`): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        # (imported here: a local scan loads nothing of the GitHub side, not even its errors)
        from tui.github.errors import GitHubError

        if not isinstance(error, GitHubError):
            raise
        print(f"repolens: {error.user_message}", file=sys.stderr)
        return exit_code(error)


def _dispatch(
    command: str, args: argparse.Namespace, options: Options, started: Callable[[], None]
) -> int:
    """Run ``command``: the TUI, ``serve``, a local checkout, a kept output, or the event loop."""
    local = _local_target(command, args)
    if command == "open":
        from tui.cli.run_app import run_tui  # (Textual loads only in there)

        return run_tui(options, list(getattr(args, "targets", []) or []), started)
    if command == "serve":
        started()  # (its imports come with it; it runs for long)
        return _without_loop(command, args, options, local)
    if local is not None:
        # a checkout's answer is printed and the process ends: the collector stays off until
        # then, as a pass over the imports' objects would find next to nothing to free
        return _without_loop(command, args, options, local)
    kept, token, store = _kept_answer(command, args, options)
    if kept is not None:  # an answer kept from the same cached answers: printed as it was
        assert store is not None
        store.close()
        print(kept)
        return EXIT_OK
    # the event loop's imports only for work still to do
    import asyncio

    from tui.cli.commands import run_command

    started()
    try:
        return asyncio.run(run_command(command, args, options, token, store))
    finally:
        if store is not None:  # the client closed it, unless it never got that far
            store.close()


def _without_loop(
    command: str, args: argparse.Namespace, options: Options, local: str | None
) -> int:
    """``serve``, or a checkout on disk (no event loop here, no GitHub client)."""
    if command == "serve":
        from tui.cli.serve import serve

        return serve(options, args.host, args.port)
    from tui.cli.local import run_local

    assert local is not None  # (a checkout: `scan PATH` or `show PATH`)
    return run_local(local, args.json)


__all__ = ["main"]
