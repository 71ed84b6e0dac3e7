"""Import statements sampled from source files, line by line (no parsing of whole programs).

Used when manifests are silent (karpathy/nanoGPT has none: ``import torch`` is the evidence). Each
language's import syntax is line-shaped, so a per-line pattern is enough and runs nothing.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from tui.analysis.posix_parts import suffix

MAX_SOURCE_BYTES = 512 * 1024
"""Only the head of a larger file is read: imports sit at the top."""

MAX_IMPORT_LINE = 1000
"""Longer lines are skipped, which keeps the per-line patterns linear."""

LANGUAGE_BY_SUFFIX = {
    ".py": "python",
    ".pyi": "python",
    ".js": "javascript",
    ".jsx": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".ts": "javascript",
    ".tsx": "javascript",
    ".mts": "javascript",
    ".vue": "javascript",
    ".svelte": "javascript",
    ".go": "go",
    ".rs": "rust",
    ".java": "java",
    ".kt": "java",
    ".scala": "java",
    ".dart": "dart",
    ".rb": "ruby",
    ".swift": "swift",
    ".m": "objc",  # MATLAB's suffix too: selection.py samples it only beside Objective-C signs
    ".mm": "objc",
}
"""Source suffixes whose imports can be sampled, and the import syntax they use."""

# each language's patterns are compiled with the first file of that language (``_compiled``):
# a detection samples one or two languages, and compiling all eleven cost ~1 ms at import
_PYTHON = r"^\s*(?:import\s+([\w.]+(?:\s*,\s*[\w.]+)*)|from\s+([\w.]+)\s+import\b)"
_JS = (
    r"""(?:^\s*import\s+(?:[\w*{}\s,$]+\s+from\s+)?|\brequire\s*\(\s*|\bimport\s*\(\s*)"""
    r"""["']([^"'\s]+)["']"""
)
_GO_SINGLE = r"""^\s*import\s+(?:[\w.]+\s+)?"([^"]+)\""""
_GO_ITEM = r"""^\s*(?:[\w.]+\s+)?"([^"]+)\""""
_RUST = r"^\s*(?:pub(?:\([\w\s]+\))?\s+)?(?:use\s+|extern\s+crate\s+)(?:::)?(\w+)"
_JAVA = r"^\s*import\s+(?:static\s+)?([\w.]+)"
_DART = r"""^\s*(?:import|export)\s+["']package:([\w]+)/"""
_RUBY = r"""^\s*require\s*\(?\s*["']([\w-]+)"""
_SWIFT = (
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+"
    r"(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?(\w+)"
)
_OBJC = r"^\s*(?:#\s*(?:import|include)\s*<([\w.+-]+)/|@import\s+([\w.]+)\s*;)"
"""``#import <UIKit/UIKit.h>`` (the framework's folder names it) or a module ``@import UIKit;``;
``#import "AppDelegate.h"`` is the project's own header."""
_RUST_LOCAL = frozenset({"crate", "self", "super", "std", "core", "alloc"})


class Import(NamedTuple):
    """One imported module or package, where it was imported, and the line as written."""

    language: str
    module: str
    path: str
    line: int
    text: str
    top_level: bool = True
    """False for an indented import (inside a function or a guard): a lazy, optional use."""


def language_of(path: str) -> str | None:
    """The import syntax a source path uses, or None when it is not sampled."""
    return LANGUAGE_BY_SUFFIX.get(suffix(path).lower())


def _js_package(specifier: str) -> str | None:
    """The npm package of an import specifier (``@scope/name/sub`` -> ``@scope/name``)."""
    if specifier.startswith((".", "/", "node:", "#")) or ":" in specifier:
        return None
    parts = specifier.split("/")
    return "/".join(parts[:2]) if specifier.startswith("@") else parts[0]


@cache
def _compiled(source: str) -> re.Pattern[str]:
    """A language's import pattern, compiled the first time a file of it is read."""
    return re.compile(source)


def _modules(language: str, line: str, in_go_block: bool) -> list[str]:
    """The modules one line imports in ``language``."""
    if language == "python":
        match = _compiled(_PYTHON).match(line)
        if not match:
            return []
        names = match.group(1) or match.group(2)
        return [name.strip() for name in names.split(",") if not name.strip().startswith(".")]
    if language == "javascript":
        packages = (_js_package(spec) for spec in _compiled(_JS).findall(line))
        return [package for package in packages if package]
    if language == "go":
        match = _compiled(_GO_ITEM if in_go_block else _GO_SINGLE).match(line)
        return [match.group(1)] if match else []
    if language == "rust":
        match = _compiled(_RUST).match(line)
        return [match.group(1)] if match and match.group(1) not in _RUST_LOCAL else []
    if language == "objc":
        match = _compiled(_OBJC).match(line)
        return [match.group(1) or match.group(2)] if match else []
    pattern = {"java": _JAVA, "ruby": _RUBY, "swift": _SWIFT}.get(language, _DART)
    match = _compiled(pattern).match(line)
    return [match.group(1)] if match else []


def sample_imports(path: str, data: bytes) -> list[Import]:
    """Every import statement in one source file; unknown suffixes and binary give nothing."""
    language = language_of(path)
    if language is None or b"\x00" in data[:8192]:
        return []
    text = data[:MAX_SOURCE_BYTES].decode("utf-8", errors="replace")
    found: list[Import] = []
    in_go_block = False
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_IMPORT_LINE:
            continue  # minified or generated: no import statement is this long
        if language == "go":
            stripped = line.strip()
            if stripped.startswith("import ("):
                in_go_block = True
                continue
            if in_go_block and stripped == ")":
                in_go_block = False
                continue
        for module in _modules(language, line, in_go_block):
            top = not line[:1].isspace() or in_go_block
            found.append(Import(language, module, path, number, line.strip(), top))
    return found
