"""Choosing what to read: the few manifests worth fetching, and source files to sample for imports.

A remote detection costs one tree request plus raw-file fetches, so the choice is capped: root
manifests first, then shallow workspace members (``packages/*/package.json``,
``crates/*/Cargo.toml``), then examples and deeper ones while room is left.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence

from tui.analysis.imports import language_of
from tui.analysis.manifests import Manifest, is_manifest, manifest_format, root_rank
from tui.analysis.manifests.base import path_scope
from tui.analysis.posix_parts import folders, stem
from tui.analysis.report import Scope

VENDORED_DIRS = frozenset(
    {
        "node_modules",
        "vendor",
        "vendors",
        "third_party",
        "third-party",
        "thirdparty",
        "3rdparty",
        "3rd_party",
        "3rd-party",
        "deps",
        "dependencies",  # C/C++ submodules and vcpkg overlay ports: someone else's manifests
        "external",
        "site-packages",
        ".venv",
        "venv",
        "dist",
        "build",
        "target",
        ".git",
        "bower_components",
    }
)
"""Folders holding someone else's code or build output: their manifests are not this repo's."""

_ENTRY_POINTS = ("main", "app", "index", "train", "model", "server", "lib", "cli", "__init__")
_PRIVATE_HINTS = ("private", "internal", "playground", "sandbox", "template", "e2e", "bench")


def is_vendored(path: str) -> bool:
    """True when a path lies inside a vendored or build-output folder."""
    return any(part.lower() in VENDORED_DIRS for part in path.split("/")[:-1])


def _member_key(path: str, repo_name: str | None) -> tuple[int, int, int, int, int, str]:
    """Sort key among non-root manifests: likely main packages first, then short names."""
    parts = folders(path)
    scope = path_scope(path, Scope.RUNTIME)
    tier = 0 if scope is Scope.RUNTIME else 1
    hinted = any(hint in part.lower() for part in parts for hint in _PRIVATE_HINTS)
    member = parts[-1].lower() if parts else ""
    named = 0 if repo_name and member and member in repo_name.lower().split("/")[-1] else 1
    return (tier, int(hinted), len(parts), named, len(member), path)


def _root_key(path: str) -> tuple[int, str]:
    """Sort key among root manifests: the registry's rank (files naming the project first)."""
    rank = root_rank(path)
    return (rank if rank is not None else 1000, path)


def manifests_to_fetch(
    paths: Iterable[str],
    *,
    limit: int = 12,
    repo_name: str | None = None,
    members: Sequence[str] = (),
) -> list[str]:
    """The manifests worth reading from a file listing: root first, then shallow members, capped.

    Args:
        paths: The repository's file paths (blobs of a recursive tree, or a local walk).
        limit: At most this many paths are returned.
        repo_name: ``owner/name``; a member folder named like the repository ranks first.
        members: Workspace member globs the root manifests declare (``workspace_members``);
            manifests in those folders rank before other non-root ones, however deep.

    Returns:
        Paths in the order to fetch them.
    """
    candidates = [p for p in paths if is_manifest(p) and not is_vendored(p)]
    root = sorted((p for p in candidates if root_rank(p) is not None), key=_root_key)
    taken = set(root)
    # install scripts and Dockerfiles add to the manifests: a workspace's members come first
    supplements = [p for p in root if _is_supplement(p)]
    root = [p for p in root if p not in supplements]
    declared = [p for p in candidates if p not in taken and _in_members(p, members)]
    taken.update(declared)
    rest = [p for p in candidates if p not in taken and p.count("/") <= 4]
    declared.sort(key=lambda p: _member_key(p, repo_name))
    rest.sort(key=lambda p: _member_key(p, repo_name))
    return (root + declared + supplements + rest)[: max(limit, 0)]


def _is_supplement(path: str) -> bool:
    """A file that adds to the manifests (``Format.supplement``: install scripts, Dockerfiles)."""
    found = manifest_format(path)
    return found is not None and found.supplement


def workspace_members(manifests: Iterable[Manifest]) -> tuple[str, ...]:
    """Member folder globs declared by root workspace manifests (npm, Cargo, Gradle, Deno ...)."""
    found: list[str] = []
    for manifest in manifests:
        kind = manifest_format(manifest.path)
        if kind is not None and kind.workspace and root_rank(manifest.path) is not None:
            found.extend(item for item in manifest.includes if not item.startswith("!"))
    return tuple(found)


def _in_members(path: str, members: Sequence[str]) -> bool:
    """True when a manifest sits directly in a folder a member glob names."""
    folder = path.rsplit("/", 1)[0] if "/" in path else ""
    return any(
        fnmatch.fnmatchcase(folder, glob.strip("./").rstrip("/")) for glob in members if glob
    )


def sources_to_sample(paths: Iterable[str], *, limit: int = 6) -> list[str]:
    """A few source files whose imports reveal frameworks when manifests are silent.

    Call it when ``detect`` says ``silent`` (no manifest, or none naming a known framework).

    Args:
        paths: The repository's file paths.
        limit: At most this many paths are returned.

    Returns:
        Shallow, non-test source files, entry points (``main``, ``train``, ``model``) first.
    """
    paths = list(paths)
    objc = _objective_c(paths)
    sources = [
        p
        for p in paths  # the cheapest test first: most paths of a large tree are deep
        if _depth(p) <= 2
        and language_of(p) is not None
        and (objc or language_of(p) != "objc")
        and not is_manifest(p)
        and not is_vendored(p)
        and path_scope(p, Scope.RUNTIME) is Scope.RUNTIME
    ]
    sources.sort(key=_source_key)
    return sources[: max(limit, 0)]


def _objective_c(paths: Sequence[str]) -> bool:
    """True when ``.m`` files are Objective-C rather than MATLAB: an Objective-C++ ``.mm``
    file, an Xcode project, or a class's ``.m`` beside its ``.h`` (MATLAB has no headers)."""
    stems: set[tuple[str, str]] = set()
    for path in paths:
        low = path.lower()
        if low.endswith(".mm") or ".xcodeproj/" in low:
            return True
        stem, dot, suffix = low.rpartition(".")
        if dot and suffix in ("m", "h"):
            stems.add((stem, suffix))
    return any((stem, "h") in stems for stem, suffix in stems if suffix == "m")


def _depth(path: str) -> int:
    """Folder depth, not counting a ``src`` folder (``src/main.rs`` is as good as ``main.rs``)."""
    parts = folders(path)
    return len(parts) - parts.count("src")


def _source_key(path: str) -> tuple[int, int, str]:
    """Sort key for sampling: shallow first, entry points first, then by path."""
    name = stem(path).lower()
    entry = _ENTRY_POINTS.index(name) if name in _ENTRY_POINTS else len(_ENTRY_POINTS)
    return (_depth(path), entry, path)
