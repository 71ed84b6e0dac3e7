"""``repolens`` builds only the subcommand it runs (``tui.cli.parser.chosen_command``).

What a user sees must not change: every command line parses to the same arguments, or fails
with the same message and exit code, as with the whole parser, and the help still lists every
subcommand.
"""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from tui import __version__
from tui.cli.main import _normalise
from tui.cli.parser import SUBCOMMANDS, build_parser, chosen_command

COMMAND_LINES = [
    ["show", "pallets/flask", "--json"],
    ["--offline", "show", "pallets/flask"],
    ["show", "--api-url", "http://127.0.0.1:1/api/v3", "pallets/flask", "-v"],
    ["--cache-dir", "show", "show", "a/b"],  # a flag's value that names a command
    ["show"],
    ["show", "a/b", "--bogus"],
    ["show", "a/b", "--js"],  # an abbreviation of --json
    ["search", "language:python", "--sort", "stars", "--limit", "5"],
    ["search", "x", "--sort", "nope"],
    ["census", "topic:llm", "--json"],
    ["scan", ".", "--json"],
    ["rate-limit", "--json"],
    ["cache", "clear"],
    ["cache", "wipe"],
    ["auth"],
    ["auth", "extra"],
    ["compare", "a/b", "c/d", "--markdown"],
    ["compare", "a/b", "c/d", "--markdown", "--json"],
    ["serve", "--port", "x"],
    ["pallets/flask"],  # `open`, by normalisation
    [],
    ["--offline"],
]


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    """The parsed namespace (or the exit code), and what was printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(argv))
        except SystemExit as exit_:
            result = exit_.code
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=" ".join)
def test_one_subcommand_parses_as_the_whole_parser(argv: list[str]) -> None:
    """Same arguments, same error message, same exit code."""
    words = _normalise(argv)
    whole = _parse(build_parser(__version__), words)
    alone = _parse(build_parser(__version__, only=chosen_command(words)), words)
    assert alone == whole


@pytest.mark.parametrize("argv", [["-h"], ["show", "-h"], ["--help", "show"], ["--version"]])
def test_help_and_version_build_the_whole_parser(argv: list[str]) -> None:
    """Help and version may list every subcommand: nothing is left out for them."""
    assert chosen_command(argv) is None


def test_top_level_help_lists_every_subcommand() -> None:
    """``repolens -h`` names each subcommand."""
    code, out, _ = _parse(build_parser(__version__, only=chosen_command(["-h"])), ["-h"])
    assert code == 0
    assert all(name in out for name in SUBCOMMANDS)


def test_only_the_chosen_subcommand_is_built() -> None:
    """The point of it: ``show`` builds one subparser, not ten."""
    parser = build_parser(__version__, only=chosen_command(["show", "a/b"]))
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert list(subparsers[0].choices) == ["show"]
