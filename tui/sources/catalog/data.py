"""The demo catalog's data: facts about real repositories, loaded from ``tui/data/catalog.json``.

``scripts/build_catalog.py`` writes the file from the development corpus: metadata, Linguist byte
counts, the file listing, what each manifest declares (package name, dependency names with their
scope and line, includes) and recorded import lines, never file contents. Loading turns those facts
straight into the analysis types (``Manifest``, ``Dependency``, ``RepoInfo``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from tui.analysis.manifests import Dependency, Manifest
from tui.analysis.report import RepoInfo, Scope


@dataclass(frozen=True, slots=True)
class CatalogRepo:
    """One repository of the catalog, as facts.

    Attributes:
        info: Its metadata.
        commit_sha: The commit everything describes.
        languages: Linguist bytes per language at that commit.
        files: ``(path, size)`` of every file (blob) at that commit; size None when unknown.
        manifests: What each manifest declares, by path.
        text_facts: Known lines of other files (imports of sources, a README's install line).
    """

    info: RepoInfo
    commit_sha: str
    languages: dict[str, int]
    files: tuple[tuple[str, int | None], ...]
    manifests: dict[str, Manifest] = field(default_factory=dict)
    text_facts: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)

    @property
    def full_name(self) -> str:
        """``owner/name``."""
        return self.info.full_name


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
    from importlib import resources  # (its readers cost 3 ms: only for the catalog itself)

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
    return CatalogRepo(
        info=_info(full_name, body["repo"]),
        commit_sha=body["commit"]["sha"],
        languages=dict(body["languages"]),
        files=tuple(
            (path, size)
            for path, _mode, kind, _sha, size in body["tree"]["entries"]
            if kind == "blob"
        ),
        manifests={path: _manifest(path, facts) for path, facts in body["manifests"].items()},
        text_facts={
            path: tuple((int(line), str(text)) for line, text in lines)
            for path, lines in body["text_facts"].items()
        },
    )


def _info(full_name: str, meta: dict[str, Any]) -> RepoInfo:
    """The metadata, from the repository object the catalog stores in GitHub's field names."""
    licence = meta.get("license")
    return RepoInfo(
        full_name=full_name,
        description=meta.get("description"),
        html_url=meta.get("html_url"),
        homepage=meta.get("homepage") or None,
        stars=meta.get("stargazers_count"),
        forks=meta.get("forks_count"),
        open_issues=meta.get("open_issues_count"),
        license=licence.get("spdx_id") if isinstance(licence, dict) else None,
        topics=tuple(meta.get("topics") or ()),
        default_branch=meta.get("default_branch"),
        created_at=_when(meta.get("created_at")),
        pushed_at=_when(meta.get("pushed_at")),
        updated_at=_when(meta.get("updated_at")),
        archived=meta.get("archived") is True,
        fork=meta.get("fork") is True,
        size_kb=meta.get("size"),
        primary_language=meta.get("language"),
    )


def _when(text: str | None) -> datetime | None:
    """An ISO 8601 timestamp (``Z`` included), or None."""
    return datetime.fromisoformat(text) if text else None


def _manifest(path: str, facts: dict[str, Any]) -> Manifest:
    """One manifest's facts as the parser would have returned them (without the text)."""
    ecosystem = str(facts["ecosystem"])
    return Manifest(
        path=path,
        ecosystem=ecosystem,
        package_name=facts.get("package_name"),
        package_line=facts.get("package_line"),
        includes=tuple(facts.get("includes", ())),
        dependencies=tuple(_dependency(path, ecosystem, row) for row in facts["dependencies"]),
    )


def _dependency(path: str, ecosystem: str, row: list[Any]) -> Dependency:
    """``[name, scope, line, role(, ecosystem)]``; the evidence names the role, if any."""
    name, scope, line, role = row[:4]
    detail = str(name)
    if role:  # as the parsers word it: a package.json section is a key, a pom role an element
        detail = f"{role}: {name}" if role.endswith("ependencies") else f"{role} {name}"
    return Dependency(str(name), str(row[4]) if len(row) > 4 else ecosystem, Scope(scope), path,
                      line, detail)  # fmt: skip
