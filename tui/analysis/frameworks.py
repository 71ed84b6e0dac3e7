"""Framework detection: a file listing plus the manifests (and sampled sources) it asked for.

Signals come from the rules in ``tui/data/frameworks``: declared dependencies (strongest when
runtime, in a root manifest), marker files (``manage.py``, ``next.config.*``), and imports in
sampled sources (weakest). A repository whose own package name is a framework *is* that framework.
What to read is chosen by ``manifests_to_fetch`` and ``sources_to_sample`` (``selection.py``).

Confidence is the strongest signal's strength: its own package name 1.0; a runtime dependency
0.9 in a root manifest (0.85 in a member, or as the base image of a root Dockerfile's shipped
stage; a bundled devDependency of an application 0.85, see ``bundled.py``); optional or
build 0.6; dev 0.55; test 0.5; a marker file 0.6; a top-level import 0.5
(up to +0.15 when several files import it; an indented one 0.35); anything under examples/ or
docs/ (or a README install line) 0.3 and marked ``only_in``. Each further kind of signal adds
0.05; a supporting library (NumPy, requests) loses 0.1.

Each framework also says what decided it (``Basis``: itself, a root manifest, a workspace member,
imports, something weaker) and how many signals of that kind there are: the verdict ranks by them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import NamedTuple

from tui.analysis.bundled import BUNDLED_DISCOUNT, shipped_scope, workspace_folders
from tui.analysis.frameworks_evidence import (
    MAX_EVIDENCE,
    Hit,
    decisive_basis,
    folder_hits,
    is_root_manifest,
    pick_evidence,
)
from tui.analysis.frameworks_readme import is_readme, readme_dependencies
from tui.analysis.imports import language_of, sample_imports
from tui.analysis.manifests import Dependency, Manifest, is_manifest, parse_manifest
from tui.analysis.manifests.base import path_scope
from tui.analysis.report import Evidence, Framework, Scope
from tui.analysis.rules import Rule, RuleIndex, load_rules
from tui.analysis.selection import is_vendored, manifests_to_fetch, sources_to_sample
from tui.analysis.verdict import is_primary

__all__ = [
    "Detection",
    "detect",
    "detect_from",
    "load_rules",
    "manifests_to_fetch",
    "parse_manifests",
    "sources_to_sample",
]

_DEP_STRENGTH = {
    Scope.RUNTIME: 0.9,
    Scope.OPTIONAL: 0.6,
    Scope.BUILD: 0.6,
    Scope.DEV: 0.55,
    Scope.TEST: 0.5,
    Scope.DOCS: 0.3,
    Scope.EXAMPLES: 0.3,
}
_MARKER_STRENGTH = {Scope.RUNTIME: 0.6, Scope.DEV: 0.45, Scope.TEST: 0.4, Scope.BUILD: 0.45}
_IMPORT_STRENGTH = {Scope.RUNTIME: 0.5, Scope.DEV: 0.4, Scope.TEST: 0.4, Scope.BUILD: 0.4}
_ASIDE = frozenset({Scope.DOCS, Scope.EXAMPLES})
_SUPPORT_PENALTY = 0.1
_IMAGE_DISCOUNT = 0.05
"""A base image (``FROM pytorch/pytorch``) is a declaration, so it decides like a manifest's
runtime word, but one step weaker: it is a runtime environment, picked at times for what it
ships besides (CUDA, conda), so the project's own manifests rank first on a tie."""


class Detection(NamedTuple):
    """What detection found.

    Attributes:
        frameworks: Sorted by confidence (highest first), then name.
        problems: Broken or hostile manifests, described.
        manifests_read: The manifests that were parsed.
        silent: Sampling a few sources (``sources_to_sample``) may find what the manifests
            did not say: no manifest named a *primary* framework (a CLI helper, NumPy or CI
            markers do not count; TensorFlow imported by a repo that only lists Python Fire),
            or ``sdk_unnamed``.
        sdk_unnamed: A manifest read is of an ecosystem whose platform SDK frameworks no
            manifest can name (``Package.swift``: SwiftUI, UIKit), so imports must be sampled
            even beside a primary framework (``RuleIndex.sdk_ecosystems``).
    """

    frameworks: tuple[Framework, ...] = ()
    problems: tuple[str, ...] = ()
    manifests_read: tuple[str, ...] = ()
    silent: bool = True
    sdk_unnamed: bool = False


