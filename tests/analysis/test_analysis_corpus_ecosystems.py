"""Detection over both development corpora (dev and dev2): every ``must``, no ``must_not``.

dev2 holds twelve repositories of the ecosystems dev lacks (.NET, C++/vcpkg, Swift, Android with a
version catalog, Gradle Groovy, sbt, Mix, R, Deno, Nx, Poetry, Hugo). Detection runs as a remote
source runs it: the listing from ``tree.json``, the manifests ``manifests_to_fetch`` chooses (from
``files/``), and the sources ``sources_to_sample`` chooses (rebuilt from ``source-imports.json``),
so the test also proves the selection reaches the files that carry the evidence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tui.analysis.frameworks import detect, load_rules, manifests_to_fetch, sources_to_sample
from tui.analysis.manifests import is_manifest, parse_manifest


def _corpus_root() -> Path | None:
    """The nearest ``shared/corpus`` above this file (a worktree may sit a level deeper)."""
    for up in Path(__file__).resolve().parents:
        if (up / "shared" / "corpus").is_dir():
            return up / "shared" / "corpus"
    return None


ROOT = _corpus_root()
FOLDERS = sorted(
    (folder for name in ("dev", "dev2") for folder in (ROOT / name).glob("*/tree.json"))
    if ROOT is not None
    else (),
)
REPOS = {f"{path.parent.parent.name}/{path.parent.name}": path.parent for path in FOLDERS}
DEV2 = sorted(key for key in REPOS if key.startswith("dev2/"))

pytestmark = pytest.mark.skipif(
    not DEV2, reason="corpus ../shared/corpus/dev2 not found above the project: nothing to test"
)


def _load(folder: Path, name: str) -> Any:
    """One JSON file of a corpus repository."""
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _paths(folder: Path) -> list[str]:
    """The blob paths of the repository's tree."""
    return [e["path"] for e in _load(folder, "tree.json")["tree"] if e["type"] == "blob"]


def _sampled(folder: Path, chosen: list[str]) -> dict[str, bytes]:
    """Chosen sources rebuilt from source-imports.json, each import at its own line."""
    if not (folder / "source-imports.json").is_file():
        return {}
    files: dict[str, bytes] = {}
    for path, entry in _load(folder, "source-imports.json")["files"].items():
        if path in chosen and entry["imports"]:
            lines = [""] * max(item["line"] for item in entry["imports"])
            for item in entry["imports"]:
                lines[item["line"] - 1] = item["text"]
            files[path] = "\n".join(lines).encode()
    return files


def _read_chosen(folder: Path) -> tuple[list[str], dict[str, bytes]]:
    """The listing, and the chosen manifests and sampled sources with their bytes."""
    paths = _paths(folder)
    full_name = _load(folder, "repo.json").get("full_name")
    files: dict[str, bytes] = {}
    for path in manifests_to_fetch(paths, repo_name=full_name):
        local = folder / "files" / path
        if local.is_file():
            files[path] = local.read_bytes()
    files.update(_sampled(folder, sources_to_sample(paths)))
    return paths, files


@pytest.mark.parametrize("repo", sorted(REPOS))
def test_every_must_found_and_no_must_not(repo: str) -> None:
    folder = REPOS[repo]
    labels = _load(folder, "frameworks.json")
    paths, files = _read_chosen(folder)
    detection = detect(paths, files, repo_name=_load(folder, "repo.json").get("full_name"))
    found = {framework.name: framework for framework in detection.frameworks}
    missing = [label["name"] for label in labels["must"] if label["name"] not in found]
    wrong = [label["name"] for label in labels["must_not"] if label["name"] in found]
    assert missing == [], f"{repo}: not detected {missing}"
    assert wrong == [], f"{repo}: false positives {wrong}"
    for label in labels["must"]:
        assert found[label["name"]].only_in is None, label["name"]
    assert detection.problems == ()


@pytest.mark.parametrize("repo", DEV2)
def test_every_kept_manifest_parses_without_problems(repo: str) -> None:
    folder = REPOS[repo]
    kept = [p for p in (folder / "files").rglob("*") if p.is_file()]
    for path in kept:
        rel = path.relative_to(folder / "files").as_posix()
        if is_manifest(rel):
            assert parse_manifest(rel, path.read_bytes()).problems == (), rel


def test_every_dev2_label_is_a_rule_name() -> None:
    names = {rule.name for rule in load_rules()}
    unknown = {
        (repo, label["name"])
        for repo in DEV2
        for label in _load(REPOS[repo], "frameworks.json")["must"]
        + _load(REPOS[repo], "frameworks.json")["must_not"]
        if label["name"] not in names
    }
    assert unknown == set(), "a must_not a rule cannot name would pass vacuously"


def test_overlay_ports_are_not_the_projects_manifest() -> None:
    folder = REPOS.get("dev2/cemu-project__Cemu")
    if folder is None:
        pytest.skip("cemu-project__Cemu is not in this copy of the corpus")
    chosen = manifests_to_fetch(_paths(folder))
    assert chosen[:2] == ["CMakeLists.txt", "vcpkg.json"]
    assert not any(path.startswith("dependencies/") for path in chosen)


def test_swiftui_is_found_only_through_sampled_imports() -> None:
    folder = REPOS.get("dev2/pointfreeco__isowords")
    if folder is None:
        pytest.skip("pointfreeco__isowords is not in this copy of the corpus")
    paths, files = _read_chosen(folder)
    found = {fw.name: fw for fw in detect(paths, files).frameworks}
    assert found["SwiftUI"].evidence[0].detail == "import SwiftUI"
    assert found["SwiftUI"].evidence[0].path.endswith(".swift")
    without_sources = {p: b for p, b in files.items() if not p.endswith(".swift")}
    assert "SwiftUI" not in {fw.name for fw in detect(paths, without_sources).frameworks}
