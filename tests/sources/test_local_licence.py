"""A checkout's licence comes from its licence files matched against SPDX licence texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.sources.licence import OTHER, licence_of
from tui.sources.local import LocalSource

TEXTS = Path(__file__).parent / "licences"
APACHE = (TEXTS / "Apache-2.0.txt").read_text(encoding="utf-8")
MIT = (TEXTS / "MIT.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["LICENSE", "LICENCE.txt", "license.md", "COPYING"])
def test_an_apache_licence_file_is_apache_2_0(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(APACHE, encoding="utf-8")
    assert licence_of(tmp_path) == "Apache-2.0"


def test_dual_licence_files_join_with_or(tmp_path: Path) -> None:
    (tmp_path / "LICENSE-MIT").write_text(MIT, encoding="utf-8")
    (tmp_path / "LICENSE-APACHE").write_text(APACHE, encoding="utf-8")
    assert licence_of(tmp_path) == "Apache-2.0 OR MIT"


def test_an_unknown_text_is_other_and_no_file_is_none(tmp_path: Path) -> None:
    assert licence_of(tmp_path) is None
    (tmp_path / "README.md").write_text("MIT licensed, see the website.", encoding="utf-8")
    assert licence_of(tmp_path) is None  # only licence files count
    (tmp_path / "LICENSE").write_text("All rights reserved. Ask us first.\n", encoding="utf-8")
    assert licence_of(tmp_path) == OTHER


def test_binary_or_huge_files_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_bytes(b"\0\1\2" * 100)
    (tmp_path / "COPYING").write_bytes(b"x" * (300 * 1024))
    assert licence_of(tmp_path) is None


async def test_a_scanned_checkout_reports_its_licence(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_text(APACHE, encoding="utf-8")
    (tmp_path / "main.py").write_text("print('hi')\n", encoding="utf-8")
    reports = [r async for r in LocalSource(tmp_path).report(str(tmp_path))]
    assert reports[-1].info.license == "Apache-2.0"
