"""Haskell: ``*.cabal`` (build-depends per stanza), hpack's package.yaml and stack.yaml.

A .cabal file is a field/section layout: a field's value goes on over more-indented lines.
A ``test-suite`` stanza's dependencies are test scope, a ``benchmark``'s dev scope.
"""

from __future__ import annotations

import re
from typing import Any

from tui.analysis.manifests.base import Collector, Manifest, decode, load_yaml_mapping
from tui.analysis.manifests.lines import numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_SECTION = re.compile(r"^(library|executable|test-suite|benchmark|foreign-library|common)\b", re.I)
_FIELD = re.compile(r"^(\s*)([\w-]+)\s*:(.*)$")
_PACKAGE = re.compile(r"^\s*([A-Za-z][\w-]*)")
_STANZA_SCOPES = {"test-suite": Scope.TEST, "benchmark": Scope.DEV}


def _depends(out: Collector, value: str, scope: Scope, number: int) -> None:
    """The packages of one build-depends value (``base >= 4 && < 5, text``)."""
    for item in value.split(","):
        name = _PACKAGE.match(item)
        if name:
            out.add(name.group(1), scope, item.strip(), line=number)


def parse_cabal(path: str, data: bytes) -> Manifest:
    """Parse a .cabal file: its name and the build-depends of every stanza."""
    out = Collector(path, "hackage")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    scope, indent = Scope.RUNTIME, -1  # indent of an open build-depends field, -1 when none
    for number, raw in numbered_lines(text):
        line = raw.split("--", 1)[0].rstrip()
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip())
        if indent >= 0 and width > indent:
            _depends(out, line, scope, number)
            continue
        indent = -1
        section = _SECTION.match(line)
        if section:
            scope = _STANZA_SCOPES.get(section.group(1).lower(), Scope.RUNTIME)
            continue
        field = _FIELD.match(line)
        if field and field.group(2).lower() == "name" and not width:
            out.package_name = field.group(3).strip()
        elif field and field.group(2).lower() == "build-depends":
            indent = len(field.group(1))
            _depends(out, field.group(3), scope, number)
    return out.freeze()


def _hpack_list(out: Collector, deps: object, scope: Scope) -> None:
    """An hpack dependencies value: a list of strings, one string, or a mapping."""
    items = [deps] if isinstance(deps, str) else deps
    if isinstance(items, dict):
        items = list(items)
    if not isinstance(items, list):
        return
    for item in items:
        name = _PACKAGE.match(item) if isinstance(item, str) else None
        if name:
            out.add(name.group(1), scope, item)


def parse_package_yaml(path: str, data: bytes) -> Manifest:
    """Parse hpack's package.yaml: top-level, library, executables, tests and benchmarks."""
    out = Collector(path, "hackage")
    doc = load_yaml_mapping(data, out)
    if doc is None:
        return out.freeze()
    if isinstance(doc.get("name"), str):
        out.package_name = doc["name"]
    _hpack_list(out, doc.get("dependencies"), Scope.RUNTIME)
    library = doc.get("library")
    if isinstance(library, dict):
        _hpack_list(out, library.get("dependencies"), Scope.RUNTIME)
    for key, scope in (
        ("executables", Scope.RUNTIME),
        ("tests", Scope.TEST),
        ("benchmarks", Scope.DEV),
    ):
        stanzas: Any = doc.get(key)
        for body in stanzas.values() if isinstance(stanzas, dict) else ():
            if isinstance(body, dict):
                _hpack_list(out, body.get("dependencies"), scope)
    return out.freeze()


def parse_stack_yaml(path: str, data: bytes) -> Manifest:
    """Parse stack.yaml: local packages (includes) and extra-deps (pinned, so optional)."""
    out = Collector(path, "hackage")
    doc = load_yaml_mapping(data, out)
    if doc is None:
        return out.freeze()
    packages = doc.get("packages")
    if isinstance(packages, list):
        out.includes.extend(item for item in packages if isinstance(item, str) and item != ".")
    extra = doc.get("extra-deps")
    for item in extra if isinstance(extra, list) else ():
        if isinstance(item, str):
            name = re.sub(r"-[\d.]+(@.*)?$", "", item.strip())
            out.add(name, Scope.OPTIONAL, item)
    return out.freeze()


FORMATS = (
    Format("cabal", "hackage", parse_cabal, patterns=("*.cabal",), rank=85),
    Format("hpack", "hackage", parse_package_yaml, names=("package.yaml",), rank=86, search=False),
    Format(
        "stack",
        "hackage",
        parse_stack_yaml,
        names=("stack.yaml",),
        rank=87,
        workspace=True,
        search=False,
    ),
)
