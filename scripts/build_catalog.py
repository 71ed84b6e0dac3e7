"""Build ``tui/data/catalog.json``, the offline demo catalog, from the development corpus.

Usage: ``uv run python -m scripts.build_catalog [--corpus DIR] [--out FILE] [--check]``.

Only facts are bundled (see ``../shared/corpus/dev/README.md``, "Rules of use"): repository
metadata, Linguist byte counts, file listings (paths, modes, SHAs, sizes), the dependency facts
``parse_manifest`` extracts (name, scope, line), and the import lines the corpus records as facts.
No file content is copied. The output has sorted keys, so running the script again gives no diff.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.analysis.manifests import Dependency, is_manifest, parse_manifest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
OUT = ROOT / "tui" / "data" / "catalog.json"
CREDITS = "CATALOG-CREDITS.md"

REPO_KEYS = (
    "full_name",
    "name",
    "owner",
    "html_url",
    "description",
    "default_branch",
    "language",
    "topics",
    "license",
    "size",
    "fork",
    "archived",
    "stargazers_count",
    "forks_count",
    "open_issues_count",
    "created_at",
    "pushed_at",
)
"""The repository fields the corpus sources (others GitHub sends are added as unknown)."""

ROLES = frozenset(
    {"parent", "plugin", "dependency"}
    | {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}
)
"""Structural roles a dependency's ``detail`` starts with, kept so evidence can name them."""

_COMMITTED = re.compile(r"committed (\S+?)\)")


def repo_meta(repo: dict[str, Any]) -> dict[str, Any]:
    """GitHub's repository object from the corpus's ``repo.json`` (unknowns stay ``null``)."""
    meta = {key: repo.get(key) for key in REPO_KEYS}
    meta["topics"] = meta["topics"] or []
    meta["owner"] = {"login": str(repo["full_name"]).split("/")[0]}
    meta.update(private=False, visibility="public", homepage=None, updated_at=None)
    meta["watchers_count"] = meta["stargazers_count"]
    return meta


def commit_date(repo: dict[str, Any]) -> str:
    """The snapshot commit's date in UTC, from the provenance note."""
    note = str(repo.get("_provenance", {}).get("snapshot", ""))
    match = _COMMITTED.search(note)
    if match is None:
        raise SystemExit(f"{repo.get('full_name')}: no commit date in _provenance.snapshot")
    when = datetime.fromisoformat(match.group(1)).astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def tree_facts(tree: dict[str, Any]) -> dict[str, Any]:
    """The recursive tree as compact rows: path, mode, type, sha, size."""
    rows = [
        [entry["path"], entry.get("mode"), entry["type"], entry["sha"], entry.get("size")]
        for entry in tree["tree"]
    ]
    return {"sha": tree["sha"], "entries": rows}


def manifest_facts(files: Path) -> dict[str, Any]:
    """Dependency facts of every manifest under ``files/``, keyed by repository path."""
    facts: dict[str, Any] = {}
    for path in sorted(p for p in files.rglob("*") if p.is_file()):
        rel = path.relative_to(files).as_posix()
        if not is_manifest(rel):
            continue
        manifest = parse_manifest(rel, path.read_bytes())
        for problem in manifest.problems:
            print(f"warning: {problem}", file=sys.stderr)
        facts[rel] = {
            "ecosystem": manifest.ecosystem,
            "package_name": manifest.package_name,
            "package_line": manifest.package_line,
            "includes": list(manifest.includes),
            "dependencies": [_dependency(dep, manifest.ecosystem) for dep in manifest.dependencies],
        }
    return facts


def _dependency(dep: Dependency, ecosystem: str) -> list[Any]:
    """``[name, scope, line, role]``, plus the ecosystem when it is not the manifest's (pip
    packages in a conda file)."""
    row: list[Any] = [dep.name, str(dep.scope), dep.line, _role(dep.detail)]
    return row if dep.ecosystem == ecosystem else [*row, dep.ecosystem]


def _role(detail: str) -> str | None:
    """The structural role a parser's ``detail`` names (``plugin g:a`` -> ``plugin``), if any."""
    word = detail.split(" ", 1)[0].rstrip(":")
    return word if word in ROLES else None


