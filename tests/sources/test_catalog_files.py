"""Manifests written from facts re-parse to the same facts, in every format the catalog writes."""

from __future__ import annotations

import pytest

from tui.analysis.manifests import parse_manifest
from tui.sources.catalog_files import DependencyFact, ManifestFacts, lines_file, synthesise

D = DependencyFact

CASES = [
    ManifestFacts(
        "requirements.txt",
        "pypi",
        includes=("dev-requirements.txt",),
        dependencies=(D("torch", "runtime", 3), D("numpy", "runtime", 7)),
    ),
    ManifestFacts(
        "pyproject.toml",
        "pypi",
        package_name="widget",
        dependencies=(
            D("hatchling", "build", 3),
            D("httpx", "runtime", 9),
            D("rich", "optional", 14),
            D("pytest", "test", 20),
            D("ruff", "dev", 24),
            D("mkdocs", "docs", 28),
        ),
    ),
    ManifestFacts(
        "web/package.json",
        "npm",
        package_name="@acme/web",
        includes=("packages/*",),
        dependencies=(
            D("react", "runtime", 5, "dependencies"),
            D("react-dom", "runtime", 12, "peerDependencies"),
            D("vitest", "dev", 20, "devDependencies"),
            D("fsevents", "optional", 30, "optionalDependencies"),
        ),
    ),
    ManifestFacts("empty/package.json", "npm"),
    ManifestFacts(
        "Cargo.toml",
        "crates",
        package_name="grepper",
        includes=("crates/core",),
        dependencies=(
            D("serde", "runtime", 10),
            D("jemalloc", "optional", 11),
            D("criterion", "dev", 15),
            D("cc", "build", 19),
        ),
    ),
    ManifestFacts(
        "go.mod",
        "go",
        package_name="example.com/acme/server",
        dependencies=(
            D("github.com/gin-gonic/gin", "runtime", 6),
            D("golang.org/x/sys", "optional", 7),
            D("golang.org/x/tools/cmd/stringer", "dev", 12),
        ),
    ),
    ManifestFacts(
        "pom.xml",
        "maven",
        package_name="org.acme:shop",
        dependencies=(
            D("org.springframework.boot:spring-boot-starter-parent", "runtime", 5, "parent"),
            D("org.springframework.boot:spring-boot-starter-web", "runtime", 20, "dependency"),
            D("org.junit.jupiter:junit-jupiter", "test", 25, "dependency"),
            D("org.apache.maven.plugins:maven-surefire-plugin", "build", 40, "plugin"),
        ),
    ),
    ManifestFacts(
        "examples/demo/requirements.txt", "pypi", dependencies=(D("flask", "examples", 1),)
    ),
]


@pytest.mark.parametrize("facts", CASES, ids=[case.path for case in CASES])
def test_written_manifest_reparses_to_its_facts(facts: ManifestFacts) -> None:
    data = synthesise(facts)
    assert data is not None
    manifest = parse_manifest(facts.path, data)
    assert manifest.problems == ()
    assert manifest.package_name == facts.package_name
    assert manifest.includes == facts.includes
    got = sorted((dep.name, str(dep.scope), dep.line) for dep in manifest.dependencies)
    assert got == sorted((dep.name, dep.scope, dep.line) for dep in facts.dependencies)


def test_formats_without_a_writer_are_not_written() -> None:
    assert (
        synthesise(ManifestFacts("Gemfile", "rubygems", dependencies=(D("rails", "runtime"),)))
        is None
    )
    assert synthesise(ManifestFacts("build.sbt", "maven")) is None


def test_names_are_escaped_not_injected() -> None:
    hostile = '"evil"]\n[tool.x]\nname = "pwned'
    facts = ManifestFacts("pyproject.toml", "pypi", package_name=hostile)
    manifest = parse_manifest("pyproject.toml", synthesise(facts) or b"")
    assert manifest.problems == ()
    assert manifest.package_name == hostile


def test_lines_file_puts_each_line_on_its_number() -> None:
    text = lines_file([(4, "import torch"), (2, "import os")]).decode().splitlines()
    assert text == ["", "import os", "", "import torch"]
