"""Framework rules: loaded from ``tui/data/frameworks/*.json`` and indexed for matching.

A rule names a framework (display name, category, homepage) and the signals that reveal it:
dependency names per package ecosystem (globs allowed, ``@angular/*``), marker files as
gitignore-style patterns (``manage.py``, ``.github/workflows/*.yml``), and import names per
source language. Four optional fields feed the verdict: ``primary`` (a data-app framework such as
Streamlit is what a project is built on, whatever its category), ``platforms`` (the platforms
this one runs on, so their own frameworks are not named beside it: Android under Flutter, Node.js
under Express), ``sdk`` (the platforms whose SDK ships this framework: UIKit is iOS's, so it is
one of the frameworks a ``platforms`` entry "iOS" covers; one that only imports can show makes
sources worth sampling, see ``sdk_ecosystems``), ``builds_on`` (the framework this one is built
on: fairseq on PyTorch; named first on a tie) and ``support_beside`` (frameworks beside which this
one only supports: scikit-learn beside PyTorch).
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, NamedTuple

from tui.analysis.language_table import DATA
from tui.analysis.manifests import Dependency
from tui.analysis.manifests.base import normalise
from tui.analysis.posix_parts import glob_ends
from tui.analysis.report import Scope
from tui.analysis.rule_markers import MarkerIndex
from tui.analysis.verdict import is_primary

CATEGORIES = frozenset(
    {
        "ml",
        "data",
        "web-backend",
        "web-frontend",
        "mobile",
        "desktop",
        "cli-tui",
        "test",
        "build",
        "infra",
        "http",
        "database",
        "async",
        "docs",
        "library",
        "game",
        "gpu",
        "embedded",
    }
)
"""The categories a rule may use."""

ECOSYSTEMS = frozenset(
    {
        "pypi",
        "conda",
        "npm",
        "crates",
        "go",
        "maven",
        "gradle",
        "sbt",
        "composer",
        "rubygems",
        "pub",
        "nuget",
        "cpp",
        "swiftpm",
        "cocoapods",
        "hex",
        "hackage",
        "julia",
        "cran",
        "zig",
        "luarocks",
        "deno",
        "docker",
    }
)
"""The dependency ecosystems a rule may name (``cpp``: CMake, vcpkg, Conan, Meson, pkg-config
names, lower case; ``swiftpm``: ``owner/repo``; ``deno``: JSR and deno.land names; ``docker``:
base image repositories without tag or registry when on Docker Hub, ``nvcr.io/nvidia/pytorch``
with it otherwise)."""

LANGUAGES = frozenset({"python", "java", "ruby", "swift", "objc"})
"""Languages with explicit import names (``objc``: the framework of ``#import <UIKit/UIKit.h>``
or ``@import SwiftUI;``); the others import by package name (npm, Go, ...)."""

IMPORT_LANGUAGE = {
    "pypi": "python",
    "conda": "python",
    "npm": "javascript",
    "deno": "javascript",
    "go": "go",
    "crates": "rust",
    "maven": "java",
    "gradle": "java",
    "sbt": "java",
    "pub": "dart",
    "rubygems": "ruby",
    "swiftpm": "swift",
    "cocoapods": "swift",
}
"""The import syntax of the sources an ecosystem's manifests build (a Podfile builds Swift)."""

_ALSO_MATCH = {
    "conda": ("conda", "pypi"),
    "gradle": ("gradle", "maven"),
    "sbt": ("sbt", "maven"),
}
"""A conda file may list PyPI names; Gradle and sbt files use Maven coordinates."""


_NONE: Mapping[str, tuple[str, ...]] = MappingProxyType({})
"""No names (read-only: a NamedTuple's default is shared by every instance)."""


class Rule(NamedTuple):
    """One framework and the signals that reveal it.

    Attributes:
        name: Display name (``PyTorch``).
        category: One of ``CATEGORIES``.
        homepage: Where to read about it.
        source: The data file it came from (``python-ml``).
        deps: Dependency names (globs allowed) per ecosystem.
        files: Marker file patterns, gitignore syntax.
        imports: Import names per language in ``LANGUAGES``.
        support: A supporting library (NumPy, requests, Serde) rather than what a project is
            built on; it ranks a little lower than a framework with the same evidence.
        primary: What a project is built on, whatever its category (Streamlit, Gradio, Shiny).
        platforms: Platforms this one runs on (``Android``, ``iOS``, ``Node.js``): a framework
            named so, or shipped by one of their SDKs, is not named beside it.
        sdk: Platforms whose SDK ships this framework (UIKit: ``iOS``); no package manifest
            names such a framework unless a rule lists a dependency for it.
        builds_on: Names of frameworks this one is built on (fairseq on PyTorch).
        support_beside: Frameworks beside which this one is only a supporting library
            (scikit-learn beside PyTorch: metrics and data splits, not the model).
    """

    name: str
    category: str
    homepage: str
    source: str
    deps: Mapping[str, tuple[str, ...]] = _NONE
    files: tuple[str, ...] = ()
    imports: Mapping[str, tuple[str, ...]] = _NONE
    support: bool = False
    primary: bool = False
    platforms: tuple[str, ...] = ()
    sdk: tuple[str, ...] = ()
    builds_on: tuple[str, ...] = ()
    support_beside: tuple[str, ...] = ()

    def has_signal(self) -> bool:
        """True when the rule has at least one signal to match."""
        return any(self.deps.values()) or bool(self.files) or any(self.imports.values())