def text_facts(folder: Path) -> dict[str, list[list[Any]]]:
    """Import lines of sources and the README's install line, as recorded facts."""
    path = folder / "source-imports.json"
    if not path.exists():
        return {}
    doc = json.loads(path.read_text())
    facts = {
        name: [[item["line"], item["text"]] for item in body["imports"]]
        for name, body in doc.get("files", {}).items()
    }
    install = doc.get("readme_install_line")
    if install:
        facts[install["path"]] = [[install["line"], install["text"]]]
    return facts


def repo_entry(folder: Path) -> dict[str, Any]:
    """Everything the catalog keeps about one corpus folder."""
    repo = json.loads((folder / "repo.json").read_text())
    return {
        "repo": repo_meta(repo),
        "commit": {"sha": (folder / "commit.txt").read_text().strip(), "date": commit_date(repo)},
        "languages": json.loads((folder / "languages.json").read_text()),
        "tree": tree_facts(json.loads((folder / "tree.json").read_text())),
        "manifests": manifest_facts(folder / "files"),
        "text_facts": text_facts(folder),
    }


def build(corpus: Path) -> dict[str, Any]:
    """The catalog document for every repository folder of the corpus."""
    repos = {}
    for folder in sorted(p for p in corpus.iterdir() if (p / "repo.json").exists()):
        entry = repo_entry(folder)
        repos[entry["repo"]["full_name"]] = entry
    if not repos:
        raise SystemExit(f"no repositories under {corpus}")
    latest = max(entry["commit"]["date"] for entry in repos.values())
    return {
        "format": 1,
        "data_date": latest[:10],
        "about": "Facts about public GitHub repositories, built by scripts/build_catalog.py "
        "from repolens's development corpus; see CATALOG-CREDITS.md.",
        "repos": repos,
    }


def render(doc: dict[str, Any]) -> str:
    """Deterministic JSON: sorted keys, indented, each list of plain values on one line."""
    rows: list[str] = []

    def fold(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: fold(item) for key, item in value.items()}
        if isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
            return [fold(item) for item in value]
        if isinstance(value, list):
            rows.append(json.dumps(value, ensure_ascii=False))
            return f"@@row{len(rows) - 1}@@"
        return value

    text = json.dumps(fold(doc), indent=1, sort_keys=True, ensure_ascii=False)
    text = re.sub(r'"@@row(\d+)@@"', lambda m: rows[int(m.group(1))], text)
    return text + "\n"


def credits(doc: dict[str, Any]) -> str:
    """CATALOG-CREDITS.md: every repository by name, URL, commit and licence, and what is kept."""
    lines = [
        "# Offline catalog: credits",
        "",
        f"`catalog.json` describes these public GitHub repositories, each at one commit, as of "
        f"{doc['data_date']}.",
        "It holds facts about them only: metadata (stars, forks and open issues, where known, come",
        "from the EvanLi/Github-Ranking lists, <https://github.com/EvanLi/Github-Ranking>, as of",
        "each list's date), GitHub Linguist byte counts, the file listing (paths, modes, SHAs,",
        "sizes), the names, scopes and lines of declared dependencies, and the import statements",
        "of a few source files. No file content is copied: reports offline are built from those",
        "facts. The descriptions were written for repolens's development corpus.",
        "",
        "Thanks to the authors of:",
        "",
        "| repository | commit | licence |",
        "|---|---|---|",
    ]
    for name, entry in sorted(doc["repos"].items(), key=lambda item: item[0].lower()):
        licence = (entry["repo"].get("license") or {}).get("spdx_id") or "unknown"
        url = entry["repo"]["html_url"]
        lines.append(f"| [{name}]({url}) | `{entry['commit']['sha'][:12]}` | {licence} |")
    lines += ["", "Rebuild with `uv run python -m scripts.build_catalog`.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, verify) the catalog; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    doc = build(args.corpus)
    outputs = {args.out: render(doc), args.out.with_name(CREDITS): credits(doc)}
    if args.check:
        stale = [path for path, text in outputs.items() if _read(path) != text]
        for path in stale:
            print(f"{path} is out of date; run scripts/build_catalog.py", file=sys.stderr)
        return 1 if stale else 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for path, content in outputs.items():
        path.write_text(content)
    text = outputs[args.out]
    print(f"wrote {args.out} ({len(text.encode()) // 1024} KB, {text.count(chr(10))} lines)")
    return 0


def _read(path: Path) -> str:
    """A file's text, or '' when it does not exist."""
    return path.read_text() if path.exists() else ""


if __name__ == "__main__":
    raise SystemExit(main())
