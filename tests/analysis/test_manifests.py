"""Manifest parsers over real formats: names, scopes, lines, includes and the project's own name."""

from __future__ import annotations

import pytest

from tui.analysis.manifests import Manifest, parse_manifest
from tui.analysis.report import Scope


def _deps(manifest: Manifest) -> dict[str, Scope]:
    """Dependency name -> scope (the last declaration wins)."""
    return {dep.name: dep.scope for dep in manifest.dependencies}


REQUIREMENTS = b"""\
# a comment
-r base.txt
--constraint constraints.txt
--index-url https://example.invalid/simple
Django>=4.2  # inline comment
requests[socks]==2.31 ; python_version >= "3.8"
torch @ https://example.invalid/torch-2.0.whl
-e git+https://example.invalid/repo.git#egg=My_Package
./local/path
numpy \\
    >=1.24
this is not a requirement!
"""


def test_requirements_lines_options_includes_and_problems() -> None:
    manifest = parse_manifest("requirements.txt", REQUIREMENTS)
    assert manifest.includes == ("base.txt", "constraints.txt")
    assert list(_deps(manifest)) == ["django", "requests", "torch", "my-package", "numpy"]
    lines = {dep.name: dep.line for dep in manifest.dependencies}
    assert lines["django"] == 5
    assert lines["numpy"] == 10
    details = {dep.name: dep.detail for dep in manifest.dependencies}
    assert details["django"] == "Django>=4.2"
    assert len(manifest.problems) == 1
    assert "not a PEP 508 requirement" in manifest.problems[0]


@pytest.mark.parametrize(
    ("path", "scope"),
    [
        ("requirements.txt", Scope.RUNTIME),
        ("requirements-dev.txt", Scope.DEV),
        ("requirements_test.txt", Scope.TEST),
        ("requirements/docs.txt", Scope.DOCS),
        ("docs/requirements.txt", Scope.DOCS),
        ("examples/app/requirements.txt", Scope.EXAMPLES),
    ],
)
def test_requirements_scope_from_name_and_place(path: str, scope: Scope) -> None:
    manifest = parse_manifest(path, b"flask\n")
    assert _deps(manifest) == {"flask": scope}


PYPROJECT = b"""\
[build-system]
requires = ["hatchling"]

[project]
name = "My-App"
dependencies = ["fastapi>=0.100", "Pydantic"]

[project.optional-dependencies]
test = ["pytest"]
server = ["uvicorn"]

[dependency-groups]
docs = ["mkdocs", {include-group = "test"}]
lint = ["ruff"]

[tool.poetry.dependencies]
python = "^3.11"
torch = {version = "^2.0", optional = true}

[tool.poetry.group.dev.dependencies]
black = "*"

[tool.pdm.dev-dependencies]
testing = ["hypothesis"]

[tool.hatch.envs.docs]
dependencies = ["sphinx"]
"""


def test_pyproject_pep621_groups_poetry_pdm_hatch() -> None:
    manifest = parse_manifest("pyproject.toml", PYPROJECT)
    assert manifest.package_name == "My-App"
    assert _deps(manifest) == {
        "fastapi": Scope.RUNTIME,
        "pydantic": Scope.RUNTIME,
        "pytest": Scope.TEST,
        "uvicorn": Scope.OPTIONAL,
        "mkdocs": Scope.DOCS,
        "ruff": Scope.DEV,
        "hatchling": Scope.BUILD,
        "torch": Scope.OPTIONAL,
        "black": Scope.DEV,
        "hypothesis": Scope.TEST,
        "sphinx": Scope.DOCS,
    }
    assert manifest.problems == ()
    lines = {dep.name: dep.line for dep in manifest.dependencies}
    assert lines["fastapi"] == 6
    assert lines["torch"] == 18


SETUP_CFG = b"""\
[metadata]
name = my-lib

[options]
install_requires =
    click>=8
    rich
tests_require = pytest

[options.extras_require]
docs = sphinx
ml =
    scikit-learn
"""


def test_setup_cfg() -> None:
    manifest = parse_manifest("setup.cfg", SETUP_CFG)
    assert manifest.package_name == "my-lib"
    assert _deps(manifest) == {
        "click": Scope.RUNTIME,
        "rich": Scope.RUNTIME,
        "pytest": Scope.TEST,
        "sphinx": Scope.DOCS,
        "scikit-learn": Scope.OPTIONAL,
    }


SETUP_PY = b"""\
import os
from setuptools import setup

REQUIRED = ["numpy>=1.20", "torch"]
os.system("echo this must never run")

setup(
    name="mylib",
    install_requires=REQUIRED,
    extras_require={"test": ["pytest"], "viz": "matplotlib"},
    setup_requires=open("x").read().split(),
)
"""


def test_setup_py_is_read_statically() -> None:
    manifest = parse_manifest("setup.py", SETUP_PY)
    assert manifest.package_name == "mylib"
    assert _deps(manifest) == {
        "numpy": Scope.RUNTIME,
        "torch": Scope.RUNTIME,
        "pytest": Scope.TEST,
        "matplotlib": Scope.OPTIONAL,
    }
    assert any("setup_requires" in problem for problem in manifest.problems)


CONDA = b"""\
name: science
channels: [conda-forge]
dependencies:
  - python=3.10
  - pytorch::pytorch>=2.0
  - numpy
  - pip
  - pip:
      - transformers==4.30
      - -r requirements-extra.txt
"""


def test_conda_environment_with_nested_pip() -> None:
    manifest = parse_manifest("environment.yml", CONDA)
    eco = {dep.name: dep.ecosystem for dep in manifest.dependencies}
    assert eco == {
        "python": "conda",
        "pytorch": "conda",
        "numpy": "conda",
        "pip": "conda",
        "transformers": "pypi",
    }
    assert manifest.includes == ("requirements-extra.txt",)


def test_pipfile() -> None:
    data = (
        b'[packages]\nflask = "*"\nrequests = ">=2.0"\n\n[dev-packages]\npytest = {version="*"}\n'
    )
    manifest = parse_manifest("Pipfile", data)
    assert _deps(manifest) == {
        "flask": Scope.RUNTIME,
        "requests": Scope.RUNTIME,
        "pytest": Scope.DEV,
    }
