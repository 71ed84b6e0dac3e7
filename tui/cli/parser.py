"""The argument parser for ``repolens``: global flags usable before or after a subcommand."""

from __future__ import annotations

import argparse

SUBCOMMANDS = (
    "open",
    "search",
    "census",
    "show",
    "scan",
    "rate-limit",
    "cache",
    "auth",
    "serve",
    "compare",
)
#: Global flags that take a separate value (``--cache-dir DIR``).
VALUE_FLAGS = frozenset({"--api-url", "--cache-dir"})


def _global_flags(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Add the global flags; in subparsers their defaults must not overwrite the main parser's."""
    default = argparse.SUPPRESS if suppress else None
    flag_default = argparse.SUPPRESS if suppress else False
    parser.add_argument(
        "--api-url",
        default=default,
        metavar="URL",
        help="GitHub API base (env REPOLENS_API_URL; default https://api.github.com; "
        "Enterprise: https://HOST/api/v3)",
    )
    parser.add_argument(
        "--cache-dir",
        default=default,
        metavar="DIR",
        help="where answers are cached (env REPOLENS_CACHE_DIR)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        default=flag_default,
        help="no network at all: answer from the cache or fail clearly",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        default=flag_default,
        help="neither read nor write the cache",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=flag_default,
        help="use the bundled offline catalog of real repositories",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=flag_default,
        help="log each request to stderr (never the token)",
    )


def build_parser(version: str) -> argparse.ArgumentParser:
    """The whole command line."""
    parser = argparse.ArgumentParser(
        prog="repolens",
        description="What is a GitHub repository written in and built with?",
        epilog="Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 rate limited, 5 offline.",
    )
    parser.add_argument("--version", action="version", version=f"repolens {version}")
    _global_flags(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        child = sub.add_parser(name, help=help_text, description=help_text)
        _global_flags(child, suppress=True)
        return child

    opener = add("open", "open the TUI (the default), on repositories if given")
    opener.add_argument("targets", nargs="*", metavar="OWNER/REPO|PATH")

    search = add("search", "search GitHub repositories (GitHub's search syntax)")
    search.add_argument("query", nargs="+", help="free text and qualifiers, e.g. language:python")
    search.add_argument("--sort", choices=["stars", "forks", "updated"])
    search.add_argument("--limit", type=int, default=30, metavar="N", help="how many (max 1000)")
    search.add_argument(
        "--details", action="store_true", help="add each item's languages and frameworks"
    )
    search.add_argument("--json", action="store_true")

    from tui.cli.census_args import add_census_arguments

    add_census_arguments(add("census", "what many repositories are written in and built with"))

    show = add("show", "what a repository (or local checkout) is written in and built with")
    show.add_argument("target", metavar="OWNER/REPO|URL|PATH")
    show.add_argument("--json", action="store_true")

    scan = add("scan", "language statistics and frameworks of a local checkout")
    scan.add_argument("path", nargs="?", default=".")
    scan.add_argument("--json", action="store_true")

    rate = add("rate-limit", "show the rate-limit budget (free: does not spend it)")
    rate.add_argument("--json", action="store_true")

    cache = add("cache", "inspect or clear the on-disk cache")
    cache.add_argument("action", choices=["info", "clear"])
    cache.add_argument("--json", action="store_true")

    add("auth", "say where the GitHub token comes from (never prints it)")

    compare = add("compare", "compare 2 to 6 repositories side by side (the app's compare rows)")
    compare.add_argument("targets", nargs="+", metavar="OWNER/REPO|PATH")
    shape = compare.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true")
    shape.add_argument("--markdown", action="store_true", help="a Markdown table, as exported")

    serve = add("serve", "serve the app to a web browser on this machine (textual-serve)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: local use only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    return parser
