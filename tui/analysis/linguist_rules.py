"""Linguist's path rules (vendored, documentation, generated), from its own lists, enry's aid.

Vendored and documentation paths are decided by the patterns of
``tui.analysis.linguist_patterns`` (Linguist 7.22.1's lists) whether or not enry is installed: they
give enry's answer on every path of the corpus and the benchmark trees but ``vignettes/``, which
Linguist 7.22.1's ``vendor.yml`` lists (R packages' long-form documentation; the figures GitHub's
bar and the corpus's ``languages.json`` were made by) and go-enry 0.2.0 does not. Asking Go for
each path cost 13 to 60 microseconds a check, and loading enry at all costs a Go runtime's start.

Generated files are decided by name here, then by content with enry (go-enry, Linguist ported to
Go) when it is installed, but only when one of its content checks could fire
(``generated_gate``); without enry, or with ``use_enry=False``, the cheapest of Linguist's
content checks decide. enry has wheels only for Linux x86-64 and macOS arm64.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from functools import cache
from types import ModuleType

from tui.analysis.generated_gate import generated_by_content
from tui.analysis.linguist_patterns import (
    DOCUMENTATION_PATTERNS,
    GENERATED_PATTERNS,
    POPULAR,
    VENDOR_PATTERNS,
)
from tui.analysis.path_patterns import PathPatterns

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


def enry_available() -> bool:
    """Whether enry can classify, without loading it (its Go runtime starts on import).

    Once ``ENRY`` has been read (or set, as tests do) that answer stands; before, whether the
    module can be found.
    """
    loaded = globals().get("ENRY", _UNREAD)
    if loaded is not _UNREAD:
        return loaded is not None
    return _findable()


_UNREAD = object()


@cache
def _findable() -> bool:
    """Whether the enry module is installed (a search of ``sys.path``: once per process)."""
    return importlib.util.find_spec("enry") is not None


__all__ = [
    "ENRY",
    "POPULAR",
    "enry_available",
    "is_documentation",
    "is_generated",
    "is_vendored",
]


_MATCHERS: dict[str, PathPatterns] = {}


def _matcher(name: str, patterns: tuple[str, ...]) -> PathPatterns:
    """The indexed patterns of one list, built on first use (each pattern compiled when first
    tried). Looked up by the list's name: hashing a 166-string tuple on each call cost more
    than the check itself."""
    found = _MATCHERS.get(name)
    if found is None:
        found = _MATCHERS[name] = PathPatterns(patterns)
    return found


def _enry(use_enry: bool | None) -> ModuleType | None:
    """The enry module to use: ``None`` when refused or unavailable."""
    if use_enry is False:
        return None
    module: ModuleType | None = sys.modules[__name__].ENRY  # an attribute read: loads it once
    return module


def is_vendored(path: str) -> bool:
    """Whether Linguist treats ``path`` (slash-separated, relative) as vendored code (Linguist's
    bundled list: enry is never asked; ``tests/sources/test_sources_scan_without_enry.py``)."""
    return _matcher("vendor", VENDOR_PATTERNS).search(path)


def is_documentation(path: str) -> bool:
    """Whether Linguist treats ``path`` as documentation (the bundled list, see ``is_vendored``)."""
    return _matcher("documentation", DOCUMENTATION_PATTERNS).search(path)


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
    if _matcher("generated", GENERATED_PATTERNS).search(path):
        return True
    if use_enry is not False and enry_available():
        known = generated_by_content(path, content)
        if known is not None:
            return known  # settled without enry, which need not even be loaded
        module = _enry(use_enry)
        if module is not None:
            return bool(module.is_generated(path, content))
    return bool(content) and _generated_content(path, content)
