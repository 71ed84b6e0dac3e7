"""package.json, pnpm-workspace.yaml and composer.json: the JSON-ish manifests of JS and PHP."""

from __future__ import annotations

import json
from typing import Any

from tui.analysis.manifests.base import Collector, Manifest, decode, load_yaml_mapping
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_NPM_SECTIONS = {
    "dependencies": Scope.RUNTIME,
    "peerDependencies": Scope.RUNTIME,
    "optionalDependencies": Scope.OPTIONAL,
    "devDependencies": Scope.DEV,
}
_COMPOSER_SECTIONS = {"require": Scope.RUNTIME, "require-dev": Scope.DEV}


def load_json(data: bytes, out: Collector) -> dict[str, Any] | None:
    """Decode and parse a JSON object, or record why not."""
    text = decode(data, out)
    if text is None:
        return None
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        out.problem(f"invalid JSON ({type(exc).__name__})")
        return None
    if not isinstance(doc, dict):
        out.problem("top level is not an object")
        return None
    return doc


def _sections(out: Collector, doc: dict[str, Any], sections: dict[str, Scope]) -> None:
    """Record every ``"name": "version"`` pair of the given sections."""
    for key, scope in sections.items():
        deps = doc.get(key)
        if deps is None:
            continue
        if not isinstance(deps, dict):
            out.problem(f"{key} is not an object")
            continue
        for name, version in deps.items():
            detail = f"{key}: {name} {version}" if isinstance(version, str) else name
            out.add(name, scope, detail, line=out.lines.key(name))


_LIBRARY_FIELDS = (
    "exports",
    "module",
    "bin",
    "types",
    "typings",
    "files",
    "browser",
    "publishConfig",
)
"""Fields that say a package is published for others to import or run: a library (or CLI),
whose devDependencies are its tests and build, not what it ships."""


def is_application(doc: dict[str, Any]) -> bool:
    """Whether a package.json describes an application, whose bundler ships its devDependencies.

    Not a workspace root (``workspaces``: its devDependencies are the repository's tooling),
    nor a package that says what it publishes (``_LIBRARY_FIELDS``); then either ``private``
    (npm refuses to publish it; ``main`` there is an Electron or server entry point) or
    without ``main``, the one field a library cannot do without.
    """
    if "workspaces" in doc or any(key in doc for key in _LIBRARY_FIELDS):
        return False
    return doc.get("private") is True or "main" not in doc


def parse_package_json(path: str, data: bytes) -> Manifest:
    """Parse package.json: dependency sections, its name and its workspaces.

    peerDependencies are runtime: a React component library is built with React. An
    application's devDependencies are ``Scope.BUNDLED`` (``is_application``).
    """
    out = Collector(path, "npm")
    doc = load_json(data, out)
    if doc is None:
        return out.freeze()
    name = doc.get("name")
    out.package_name = name.lower() if isinstance(name, str) else None
    sections = _NPM_SECTIONS
    if is_application(doc):
        sections = {**_NPM_SECTIONS, "devDependencies": Scope.BUNDLED}
    _sections(out, doc, sections)
    workspaces = doc.get("workspaces")
    if isinstance(workspaces, dict):
        workspaces = workspaces.get("packages")
    if isinstance(workspaces, list):
        out.includes.extend(item for item in workspaces if isinstance(item, str))
    return out.freeze()


def parse_pnpm_workspace(path: str, data: bytes) -> Manifest:
    """Parse pnpm-workspace.yaml: only its ``packages`` globs (members are fetched separately)."""
    out = Collector(path, "npm")
    doc = load_yaml_mapping(data, out)
    if doc is None:
        return out.freeze()
    packages = doc.get("packages")
    if isinstance(packages, list):
        out.includes.extend(item for item in packages if isinstance(item, str))
    return out.freeze()


def parse_composer(path: str, data: bytes) -> Manifest:
    """Parse composer.json; platform requirements (php, ext-*) are not packages."""
    out = Collector(path, "composer")
    doc = load_json(data, out)
    if doc is None:
        return out.freeze()
    name = doc.get("name")
    out.package_name = name.lower() if isinstance(name, str) else None
    for key in _COMPOSER_SECTIONS:
        deps = doc.get(key)
        if isinstance(deps, dict):
            doc[key] = {
                n: v for n, v in deps.items() if "/" in n and not n.startswith(("ext-", "lib-"))
            }
    _sections(out, doc, _COMPOSER_SECTIONS)
    return out.freeze()


FORMATS = (
    Format(
        "package.json", "npm", parse_package_json, names=("package.json",), rank=20, workspace=True
    ),
    Format(
        "pnpm-workspace",
        "npm",
        parse_pnpm_workspace,
        names=("pnpm-workspace.yaml",),
        rank=21,
        workspace=True,
    ),
    Format("composer", "composer", parse_composer, names=("composer.json",), rank=50),
)
