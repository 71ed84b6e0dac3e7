"""Manifest parsers, one module per format, behind ``is_manifest`` and ``parse_manifest``.

Every parser takes ``(path, data)`` and returns a ``Manifest``; broken or hostile input (too large,
binary, invalid UTF-8, bad syntax, XML entities, deep nesting) becomes a ``problems`` entry, never
an exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import import_module
from pathlib import PurePosixPath

from tui.analysis.manifests.base import MAX_BYTES, Dependency, Manifest

__all__ = ["MAX_BYTES", "Dependency", "Manifest", "is_manifest", "manifest_kind", "parse_manifest"]

Parser = Callable[[str, bytes], Manifest]


def _lazy(module: str, function: str) -> Parser:
    """``function`` of ``tui.analysis.manifests.<module>``, imported on its first call.

    The parsers pull in packaging, tomllib, yaml and defusedxml; a command that parses no
    manifest, or a repository with one format, loads only what it uses.
    """

    def parse(path: str, data: bytes) -> Manifest:
        parser: Parser = getattr(import_module(f"tui.analysis.manifests.{module}"), function)
        return parser(path, data)

    parse.__name__ = parse.__qualname__ = function
    return parse


parse_pyproject = _lazy("pyproject", "parse_pyproject")
parse_pipfile = _lazy("pyproject", "parse_pipfile")
parse_setup_py = _lazy("setuptools", "parse_setup_py")
parse_setup_cfg = _lazy("setuptools", "parse_setup_cfg")
parse_requirements = _lazy("python_reqs", "parse_requirements")
parse_conda = _lazy("python_reqs", "parse_conda")
parse_package_json = _lazy("javascript", "parse_package_json")
parse_pnpm_workspace = _lazy("javascript", "parse_pnpm_workspace")
parse_composer = _lazy("javascript", "parse_composer")
parse_cargo = _lazy("cargo", "parse_cargo")
parse_go_mod = _lazy("golang", "parse_go_mod")
parse_pom = _lazy("jvm", "parse_pom")
parse_gradle = _lazy("jvm", "parse_gradle")
parse_gemfile = _lazy("dart_ruby", "parse_gemfile")
parse_gemspec = _lazy("dart_ruby", "parse_gemspec")
parse_pubspec = _lazy("dart_ruby", "parse_pubspec")

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
