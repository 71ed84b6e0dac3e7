"""Zig's build.zig.zon and Lua's ``*.rockspec``: both Lua/Zig table literals, tokenised lightly.

Neither has a Python library; both are data written as code, so a small tokeniser follows the
braces instead of evaluating anything.
"""

from __future__ import annotations

import re

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.lines import LineCounter
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

# an unterminated string runs to the end of its line: each position is tried once (linear)
_ZON_TOKEN = re.compile(
    r"""(\.(?:@"([^"\n]{1,200})"|(\w{1,200}))\s*=\s*\.\{)|(\{)|(\})|"(?:[^"\\\n]|\\.)*(?:"|\\?$)""",
    re.MULTILINE,
)
_ZON_NAME = re.compile(r"""^\s*\.name\s*=\s*(?:\.(\w+)|"([^"\n]{1,200})")""", re.MULTILINE)
_ROCK_TABLE = re.compile(
    r"\b(dependencies|build_dependencies|test_dependencies)\s*=\s*\{([^{}]{0,20000})\}"
)
_ROCK_PACKAGE = re.compile(r"""^\s*package\s*=\s*["']([^"'\n]{1,200})["']""", re.MULTILINE)
_QUOTED = re.compile(r"""["']([^"'\n]{1,300})["']""")
_ROCK_SCOPES = {
    "dependencies": Scope.RUNTIME,
    "build_dependencies": Scope.BUILD,
    "test_dependencies": Scope.TEST,
}


def _strip_comments(text: str, marker: str) -> str:
    """Each line without its comment (``//`` for Zig, ``--`` for Lua); strings are short."""
    return "\n".join(
        line.split(marker, 1)[0] if '"' not in line else line for line in text.split("\n")
    )


def parse_zon(path: str, data: bytes) -> Manifest:
    """Parse build.zig.zon: the package name and the keys of ``.dependencies``."""
    out = Collector(path, "zig")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    code = _strip_comments(text, "//")
    name = _ZON_NAME.search(code)
    out.package_name = (name.group(1) or name.group(2)) if name else None
    start = code.find(".dependencies")
    if start < 0:
        return out.freeze()
    depth, lines = 0, LineCounter(code)
    for token in _ZON_TOKEN.finditer(code, start):
        if out.saturated:
            break
        if token.group(1):
            if depth == 1:
                dep = token.group(2) or token.group(3)
                out.add(dep, Scope.RUNTIME, f".{dep}", line=lines.at(token.start()))
            depth += 1
        elif token.group(4):
            depth += 1
        elif token.group(5):
            depth -= 1
            if depth <= 0:
                break
    return out.freeze()


def parse_rockspec(path: str, data: bytes) -> Manifest:
    """Parse a rockspec: its package and the rocks of its dependency tables (not ``lua``)."""
    out = Collector(path, "luarocks")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    code = _strip_comments(text, "--")
    package = _ROCK_PACKAGE.search(code)
    out.package_name = package.group(1) if package else None
    for table in _ROCK_TABLE.finditer(code):
        for spec in _QUOTED.findall(table.group(2)):
            name = spec.split()[0] if spec.split() else ""
            if name and name.lower() != "lua":
                out.add(name, _ROCK_SCOPES[table.group(1)], spec)
    return out.freeze()


FORMATS = (
    Format("zig", "zig", parse_zon, names=("build.zig.zon",), rank=93),
    Format("rockspec", "luarocks", parse_rockspec, patterns=("*.rockspec",), rank=94),
)
