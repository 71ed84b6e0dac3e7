"""Serve the development corpora (``../shared/corpus/dev`` and ``dev2``) from the fake GitHub.

Shared by the browsing and latency benchmarks. Each corpus folder becomes one repository on the
test server, with its real metadata, languages, tree and manifests; a ``group`` word is put in
front of the description so that one search finds exactly that corpus. Nothing is copied into
the project: the files are read from the shared folder at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.doubles.github_server import GitHubServer

ROOT = Path(__file__).resolve().parents[1]


def _shared() -> Path:
    """``shared/corpus`` beside the checkout, or beside its parent (a git worktree)."""
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


CORPUS = _shared()
CORPORA = {"alpha": CORPUS / "dev", "beta": CORPUS / "dev2"}
"""Search word -> corpus folder."""


def sampled_sources(folder: Path) -> dict[str, bytes]:
    """Stand-ins for sources the corpus lists only as import facts (nanoGPT's, isowords' ...).

    Each holds its import lines at their line numbers, as the corpus READMEs allow.
    """
    facts = folder / "source-imports.json"
    if not facts.is_file():
        return {}
    out: dict[str, bytes] = {}
    for path, fact in json.loads(facts.read_text())["files"].items():
        imports = fact.get("imports", []) if isinstance(fact, dict) else []
        lines: dict[int, str] = {i["line"]: i["text"] for i in imports}
        text = "\n".join(lines.get(n, "") for n in range(1, max(lines, default=0) + 1))
        out[path] = (text + "\n").encode()
    return out


def serve_folder(server: GitHubServer, folder: Path, group: str, *, pending_stats: int) -> str:
    """Serve one corpus folder; returns the repository's full name."""
    meta = json.loads((folder / "repo.json").read_text())
    meta = {k: v for k, v in meta.items() if not k.startswith("_")}
    meta["description"] = f"{group} {meta.get('description') or ''}"
    files_dir = folder / "files"
    files = {
        str(p.relative_to(files_dir)): p.read_bytes() for p in files_dir.rglob("*") if p.is_file()
    }
    # stand-ins for the sources the corpus keeps only as import lines; never over a file it
    # keeps whole (isowords' Package.swift files are Swift too): the served bytes must be the
    # blobs the tree lists, as on GitHub, or the same-commit check re-reads them
    for path, data in sampled_sources(folder).items():
        files.setdefault(path, data)
    tree = json.loads((folder / "tree.json").read_text())["tree"]
    full_name = str(meta.pop("full_name"))
    repo = server.add_repo(
        full_name,
        files=files,
        languages=json.loads((folder / "languages.json").read_text()),
        sha=(folder / "commit.txt").read_text().strip(),
        tree=tree,
        **meta,
    )
    repo.pending_stats = pending_stats  # GitHub answers 202 "computing" first for cold stats
    return full_name


def serve_corpora(server: GitHubServer, *, pending_stats: int = 1) -> dict[str, list[str]]:
    """Serve every corpus present; returns the repositories per search word."""
    served: dict[str, list[str]] = {}
    for group, root in CORPORA.items():
        if not root.is_dir():
            continue
        folders = sorted(p for p in root.iterdir() if p.is_dir())
        served[group] = [
            serve_folder(server, f, group, pending_stats=pending_stats) for f in folders
        ]
    if not served:
        raise SystemExit(f"no corpus found under {CORPUS}")
    return served
