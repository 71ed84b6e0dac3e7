"""Notebook views: cells counted as their kernel's language, notebooks set apart, broken input."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tui.analysis.notebooks import (
    GITHUB_VIEW,
    NOTEBOOK,
    NOTEBOOK_AWARE_VIEW,
    NOTEBOOKS_APART_VIEW,
    kernel_language,
    notebook_bytes,
    notebook_view,
)


def _notebook(metadata: dict[str, Any], cells: list[Any]) -> bytes:
    return json.dumps({"metadata": metadata, "cells": cells, "nbformat": 4}).encode()


CODE = {
    "cell_type": "code",
    "source": ["import torch\n", "x = 1\n"],
    "outputs": [{"data": "x" * 999}],
}
MARKDOWN = {"cell_type": "markdown", "source": "# Título"}
RAW = {"cell_type": "raw", "source": "ignored"}


class TestNotebookBytes:
    def test_code_cells_count_as_kernel_language_and_outputs_not_at_all(self) -> None:
        content = _notebook({"kernelspec": {"language": "python"}}, [CODE, MARKDOWN, RAW])
        assert notebook_bytes(content) == {
            "Python": len("import torch\nx = 1\n"),
            "Markdown": len("# Título".encode()),
        }

    def test_language_info_is_used_when_kernelspec_is_silent(self) -> None:
        content = _notebook({"language_info": {"name": "R"}}, [CODE])
        assert set(notebook_bytes(content) or {}) == {"R"}

    def test_unknown_kernel_counts_code_as_jupyter_notebook(self) -> None:
        content = _notebook({"kernelspec": {"language": "klingon"}}, [CODE])
        assert set(notebook_bytes(content) or {}) == {NOTEBOOK}

    @pytest.mark.parametrize(
        "content",
        [
            b"{not json",
            b"\xff\xfe\x00garbage",
            b"[1, 2, 3]",
            b'{"cells": "nope"}',
            b"[" * 100_000,
        ],
        ids=["truncated", "not-utf8", "list", "cells-not-list", "deep-nesting"],
    )
    def test_broken_notebooks_give_none(self, content: bytes) -> None:
        assert notebook_bytes(content) is None

    def test_odd_cells_are_skipped_not_fatal(self) -> None:
        content = _notebook(
            {"kernelspec": "oops"}, [42, {"cell_type": "code", "source": 7}, MARKDOWN]
        )
        assert notebook_bytes(content) == {"Markdown": len("# Título".encode())}

    def test_kernel_language_maps_aliases(self) -> None:
        assert kernel_language({"metadata": {"kernelspec": {"language": "python3"}}}) == "Python"
        assert kernel_language({"metadata": []}) is None


class TestViews:
    def test_remote_repo_sets_notebooks_apart(self) -> None:
        view = notebook_view({"Python": 214335, NOTEBOOK: 66488})
        assert view.label == NOTEBOOKS_APART_VIEW
        assert [s.name for s in view.shares] == ["Python"]
        assert view.shares[0].percent == 100.0
        assert view.notebook_bytes == 66488

    def test_local_checkout_reattributes_cells(self) -> None:
        view = notebook_view(
            {"Python": 300, NOTEBOOK: 9000}, cells_by_language={"Python": 100, "Markdown": 100}
        )
        assert view.label == NOTEBOOK_AWARE_VIEW
        assert {s.name: s.bytes for s in view.shares} == {"Python": 400, "Markdown": 100}
        assert view.notebook_bytes == 9000

    def test_without_notebooks_it_is_githubs_view(self) -> None:
        view = notebook_view({"Go": 10})
        assert view.label == GITHUB_VIEW
        assert view.notebook_bytes == 0
        assert [s.name for s in view.shares] == ["Go"]
