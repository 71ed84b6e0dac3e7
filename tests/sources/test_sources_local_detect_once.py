"""A checkout's detection parses each manifest once and says what ``detect`` says.

``LocalSource`` runs a second pass with sampled sources when the manifests name no primary
framework; it reuses the first pass's parsed manifests. Checked on checkouts written from the
corpus (manifests byte for byte, the import lines of sampled sources at their line numbers):
the answer equals ``detect`` over the same files, pass by pass, as it was computed before.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import tui.analysis.frameworks as frameworks
from tests.doubles.corpus import blob_paths, manifest_files, sampled_sources
from tui.analysis.frameworks import detect, manifests_to_fetch, sources_to_sample
from tui.analysis.manifests import Manifest, parse_manifest
from tui.sources.local import LocalSource

CORPORA = Path(__file__).parents[2].parent / "shared" / "corpus"
REPOS = ("BurntSushi__ripgrep", "pointfreeco__isowords", "karpathy__nanoGPT", "pallets__flask")
"""Two whose manifests name no primary framework (a second pass), one with none, one with."""


def _checkout(folder: Path, root: Path) -> list[str]:
    """Write the corpus repository's manifests and sampled sources under ``root``."""
    paths = blob_paths(folder)
    files = manifest_files(folder, paths)
    files.update(sampled_sources(folder, paths))
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return paths


def _as_before(root: Path, paths: list[str]) -> tuple[list[str], list[str]]:
    """The two-pass detection as it was written: ``detect``, then ``detect`` again with sources."""
    source = LocalSource(root)
    files = source._read(manifests_to_fetch(paths, repo_name=root.name))
    detection = detect(paths, files, repo_name=root.name)
    if detection.silent:
        files.update(source._read(sources_to_sample(paths)))
        detection = detect(paths, files, repo_name=root.name)
    return [repr(f) for f in detection.frameworks], list(detection.problems)


@pytest.mark.parametrize("name", REPOS)
def test_same_frameworks_each_manifest_parsed_once(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = next(iter(sorted(CORPORA.glob(f"dev*/{name}"))), None)
    if folder is None:
        pytest.skip("the shared corpus is absent")
    root = tmp_path / name.split("__")[1]
    paths = _checkout(folder, root)
    expected = _as_before(root, paths)
    parsed: Counter[str] = Counter()
    real = parse_manifest

    def counting(path: str, data: bytes) -> Manifest:
        parsed[path] += 1
        return real(path, data)

    monkeypatch.setattr(frameworks, "parse_manifest", counting)
    found, problems = LocalSource(root)._detect(paths)
    assert ([repr(f) for f in found], problems) == expected
    assert set(parsed.values()) <= {1}
    assert bool(parsed) == (name != "karpathy__nanoGPT")
    if name == "karpathy__nanoGPT":  # no manifest: the sampled imports decide
        assert [f.name for f in found][:1] == ["PyTorch"]
