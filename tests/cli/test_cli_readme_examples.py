"""The README's command-line examples that need no network print what the README says they print.

Every ``console`` block in README.md whose command starts with ``uv run repolens --demo`` is run
in-process (the demo catalog is bundled, so the answer is fixed) and its output compared line by
line with the block. A changed verdict or layout then fails here until the README is updated.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.doubles.cli import run

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"```console\n\$ uv run repolens (--demo [^\n]*)\n(.*?)```", re.S)


def demo_examples() -> list[tuple[str, str]]:
    """``(arguments, expected output)`` of each demo example in the README."""
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def test_the_readme_has_demo_examples() -> None:
    assert demo_examples(), "README.md lost its `uv run repolens --demo ...` example"


@pytest.mark.parametrize(("argv", "expected"), demo_examples())
def test_demo_example_prints_what_the_readme_shows(
    argv: str, expected: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))
    code, out, err = run(capsys, *shlex.split(argv))
    assert code == 0, err
    assert out.splitlines() == expected.splitlines()
