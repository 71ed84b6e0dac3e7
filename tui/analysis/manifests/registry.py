"""The manifest-format registry: every ``FORMATS`` declaration of this package, and lookups.

Modules are found by walking the package, so a new format is a new module and nothing else here.
A path matches, in this order: an exact name (``Cargo.toml``), an exact path tail
(``gradle/libs.versions.toml``), then the patterns of the formats in rank order.
"""

from __future__ import annotations

import fnmatch
import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import cache

from tui.analysis.manifests.spec import Format


@dataclass(frozen=True, slots=True)
class Match:
    """A path's format, and whether the path is where that format sits at a project's root."""

    format: Format
    root: bool


def _declared() -> tuple[Format, ...]:
    """Every format declared by a module of this package, in rank then key order."""
    package = importlib.import_module("tui.analysis.manifests")
    found: list[Format] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        declared = getattr(module, "FORMATS", ())
        found.extend(item for item in declared if isinstance(item, Format))
    keys = [item.key for item in found]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise RuntimeError(f"manifest formats declared twice: {sorted(duplicates)}")
    return tuple(sorted(found, key=lambda item: (item.rank, item.key)))


class Registry:
    """Formats indexed for matching: a dict for names, one regex for the patterns."""

    def __init__(self, formats: tuple[Format, ...]) -> None:
        """Index ``formats`` (already in rank order)."""
        self.formats = formats
        self._names: dict[str, Format] = {}
        self._tails: dict[str, Format] = {}
        by_depth: dict[int, list[str]] = {}
        self._by_group: dict[str, Format] = {}
        for item in formats:
            for name in item.names:
                index = self._tails if "/" in name else self._names
                index.setdefault(name.lower(), item)
            for pattern in item.patterns:
                group = f"g{len(self._by_group)}"
                self._by_group[group] = item
                alternatives = by_depth.setdefault(pattern.count("/") + 1, [])
                alternatives.append(f"(?P<{group}>{fnmatch.translate(pattern)})")
        # one regex per depth: a pattern of n parts is tried on the last n parts of a path
        self._patterns = [
            (depth, re.compile("|".join(alternatives)))
            for depth, alternatives in sorted(by_depth.items())
        ]

    def match(self, path: str) -> Match | None:
        """The format of ``path`` and whether it is a root copy, or None for other files."""
        low = path.lower()
        parts = low.split("/")
        found = self._names.get(parts[-1])
        if found is not None and (match := _kept(found, len(parts) == 1)):
            return match
        for tail, item in self._tails.items():
            if (low == tail or low.endswith("/" + tail)) and (match := _kept(item, low == tail)):
                return match
        for depth, pattern in self._patterns:
            if depth > len(parts):
                break
            hit = pattern.fullmatch("/".join(parts[-depth:]))
            if hit and hit.lastgroup is not None:
                match = _kept(self._by_group[hit.lastgroup], len(parts) == depth)
                if match is not None:
                    return match
        return None

    def search_names(self) -> tuple[str, ...]:
        """Exact root names a search query asks for, in rank order."""
        return tuple(name for item in self.formats if item.search for name in item.names)

    def workspace_names(self) -> frozenset[str]:
        """Exact names of formats whose includes are workspace members (lower case)."""
        return frozenset(
            name.lower() for item in self.formats if item.workspace for name in item.names
        )


def _kept(item: Format, root: bool) -> Match | None:
    """The match, unless the format is anchored at the root and this copy is deeper."""
    return Match(item, root) if root or not item.anchored else None


@cache
def registry() -> Registry:
    """The registry of every declared format, built once."""
    return Registry(_declared())
