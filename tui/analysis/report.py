"""RepoReport: everything repolens knows about one repository, built by a source, shown by the UI.

Pure data. ``tui.sources`` fills it in step by step (metadata, then languages, then frameworks), so
every field but ``info`` may be missing while answers are still arriving.

The records are ``typing.NamedTuple``s, not dataclasses: every command imports this module, and
``dataclasses`` loads ``inspect`` (with ``ast``, ``dis``, ``tokenize``) and takes several times
longer to build each class. They are immutable like frozen dataclasses; a copy with changes is
``record._replace(field=value)``. Being tuples, they compare equal to a tuple of the same values.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import NamedTuple


class RepoInfo(NamedTuple):
    """Repository metadata, independent of where it came from (GitHub, a checkout, the catalog)."""

    full_name: str
    description: str | None = None
    html_url: str | None = None
    homepage: str | None = None
    stars: int | None = None
    forks: int | None = None
    open_issues: int | None = None
    license: str | None = None
    topics: tuple[str, ...] = ()
    default_branch: str | None = None
    created_at: datetime | None = None
    pushed_at: datetime | None = None
    updated_at: datetime | None = None  # offline search's ``updated`` order and qualifier
    archived: bool = False
    fork: bool = False
    size_kb: int | None = None
    primary_language: str | None = None


class LanguageShare(NamedTuple):
    """One language's part of a repository: bytes, percent (one decimal, as GitHub), colour."""

    name: str
    bytes: int
    percent: float
    color: str | None


class Evidence(NamedTuple):
    """Why a framework was detected: the file and the line or key that proves it."""

    path: str
    detail: str
    line: int | None = None


class Scope(StrEnum):
    """Where a dependency was declared; runtime weighs more than the rest."""

    RUNTIME = "runtime"
    DEV = "dev"
    TEST = "test"
    DOCS = "docs"
    EXAMPLES = "examples"
    BUILD = "build"
    OPTIONAL = "optional"
    BUNDLED = "bundled"
    """A devDependency of an application (package.json), which its bundler ships like a
    runtime one; in a workspace root it is the repository's tooling (``tui.analysis.bundled``)."""


class Basis(StrEnum):
    """The kind of evidence that decided a framework, strongest first (the verdict ranks by it)."""

    SELF = "self"
    """The repository is the framework: its own package name, or its package folder."""
    ROOT = "root manifest"
    """A runtime dependency in a manifest at the repository root."""
    MEMBER = "member manifest"
    """A runtime dependency in a workspace member's manifest (``packages/app/package.json``)."""
    IMPORTS = "imports"
    """Imports in sampled source files, and nothing a manifest says."""
    OTHER = "other"
    """Marker files, or optional, build, dev or test dependencies."""
    README = "readme"
    """Only the README's install commands."""

    @property
    def tier(self) -> int:
        """0 for the strongest kind of evidence, counting up (the declaration order)."""
        return list(Basis).index(self)


class Framework(NamedTuple):
    """A detected framework or library with its evidence.

    Attributes:
        name: Display name (``PyTorch``, ``Next.js``, ``Spring Boot``).
        category: One of ml, web-backend, web-frontend, mobile, cli-tui, data, infra, test, ...
        confidence: 0.0 to 1.0.
        is_self: True when the repository *is* this framework (its own package name).
        evidence: The files and lines that prove it, strongest first.
        homepage: The framework's homepage, for "open in browser".
        only_in: Set when every piece of evidence comes from ``examples`` or ``docs``.
        support: A supporting library (NumPy, requests, Serde) rather than a framework the
            project is built on; the one-line verdict names frameworks first.
        basis: The kind of evidence that decided it (``None`` when not known).
        signals: How many pieces of evidence of that kind there are (files importing it,
            manifest lines naming it): the more, the more central.
        primary: Its rule says it is what a project is built on whatever its category (a data
            app framework such as Streamlit); see ``tui.analysis.verdict.is_primary``.
        platforms: Platforms this one runs on (Android and iOS under Flutter): frameworks
            named so, or shipped by their SDKs, are not named beside it.
        sdk: Platforms whose SDK ships this framework (UIKit: iOS); imports are all that can
            show it, so they are not weak evidence of it.
        builds_on: Frameworks this one is built on (fairseq on PyTorch): on equal evidence,
            the verdict names the foundation first.
        support_beside: Frameworks beside which this one is only a supporting library
            (scikit-learn beside PyTorch): the verdict does not name it next to them.
        strength: The deciding evidence's own strength, before other kinds corroborate it
            (``None`` when not known): the verdict ranks by it, not by ``confidence``, so
            that what else was read (a listing's marker files) cannot reorder the headline.
    """

    name: str
    category: str
    confidence: float
    is_self: bool = False
    evidence: tuple[Evidence, ...] = ()
    homepage: str | None = None
    only_in: str | None = None
    support: bool = False
    basis: Basis | None = None
    signals: int = 0
    primary: bool = False
    platforms: tuple[str, ...] = ()
    builds_on: tuple[str, ...] = ()
    sdk: tuple[str, ...] = ()
    support_beside: tuple[str, ...] = ()
    strength: float | None = None


class SourceInfo(NamedTuple):
    """Where a report came from and how fresh it is."""

    kind: str  # "github", "graphql", "local", "catalog", "cache"
    from_cache: bool = False
    stale: bool = False
    fetched_at: datetime | None = None


class RepoReport(NamedTuple):
    """Everything known about one repository; ``None`` fields are not known (yet)."""

    info: RepoInfo
    languages: tuple[LanguageShare, ...] | None = None
    frameworks: tuple[Framework, ...] | None = None
    source: SourceInfo = SourceInfo(kind="github")  # immutable: one shared default is safe
    notebook_view: tuple[LanguageShare, ...] | None = None
    notebook_label: str | None = None
    notebook_bytes: int = 0
    classifier: str | None = None
    languages_estimated: bool = False
    """The shares were estimated from the file listing (names and sizes, Linguist's rules), not
    GitHub's own figures: a repository without a token whose tree was fetched anyway."""
    errors: tuple[str, ...] = ()
