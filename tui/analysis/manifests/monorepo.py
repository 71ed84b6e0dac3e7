"""Monorepo tool files: nx.json, turbo.json and lerna.json.

They name no dependencies (the packages' own package.json files do); what they say is that the
repository is a workspace, and sometimes where its members live (``lerna.json`` packages,
Nx's ``workspaceLayout``), so member manifests are worth fetching.
"""

from __future__ import annotations

from tui.analysis.manifests.base import Collector, Manifest
from tui.analysis.manifests.deno import load_jsonc
from tui.analysis.manifests.spec import Format


def parse_workspace_file(path: str, data: bytes) -> Manifest:
    """Parse nx.json, turbo.json or lerna.json for member folders."""
    out = Collector(path, "npm")
    doc = load_jsonc(data, out)  # turbo.json may hold comments
    if doc is None:
        return out.freeze()
    packages = doc.get("packages")
    if isinstance(packages, list):
        out.includes.extend(item for item in packages if isinstance(item, str))
    layout = doc.get("workspaceLayout")
    if isinstance(layout, dict):
        for key in ("appsDir", "libsDir"):
            if isinstance(layout.get(key), str):
                out.includes.append(f"{layout[key]}/*")
    return out.freeze()


FORMATS = (
    Format(
        "workspace-tools",
        "npm",
        parse_workspace_file,
        names=("nx.json", "turbo.json", "lerna.json"),
        rank=23,
        workspace=True,
        search=False,
    ),
)