def _rule(source: str, raw: Mapping[str, Any]) -> Rule:
    """Build a Rule from its JSON object."""
    get = raw.get  # most optional fields are absent: each is looked up once, converted if there
    deps, imports = get("deps"), get("imports")
    return Rule(
        str(raw["name"]),
        str(raw["category"]),
        str(raw["homepage"]),
        source,
        {eco: tuple(names) for eco, names in dict(deps).items()} if deps else {},
        tuple(get("files") or ()),
        {lang: tuple(names) for lang, names in dict(imports).items()} if imports else {},
        bool(get("support", False)),
        bool(get("primary", False)),
        tuple(map(str, get("platforms") or ())),
        tuple(map(str, get("sdk") or ())),
        tuple(map(str, get("builds_on") or ())),
        tuple(map(str, get("support_beside") or ())),
    )


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule from the bundled data files, in file then declaration order."""
    folder = DATA / "frameworks"
    rules: list[Rule] = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            doc = json.loads(entry.read_text(encoding="utf-8"))
            stem = entry.name.removesuffix(".json")
            rules.extend(_rule(stem, raw) for raw in doc["rules"])
    return tuple(rules)


class RuleIndex:
    """Rules indexed by dependency name, marker pattern and import name."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        """Index the given rules."""
        self.rules = tuple(rules)
        self._exact: dict[tuple[str, str], list[Rule]] = {}
        # globs per ecosystem: a dependency is compared with its own ecosystem's only, and
        # fnmatch compiles a glob the first time a name starts and ends as the glob does
        self._globs: dict[str, list[tuple[str, tuple[str, str], Rule]]] = {}
        self._markers = MarkerIndex(self.rules)
        self._imports: dict[str, dict[str, list[tuple[tuple[int, int], Rule]]]] = {}
        self.sdk_ecosystems = sdk_ecosystems(self.rules)
        for rule in self.rules:
            for eco, names in rule.deps.items():
                for name in names:
                    if "*" in name or "?" in name or "[" in name:
                        glob = normalise(name, eco)  # compared with normalised names
                        self._globs.setdefault(eco, []).append((glob, glob_ends(glob), rule))
                    else:
                        key = (eco, normalise(name, eco))
                        self._exact.setdefault(key, []).append(rule)

    def by_dependency(self, dep: Dependency) -> list[Rule]:
        """Rules whose dependency names match ``dep`` (Go modules match by path prefix)."""
        found: list[Rule] = []
        for eco in _ALSO_MATCH.get(dep.ecosystem, (dep.ecosystem,)):
            found.extend(self._exact_or_prefix(eco, dep.name))
            name = dep.name
            found.extend(
                rule
                for glob, (start, end), rule in self._globs.get(eco, ())
                if name.startswith(start) and name.endswith(end) and fnmatch.fnmatchcase(name, glob)
            )
        return _unique(found)

    def by_own_name(self, ecosystem: str, name: str) -> list[Rule]:
        """Rules a project *is*: its own name equals a non-glob dependency name of the rule."""
        found: list[Rule] = []
        for eco in _ALSO_MATCH.get(ecosystem, (ecosystem,)):
            found.extend(self._exact_or_prefix(eco, normalise(name, eco)))
        return _unique(found)

    def by_marker(self, path: str) -> list[Rule]:
        """Rules with a marker file pattern matching ``path``."""
        return self._markers.match(path)

    def by_import(self, language: str, module: str) -> list[Rule]:
        """Rules importing ``module`` in ``language`` (dotted prefix match for Python and Java)."""
        if language in LANGUAGES:
            # names equal to ``module`` or a dotted prefix of it, in rule then name order
            names, parts = self._import_names(language), module.split(".")
            found = [e for n in range(len(parts)) for e in names.get(".".join(parts[: n + 1]), ())]
            return [rule for _, rule in sorted(found, key=lambda entry: entry[0])]
        eco = {"javascript": "npm", "go": "go", "rust": "crates", "dart": "pub"}.get(language)
        if eco is None:
            return []
        return self.by_dependency(
            Dependency(normalise(module, eco), eco, Scope.RUNTIME, "", None, "")
        )

    def _import_names(self, language: str) -> dict[str, list[tuple[tuple[int, int], Rule]]]:
        """Name -> ((rule number, name number), rule) for ``language``, made on first use."""
        names = self._imports.get(language)
        if names is None:
            names = {}  # filled, then shared: another thread never sees it half made
            for number, rule in enumerate(self.rules):
                for place, name in enumerate(rule.imports.get(language, ())):
                    names.setdefault(name, []).append(((number, place), rule))
            self._imports[language] = names
        return names

    def _exact_or_prefix(self, eco: str, name: str) -> list[Rule]:
        """Exact names; for Go also the module path minus a ``/vN`` suffix or a sub-package."""
        found = list(self._exact.get((eco, name), ()))
        if eco == "go":
            parts = name.split("/")
            for cut in range(len(parts) - 1, 2, -1):
                found.extend(self._exact.get((eco, "/".join(parts[:cut])), ()))
        return found


def sdk_ecosystems(rules: Iterable[Rule]) -> frozenset[str]:
    """Ecosystems whose manifests cannot name a primary framework their sources may import.

    A platform SDK's own UI framework (SwiftUI, UIKit) is in no ``Package.swift`` or Podfile:
    only imports show it, so a repository with such a manifest has its sources sampled even when
    the manifest names a primary framework (The Composable Architecture).
    """
    languages = {
        language
        for rule in rules
        if rule.sdk
        and not any(rule.deps.values())
        and is_primary(rule.category, support=rule.support, primary=rule.primary)
        for language in rule.imports
    }
    return frozenset(eco for eco, language in IMPORT_LANGUAGE.items() if language in languages)


def _unique(rules: Iterable[Rule]) -> list[Rule]:
    """Rules without repeats, order kept."""
    seen: dict[str, Rule] = {}
    for rule in rules:
        seen.setdefault(rule.name, rule)
    return list(seen.values())
