"""Julia: Project.toml, whose [deps] are the runtime dependencies and [extras] the test ones."""

from __future__ import annotations

from tui.analysis.manifests.base import Collector, Manifest
from tui.analysis.manifests.pyproject import load_toml, table
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_TABLES = {"deps": Scope.RUNTIME, "weakdeps": Scope.OPTIONAL, "extras": Scope.TEST}


def parse_project_toml(path: str, data: bytes) -> Manifest:
    """Parse Project.toml: the package name and its dependency tables (name = UUID)."""
    out = Collector(path, "julia")
    doc = load_toml(data, out)
    if doc is None:
        return out.freeze()
    if isinstance(doc.get("name"), str):
        out.package_name = doc["name"]
    for key, scope in _TABLES.items():
        for name in table(doc, key):
            out.add(name, scope, f"[{key}] {name}", line=out.lines.key(name))
    workspace = table(doc, "workspace").get("projects")
    if isinstance(workspace, list):
        out.includes.extend(item for item in workspace if isinstance(item, str))
    return out.freeze()


FORMATS = (
    Format(
        "julia-project",
        "julia",
        parse_project_toml,
        names=("Project.toml",),
        patterns=("juliaproject.toml",),
        rank=88,
    ),
)
