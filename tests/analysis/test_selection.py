"""Choosing what to read: manifests (root first, shallow members, capped) and sources to sample."""

from __future__ import annotations

import pytest

from tui.analysis.selection import manifests_to_fetch, sources_to_sample

MONOREPO = [
    "README.md",
    "package.json",
    "pnpm-workspace.yaml",
    "node_modules/left-pad/package.json",
    "packages/zeta-tools/package.json",
    "packages/alpha-internal-utils/package.json",
    "packages/web/package.json",
    "packages/web/src/index.ts",
    "packages/web/test/fixtures/package.json",
    "examples/demo/package.json",
    "docs/package.json",
    "apps/site/package.json",
    "vendor/lib/composer.json",
]


def test_root_first_then_members_then_asides() -> None:
    chosen = manifests_to_fetch(MONOREPO)
    assert chosen[:2] == ["package.json", "pnpm-workspace.yaml"]
    assert set(chosen[2:6]) == {
        "packages/web/package.json",
        "packages/zeta-tools/package.json",
        "packages/alpha-internal-utils/package.json",
        "apps/site/package.json",
    }
    assert chosen.index("packages/web/package.json") < chosen.index("examples/demo/package.json")
    assert "node_modules/left-pad/package.json" not in chosen
    assert "vendor/lib/composer.json" not in chosen


def test_internal_members_rank_after_plain_ones() -> None:
    chosen = manifests_to_fetch(MONOREPO)
    internal = chosen.index("packages/alpha-internal-utils/package.json")
    assert chosen.index("packages/zeta-tools/package.json") < internal


@pytest.mark.parametrize("limit", [0, 1, 3])
def test_cap(limit: int) -> None:
    assert len(manifests_to_fetch(MONOREPO, limit=limit)) == limit


def test_member_named_like_the_repo_first() -> None:
    paths = ["package.json", *(f"packages/{name}/package.json" for name in ("aa", "bb", "core"))]
    chosen = manifests_to_fetch(paths, limit=2, repo_name="acme/core")
    assert chosen == ["package.json", "packages/core/package.json"]


def test_rust_workspace_and_requirements_folder() -> None:
    paths = [
        "Cargo.toml",
        "crates/a/Cargo.toml",
        "crates/a/src/lib.rs",
        "requirements/base.txt",
        "requirements/dev.txt",
        "deep/a/b/c/d/e/Cargo.toml",
    ]
    chosen = manifests_to_fetch(paths)
    assert chosen[:3] == ["Cargo.toml", "requirements/base.txt", "requirements/dev.txt"]
    assert "crates/a/Cargo.toml" in chosen
    assert "deep/a/b/c/d/e/Cargo.toml" not in chosen


NO_MANIFEST = [
    "README.md",
    "bench.py",
    "configurator.py",
    "model.py",
    "train.py",
    "tests/test_model.py",
    "docs/conf.py",
    "data/shakespeare/prepare.py",
    "a/b/c/deep.py",
    "assets/logo.png",
]


def test_sources_when_manifests_are_silent() -> None:
    chosen = sources_to_sample(NO_MANIFEST, limit=5)
    assert chosen[:2] == ["train.py", "model.py"]
    assert set(chosen) == {
        "train.py",
        "model.py",
        "bench.py",
        "configurator.py",
        "data/shakespeare/prepare.py",
    }


def test_manifests_and_non_sources_are_never_sampled() -> None:
    chosen = sources_to_sample(
        [*NO_MANIFEST, "requirements.txt", "setup.py", "notes.txt"], limit=20
    )
    assert "requirements.txt" not in chosen
    assert "setup.py" not in chosen
    assert "notes.txt" not in chosen
    assert "assets/logo.png" not in chosen


def test_src_layout_counts_as_shallow() -> None:
    chosen = sources_to_sample(["src/main.rs", "src/util/helpers.rs", "x/y/z/w.rs"], limit=6)
    assert chosen == ["src/main.rs", "src/util/helpers.rs"]
