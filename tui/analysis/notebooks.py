"""Jupyter notebooks in the language bar: GitHub's view, and a notebook-aware one.

GitHub counts a whole ``.ipynb`` file (outputs, images and all) as "Jupyter Notebook", so a few
notebooks can make a Python project look mostly Jupyter. The notebook-aware view counts code cells
as their kernel's language and markdown cells as Markdown, and outputs not at all. Without the
notebooks' contents (a remote repository known only by its byte map) the view sets notebooks apart
instead. Each view carries a label saying plainly which one it is.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import Any, NamedTuple

from tui.analysis.languages import LanguageTable, load_table, shares
from tui.analysis.report import LanguageShare

NOTEBOOK = "Jupyter Notebook"
"""Linguist's name for ``.ipynb`` files."""

GITHUB_VIEW = "GitHub's view"
NOTEBOOK_AWARE_VIEW = "notebook-aware view (code cells as their kernel's language)"
NOTEBOOKS_APART_VIEW = "GitHub's view with notebooks set apart"


class NotebookView(NamedTuple):
    """A language bar with notebooks handled one way, and a label saying which.

    Attributes:
        label: One of ``GITHUB_VIEW``, ``NOTEBOOK_AWARE_VIEW``, ``NOTEBOOKS_APART_VIEW``.
        shares: The bar.
        notebook_bytes: Bytes GitHub counts as Jupyter Notebook (set apart or re-attributed).
    """

    label: str
    shares: tuple[LanguageShare, ...]
    notebook_bytes: int = 0


def _text(source: Any) -> str:
    """A cell's source, which nbformat stores as a string or a list of lines."""
    if isinstance(source, str):
        return source
    if isinstance(source, list):
        return "".join(part for part in source if isinstance(part, str))
    return ""


def kernel_language(notebook: Mapping[str, Any], table: LanguageTable | None = None) -> str | None:
    """The Linguist name of a notebook's kernel language, ``None`` if absent or unknown."""
    table = table or load_table()
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return None
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        section = metadata.get(key)
        value = section.get(field) if isinstance(section, dict) else None
        language = table.get(value) if isinstance(value, str) else None
        if language is not None:
            return language.group or language.name
    return None


def notebook_bytes(content: bytes, table: LanguageTable | None = None) -> dict[str, int] | None:
    """Bytes per language of one notebook's cells, or ``None`` when it is not a readable notebook.

    Code cells count as the kernel's language (as Jupyter Notebook if it is unknown), markdown
    cells as Markdown; outputs and raw cells are left out.
    """
    try:
        notebook = json.loads(content)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return None
    language = kernel_language(notebook, table) or NOTEBOOK
    counted: Counter[str] = Counter()
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        kind = {"code": language, "markdown": "Markdown"}.get(str(cell.get("cell_type")))
        if kind is not None:
            counted[kind] += len(_text(cell.get("source")).encode("utf-8"))
    return {name: count for name, count in counted.items() if count}


def notebook_view(
    bytes_by_language: Mapping[str, int],
    cells_by_language: Mapping[str, int] | None = None,
) -> NotebookView:
    """The language bar with notebooks handled as well as the data allows.

    Args:
        bytes_by_language: GitHub's (or Linguist's) bytes per language.
        cells_by_language: For a local checkout, the summed ``notebook_bytes`` of the notebooks
            that went into ``bytes_by_language``; ``None`` for a remote repository.

    Returns:
        The notebook-aware view when cell bytes are known, notebooks set apart when only the byte
        map is, and GitHub's own view when there are no notebooks at all.
    """
    notebooks = bytes_by_language.get(NOTEBOOK, 0)
    if notebooks <= 0:
        return NotebookView(GITHUB_VIEW, shares(bytes_by_language))
    rest = Counter({name: count for name, count in bytes_by_language.items() if name != NOTEBOOK})
    if cells_by_language is None:
        return NotebookView(NOTEBOOKS_APART_VIEW, shares(rest), notebooks)
    rest.update(cells_by_language)
    return NotebookView(NOTEBOOK_AWARE_VIEW, shares(rest), notebooks)
