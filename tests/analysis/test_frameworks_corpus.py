"""Detection over the real repositories of ../shared/corpus/dev: every ``must``, no ``must_not``.

What is read is chosen by ``manifests_to_fetch`` (and, for the manifest-less nanoGPT, by
``sources_to_sample``), so the test also proves the selection picks the right files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.doubles.corpus import sampled_sources
from tui.analysis.frameworks import (
    Detection,
    detect,
    load_rules,
    manifests_to_fetch,
    sources_to_sample,
)
from tui.analysis.manifests import is_manifest

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "dev"
REPOS = (
    sorted(p.name for p in CORPUS.iterdir() if (p / "tree.json").is_file())
    if CORPUS.is_dir()
    else []
)

pytestmark = pytest.mark.skipif(not REPOS, reason=f"development corpus not found at {CORPUS}")


def _load(repo: str, name: str) -> Any:
    """One JSON file of a corpus repository."""
    return json.loads((CORPUS / repo / name).read_text(encoding="utf-8"))


def _paths(repo: str) -> list[str]:
    """The blob paths of the repository's tree."""
    return [entry["path"] for entry in _load(repo, "tree.json")["tree"] if entry["type"] == "blob"]


def _detect(repo: str) -> Detection:
    """Run detection the way a remote source would: listing, chosen manifests, sampled sources."""
    paths = _paths(repo)
    full_name = _load(repo, "repo.json").get("full_name")
    files: dict[str, bytes] = {}
    for path in manifests_to_fetch(paths, repo_name=full_name):
        local = CORPUS / repo / "files" / path
        if local.is_file():
            files[path] = local.read_bytes()
    files.update(sampled_sources(CORPUS / repo, sources_to_sample(paths)))
    return detect(paths, files, repo_name=full_name)


@pytest.mark.parametrize("repo", REPOS)
def test_must_found_and_must_not_absent(repo: str) -> None:
    labels = _load(repo, "frameworks.json")
    detection = _detect(repo)
    found = {framework.name: framework for framework in detection.frameworks}
    missing = [label["name"] for label in labels["must"] if label["name"] not in found]
    wrong = [label["name"] for label in labels["must_not"] if label["name"] in found]
    assert missing == [], f"{repo}: not detected {missing}"
    assert wrong == [], f"{repo}: false positives {wrong}"
    for label in labels["must"]:
        assert found[label["name"]].is_self == bool(label.get("self")), label["name"]
        assert found[label["name"]].only_in is None
    assert detection.problems == ()


@pytest.mark.parametrize("repo", REPOS)
def test_selection_picks_root_manifests_and_stays_capped(repo: str) -> None:
    paths = _paths(repo)
    chosen = manifests_to_fetch(paths)
    assert len(chosen) <= 12
    assert set(chosen) <= {path for path in paths if is_manifest(path)}
    root_files = [p.name for p in (CORPUS / repo / "files").iterdir() if p.is_file()]
    assert {name for name in root_files if is_manifest(name)} <= set(chosen)


def test_monorepo_selection_reaches_the_main_package() -> None:
    if "vuejs__core" not in REPOS:
        pytest.skip("vuejs__core is not in this copy of the corpus")
    chosen = manifests_to_fetch(_paths("vuejs__core"))
    assert chosen[0] == "package.json"
    assert "packages/vue/package.json" in chosen
    assert all(path.count("/") <= 2 for path in chosen)


def test_no_manifest_repo_found_from_imports_alone() -> None:
    if "karpathy__nanoGPT" not in REPOS:
        pytest.skip("karpathy__nanoGPT is not in this copy of the corpus")
    paths = _paths("karpathy__nanoGPT")
    assert manifests_to_fetch(paths) == []
    torch = {fw.name: fw for fw in _detect("karpathy__nanoGPT").frameworks}["PyTorch"]
    assert torch.evidence[0].detail.startswith(("import torch", "from torch"))
    assert torch.evidence[0].line is not None
    assert torch.only_in is None
    readme = [ev for ev in torch.evidence if ev.path == "README.md"]
    assert readme
    assert readme[0].line == 22


def test_every_corpus_label_is_a_rule_name() -> None:
    names = {rule.name for rule in load_rules()}
    unknown = {
        (repo, label["name"])
        for repo in REPOS
        for kind in ("must", "may", "must_not")
        for label in _load(repo, "frameworks.json")[kind]
        if label["name"] not in names
    }
    assert unknown == set(), "a must_not a rule cannot name would pass vacuously"
