"""One signal for one rule (a ``Hit``), and what a framework's hits add up to: the kind of
evidence that decided it (``Basis``) and the evidence to show, deciding piece first; and the
self hits of a top-level package folder named like the repository."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tui.analysis.manifests import root_rank
from tui.analysis.manifests.base import normalise
from tui.analysis.report import Basis, Evidence, Scope
from tui.analysis.rules import Rule, RuleIndex

MAX_EVIDENCE = 5
"""Pieces of evidence kept per framework."""


class Hit(NamedTuple):
    """One signal for one rule."""

    rule: Rule
    kind: str  # "self", "dependency", "marker", "import", "readme"
    strength: float
    scope: Scope
    evidence: Evidence


def is_root_manifest(path: str) -> bool:
    """A manifest at the repository root, or one the registry places there because its folder
    belongs to the root project (``requirements/base.txt``, ``scripts/install.sh``)."""
    return "/" not in path or root_rank(path) is not None


def _hit_basis(hit: Hit) -> Basis:
    """The kind of evidence one hit is."""
    if hit.kind == "self":
        return Basis.SELF
    if hit.kind == "dependency" and hit.scope is Scope.RUNTIME:
        return Basis.ROOT if is_root_manifest(hit.evidence.path) else Basis.MEMBER
    if hit.kind == "import" and hit.scope is Scope.RUNTIME:
        return Basis.IMPORTS
    return Basis.README if hit.kind == "readme" else Basis.OTHER


def decisive_basis(hits: list[Hit]) -> tuple[Basis, int, float]:
    """The strongest kind of evidence among ``hits``, how many places show it, and the
    strength of its strongest piece (``hits`` come strongest first)."""
    bases = [_hit_basis(hit) for hit in hits]
    best = min(bases, key=lambda basis: basis.tier)
    places = {
        hit.evidence.path if best is Basis.IMPORTS else (hit.evidence.path, hit.evidence.line)
        for hit, basis in zip(hits, bases, strict=True)
        if basis is best
    }
    strength = next(hit.strength for hit, basis in zip(hits, bases, strict=True) if basis is best)
    return best, len(places), strength


def pick_evidence(hits: list[Hit], basis: Basis) -> tuple[Evidence, ...]:
    """The evidence that decided it first, then the strongest of each other kind, then more."""
    firsts: dict[str, Evidence] = {}
    deciding = next(hit for hit in hits if _hit_basis(hit) is basis)
    firsts[deciding.kind] = deciding.evidence
    for hit in hits:
        firsts.setdefault(hit.kind, hit.evidence)
    picked = list(firsts.values())  # hits come strongest first, so these do too
    per_file = {ev.path: 1 for ev in picked}
    for hit in hits:
        if len(picked) >= MAX_EVIDENCE:
            break
        if hit.evidence not in picked and per_file.get(hit.evidence.path, 0) < 2:
            per_file[hit.evidence.path] = per_file.get(hit.evidence.path, 0) + 1
            picked.append(hit.evidence)
    return tuple(picked[:MAX_EVIDENCE])


def folder_hits(index: RuleIndex, paths: Sequence[str], repo_name: str | None) -> list[Hit]:
    """Self hits from a top-level Python package named like the repository (``flask/``)."""
    if not repo_name:
        return []
    wanted = normalise(repo_name.rsplit("/", 1)[-1], "pypi").replace("-", "_")
    for place in (f"{wanted}/__init__.py", f"src/{wanted}/__init__.py"):
        path = next((p for p in paths if p.lower() == place), None)
        if path is not None:
            package = path.split("/")[-2]
            evidence = Evidence(path, f"the {package} package itself")
            rules = index.by_import("python", package)
            return [Hit(rule, "self", 1.0, Scope.RUNTIME, evidence) for rule in rules]
    return []
