"""Cargo.toml: package name, dependency tables (incl. target-specific) and workspace members."""

from __future__ import annotations

from typing import Any

from tui.analysis.manifests.base import Collector, Manifest
from tui.analysis.manifests.pyproject import load_toml, table
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_TABLES = {
    "dependencies": Scope.RUNTIME,
    "dev-dependencies": Scope.DEV,
    "build-dependencies": Scope.BUILD,
}


def _deps(out: Collector, deps: dict[str, Any], scope: Scope) -> None:
    """One dependency table; ``foo = { package = "bar" }`` depends on ``bar``."""
    for key, spec in deps.items():
        name = key
        declared = scope
        if isinstance(spec, dict):
            if isinstance(spec.get("package"), str):
                name = spec["package"]
            if spec.get("optional") is True and scope is Scope.RUNTIME:
                declared = Scope.OPTIONAL
        detail = f"{key} = {spec!r}" if not isinstance(spec, str) else f'{key} = "{spec}"'
        out.add(name, declared, detail, line=out.lines.key(key))


def parse_cargo(path: str, data: bytes) -> Manifest:
    """Parse Cargo.toml, workspace tables included."""
    out = Collector(path, "crates")
    doc = load_toml(data, out)
    if doc is None:
        return out.freeze()
    name = table(doc, "package").get("name")
    out.package_name = name if isinstance(name, str) else None
    for key, scope in _TABLES.items():
        _deps(out, table(doc, key), scope)
        for target in table(doc, "target").values():
            _deps(out, table(target, key), scope)
    workspace = table(doc, "workspace")
    _deps(out, table(workspace, "dependencies"), Scope.RUNTIME)
    members = workspace.get("members")
    if isinstance(members, list):
        out.includes.extend(item for item in members if isinstance(item, str))
    return out.freeze()


FORMATS = (Format("cargo", "crates", parse_cargo, names=("Cargo.toml",), rank=30, workspace=True),)
