"""The framework rules' schema: every rule complete, names unique, signals well-formed."""

from __future__ import annotations

import json
from importlib.resources import files

import pathspec
import pytest

from tui.analysis.manifests import Dependency
from tui.analysis.report import Scope
from tui.analysis.rules import CATEGORIES, ECOSYSTEMS, LANGUAGES, Rule, RuleIndex, load_rules

RULES = load_rules()
REQUIRED = (
    "PyTorch",
    "TensorFlow",
    "Keras",
    "JAX",
    "Flax",
    "scikit-learn",
    "Hugging Face Transformers",
    "fairseq",
    "PyTorch Lightning",
    "spaCy",
    "NumPy",
    "pandas",
    "Django",
    "Flask",
    "FastAPI",
    "Starlette",
    "Click",
    "Typer",
    "Textual",
    "Rich",
    "React",
    "Next.js",
    "Vue",
    "Nuxt",
    "Angular",
    "Svelte",
    "Tailwind CSS",
    "Express",
    "NestJS",
    "Vite",
    "Rails",
    "Sinatra",
    "Laravel",
    "Symfony",
    "Spring Boot",
    "Spring Framework",
    "Quarkus",
    "Micronaut",
    "Ktor",
    "Gin",
    "Echo",
    "Fiber",
    "Cobra",
    "Tokio",
    "Actix Web",
    "Axum",
    "Clap",
    "Serde",
    "Flutter",
    "React Native",
    "pytest",
    "Jest",
    "Docker",
    "GitHub Actions",
)


def test_at_least_eighty_rules_with_unique_names() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) >= 80
    assert len(set(names)) == len(names)


def test_required_frameworks_are_covered() -> None:
    names = {rule.name for rule in RULES}
    assert set(REQUIRED) - names == set()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_schema(rule: Rule) -> None:
    assert rule.name.strip() == rule.name != ""
    assert rule.category in CATEGORIES
    assert rule.homepage.startswith("https://")
    assert rule.has_signal()
    assert set(rule.deps) <= ECOSYSTEMS
    assert set(rule.imports) <= LANGUAGES
    assert all(names for names in rule.deps.values())
    pathspec.GitIgnoreSpec.from_lines(rule.files)  # raises on a bad pattern


def test_data_files_are_one_per_ecosystem_and_only_known_keys() -> None:
    folder = files("tui").joinpath("data", "frameworks")
    stems = set()
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        stems.add(entry.name.removesuffix(".json"))
        doc = json.loads(entry.read_text(encoding="utf-8"))
        assert set(doc) == {"rules"}
        for raw in doc["rules"]:
            assert set(raw) <= {
                "name",
                "category",
                "homepage",
                "deps",
                "files",
                "imports",
                "support",
                "primary",
                "platforms",
                "sdk",
                "builds_on",
                "support_beside",
            }
            assert isinstance(raw.get("support", False), bool)
            assert isinstance(raw.get("primary", False), bool)
            assert all(isinstance(name, str) for name in raw.get("platforms", []))
            assert all(isinstance(name, str) for name in raw.get("builds_on", []))
            assert all(isinstance(name, str) for name in raw.get("sdk", []))
            assert all(isinstance(name, str) for name in raw.get("support_beside", []))
    assert {"python-ml", "javascript", "jvm", "go", "rust", "infra"} <= stems
    assert {rule.source for rule in RULES} == stems


@pytest.mark.parametrize(
    ("ecosystem", "name", "expected"),
    [
        ("pypi", "torch", "PyTorch"),
        ("conda", "pytorch", "PyTorch"),
        ("conda", "scikit-learn", "scikit-learn"),
        ("npm", "@angular/core", "Angular"),
        ("go", "github.com/labstack/echo/v4", "Echo"),
        ("go", "github.com/gofiber/fiber/v2", "Fiber"),
        ("maven", "org.springframework.boot:spring-boot-starter-web", "Spring Boot"),
        ("gradle", "io.ktor:ktor-server-netty", "Ktor"),
        ("gradle", "org.springframework.boot", "Spring Boot"),
        ("crates", "actix-web", "Actix Web"),
        ("composer", "laravel/framework", "Laravel"),
        ("rubygems", "rails", "Rails"),
        ("pub", "flutter", "Flutter"),
    ],
)
def test_dependency_lookup(ecosystem: str, name: str, expected: str) -> None:
    dep = Dependency(name, ecosystem, Scope.RUNTIME, "x", None, name)
    assert expected in [rule.name for rule in RuleIndex(RULES).by_dependency(dep)]


@pytest.mark.parametrize(
    ("ecosystem", "name"),
    [
        ("pypi", "torchvision"),
        ("pypi", "tensorboardx"),
        ("npm", "conventional-changelog-angular"),
        ("npm", "eslint-plugin-vue-extra"),
        ("go", "github.com/labstack/echo-contrib"),
    ],
)
def test_lookalike_names_do_not_match(ecosystem: str, name: str) -> None:
    dep = Dependency(name, ecosystem, Scope.RUNTIME, "x", None, name)
    assert RuleIndex(RULES).by_dependency(dep) == []


def test_own_name_ignores_globs() -> None:
    index = RuleIndex(RULES)
    assert [rule.name for rule in index.by_own_name("npm", "vue")] == ["Vue"]
    assert index.by_own_name("npm", "@angular/animations") == []
    assert index.by_own_name("maven", "org.springframework.boot:anything") == []
