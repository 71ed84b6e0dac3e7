"""Whether a repository's root manifests tell the whole story, so its file listing can wait.

One rule for every source: a GitHub report that read only the root manifests from the raw host,
and the demo catalog that holds the same facts, answer the same way. The listing is needed for a
workspace (its members are globs to list), and when the root names no primary framework (sources
are then sampled from the listing).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tui.analysis.frameworks import Detection
from tui.analysis.manifests import Manifest, is_manifest
from tui.analysis.verdict import MIN_CONFIDENCE, is_primary

WORKSPACE_MARKERS = frozenset(
    {"pnpm-workspace.yaml", "lerna.json", "nx.json", "turbo.json", "rush.json", "go.work",
     "Directory.Packages.props", "Directory.Build.props"}
)  # fmt: skip
"""Root files that say "a monorepo": its members' manifests matter, so the root is not enough.

.NET's ``Directory.Packages.props`` (central package versions) and ``Directory.Build.props``
(shared build settings) serve projects in subfolders: the versions they list say nothing of
which project uses what (a version is not a reference); the ``*.csproj`` files do."""

GLOB_CHARS = frozenset("*?[{")


def names_primary(detection: Detection) -> bool:
    """True when detection found what the verdict would name: the repository itself, or a
    primary framework declared outright (not tooling, not a supporting library, not examples).

    Never when the manifests cannot name their platform's own frameworks (``sdk_unnamed``):
    a Swift app's ``Package.swift`` names The Composable Architecture, never SwiftUI.
    """
    if detection.sdk_unnamed:
        return False
    return any(
        framework.is_self
        or (
            framework.only_in is None
            and framework.confidence >= MIN_CONFIDENCE
            and is_primary(framework.category, support=framework.support, primary=framework.primary)
        )
        for framework in detection.frameworks
    )


def named_files(root: Sequence[Manifest]) -> list[str] | None:
    """The files the root manifests name outright (``-r requirements/base.txt``), or None when
    the root is a workspace or names globs or folders: only a listing says what those are."""
    if WORKSPACE_MARKERS.intersection(m.path for m in root):
        return None
    includes = [include for manifest in root for include in manifest.includes]
    if any(GLOB_CHARS.intersection(i) or not is_manifest(i) for i in includes):
        return None
    return sorted({i.removeprefix("./") for i in includes} - {m.path for m in root})


def is_root(path: str) -> bool:
    """A file at the top of the repository."""
    return "/" not in path


def root_paths(paths: Iterable[str]) -> list[str]:
    """The root-level manifests among ``paths``."""
    return [p for p in paths if is_root(p) and is_manifest(p)]
