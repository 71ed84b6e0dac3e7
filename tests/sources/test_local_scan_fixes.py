"""Local scans: the notebook-aware view counts each file once, dotfile scripts are classified by
their ``#!`` line, and a language has the bundled table's name whoever classified it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.analysis import linguist_rules
from tui.analysis.languages import bytes_from_listing, scripts_to_sample, shares
from tui.analysis.notebooks import NOTEBOOK
from tui.analysis.report import RepoReport
from tui.sources.local import LocalSource
from tui.sources.scan import scan_checkout

PY = "import os\n\nprint(os.getcwd())\n" * 40
BASH = "#!/usr/bin/env bash\n" + "alias ll='ls -l'\n" * 200


@pytest.fixture(params=[True, False], ids=["enry", "table"])
def use_enry(request: pytest.FixtureRequest) -> bool:
    """Run each test with go-enry (where it is installed) and with the bundled table."""
    if request.param and linguist_rules.ENRY is None:
        pytest.skip("enry is not installed on this platform")
    return bool(request.param)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


async def _final(source: LocalSource) -> RepoReport:
    last = None
    async for report in source.report(str(source.root)):
        last = report
    assert last is not None
    return last


async def test_notebook_view_counts_each_python_file_once(tmp_path: Path) -> None:
    cells = [{"cell_type": "code", "source": "import torch\n", "outputs": []}]
    notebook = json.dumps({"metadata": {"kernelspec": {"language": "python"}}, "cells": cells})
    _write(tmp_path, {"a.py": PY, "nb.ipynb": notebook})
    report = await _final(LocalSource(tmp_path))
    assert report.notebook_view is not None
    view = {share.name: share.bytes for share in report.notebook_view}
    assert view == {"Python": len(PY) + len("import torch\n")}  # not 2 * len(PY) + cells
    assert {s.name: s.bytes for s in report.languages or ()}[NOTEBOOK] == len(notebook)


def test_scan_keeps_notebook_cells_apart_from_the_rest(tmp_path: Path) -> None:
    cells = [{"cell_type": "markdown", "source": "# Notes\n"}]
    _write(tmp_path, {"a.py": PY, "nb.ipynb": json.dumps({"cells": cells})})
    result = scan_checkout(tmp_path, use_enry=False)
    assert result.notebook_cells_by_language == {"Markdown": len("# Notes\n")}


def test_dotfile_scripts_are_classified_by_their_shebang(tmp_path: Path, use_enry: bool) -> None:
    files = {".aliases": BASH, ".functions": BASH, ".exports": BASH, ".macos": BASH * 3}
    _write(tmp_path, {**files, "tool.py": PY})
    result = scan_checkout(tmp_path, use_enry=use_enry)
    assert result.bytes_by_language["Shell"] == sum(len(text) for text in files.values())
    assert result.bytes_by_language["Shell"] > result.bytes_by_language["Python"]


def test_dotfiles_by_linguist_file_name_and_unknown_ones_skipped(
    tmp_path: Path, use_enry: bool
) -> None:
    _write(tmp_path, {".bash_aliases": "alias l=ls\n", ".weird": "no shebang here\n"})
    result = scan_checkout(tmp_path, use_enry=use_enry)
    assert result.bytes_by_language == {"Shell": len("alias l=ls\n")}


def test_a_remote_listing_samples_and_classifies_dotfile_scripts() -> None:
    entries = [(".aliases", len(BASH)), ("README.md", 10), ("setup.py", 100)]
    assert scripts_to_sample(entries, use_enry=False) == [".aliases"]
    counted = bytes_from_listing(entries, heads={".aliases": BASH.encode()}, use_enry=False)
    assert counted["Shell"] == len(BASH)


def test_one_language_has_the_tables_name_whoever_named_it(tmp_path: Path) -> None:
    _write(tmp_path, {"plugin/x.vim": "set nocompatible\n" * 10})
    scanned = {s.name for s in shares(scan_checkout(tmp_path).bytes_by_language)}
    # GitHub's API (and go-enry) spell it "Vim Script"; the bundled table does not
    from_github = {s.name for s in shares({"Vim Script": 170})}
    assert scanned == from_github
    merged = shares({"Vim Script": 100, "Vim script": 100})
    assert [(s.name, s.percent) for s in merged] == [(next(iter(scanned)), 100.0)]