@cache
def _default_index() -> RuleIndex:
    """The index over the bundled rules, built once."""
    return RuleIndex(load_rules())


def detect(
    paths: Sequence[str],
    files: Mapping[str, bytes],
    *,
    repo_name: str | None = None,
    rules: Sequence[Rule] | None = None,
) -> Detection:
    """Detect frameworks from a listing and the contents of the files it chose to read.

    Args:
        paths: Every file path in the repository (for marker files).
        files: Path to bytes for manifests, any sampled sources, and optionally the root README
            (its install commands are documentation-only evidence).
        repo_name: ``owner/name``; lets a top-level package folder named like the repo count as
            the framework itself (``fastapi/`` in fastapi/fastapi).
        rules: Rules to use instead of the bundled ones (tests).

    Returns:
        The frameworks found with evidence, problems met, and the manifests read.
    """
    sources = {p: d for p, d in files.items() if not is_manifest(p)}
    return detect_from(parse_manifests(files), paths, sources, repo_name=repo_name, rules=rules)


def parse_manifests(files: Mapping[str, bytes]) -> list[Manifest]:
    """The manifests among ``files``, parsed, in their order (what ``detect`` reads them as)."""
    return [parse_manifest(path, data) for path, data in files.items() if is_manifest(path)]


def detect_from(
    manifests: Sequence[Manifest],
    paths: Sequence[str],
    sources: Mapping[str, bytes] | None = None,
    *,
    repo_name: str | None = None,
    rules: Sequence[Rule] | None = None,
) -> Detection:
    """Detect frameworks from dependency facts (parsed manifests) and a listing.

    This is the pure core of ``detect``: a source that already holds facts (the bundled
    catalog) calls it without any manifest text.

    Args:
        manifests: What each manifest declares (package name, dependencies, includes).
        paths: Every file path in the repository (for marker files).
        sources: Sampled source files and the root README, by path (imports, install lines).
        repo_name: ``owner/name`` (see ``detect``).
        rules: Rules to use instead of the bundled ones (tests).
    """
    index = RuleIndex(rules) if rules is not None else _default_index()
    sources = sources or {}
    hits: list[Hit] = []
    workspaces = workspace_folders(manifests)
    for manifest in manifests:
        hits.extend(_manifest_hits(index, manifest, workspaces))
    hits.extend(_marker_hits(index, paths))
    for path, data in sources.items():
        if language_of(path) is not None:
            hits.extend(_import_hits(index, path, data))
    hits.extend(folder_hits(index, paths, repo_name))
    for path, data in sources.items():
        if is_readme(path):
            hits.extend(_readme_hits(index, readme_dependencies(path, data)))
    frameworks = [_framework(rule_hits) for rule_hits in _group(hits).values()]
    frameworks.sort(key=lambda fw: (-fw.confidence, fw.name.lower()))
    sdk_unnamed = any(
        manifest.ecosystem in index.sdk_ecosystems
        and path_scope(manifest.path, Scope.RUNTIME) is Scope.RUNTIME
        for manifest in manifests
    )
    return Detection(
        frameworks=tuple(frameworks),
        problems=tuple(problem for manifest in manifests for problem in manifest.problems),
        manifests_read=tuple(manifest.path for manifest in manifests),
        silent=sdk_unnamed or not any(_names_primary(hit) for hit in hits),
        sdk_unnamed=sdk_unnamed,
    )


_NOT_RUNTIME = _ASIDE | {Scope.DEV, Scope.TEST}


def _names_primary(hit: Hit) -> bool:
    """True for a manifest's word that the project is, or is built on, a primary framework."""
    if hit.kind == "self":
        return True
    rule = hit.rule
    primary = is_primary(rule.category, support=rule.support, primary=rule.primary)
    return hit.kind == "dependency" and primary and hit.scope not in _NOT_RUNTIME


