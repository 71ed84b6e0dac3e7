"""pubspec.yaml (Dart/Flutter), Gemfile (line by line, with its groups) and *.gemspec (Ruby)."""

from __future__ import annotations

import re

from tui.analysis.manifests.base import (
    Collector,
    Manifest,
    decode,
    group_scope,
    load_yaml_mapping,
)
from tui.analysis.manifests.lines import numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_GEM = re.compile(r"""^\s*gem\s*\(?\s*["']([A-Za-z0-9_.-]+)["'](.*)$""")
_GROUP = re.compile(r"^\s*group\s*\(?\s*(.+?)\)?\s+do\b")
_INLINE_GROUP = re.compile(r"""group(?:s)?\s*(?::|=>)\s*\[?\s*:?["']?(\w+)""")
_GEMSPEC_DEP = re.compile(
    r"""^\s*\w+\.add_(runtime_|development_)?dependency\s*\(?\s*["']([A-Za-z0-9_.-]+)["']"""
)
_GEMSPEC_NAME = re.compile(r"""^\s*\w+\.name\s*=\s*["']([A-Za-z0-9_.-]+)["']""")
_BLOCK_START = re.compile(r"\bdo\s*(\|[^|]*\|)?\s*$")


def parse_pubspec(path: str, data: bytes) -> Manifest:
    """Parse pubspec.yaml: name, dependencies (the Flutter SDK among them), dev_dependencies."""
    out = Collector(path, "pub")
    doc = load_yaml_mapping(data, out)
    if doc is None:
        return out.freeze()
    name = doc.get("name")
    out.package_name = name if isinstance(name, str) else None
    for key, scope in (("dependencies", Scope.RUNTIME), ("dev_dependencies", Scope.DEV)):
        deps = doc.get(key)
        if isinstance(deps, dict):
            for dep, spec in deps.items():
                detail = f"{key}: {dep} {spec}" if spec is not None else str(dep)
                out.add(str(dep), scope, detail, line=out.lines.key(str(dep)))
    return out.freeze()


def _group_scope(text: str) -> Scope:
    """The scope of ``group :test, :development``: the least restricted group wins."""
    names = re.findall(r"\w+", text)
    scopes = [group_scope(name, Scope.RUNTIME) for name in names if name != "group"]
    for preferred in (Scope.RUNTIME, Scope.DEV, Scope.TEST):
        if preferred in scopes:
            return preferred
    return scopes[0] if scopes else Scope.RUNTIME


def parse_gemfile(path: str, data: bytes) -> Manifest:
    """Parse a Gemfile's ``gem "name"`` lines, scoped by ``group ... do`` blocks."""
    out = Collector(path, "rubygems")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    stack: list[Scope] = []
    for number, raw in numbered_lines(text):
        line = raw.split("#", 1)[0].rstrip()
        group = _GROUP.match(line)
        if group:
            stack.append(_group_scope(group.group(1)))
            continue
        if _BLOCK_START.search(line):
            stack.append(stack[-1] if stack else Scope.RUNTIME)  # platforms/source blocks
            continue
        if line.strip() == "end":
            if stack:
                stack.pop()
            continue
        gem = _GEM.match(line)
        if gem:
            inline = _INLINE_GROUP.search(gem.group(2))
            scope = stack[-1] if stack else Scope.RUNTIME
            if inline:
                scope = _group_scope(inline.group(1))
            out.add(gem.group(1), scope, raw.strip(), line=number)
    return out.freeze()


def parse_gemspec(path: str, data: bytes) -> Manifest:
    """Read a gemspec's literal ``spec.name`` and ``add_*dependency`` lines; it is never run."""
    out = Collector(path, "rubygems")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    for number, raw in numbered_lines(text):
        name = _GEMSPEC_NAME.match(raw)
        if name and out.package_name is None:
            out.package_name = name.group(1)
        dep = _GEMSPEC_DEP.match(raw)
        if dep:
            scope = Scope.DEV if dep.group(1) == "development_" else Scope.RUNTIME
            out.add(dep.group(2), scope, raw.strip(), line=number)
    return out.freeze()


FORMATS = (
    Format("gemfile", "rubygems", parse_gemfile, names=("Gemfile",), rank=51),
    Format("pubspec", "pub", parse_pubspec, names=("pubspec.yaml",), rank=52),
    Format("gemspec", "rubygems", parse_gemspec, patterns=("*.gemspec",), rank=53),
)
