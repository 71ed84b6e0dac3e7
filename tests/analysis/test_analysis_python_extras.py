"""Python beyond plain requirements: URL and VCS lines, groups, uv, conda pip, new rules."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.manifests import Manifest, parse_manifest
from tui.analysis.report import Scope


def _deps(manifest: Manifest) -> dict[str, Scope]:
    return {dep.name: dep.scope for dep in manifest.dependencies}


def test_url_and_vcs_requirement_lines_name_their_project() -> None:
    data = b"""gradio @ https://gradio-builds.s3.amazonaws.com/4.0/gradio-4.0.0-py3-none-any.whl
https://download.pytorch.org/whl/cu121/torch-2.3.0%2Bcu121-cp311-cp311-linux_x86_64.whl
git+https://github.com/openai/CLIP.git
git+https://github.com/facebookresearch/segment-anything.git@6fdee8f#egg=segment_anything
https://github.com/explosion/spacy-models/releases/download/en_core_web_sm-3.7.1/en_core_web_sm-3.7.1.tar.gz
./wheels/local-0.1-py3-none-any.whl
"""
    manifest = parse_manifest("requirements.txt", data)
    assert manifest.problems == ()
    assert [dep.name for dep in manifest.dependencies] == [
        "gradio",
        "torch",
        "clip",
        "segment-anything",
        "en-core-web-sm",
    ]
    found = {fw.name for fw in detect([], {"requirements.txt": data}).frameworks}
    assert {"Gradio", "PyTorch"} <= found


def test_poetry_groups_dependency_groups_and_uv_dev_dependencies() -> None:
    data = b"""[project]
name = "agent"
dependencies = ["langgraph>=0.2", "llama-index-core", "anthropic"]

[project.optional-dependencies]
docs = ["mkdocs-material"]

[dependency-groups]
dev = ["ruff", {include-group = "test"}]
test = ["pytest"]

[tool.uv]
dev-dependencies = ["mypy"]

[tool.poetry.group.lint.dependencies]
black = "^24"
"""
    manifest = parse_manifest("pyproject.toml", data)
    assert _deps(manifest) == {
        "langgraph": Scope.RUNTIME,
        "llama-index-core": Scope.RUNTIME,
        "anthropic": Scope.RUNTIME,
        "mkdocs-material": Scope.DOCS,
        "ruff": Scope.DEV,
        "pytest": Scope.TEST,
        "mypy": Scope.DEV,
        "black": Scope.DEV,
    }
    found = {fw.name: fw for fw in detect([], {"pyproject.toml": data}).frameworks}
    assert {"LangGraph", "LlamaIndex", "Anthropic Python"} <= set(found)
    assert found["pytest"].confidence < found["LangGraph"].confidence


def test_conda_pip_section_and_paddle_wagtail_rules() -> None:
    env = b"""name: ocr
channels: [conda-forge]
dependencies:
  - python=3.10
  - pip
  - pip:
      - paddlepaddle-gpu==2.6.1
      - wagtail>=6
"""
    manifest = parse_manifest("environment.yml", env)
    assert {(dep.name, dep.ecosystem) for dep in manifest.dependencies} >= {
        ("paddlepaddle-gpu", "pypi"),
        ("wagtail", "pypi"),
    }
    found = {fw.name for fw in detect([], {"environment.yml": env}).frameworks}
    assert {"PaddlePaddle", "Wagtail"} <= found
