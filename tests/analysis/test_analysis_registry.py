"""The manifest-format registry: each format declared once, every list of names derived from it."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import tui.analysis.manifests as manifests_package
from tui.analysis.manifests import (
    Manifest,
    is_manifest,
    manifest_format,
    parse_manifest,
    root_rank,
    search_manifest_names,
    workspace_manifest_names,
)
from tui.analysis.manifests.registry import Registry, registry
from tui.analysis.manifests.spec import Format
from tui.analysis.selection import manifests_to_fetch
from tui.github.graphql_search import root_manifests, search_query


def _nothing(path: str, data: bytes) -> Manifest:
    return Manifest(path=path, ecosystem="test")


def test_every_format_module_declares_formats_and_keys_are_unique() -> None:
    declared = registry().formats
    keys = [item.key for item in declared]
    assert len(keys) == len(set(keys))
    helpers = {"base", "lines", "registry", "spec", "shell", "docker_images"}
    for info in pkgutil.iter_modules(manifests_package.__path__):
        module = importlib.import_module(f"tui.analysis.manifests.{info.name}")
        if info.name not in helpers:
            assert getattr(module, "FORMATS", ()), f"{info.name} parses but declares nothing"


def test_a_declared_format_is_matched_by_name_tail_and_pattern() -> None:
    item = Format(
        "demo", "test", _nothing, names=("demo.lock", "conf/demo.toml"), patterns=("*.demo",)
    )
    found = Registry((item,))
    for path, root in [
        ("demo.lock", True),
        ("sub/DEMO.LOCK", False),
        ("conf/demo.toml", True),
        ("a/conf/demo.toml", False),
        ("x.demo", True),
        ("deep/er/x.demo", False),
    ]:
        match = found.match(path)
        assert match is not None, path
        assert (match.format, match.root) == (item, root), path
    assert found.match("demo.toml") is None
    assert found.match("x.demo.bak") is None
    assert found.search_names() == ("demo.lock", "conf/demo.toml")


def test_a_format_module_is_found_without_being_listed_anywhere() -> None:
    # the version catalog lives in its own module and is named nowhere else in the package
    catalog = manifest_format("gradle/libs.versions.toml")
    assert catalog is not None
    assert catalog.parser.__module__ == "tui.analysis.manifests.gradle_catalog"
    assert root_rank("gradle/libs.versions.toml") == catalog.rank
    assert root_rank("app/gradle/libs.versions.toml") is None
    assert is_manifest("gradle/deps.versions.toml")


def test_search_query_and_selection_derive_from_the_registry() -> None:
    assert search_manifest_names() == root_manifests()
    assert "gradle/libs.versions.toml" in root_manifests()
    assert 'object(expression: "HEAD:gradle/libs.versions.toml")' in search_query()
    assert {"Cargo.toml", "Package.swift", "mix.exs", "vcpkg.json", "Project.toml"} <= set(
        root_manifests()
    )
    # patterns cannot be asked for by name; they are read once a listing shows them
    assert not any("*" in name for name in root_manifests())
    assert {"package.json", "cargo.toml", "settings.gradle.kts", "nx.json"} <= (
        workspace_manifest_names()
    )


def test_root_order_follows_rank_and_catalogs_count_as_root() -> None:
    listing = [
        "requirements.txt",
        "src/App/App.csproj",
        "gradle/libs.versions.toml",
        "app/build.gradle.kts",
        "build.gradle.kts",
        "settings.gradle.kts",
        "pyproject.toml",
        "README.md",
    ]
    chosen = manifests_to_fetch(listing)
    assert chosen[:5] == [
        "pyproject.toml",
        "build.gradle.kts",
        "settings.gradle.kts",
        "gradle/libs.versions.toml",
        "requirements.txt",
    ]
    assert set(chosen[5:]) == {"app/build.gradle.kts", "src/App/App.csproj"}


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("src/Web/Web.csproj", "msbuild-project"),
        ("Lib.fsproj", "msbuild-project"),
        ("Directory.Packages.props", "nuget-central"),
        ("CMakeLists.txt", "cmake"),
        ("conanfile.py", "conanfile.py"),
        ("Package.swift", "package.swift"),
        ("project/plugins.sbt", "sbt"),
        ("project/Dependencies.scala", "sbt"),
        ("my-lib.cabal", "cabal"),
        ("lapis-1.0-1.rockspec", "rockspec"),
        ("deno.jsonc", "deno"),
        ("DESCRIPTION", "r-description"),
        ("build.zig.zon", "zig"),
        ("Project.toml", "julia-project"),
        ("requirements-dev.txt", "requirements"),
        ("requirements/base.in", "requirements"),
        ("environment-gpu.yml", "conda"),
    ],
)
def test_paths_find_their_format(path: str, key: str) -> None:
    found = manifest_format(path)
    assert found is not None
    assert found.key == key


@pytest.mark.parametrize(
    "path", ["src/main.scala", "Program.cs", "notes.txt", "package-lock.json", "deno.lock"]
)
def test_other_files_have_no_format(path: str) -> None:
    assert manifest_format(path) is None


def test_parse_manifest_dispatches_through_the_registry() -> None:
    manifest = parse_manifest("gradle/libs.versions.toml", b'[plugins]\na = { id = "x.y" }\n')
    assert manifest.ecosystem == "gradle"
    assert [dep.name for dep in manifest.dependencies] == ["x.y"]
