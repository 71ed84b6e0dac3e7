"""The offline catalog's data: facts about real repositories, loaded from ``tui/data/catalog.json``.

``scripts/build_catalog.py`` writes the file from the development corpus; it holds metadata,
Linguist byte counts, recursive trees, dependency names and import lines, never file contents.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tui.github.models import Repo, TreeEntry
from tui.github.parse import repo_from_json
from tui.sources.catalog_files import DependencyFact, ManifestFacts, lines_file, synthesise


@dataclass(frozen=True, slots=True)
class CatalogRepo:
    """One repository of the catalog, as facts.

    Attributes:
        full_name: ``owner/name``.
        meta: The repository object, GitHub's shape (no ``id``: the catalog does not know it).
        commit_sha: The commit everything describes.
        commit_date: That commit's date (ISO 8601).
        languages: Linguist bytes per language at that commit.
        tree_sha: The commit's root tree.
        entries: The recursive tree.
        manifests: Dependency facts per manifest path.
        text_facts: Known lines of other files (imports of sources, install lines of READMEs).
    """

    full_name: str
    meta: dict[str, Any]
    commit_sha: str
    commit_date: str
    languages: dict[str, int]
    tree_sha: str
    entries: tuple[TreeEntry, ...]
    manifests: dict[str, ManifestFacts] = field(default_factory=dict)
    text_facts: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)

    @property
    def default_branch(self) -> str:
        """The branch the facts were taken from."""
        return str(self.meta.get("default_branch") or "main")

    def resolves(self, ref: str) -> bool:
        """Whether ``ref`` names the catalogued commit (its SHA, the default branch or HEAD)."""
        branch = self.default_branch
        return ref in (self.commit_sha, branch, "HEAD", f"refs/heads/{branch}")

    def file(self, path: str) -> bytes | None:
        """A file written from its facts, or None when the catalog has none for ``path``."""
        manifest = self.manifests.get(path)
        if manifest is not None:
            return synthesise(manifest)
        lines = self.text_facts.get(path)
        return lines_file(lines) if lines is not None else None

    def as_json(self) -> dict[str, Any]:
        """The repository object GitHub sends for ``/repos/{o}/{r}`` and in search items."""
        return {"id": None, **self.meta}

    def commit_json(self) -> dict[str, Any]:
        """A commit object holding what the catalog knows: SHA, date, tree."""
        when = {"date": self.commit_date}
        return {
            "sha": self.commit_sha,
            "commit": {"author": when, "committer": when, "tree": {"sha": self.tree_sha}},
        }


@dataclass(frozen=True, slots=True)
class Catalog:
    """Every catalogued repository, and the date the data describes."""

    repos: tuple[CatalogRepo, ...]
    data_date: str
    _by_name: dict[str, CatalogRepo] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # frozen: the index is set once, here, through object.__setattr__
        object.__setattr__(self, "_by_name", {repo.full_name.lower(): repo for repo in self.repos})

    def find(self, full_name: str) -> CatalogRepo | None:
        """A repository by ``owner/name``, case-insensitively as on GitHub."""
        return self._by_name.get(full_name.lower())

    def repo_models(self) -> list[Repo]:
        """Every repository as the client's ``Repo`` model (for offline search)."""
        return [repo_from_json(repo.meta) for repo in self.repos]


def load_catalog(path: Path | None = None) -> Catalog:
    """Load the bundled catalog (or the one at ``path``).

    Raises:
        OSError: When the file cannot be read.
        ValueError: When it is not a catalog.
    """
    if path is None:
        return _bundled()
    return parse_catalog(path.read_bytes())


@cache
def _bundled() -> Catalog:
    """The catalog shipped in ``tui/data``, read once per process."""
    data = resources.files("tui.data").joinpath("catalog.json").read_bytes()
    return parse_catalog(data)


def parse_catalog(data: bytes) -> Catalog:
    """A ``Catalog`` from the bytes ``scripts/build_catalog.py`` writes.

    Raises:
        ValueError: On a document that is not a catalog of format 1.
    """
    doc = json.loads(data)
    if not isinstance(doc, dict) or doc.get("format") != 1:
        raise ValueError("not a repolens catalog (format 1)")
    repos = tuple(_repo(full_name, body) for full_name, body in sorted(doc["repos"].items()))
    return Catalog(repos=repos, data_date=str(doc["data_date"]))


def _repo(full_name: str, body: dict[str, Any]) -> CatalogRepo:
    """One repository entry of the catalog document."""
    tree = body["tree"]
    return CatalogRepo(
        full_name=full_name,
        meta=body["repo"],
        commit_sha=body["commit"]["sha"],
        commit_date=body["commit"]["date"],
        languages=dict(body["languages"]),
        tree_sha=tree["sha"],
        entries=tuple(
            TreeEntry(path=path, mode=mode, type=kind, sha=sha, size=size)
            for path, mode, kind, sha, size in tree["entries"]
        ),
        manifests={path: _manifest(path, facts) for path, facts in body["manifests"].items()},
        text_facts={
            path: tuple((int(line), str(text)) for line, text in lines)
            for path, lines in body["text_facts"].items()
        },
    )


def _manifest(path: str, facts: dict[str, Any]) -> ManifestFacts:
    """One manifest's facts."""
    return ManifestFacts(
        path=path,
        ecosystem=facts["ecosystem"],
        package_name=facts.get("package_name"),
        includes=tuple(facts.get("includes", ())),
        dependencies=tuple(
            DependencyFact(name=name, scope=scope, line=line, role=role)
            for name, scope, line, role in facts["dependencies"]
        ),
    )
