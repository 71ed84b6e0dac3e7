"""Requirements installed by a script: shell install scripts, Dockerfiles and Makefile targets.

The files are written like the ones real projects keep at their root (an ML repository's
``setup.sh``, a web service's Dockerfile, a Python package's Makefile); each test checks what a
user relies on: the packages they install count as the project's dependencies, with the line
that installs them, and the requirements files they install from are followed.
"""

from __future__ import annotations

import pytest

from tui.analysis.frameworks import detect, manifests_to_fetch, sources_to_sample
from tui.analysis.manifests import is_manifest, parse_manifest
from tui.analysis.report import Basis, RepoInfo, RepoReport, Scope
from tui.analysis.root import named_files
from tui.analysis.verdict import decide

SETUP_SH = b"""#!/usr/bin/env bash
# Sets up a fresh machine for training. Run from the repository root.
set -euo pipefail

ENV_NAME=${1:-llm}
conda create -y -n "$ENV_NAME" python=3.10
conda install -y -n "$ENV_NAME" -c pytorch -c nvidia pytorch-cuda=11.8 faiss-gpu

python -m pip install --upgrade pip wheel
pip install -r requirements/base.txt
pip install torch==2.1.0 torchvision==0.16.0 --index-url https://download.pytorch.org/whl/cu118
pip install "transformers[torch]>=4.36" \\
    accelerate==${ACCELERATE_VERSION} \\
    git+https://github.com/huggingface/peft.git@v0.7.1#egg=peft  # LoRA adapters
if [ "${WITH_DEV:-0}" = 1 ]; then pip install -e ".[dev]" && pre-commit install; fi
echo "done" > /dev/null 2>&1
"""


def _deps(path: str, data: bytes) -> dict[str, tuple[str, Scope, int | None]]:
    manifest = parse_manifest(path, data)
    assert manifest.problems == ()
    return {d.name: (d.ecosystem, d.scope, d.line) for d in manifest.dependencies}


def test_a_setup_script_names_what_it_installs_each_at_its_line() -> None:
    deps = _deps("setup.sh", SETUP_SH)
    assert deps["pytorch-cuda"] == ("conda", Scope.RUNTIME, 7)
    assert deps["faiss-gpu"] == ("conda", Scope.RUNTIME, 7)
    assert deps["torch"] == ("pypi", Scope.RUNTIME, 11)
    assert deps["torchvision"] == ("pypi", Scope.RUNTIME, 11)
    assert deps["transformers"] == ("pypi", Scope.RUNTIME, 12)
    assert deps["accelerate"] == ("pypi", Scope.RUNTIME, 13)  # its version is a variable
    assert deps["peft"] == ("pypi", Scope.RUNTIME, 14)
    assert "python" in deps  # conda's python=3.10 is a package like any other
    assert not {"dev", ".", "$env-name", "done"} & set(deps)
    assert parse_manifest("setup.sh", SETUP_SH).includes == ("requirements/base.txt",)


def test_a_script_alone_decides_the_verdict_and_its_requirements_file_is_followed() -> None:
    files = {
        "setup.sh": SETUP_SH,
        "requirements/base.txt": b"numpy>=1.24\ndatasets==2.16.1\n",
        "train.py": b"import os\n",
    }
    paths = [*files, "README.md"]
    chosen = manifests_to_fetch(paths, repo_name="acme/llm-lab")
    assert {"setup.sh", "requirements/base.txt"} <= set(chosen)
    # the root-only path fetches what the script names without listing the tree
    assert named_files([parse_manifest("setup.sh", SETUP_SH)]) == ["requirements/base.txt"]
    detection = detect(paths, {p: files[p] for p in chosen})
    found = {f.name: f for f in detection.frameworks}
    assert found["PyTorch"].basis is Basis.ROOT
    assert found["PyTorch"].evidence[0].path == "setup.sh"
    assert found["Hugging Face Datasets"].evidence[0].path == "requirements/base.txt"
    report = RepoReport(RepoInfo(full_name="acme/llm-lab"), frameworks=detection.frameworks)
    named = [f.name for f in decide(report).frameworks]
    assert named[:2] == ["PyTorch", "Hugging Face Transformers"]
    assert not any(f.weak for f in decide(report).frameworks)


DOCKERFILE = b"""# syntax=docker/dockerfile:1.6
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1
WORKDIR /srv/app

COPY requirements/prod.txt /tmp/requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip \\
    pip install -r /tmp/requirements.txt

COPY pyproject.toml poetry.lock ./
RUN pip install --no-cache-dir \\
    # the web server runs under gunicorn
    "fastapi==0.110.0" \\
    uvicorn[standard]==0.29.0 && \\
    rm -rf /root/.cache
RUN ["pip", "install", "sqlalchemy>=2"]
RUN ["/bin/sh", "-c", "pip install celery==5.3.6 && pip check"]

FROM node:20-alpine AS web
WORKDIR /web
COPY web/package.json .
RUN npm install -g pnpm@8 && npm install --omit=dev react@18.2.0
COPY --from=base /srv/app /srv/app
CMD ["gunicorn", "app.main:app"]
"""


