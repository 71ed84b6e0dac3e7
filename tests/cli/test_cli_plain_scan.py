"""``scan [PATH] [--json]`` is read without argparse, with argparse's own answer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.doubles.cli import main_in_child
from tui.cli.parser import build_parser, plain_scan

PLAIN = (
    ["scan"],
    ["scan", "--json"],
    ["scan", "some/dir"],
    ["scan", "some/dir", "--json"],
    ["scan", "--json", "some dir/with spaces"],
    ["scan", "--json", "--json", "x"],
    ["scan", ""],
)


@pytest.mark.parametrize("argv", PLAIN)
def test_plain_scan_reads_what_argparse_reads(argv: list[str]) -> None:
    """The path and ``--json`` are argparse's for every plain form."""
    args = build_parser("0", only="scan").parse_args(argv)
    assert plain_scan(argv) == (args.path, args.json)


@pytest.mark.parametrize(
    "argv",
    [
        ["scan", "a", "b"],  # argparse refuses it: its message, its exit code
        ["scan", "-h"],
        ["scan", "--offline", "x"],
        ["scan", "--", "-dir"],
        ["scan", "--js", "x"],  # an abbreviation argparse accepts
        ["show", "x"],
        [],
    ],
)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    """Other flags, extra words or another command: None (the parser decides)."""
    assert plain_scan(argv) is None


def _script(root: Path, env: dict[str, str]) -> tuple[tuple[int, bool, str], str]:
    result, stderr = main_in_child(
        None,
        "[status, 'argparse' in sys.modules, out.getvalue()]",
        script_argv=["scan", str(root), "--json"],
        env=env,
    )
    status, loaded, printed = result
    return (status, loaded, printed), stderr


def test_a_plain_scan_answers_without_loading_argparse(tmp_path: Path) -> None:
    """The whole JSON answer, argparse never imported."""
    (tmp_path / "lib.rb").write_text("module Shop\nend\n")
    env = {k: v for k, v in os.environ.items() if k != "REPOLENS_API_URL"}
    (status, loaded, printed), _ = _script(tmp_path, env)
    assert status == 0
    assert loaded is False
    assert [share["name"] for share in json.loads(printed)["languages"]] == ["Ruby"]


def test_a_bad_api_url_in_the_environment_is_still_a_usage_error(tmp_path: Path) -> None:
    """``REPOLENS_API_URL`` set: the full path runs, and refuses a URL that is no API base."""
    env = {**os.environ, "REPOLENS_API_URL": "ftp://example.com"}
    (status, _, printed), stderr = _script(tmp_path, env)
    assert status == 2
    assert printed == ""
    assert "API URL" in stderr
