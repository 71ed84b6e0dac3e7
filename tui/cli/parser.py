"""The argument parser for ``repolens``: global flags usable before or after a subcommand."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # argparse loads with the first parser: `scan PATH` is read without it
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
    import argparse

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


def _open(opener: argparse.ArgumentParser) -> None:
    opener.add_argument("targets", nargs="*", metavar="OWNER/REPO|PATH")


def _json_only(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")


def _search(search: argparse.ArgumentParser) -> None:
    search.add_argument("query", nargs="+", help="free text and qualifiers, e.g. language:python")
    search.add_argument("--sort", choices=["stars", "forks", "updated"])
    search.add_argument("--limit", type=int, default=30, metavar="N", help="how many (max 1000)")
    search.add_argument(
        "--details", action="store_true", help="add each item's languages and frameworks"
    )
    search.add_argument("--json", action="store_true")


def _census(census: argparse.ArgumentParser) -> None:
    from tui.cli.census_args import add_census_arguments

    add_census_arguments(census)


def _show(show: argparse.ArgumentParser) -> None:
    show.add_argument("target", metavar="OWNER/REPO|URL|PATH")
    show.add_argument("--json", action="store_true")


def _scan(scan: argparse.ArgumentParser) -> None:
    scan.add_argument("path", nargs="?", default=".")
    scan.add_argument("--json", action="store_true")


def _cache(cache: argparse.ArgumentParser) -> None:
    cache.add_argument("action", choices=["info", "clear"])
    cache.add_argument("--json", action="store_true")


def _compare(compare: argparse.ArgumentParser) -> None:
    compare.add_argument("targets", nargs="+", metavar="OWNER/REPO|PATH")
    shape = compare.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true")
    shape.add_argument("--markdown", action="store_true", help="a Markdown table, as exported")


def _serve(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: local use only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")


def _nothing(parser: argparse.ArgumentParser) -> None:
    """A subcommand with no arguments of its own."""


_Adder = Callable[["argparse.ArgumentParser"], None]

_COMMANDS: dict[str, tuple[str, _Adder]] = {
    "open": ("open the TUI (the default), on repositories if given", _open),
    "search": ("search GitHub repositories (GitHub's search syntax)", _search),
    "census": ("what many repositories are written in and built with", _census),
    "show": ("what a repository (or local checkout) is written in and built with", _show),
    "scan": ("language statistics and frameworks of a local checkout", _scan),
    "rate-limit": ("show the rate-limit budget (free: does not spend it)", _json_only),
    "cache": ("inspect or clear the on-disk cache", _cache),
    "auth": ("say where the GitHub token comes from (never prints it)", _nothing),
    "compare": ("compare 2 to 6 repositories side by side (the app's compare rows)", _compare),
    "serve": ("serve the app to a web browser on this machine (textual-serve)", _serve),
}
"""Each subcommand: its help line and what adds its own arguments, in ``--help``'s order."""


def build_parser(version: str, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; ``only``: with that one subcommand (see ``chosen_command``)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="repolens",
        description="What is a GitHub repository written in and built with?",
        epilog="Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 rate limited, 5 offline.",
    )
    parser.add_argument("--version", action="version", version=f"repolens {version}")
    _global_flags(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_own) in _COMMANDS.items():
        if only is None or name == only:
            child = sub.add_parser(name, help=help_text, description=help_text)
            _global_flags(child, suppress=True)
            add_own(child)
    return parser


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` (as ``main`` normalised it) runs, when nothing else of the parser
    can show: not with ``-h``, ``--help`` or ``--version`` (which print every subcommand), and
    None if there is none. Building that subcommand's parser alone saves argparse's work (and
    gettext's, per help string) for the other nine: 4 to 6 ms of every command's start-up."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in VALUE_FLAGS:
            index += 2  # the flag's value is not the command
        elif arg.startswith("-"):
            index += 1
        else:
            return arg if arg in _COMMANDS else None
    return None


def plain_scan(argv: Sequence[str]) -> tuple[str, bool] | None:
    """``scan [PATH] [--json]`` with nothing else: the path (``.`` when left out) and whether
    ``--json`` was given; None for anything else, which the parser reads (and reports).

    Building even ``scan``'s parser alone costs argparse, gettext and locale: some 6 ms of a
    100 ms scan. A path starting with ``-`` and any other flag go to the parser.
    """
    if not argv or argv[0] != "scan":
        return None
    paths = [arg for arg in argv[1:] if arg != "--json"]
    if len(paths) > 1 or any(path.startswith("-") for path in paths):
        return None
    return (paths[0] if paths else "."), len(paths) < len(argv) - 1
