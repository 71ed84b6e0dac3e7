"""The verdict: what a repository is written in and what it is built with, decided once.

Pure: a ``RepoReport`` in, a ``Verdict`` out; ``tui.present.verdict`` words it. The rules:

1. Languages: GitHub's top language with its share, plus any other of at least 10 %.
2. Frameworks, at most four: the framework the repository *is* first; then primary frameworks
   (ML, web, mobile, desktop, game, data apps) ranked by what decided them (a runtime
   dependency in a root manifest, then in a workspace member, then imports in sampled sources),
   then the foundation before what is built on it, then that evidence's own strength; never
   by name, and never by what else was read (the order is the same with or without a listing).
3. Supporting libraries (NumPy, requests, Click) only when nothing primary was found; a
   framework that only supports beside another (scikit-learn beside PyTorch) is not named next
   to it.
4. Never test, lint, docs, CI, container or build tools; never what appears only in examples,
   docs, templates, playgrounds, fixtures or benchmarks.
5. A platform under a chosen framework (Android under Flutter, UIKit under React Native: a rule's
   ``platforms`` and ``sdk`` data) is not a framework of its own; evidence from imports alone
   (or only a README install line) makes the verdict say "probably", except for a platform SDK's
   own framework (SwiftUI), which no manifest can name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tui.analysis.report import Basis, Framework, RepoReport

PRIMARY_CATEGORIES = frozenset(
    {"ml", "web-backend", "web-frontend", "mobile", "desktop", "game", "data-app"}
)
"""Categories of what a project is built on; a rule's ``primary`` flag adds data apps."""

TOOLING_CATEGORIES = frozenset(
    {"test", "lint", "docs", "ci", "infra", "container", "build", "tooling"}
)
"""How a project is built, tested, documented or shipped: never what it is built with."""

OTHER_LANGUAGE_PERCENT = 10.0
"""A language besides the top one is named from this share up."""

MAX_LANGUAGES = 3
"""At most this many languages are named."""

MAX_FRAMEWORKS = 4
"""At most this many frameworks are named."""

MIN_CONFIDENCE = 0.6
"""Below this, evidence weaker than a manifest's runtime word (a dev or test dependency) is
hearsay; imports need only ``MIN_IMPORT_CONFIDENCE``."""

MIN_IMPORT_CONFIDENCE = 0.5
"""A top-level import in one sampled file reaches this; an indented one does not."""

_DECLARED = frozenset({Basis.SELF, Basis.ROOT, Basis.MEMBER})

_WEAK = frozenset({Basis.IMPORTS, Basis.README})


class VerdictLanguage(NamedTuple):
    """A language the verdict names, with its share in percent (one decimal)."""

    name: str
    percent: float


class VerdictFramework(NamedTuple):
    """A framework the verdict names.

    Attributes:
        name: Display name (``PyTorch``).
        category: Its rule's category.
        why: The one piece of evidence that decided it (``requirements.txt:3 torch==1.12.0``).
        is_self: The repository is this framework.
        weak: Only imports (or a README install line) show it: the text says "probably".
        basis: What kind of evidence decided it, when known.
        signals: How many places show that evidence (files importing it, manifest lines).
    """

    name: str
    category: str
    why: str
    is_self: bool = False
    weak: bool = False
    basis: Basis | None = None
    signals: int = 0


class Verdict(NamedTuple):
    """The one answer to "written in what, built with what".

    Attributes:
        languages: The top language, then others of at least 10 %; empty when not known.
        frameworks: At most four, in the order to name them.
        known: Whether framework detection has answered (``False`` while it runs).
    """

    languages: tuple[VerdictLanguage, ...]
    frameworks: tuple[VerdictFramework, ...]
    known: bool


def is_primary(category: str, *, support: bool = False, primary: bool = False) -> bool:
    """Whether a framework is what a project is built on (not a supporting library or a tool)."""
    if category in TOOLING_CATEGORIES:
        return False
    return primary or (category in PRIMARY_CATEGORIES and not support)


def is_tooling(framework: Framework) -> bool:
    """Whether a framework is a tool (tests, docs, CI, build...) rather than a dependency."""
    return framework.category in TOOLING_CATEGORIES


def _primary(framework: Framework) -> bool:
    return is_primary(framework.category, support=framework.support, primary=framework.primary)


def _tier(framework: Framework) -> int:
    """What decided it, as a rank; without a basis (hand-made data) a middle rank."""
    return (framework.basis or Basis.OTHER).tier


