"""The census subcommand's arguments, and query terms put after ``--`` for census and search
(light: the parser imports it for every command)."""

from __future__ import annotations

import argparse

from tui.cli.parser import VALUE_FLAGS

CENSUS_VALUE_FLAGS = VALUE_FLAGS | {"--limit", "--from"}
"""Flags whose next word is their value, not a query term."""

SEARCH_VALUE_FLAGS = VALUE_FLAGS | {"--limit", "--sort"}
"""The same for ``repolens search``."""


def add_census_arguments(parser: argparse.ArgumentParser) -> None:
    """The census subcommand's own arguments."""
    parser.add_argument(
        "target", nargs="*", metavar="QUERY|PATH", help="a search query or a folder"
    )
    parser.add_argument(
        "--from", dest="from_file", metavar="FILE", help="OWNER/REPO lines (- for stdin)"
    )
    parser.add_argument(
        "--limit", type=int, default=100, metavar="N", help="how many (default 100; 10,000 at most)"
    )
    parser.add_argument("--yes", "-y", action="store_true", help="run without asking")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON object")
    out.add_argument("--csv", action="store_true", help="one CSV row per repository")
    out.add_argument("--markdown", action="store_true", help="a report to paste")


def census_terms_last(argv: list[str], command: str = "census") -> list[str]:
    """Every query term after ``--``: words and flags may mix (``q --yes -framework:x``).

    A negated qualifier (``-framework:x``, ``-language:y``) would otherwise be read as a flag,
    and a term after a flag would be refused.
    """
    if "--" in argv:
        return argv
    value_flags = CENSUS_VALUE_FLAGS if command == "census" else SEARCH_VALUE_FLAGS
    flags: list[str] = []
    terms: list[str] = []
    index = argv.index(command) + 1
    while index < len(argv):
        arg = argv[index]
        is_flag = arg.startswith("--") or arg in ("-y", "-v", "-h")
        if is_flag and arg in value_flags and index + 1 < len(argv):
            flags += argv[index : index + 2]
            index += 2
            continue
        (flags if is_flag else terms).append(arg)
        index += 1
    head = argv[: argv.index(command) + 1]
    return [*head, *flags, "--", *terms] if terms else [*head, *flags]
