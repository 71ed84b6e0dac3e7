"""What an application's bundler ships: package.json devDependencies that count as runtime.

A bundled application (Vite, SvelteKit, Next.js, Create React App) is never installed from npm:
its build copies whatever it imports into the output, so where a dependency is declared says
nothing of whether it ships, and the tools' own docs install Svelte, SvelteKit and Tailwind CSS
with ``-D``. The package.json parser marks such declarations ``Scope.BUNDLED`` when the file
describes an application (``javascript.is_application``); detection reads them as runtime ones,
one step weaker (``BUNDLED_DISCOUNT``), except in a workspace root, whose devDependencies are
the repository's tooling (linters, test runners, release scripts) and whose members declare
what they ship.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from tui.analysis.manifests import Dependency, Manifest
from tui.analysis.report import Scope

BUNDLED_DISCOUNT = 0.05
"""A bundled devDependency decides like a runtime one, one step weaker: on a tie, what the
project declares it runs on (``dependencies``) is named before what it builds with."""


def _folder(path: str) -> str:
    return str(PurePosixPath(path).parent)


def workspace_folders(manifests: Sequence[Manifest]) -> frozenset[str]:
    """Folders holding an npm workspace root: a manifest there lists member packages
    (``pnpm-workspace.yaml``, ``lerna.json`` packages, package.json ``workspaces``)."""
    return frozenset(_folder(m.path) for m in manifests if m.ecosystem == "npm" and m.includes)


def shipped_scope(dep: Dependency, workspaces: frozenset[str]) -> Scope:
    """The scope detection reads a dependency as: a bundled one is runtime, or dev in a
    workspace root; any other keeps its declared scope."""
    if dep.scope is not Scope.BUNDLED:
        return dep.scope
    return Scope.DEV if _folder(dep.path) in workspaces else Scope.RUNTIME
