"""Manifest parsers, one module per format, behind ``is_manifest`` and ``parse_manifest``.

Every parser takes ``(path, data)`` and returns a ``Manifest``; broken or hostile input (too large,
binary, invalid UTF-8, bad syntax, XML entities, deep nesting) becomes a ``problems`` entry, never
an exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from tui.analysis.manifests.base import MAX_BYTES, Dependency, Manifest
from tui.analysis.manifests.cargo import parse_cargo
from tui.analysis.manifests.dart_ruby import parse_gemfile, parse_gemspec, parse_pubspec
from tui.analysis.manifests.golang import parse_go_mod
from tui.analysis.manifests.javascript import (
    parse_composer,
    parse_package_json,
    parse_pnpm_workspace,
)
from tui.analysis.manifests.jvm import parse_gradle, parse_pom
from tui.analysis.manifests.pyproject import parse_pipfile, parse_pyproject
from tui.analysis.manifests.python_reqs import parse_conda, parse_requirements
from tui.analysis.manifests.setuptools import parse_setup_cfg, parse_setup_py

__all__ = ["MAX_BYTES", "Dependency", "Manifest", "is_manifest", "manifest_kind", "parse_manifest"]

Parser = Callable[[str, bytes], Manifest]

_BY_NAME: dict[str, tuple[str, Parser]] = {
    "pyproject.toml": ("pypi", parse_pyproject),
    "setup.py": ("pypi", parse_setup_py),
    "setup.cfg": ("pypi", parse_setup_cfg),
    "pipfile": ("pypi", parse_pipfile),
    "environment.yml": ("conda", parse_conda),
    "environment.yaml": ("conda", parse_conda),
    "package.json": ("npm", parse_package_json),
    "pnpm-workspace.yaml": ("npm", parse_pnpm_workspace),
    "composer.json": ("composer", parse_composer),
    "cargo.toml": ("crates", parse_cargo),
    "go.mod": ("go", parse_go_mod),
    "pom.xml": ("maven", parse_pom),
    "build.gradle": ("gradle", parse_gradle),
    "build.gradle.kts": ("gradle", parse_gradle),
    "gemfile": ("rubygems", parse_gemfile),
    "pubspec.yaml": ("pub", parse_pubspec),
}
_REQUIREMENTS = re.compile(r"^(?:[\w.-]*[-_])?requirements(?:[-_.][\w.-]*)?\.(?:txt|in)$")
_CONDA = re.compile(r"^(?:[\w.-]+[-_])?environment(?:[-_][\w.-]+)?\.ya?ml$")


def manifest_kind(path: str) -> tuple[str, Parser] | None:
    """The ecosystem and parser for a path, or None when it is not a known manifest."""
    pure = PurePosixPath(path)
    name = pure.name.lower()
    found = _BY_NAME.get(name)
    if found is not None:
        return found
    if _REQUIREMENTS.match(name) or (
        pure.parent.name.lower() == "requirements" and name.endswith((".txt", ".in"))
    ):
        return ("pypi", parse_requirements)
    if _CONDA.match(name):
        return ("conda", parse_conda)
    if name.endswith(".gemspec"):
        return ("rubygems", parse_gemspec)
    return None


def is_manifest(path: str) -> bool:
    """True when ``path`` names a manifest format this package parses."""
    return manifest_kind(path) is not None


def parse_manifest(path: str, data: bytes) -> Manifest:
    """Parse one manifest; never raises on bad input (problems are reported in the result)."""
    kind = manifest_kind(path)
    if kind is None:
        return Manifest(path=path, ecosystem="unknown", problems=(f"{path}: not a known manifest",))
    ecosystem, parser = kind
    try:
        return parser(path, data)
    except RecursionError:
        return Manifest(path=path, ecosystem=ecosystem, problems=(f"{path}: nested too deeply",))