def test_a_dockerfile_reads_run_lines_in_both_forms_and_follows_copies() -> None:
    deps = _deps("Dockerfile", DOCKERFILE)
    assert deps["fastapi"] == ("pypi", Scope.RUNTIME, 13)
    assert deps["uvicorn"] == ("pypi", Scope.RUNTIME, 14)
    assert deps["sqlalchemy"][:2] == ("pypi", Scope.RUNTIME)
    assert deps["celery"][:2] == ("pypi", Scope.RUNTIME)
    assert deps["react"] == ("npm", Scope.RUNTIME, 22)
    assert deps["pnpm"][1] is Scope.DEV  # a global tool, not a dependency
    assert "gunicorn" not in deps  # CMD runs it; nothing installs it here
    # the file pip reads inside the image is the one COPY put there from the context
    assert parse_manifest("Dockerfile", DOCKERFILE).includes == ("requirements/prod.txt",)


MAKEFILE = b"""VENV ?= .venv
PYTHON := $(VENV)/bin/python
PIP = $(PYTHON) -m pip

.PHONY: install install-dev lint test

install:  ## install the package and its runtime dependencies
\t$(PIP) install -r requirements.txt
\t@$(PIP) install streamlit==1.31.0 \\
\t\tplotly

install-dev: install
\t$(PIP) install -r requirements-dev.txt pytest==8.0.0

lint:
\t-$(PIP) install ruff && ruff check .

test:
\tpytest -q
"""


def test_a_makefile_install_target_is_runtime_and_other_targets_are_tooling() -> None:
    deps = _deps("Makefile", MAKEFILE)
    assert deps["streamlit"] == ("pypi", Scope.RUNTIME, 9)
    assert deps["plotly"] == ("pypi", Scope.RUNTIME, 10)
    assert deps["pytest"][1] is Scope.DEV
    assert deps["ruff"][1] is Scope.DEV
    manifest = parse_manifest("Makefile", MAKEFILE)
    assert manifest.includes == ("requirements.txt", "requirements-dev.txt")
    report = RepoReport(
        RepoInfo(full_name="acme/dash"),
        frameworks=detect(["Makefile"], {"Makefile": MAKEFILE}).frameworks,
    )
    assert [f.name for f in decide(report).frameworks] == ["Streamlit"]


def test_npm_yarn_and_gem_installs() -> None:
    script = b"""#!/bin/sh
cd server && npm ci && npm install --save express@^4.19.2 @prisma/client
yarn add -D vitest
yarn global add nodemon
pnpm add next@14 react react-dom
sudo -H gem install rails -v 7.1.3 --no-document
npm install ./packages/local file:../shared github:acme/thing $EXTRA
"""
    deps = _deps("install.sh", script)
    runtime = {name for name, (_, scope, _) in deps.items() if scope is Scope.RUNTIME}
    assert runtime == {"express", "@prisma/client", "next", "react", "react-dom", "rails"}
    assert deps["vitest"][1] is Scope.DEV
    assert deps["nodemon"][1] is Scope.DEV
    assert deps["rails"][0] == "rubygems"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("install.sh", True),
        ("setup_env.sh", True),
        ("scripts/install_deps.sh", True),
        ("scripts/setup.sh", True),
        ("Dockerfile", True),
        ("Dockerfile.gpu", True),
        ("docker/Dockerfile", True),
        ("serve.dockerfile", True),
        ("Makefile", True),
        ("scripts/lint.sh", False),  # not an install script
        ("tools/install.sh", False),  # only the root's own recipes (and scripts/) count
        ("src/native/Makefile", False),
        ("services/api/Dockerfile", False),
        ("third_party/x/scripts/install.sh", False),
    ],
)
def test_only_root_install_recipes_are_read(path: str, expected: bool) -> None:
    assert is_manifest(path) is expected


def test_an_install_script_under_scripts_installs_the_project_itself() -> None:
    data = b"pip install -r requirements.txt\npip install tensorflow==2.15.0\n"
    assert _deps("scripts/install_deps.sh", data)["tensorflow"][1] is Scope.RUNTIME
    detection = detect(["scripts/install_deps.sh"], {"scripts/install_deps.sh": data})
    tensorflow = next(f for f in detection.frameworks if f.name == "TensorFlow")
    assert tensorflow.basis is Basis.ROOT


def test_recipes_come_after_workspace_members_when_fetching() -> None:
    paths = [
        "package.json",
        "pnpm-workspace.yaml",
        "Dockerfile",
        "Makefile",
        "install.sh",
        "apps/web/package.json",
        "apps/api/package.json",
    ]
    chosen = manifests_to_fetch(paths, members=("apps/*",), limit=5)
    assert chosen[:2] == ["package.json", "pnpm-workspace.yaml"]
    assert set(chosen[2:4]) == {"apps/web/package.json", "apps/api/package.json"}
    assert chosen[4] == "install.sh"
    assert "Dockerfile" not in sources_to_sample(paths)


@pytest.mark.parametrize(
    "data",
    [
        b"pip install 'torch==2.1\n",  # an unclosed quote
        b"pip install $(cat requirements.txt) ${EXTRA_PACKAGES} `echo x`\n",
        b"pip install \\\n",  # a continuation into nothing
        b'RUN ["pip", "install", 3]\nRUN [not json\n',
        b"\tpip install -r\n",
    ],
)
def test_unreadable_commands_are_skipped_quietly(data: bytes) -> None:
    for path in ("install.sh", "Dockerfile", "Makefile"):
        manifest = parse_manifest(path, data)
        assert manifest.problems == ()
        assert not any("$" in dep.name or "`" in dep.name for dep in manifest.dependencies)
