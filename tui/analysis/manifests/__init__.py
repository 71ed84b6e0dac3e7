"""Manifest parsers, one module per format family, behind ``is_manifest`` and ``parse_manifest``.

Each module declares its formats once (``FORMATS``, see ``spec.py``); ``registry.py`` collects
them, and what to fetch, in which order, and which root files a search query asks for are all
derived from it. Every parser takes ``(path, data)`` and returns a ``Manifest``; broken or hostile
input (too large, binary, invalid UTF-8, bad syntax, XML entities, deep nesting) becomes a
``problems`` entry, never an exception.
"""

from __future__ import annotations

from tui.analysis.manifests.base import MAX_BYTES, Dependency, Manifest
from tui.analysis.manifests.registry import registry
from tui.analysis.manifests.spec import Format, Parser

__all__ = [
    "MAX_BYTES",
    "Dependency",
    "Format",
    "Manifest",
    "is_manifest",
    "manifest_format",
    "manifest_kind",
    "parse_manifest",
    "root_rank",
    "search_manifest_names",
    "workspace_manifest_names",
]


def manifest_format(path: str) -> Format | None:
    """The declared format of a path, or None when it is not a known manifest."""
    found = registry().match(path)
    return found.format if found is not None else None


def manifest_kind(path: str) -> tuple[str, Parser] | None:
    """The ecosystem and parser for a path, or None when it is not a known manifest."""
    found = manifest_format(path)
    return (found.ecosystem, found.parser) if found is not None else None


def is_manifest(path: str) -> bool:
    """True when ``path`` names a manifest format this package parses."""
    return registry().match(path) is not None


def root_rank(path: str) -> int | None:
    """The fetch order of a root manifest (``Cargo.toml``, ``gradle/libs.versions.toml``), or None.

    None for any other path, including a manifest deeper in the tree (a workspace member).
    """
    found = registry().match(path)
    return found.format.rank if found is not None and found.root else None


def search_manifest_names() -> tuple[str, ...]:
    """Root manifest names worth asking for in every search query, most telling first."""
    return registry().search_names()


def workspace_manifest_names() -> frozenset[str]:
    """Lower-case names of root files whose includes are workspace members (a monorepo's)."""
    return registry().workspace_names()


def parse_manifest(path: str, data: bytes) -> Manifest:
    """Parse one manifest; never raises on bad input (problems are reported in the result)."""
    found = manifest_format(path)
    if found is None:
        return Manifest(path=path, ecosystem="unknown", problems=(f"{path}: not a known manifest",))
    try:
        return found.parser(path, data)
    except RecursionError:
        return Manifest(
            path=path, ecosystem=found.ecosystem, problems=(f"{path}: nested too deeply",)
        )
