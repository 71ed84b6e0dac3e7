"""``repolens scan PATH`` / ``show PATH``: a checkout's languages, notebook view and frameworks."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tui.cli.main import main


def _notebook(code_lines: int) -> str:
    cells = [
        {
            "cell_type": "code",
            "source": ["import numpy as np\n"] * code_lines,
            "outputs": [{"data": {"text/plain": ["x" * 4000]}}],
        },
        {"cell_type": "markdown", "source": ["# Notes\n"] * 10},
    ]
    meta = {"kernelspec": {"language": "python", "name": "python3"}}
    return json.dumps({"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A small git work tree: a training script, a notebook, a manifest, a vendored file."""
    root = tmp_path / "proj"
    (root / "vendor").mkdir(parents=True)
    (root / "train.py").write_text("import torch\n\nprint('train')\n" * 20)
    (root / "explore.ipynb").write_text(_notebook(100))
    (root / "requirements.txt").write_text("torch>=2\nnumpy\n")
    (root / "vendor" / "big.js").write_text("var x = 1;\n" * 5000)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    return root


def test_scan_json_counts_like_linguist_and_sets_notebooks_apart(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(checkout), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [lang["name"] for lang in data["languages"]]
    assert "JavaScript" not in names  # vendor/ is excluded as Linguist does
    assert set(names) == {"Jupyter Notebook", "Python"}
    view = data["notebook_view"]
    assert "notebook-aware" in view["label"]
    assert view["languages"][0]["name"] == "Python"
    assert "PyTorch" in {f["name"] for f in data["frameworks"]}
    assert data["source"]["kind"] == "local"
    assert data["classifier"]


def test_show_path_prints_the_verdict(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(checkout)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("proj is written in ")
    assert "PyTorch" in first


def test_scan_of_a_missing_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(tmp_path / "nope")]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_scanning_an_untrusted_checkout_runs_none_of_its_programs(
    checkout: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "pwned"
    subprocess.run(
        ["git", "-C", str(checkout), "config", "core.fsmonitor", f"touch {marker}; echo"],
        check=True,
    )
    assert main(["scan", str(checkout), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["languages"]
    assert not marker.exists()