def _manifest_hits(index: RuleIndex, manifest: Manifest, workspaces: frozenset[str]) -> list[Hit]:
    """Hits from one manifest: its own name (self) and its dependencies (an application's
    bundled devDependencies as runtime ones, outside a workspace root: ``bundled.py``)."""
    hits: list[Hit] = []
    own_scope = path_scope(manifest.path, Scope.RUNTIME)
    if manifest.package_name and own_scope is Scope.RUNTIME and manifest.ecosystem != "conda":
        detail = f"package name: {manifest.package_name}"
        evidence = Evidence(manifest.path, detail, manifest.package_line)
        for rule in index.by_own_name(manifest.ecosystem, manifest.package_name):
            hits.append(Hit(rule, "self", 1.0, Scope.RUNTIME, evidence))
    root = is_root_manifest(manifest.path)
    for dep in manifest.dependencies:
        scope = shipped_scope(dep, workspaces)
        strength = _DEP_STRENGTH[scope] - (0 if root or scope in _ASIDE else 0.05)
        strength -= _IMAGE_DISCOUNT if dep.ecosystem == "docker" else 0
        strength -= BUNDLED_DISCOUNT if dep.scope is Scope.BUNDLED else 0
        evidence = Evidence(dep.path, dep.detail, dep.line)
        for rule in index.by_dependency(dep):
            hits.append(Hit(rule, "dependency", strength, scope, evidence))
    return hits


def _marker_hits(index: RuleIndex, paths: Sequence[str]) -> list[Hit]:
    """Hits from marker files in the listing (the first few per rule are enough)."""
    hits: list[Hit] = []
    seen: dict[str, int] = {}
    for path in paths:
        rules = index.by_marker(path)
        if not rules or is_vendored(path):
            continue  # someone else's jest.config.js under node_modules/ says nothing of this repo
        for rule in rules:
            if seen.get(rule.name, 0) >= MAX_EVIDENCE:
                continue
            seen[rule.name] = seen.get(rule.name, 0) + 1
            scope = path_scope(path, Scope.RUNTIME)
            strength = _MARKER_STRENGTH.get(scope, 0.25)
            hits.append(Hit(rule, "marker", strength, scope, Evidence(path, "marker file")))
    return hits


def _import_hits(index: RuleIndex, path: str, data: bytes) -> list[Hit]:
    """Hits from the import statements of one sampled source file."""
    hits: list[Hit] = []
    scope = path_scope(path, Scope.RUNTIME)
    for found in sample_imports(path, data):
        evidence = Evidence(path, found.text, found.line)
        strength = _IMPORT_STRENGTH.get(scope, 0.25) - (0 if found.top_level else 0.15)
        for rule in index.by_import(found.language, found.module):
            hits.append(Hit(rule, "import", strength, scope, evidence))
    return hits


def _readme_hits(index: RuleIndex, deps: list[Dependency]) -> list[Hit]:
    """Hits from README install commands: documentation, never more."""
    hits: list[Hit] = []
    for dep in deps:
        evidence = Evidence(dep.path, dep.detail, dep.line)
        for rule in index.by_dependency(dep):
            hits.append(Hit(rule, "readme", _DEP_STRENGTH[Scope.DOCS], Scope.DOCS, evidence))
    return hits


def _group(hits: list[Hit]) -> dict[str, list[Hit]]:
    """Hits grouped by framework name, strongest first within each group."""
    groups: dict[str, list[Hit]] = {}
    for hit in sorted(hits, key=lambda h: -h.strength):
        groups.setdefault(hit.rule.name, []).append(hit)
    return groups


def _framework(hits: list[Hit]) -> Framework:
    """One framework from its hits: confidence from the strongest, plus corroborating kinds."""
    rule = hits[0].rule
    is_self = any(hit.kind == "self" for hit in hits)
    kinds = {hit.kind for hit in hits}
    bonus = 0.05 * (len(kinds) - 1)
    if kinds == {"import"}:
        # imported across several files is used, not a one-off
        files = {hit.evidence.path for hit in hits if hit.strength >= hits[0].strength}
        bonus = min(0.15, 0.05 * (len(files) - 1))
    confidence = 1.0 if is_self else min(0.99, hits[0].strength + bonus)
    if rule.support and not is_self:
        confidence -= _SUPPORT_PENALTY
    scopes = {hit.scope for hit in hits}
    only_in = None
    if scopes <= _ASIDE:
        only_in = "examples" if Scope.EXAMPLES in scopes else "docs"
    basis, signals, strength = decisive_basis(hits)
    return Framework(
        name=rule.name,
        category=rule.category,
        confidence=round(confidence, 2),
        is_self=is_self,
        evidence=pick_evidence(hits, basis),
        homepage=rule.homepage,
        only_in=only_in,
        support=rule.support,
        basis=basis,
        signals=signals,
        primary=rule.primary,
        platforms=rule.platforms,
        builds_on=rule.builds_on,
        sdk=rule.sdk,
        support_beside=rule.support_beside,
        strength=round(strength, 2),
    )
