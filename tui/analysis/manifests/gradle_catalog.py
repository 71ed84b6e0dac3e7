"""Gradle version catalogs, ``gradle/libs.versions.toml``: the libraries and plugins of a build.

Build scripts then say ``implementation(libs.androidx.compose.ui)``: the coordinates live here.
A library the catalog declares is used by some module of the build, so it counts as a dependency
(test libraries as test scope); a plugin (``com.android.application``) decides what kind of
project this is, as it does in a ``plugins {}`` block.
"""

from __future__ import annotations

from tui.analysis.manifests.base import Collector, Manifest
from tui.analysis.manifests.pyproject import load_toml, table
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_TEST_WORDS = ("test", "junit", "mockito", "mockk", "robolectric", "espresso", "kotest", "truth")


def _library(spec: object) -> str | None:
    """``group:name`` of one [libraries] entry: ``"g:a:v"``, ``{module}`` or ``{group, name}``."""
    if isinstance(spec, str):
        parts = spec.split(":")
        return f"{parts[0]}:{parts[1]}" if len(parts) >= 2 else None
    if isinstance(spec, dict):
        module, group, name = spec.get("module"), spec.get("group"), spec.get("name")
        if isinstance(module, str) and ":" in module:
            return module
        if isinstance(group, str) and isinstance(name, str):
            return f"{group}:{name}"
    return None


def _plugin(spec: object) -> str | None:
    """The plugin id of one [plugins] entry: ``"id:version"`` or ``{id = ...}``."""
    if isinstance(spec, str):
        return spec.split(":", 1)[0] or None
    if isinstance(spec, dict) and isinstance(spec.get("id"), str):
        return str(spec["id"])
    return None


def parse_version_catalog(path: str, data: bytes) -> Manifest:
    """Parse a version catalog's [libraries] and [plugins] tables."""
    out = Collector(path, "gradle")
    doc = load_toml(data, out)
    if doc is None:
        return out.freeze()
    for alias, spec in table(doc, "libraries").items():
        coordinate = _library(spec)
        if coordinate is None:
            out.problem(f"library {alias[:60]!r} names no module")
            continue
        low = f"{alias} {coordinate}".lower()
        scope = Scope.TEST if any(word in low for word in _TEST_WORDS) else Scope.RUNTIME
        out.add(coordinate, scope, f"{alias} = {coordinate}", line=out.lines.key(alias))
    for alias, spec in table(doc, "plugins").items():
        plugin = _plugin(spec)
        if plugin:
            out.add(plugin, Scope.RUNTIME, f"plugin {alias} = {plugin}", line=out.lines.key(alias))
    return out.freeze()


FORMATS = (
    Format(
        "gradle-catalog",
        "gradle",
        parse_version_catalog,
        names=("gradle/libs.versions.toml",),
        patterns=("gradle/*.versions.toml",),
        rank=44,
    ),
)
