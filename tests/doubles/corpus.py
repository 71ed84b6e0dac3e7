"""Reading a shared corpus folder the way a remote source would: listing, manifests, sources.

The corpus keeps manifests byte for byte and, for sources, only their import lines as facts
(``source-imports.json``); ``sampled_sources`` rebuilds files with each line at its number.
Tests and benchmarks over the corpus share these, so they read it one way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def load(folder: Path, name: str) -> Any:
    """One JSON file of a corpus repository."""
    return json.loads((folder / name).read_text(encoding="utf-8"))


def blob_paths(folder: Path) -> list[str]:
    """The file paths of the repository's tree."""
    return [e["path"] for e in load(folder, "tree.json")["tree"] if e.get("type") == "blob"]


def manifest_files(folder: Path, chosen: Iterable[str]) -> dict[str, bytes]:
    """The chosen manifests the corpus holds, by path."""
    files: dict[str, bytes] = {}
    for path in chosen:
        local = folder / "files" / path
        if local.is_file():
            files[path] = local.read_bytes()
    return files


def sampled_sources(folder: Path, chosen: Iterable[str]) -> dict[str, bytes]:
    """Chosen sources (and the README install line) rebuilt with each import at its line."""
    if not (folder / "source-imports.json").is_file():
        return {}
    facts = load(folder, "source-imports.json")
    wanted = set(chosen)
    files: dict[str, bytes] = {}
    readme = facts.get("readme_install_line")
    if readme:
        files[readme["path"]] = ("\n" * (readme["line"] - 1) + readme["text"] + "\n").encode()
    for path, entry in facts.get("files", {}).items():
        imports = entry.get("imports") if isinstance(entry, dict) else entry
        if path in wanted and imports:
            lines = [""] * max(item["line"] for item in imports)
            for item in imports:
                lines[item["line"] - 1] = item["text"]
            files[path] = "\n".join(lines).encode()
    return files
