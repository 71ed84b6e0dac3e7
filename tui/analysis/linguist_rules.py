"""Linguist's path rules (vendored, documentation, generated) with enry first and a fallback.

When the ``enry`` module (go-enry, Linguist ported to Go) imports, its own checks are used; it has
wheels only for Linux x86-64 and macOS arm64. Elsewhere, or with ``use_enry=False``, the patterns
of ``tui.analysis.linguist_patterns`` (Linguist's own lists) decide.
"""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from tui.analysis.linguist_patterns import (
    DOCUMENTATION_PATTERNS,
    GENERATED_PATTERNS,
    POPULAR,
    VENDOR_PATTERNS,
)

ENRY: ModuleType | None
"""The enry module when it imports, else None; tests set this to ``None`` to exercise the fallback.

Imported on first use (module ``__getattr__``): loading go-enry starts a Go runtime, some 25 ms of
start-up that a GitHub repository's view, which never classifies files, does not need."""


def __getattr__(name: str) -> ModuleType | None:
    """Import enry the first time ``ENRY`` is read; later reads find the module global."""
    if name != "ENRY":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module: ModuleType | None
    try:
        module = importlib.import_module("enry")
    except ImportError:  # no wheel for this platform: the bundled patterns take over
        module = None
    globals()["ENRY"] = module
    return module


__all__ = ["ENRY", "POPULAR", "is_documentation", "is_generated", "is_vendored"]


@dataclass(frozen=True, slots=True)
class _PathMatcher:
    """Linguist's path patterns, split by anchoring so that a path is checked quickly.

    One alternation of 160 unanchored patterns backtracks at every character of every path;
    anchored at the start (``^``) or at a segment start (``(^|/)``) it is tried a few times only.
    """

    at_start: re.Pattern[str]
    at_segment: re.Pattern[str]
    anywhere: re.Pattern[str]

    def search(self, path: str) -> bool:
        """Whether any pattern matches ``path``."""
        if self.at_start.match(path) or self.anywhere.search(path):
            return True
        start = 0
        while start >= 0:
            if self.at_segment.match(path, start):
                return True
            start = path.find("/", start) + 1 or -1
        return False


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or r"(?!)")


@cache
def _compiled(patterns: tuple[str, ...]) -> _PathMatcher:
    groups: dict[str, list[str]] = {"^": [], "(^|/)": [], "": []}
    for pattern in patterns:
        # a leading "(.*?)" or "([^\s]*)" only slows a search down: it can match nothing
        pattern = re.sub(r"^\((?:\.\*\?|\[\^\\s\]\*)\)", "", pattern).replace("(^|\\/)", "(^|/)")
        prefix = next((p for p in ("(^|/)", "^") if pattern.startswith(p)), "")
        groups[prefix].append(pattern[len(prefix) :])
    return _PathMatcher(
        _alternation(groups["^"]), _alternation(groups["(^|/)"]), _alternation(groups[""])
    )


def _enry(use_enry: bool | None) -> ModuleType | None:
    """The enry module to use: ``None`` when refused or unavailable."""
    if use_enry is False:
        return None
    module: ModuleType | None = sys.modules[__name__].ENRY  # an attribute read: loads it once
    return module


def is_vendored(path: str, *, use_enry: bool | None = None) -> bool:
    """Whether Linguist treats ``path`` (slash-separated, relative) as vendored code."""
    module = _enry(use_enry)
    if module is not None:
        return bool(module.is_vendor(path))
    return _compiled(VENDOR_PATTERNS).search(path)


def is_documentation(path: str, *, use_enry: bool | None = None) -> bool:
    """Whether Linguist treats ``path`` as documentation."""
    module = _enry(use_enry)
    if module is not None:
        return bool(module.is_documentation(path))
    return _compiled(DOCUMENTATION_PATTERNS).search(path)


_GENERATED_MARKER = re.compile(rb"^// Code generated .* DO NOT EDIT\.$|@generated\b", re.MULTILINE)


def _generated_content(path: str, content: bytes) -> bool:
    """Linguist's cheapest content checks: generated-code markers and minified JS/CSS."""
    if _GENERATED_MARKER.search(content[:2048]) is not None:
        return True
    if path.lower().endswith((".js", ".css")):
        lines = content.splitlines()
        # Linguist calls a file minified when its lines average over 110 characters
        return bool(lines) and len(content) / len(lines) > 110
    return False


def is_generated(path: str, content: bytes = b"", *, use_enry: bool | None = None) -> bool:
    """Whether ``path`` is generated, by its name and, when given, its content's first bytes."""
    if _compiled(GENERATED_PATTERNS).search(path):
        return True
    module = _enry(use_enry)
    if module is not None:
        return bool(module.is_generated(path, content))
    return bool(content) and _generated_content(path, content)