def rank_key(
    framework: Framework, dependents: int = 0
) -> tuple[int, int, int, float, int, int, str, int]:
    """The one ordering of frameworks, strongest first, never by name.

    Itself first, then primary frameworks, supporting libraries, tools and examples-only ones;
    within each, by what decided it, how many of the others are built on it (``dependents``:
    PyTorch before fairseq, React before Next.js), the deciding evidence's own strength, how
    many places show it, and where that evidence is (shallow paths, then earlier lines).

    Never by ``confidence``: other kinds of evidence lift it (a listing's ``next.config.js``),
    and the headline must read the same whether or not the listing was read.
    """
    if framework.is_self:
        group = 0
    elif framework.only_in:
        group = 4
    elif is_tooling(framework):
        group = 3
    else:
        group = 1 if _primary(framework) else 2
    proof = framework.evidence[0] if framework.evidence else None
    return (
        group,
        _tier(framework),
        -dependents,
        -(framework.confidence if framework.strength is None else framework.strength),
        -framework.signals,
        0 if proof is None else proof.path.count("/"),
        "" if proof is None else proof.path,
        0 if proof is None or proof.line is None else proof.line,
    )


def ranked(frameworks: Iterable[Framework]) -> list[Framework]:
    """Frameworks in the one order both front ends show them (see ``rank_key``)."""
    items = list(frameworks)
    builds: dict[str, int] = {}
    for framework in items:
        for base in framework.builds_on:
            builds[base] = builds.get(base, 0) + 1
    return sorted(items, key=lambda f: rank_key(f, builds.get(f.name, 0)))


def _eligible(framework: Framework) -> bool:
    """Whether a framework may be named at all (not a tool, not examples-only, not hearsay)."""
    if framework.is_self:
        return True
    if is_tooling(framework):
        return False
    if framework.basis is Basis.README:
        return True  # a last resort; ``_choose`` names it only when nothing else is known
    if framework.basis in _DECLARED:
        least = 0.0
    elif framework.basis is Basis.IMPORTS:
        least = MIN_IMPORT_CONFIDENCE
    else:
        least = MIN_CONFIDENCE
    return framework.only_in is None and framework.confidence >= least


def _choose(frameworks: Sequence[Framework]) -> list[Framework]:
    """The frameworks to name, in order: itself, then primary, else supporting ones."""
    candidates = [f for f in ranked(frameworks) if _eligible(f)]
    hearsay = [f for f in candidates if f.basis is Basis.README and not f.is_self]
    candidates = [f for f in candidates if f not in hearsay]
    itself = [f for f in candidates if f.is_self]
    primary = [f for f in candidates if not f.is_self and _primary(f)]
    if not itself and not primary:
        primary = [f for f in hearsay if _primary(f)]
    support = [f for f in candidates if not f.is_self and not _primary(f)]
    chosen = itself + (primary if primary or itself else support)
    platforms = {name for f in chosen for name in f.platforms}
    chosen = [f for f in chosen if f.is_self or not _on_platform(f, platforms)]
    names = {f.name for f in chosen}
    # scikit-learn beside PyTorch computes metrics; the model is PyTorch's
    chosen = [f for f in chosen if f.is_self or names.isdisjoint(f.support_beside)]
    return chosen[:MAX_FRAMEWORKS]


def _on_platform(framework: Framework, platforms: set[str]) -> bool:
    """Whether a framework is one of ``platforms`` or ships in one's SDK (UIKit in iOS's)."""
    return framework.name in platforms or not platforms.isdisjoint(framework.sdk)


def why(framework: Framework) -> str:
    """The deciding evidence as one line: ``requirements.txt:3 torch==1.12.0``."""
    if not framework.evidence:
        return ""
    proof = framework.evidence[0]
    where = f"{proof.path}:{proof.line}" if proof.line is not None else proof.path
    return f"{where} {proof.detail}".strip()


def _weak(framework: Framework) -> bool:
    if framework.is_self or (framework.sdk and framework.basis is Basis.IMPORTS):
        return False  # an SDK framework is in no manifest: its import is the declaration
    if framework.basis is None:
        return framework.confidence < 0.6
    return framework.basis in _WEAK


def _languages(report: RepoReport) -> tuple[VerdictLanguage, ...]:
    shares = report.languages or ()
    named = [s for i, s in enumerate(shares) if i == 0 or s.percent >= OTHER_LANGUAGE_PERCENT]
    return tuple(VerdictLanguage(s.name, s.percent) for s in named[:MAX_LANGUAGES])


def decide(report: RepoReport) -> Verdict:
    """The verdict on one repository (see the module docstring for the rules)."""
    chosen = _choose(report.frameworks or ())
    frameworks = tuple(
        VerdictFramework(
            name=f.name,
            category=f.category,
            why=why(f),
            is_self=f.is_self,
            weak=_weak(f),
            basis=f.basis,
            signals=f.signals,
        )
        for f in chosen
    )
    return Verdict(_languages(report), frameworks, known=report.frameworks is not None)
