"""A Dockerfile's base images as evidence: ``FROM pytorch/pytorch:...`` is PyTorch.

Each Dockerfile below is shaped like the ones real projects keep at their root (a training
image on PyTorch's or NVIDIA's image, a TensorFlow notebook server, a Node web app built in
stages, an ASP.NET Core service, an inference server on vLLM). What a user relies on: the image
the project ships runs on names its framework (with the ``FROM`` line as the reason), a stage
that only builds something does not, and a plain language image (``python``, ``node``) names
nothing.
"""

from __future__ import annotations

import pytest

from tui.analysis.frameworks import detect, manifests_to_fetch
from tui.analysis.manifests import parse_manifest
from tui.analysis.manifests.docker_images import image_repository
from tui.analysis.report import Basis, RepoInfo, RepoReport, Scope
from tui.analysis.verdict import decide

TRAINING = b"""# syntax=docker/dockerfile:1.6
ARG BASE_IMAGE=pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime
FROM ${BASE_IMAGE}

ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends git \\
    && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENTRYPOINT ["python", "train.py"]
"""

NODE_APP = b"""FROM --platform=$BUILDPLATFORM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM node:20-alpine AS runner
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
USER node
CMD ["node", "server.js"]
"""

ASPNET = b"""FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY ["Api/Api.csproj", "Api/"]
RUN dotnet restore "Api/Api.csproj"
COPY . .
RUN dotnet publish "Api/Api.csproj" -c Release -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS final
WORKDIR /app
EXPOSE 8080
COPY --from=build /app/publish .
ENTRYPOINT ["dotnet", "Api.dll"]
"""


def _images(path: str, data: bytes) -> dict[str, tuple[Scope, int | None, str]]:
    manifest = parse_manifest(path, data)
    assert manifest.problems == ()
    return {
        d.name: (d.scope, d.line, d.detail)
        for d in manifest.dependencies
        if d.ecosystem == "docker"
    }


def _verdict(files: dict[str, bytes], name: str = "acme/project") -> list[str]:
    paths = sorted(files)
    chosen = manifests_to_fetch(paths, repo_name=name)
    detection = detect(paths, {p: files[p] for p in chosen}, repo_name=name)
    report = RepoReport(RepoInfo(full_name=name), frameworks=detection.frameworks)
    return [f.name for f in decide(report).frameworks]


@pytest.mark.parametrize(
    ("reference", "repository"),
    [
        ("pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime", "pytorch/pytorch"),
        ("nvcr.io/nvidia/pytorch:24.01-py3", "nvcr.io/nvidia/pytorch"),
        ("tensorflow/tensorflow:2.15.0-gpu", "tensorflow/tensorflow"),
        ("python:3.12-slim", "python"),
        ("docker.io/library/python:3.12@sha256:" + "ab" * 32, "python"),
        ("index.docker.io/pytorch/pytorch", "pytorch/pytorch"),
        (
            "ghcr.io/huggingface/text-generation-inference:2.0.4",
            "ghcr.io/huggingface/text-generation-inference",
        ),
        ("localhost:5000/team/app:dev", "localhost:5000/team/app"),
        (
            "registry.example.com:443/ml/trainer@sha256:" + "0" * 64,
            "registry.example.com:443/ml/trainer",
        ),
        ("$REGISTRY/ml/trainer:1.0", None),  # a variable in the path names nothing
        ("${IMAGE}", None),
        ("--platform=linux/amd64", None),
    ],
)
def test_an_image_reference_is_matched_on_its_repository_path(
    reference: str, repository: str | None
) -> None:
    assert image_repository(reference) == repository


def test_a_base_image_alone_decides_the_verdict_with_its_from_line() -> None:
    assert _images("Dockerfile", TRAINING) == {
        "pytorch/pytorch": (
            Scope.RUNTIME,
            3,  # the FROM line, its ARG default substituted
            "FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime",
        )
    }
    files = {
        "Dockerfile": TRAINING,
        "requirements.txt": b"einops==0.7.0\nwandb>=0.16\n",
        "train.py": b"import os\n",
    }
    detection = detect(sorted(files), files)
    pytorch = next(f for f in detection.frameworks if f.name == "PyTorch")
    assert pytorch.basis is Basis.ROOT
    assert pytorch.evidence[0].path == "Dockerfile"
    assert not detection.silent  # a declaration: no need to guess from imports
    report = RepoReport(RepoInfo(full_name="acme/trainer"), frameworks=detection.frameworks)
    verdict = decide(report)
    assert [f.name for f in verdict.frameworks] == ["PyTorch"]
    assert verdict.frameworks[0].why == (
        "Dockerfile:3 FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime"
    )
    assert not verdict.frameworks[0].weak


@pytest.mark.parametrize(
    ("line", "framework"),
    [
        (b"FROM nvcr.io/nvidia/pytorch:24.01-py3", "PyTorch"),
        (b"FROM tensorflow/tensorflow:2.15.0-gpu", "TensorFlow"),
        (b"FROM --platform=linux/amd64 vllm/vllm-openai:v0.4.2", "vLLM"),
        (b"FROM docker.io/paddlepaddle/paddle:2.6.0-gpu-cuda12.0-cudnn8.9-trt8.6", "PaddlePaddle"),
        (b"FROM apache/airflow:2.8.1-python3.11", "Apache Airflow"),
    ],
)
def test_official_framework_images_name_their_framework(line: bytes, framework: str) -> None:
    dockerfile = line + b'\nCOPY . /app\nCMD ["python", "/app/serve.py"]\n'
    assert _verdict({"Dockerfile": dockerfile, "serve.py": b"print(1)\n"}) == [framework]


def test_a_language_image_names_nothing_and_node_is_no_framework() -> None:
    plain = b'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]\n'
    assert _images("Dockerfile", plain) == {"python": (Scope.RUNTIME, 1, "FROM python:3.12-slim")}
    assert _verdict({"Dockerfile": plain, "main.py": b"print(1)\n"}) == []
    # a Node service: Express runs on Node.js, and the node image adds no second name
    package = b'{"name": "api", "dependencies": {"express": "^4.19.2"}}'
    assert _verdict({"Dockerfile": NODE_APP, "package.json": package}) == ["Express"]


def test_text_generation_inference_has_no_rule_and_is_not_guessed() -> None:
    dockerfile = b"FROM ghcr.io/huggingface/text-generation-inference:2.0.4\nCOPY weights /data\n"
    images = _images("Dockerfile", dockerfile)
    assert list(images) == ["ghcr.io/huggingface/text-generation-inference"]
    assert _verdict({"Dockerfile": dockerfile}) == []


def test_only_the_shipped_stages_base_is_runtime() -> None:
    images = _images("Dockerfile", ASPNET)
    assert images["mcr.microsoft.com/dotnet/sdk"][0] is Scope.BUILD
    assert images["mcr.microsoft.com/dotnet/aspnet"][:2] == (Scope.RUNTIME, 8)
    assert _verdict({"Dockerfile": ASPNET}) == ["ASP.NET Core"]
    # a CUDA toolchain that only compiles wheels is not what the shipped image runs on
    builder = b"""FROM nvidia/cuda:12.1.1-devel-ubuntu22.04 AS builder
RUN pip wheel --wheel-dir /wheels flash-attn
FROM python:3.11-slim
COPY --from=builder /wheels /wheels
"""
    assert _images("Dockerfile", builder)["nvidia/cuda"][0] is Scope.BUILD
    detection = detect(["Dockerfile"], {"Dockerfile": builder})
    cuda = next(f for f in detection.frameworks if f.name == "CUDA")
    assert cuda.basis is not Basis.ROOT
    report = RepoReport(RepoInfo(full_name="acme/wheels"), frameworks=detection.frameworks)
    assert "CUDA" not in [f.name for f in decide(report).frameworks]


def test_stages_built_from_stages_lead_back_to_their_image() -> None:
    dockerfile = b"""ARG VLLM_TAG=v0.4.2
FROM vllm/vllm-openai:${VLLM_TAG} AS base
RUN pip install --no-cache-dir "outlines==0.0.41"

FROM node:20-alpine AS ui
RUN npm ci && npm run build

FROM base AS prod
COPY --from=ui /ui/dist /srv/ui
ENTRYPOINT ["python3", "-m", "vllm.entrypoints.openai.api_server"]
"""
    images = _images("Dockerfile", dockerfile)
    assert images["vllm/vllm-openai"] == (Scope.RUNTIME, 2, "FROM vllm/vllm-openai:v0.4.2")
    assert images["node"][0] is Scope.BUILD
    assert "base" not in images  # another stage, not an image
    assert _verdict({"Dockerfile": dockerfile}) == ["vLLM"]


def test_args_reach_from_lines_as_docker_substitutes_them() -> None:
    dockerfile = b"""ARG CUDA_VERSION=12.1.1
ARG BASE_IMAGE="nvidia/cuda:${CUDA_VERSION}-cudnn8-runtime-ubuntu22.04"
ARG RUNTIME=${RUNTIME_IMAGE:-tensorflow/tensorflow:2.15.0-gpu}
FROM ${BASE_IMAGE} AS cuda
FROM ${REGISTRY}/ml/base:1 AS private
FROM $RUNTIME
ARG LATE=pytorch/pytorch
FROM ${LATE}
"""
    images = _images("Dockerfile", dockerfile)
    assert images["nvidia/cuda"][2] == "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04"
    assert images["tensorflow/tensorflow"][:2] == (Scope.BUILD, 6)
    # an ARG inside a stage does not reach a later FROM, and an unset one names nothing
    assert set(images) == {"nvidia/cuda", "tensorflow/tensorflow"}


def test_a_frameworks_own_manifest_ranks_before_its_base_image() -> None:
    files = {
        "Dockerfile": b"FROM pytorch/pytorch:2.2.0-cuda12.1-cudnn8-runtime\n"
        b"RUN pip install -r requirements.txt\n",
        "requirements.txt": b"tensorflow==2.15.0\n",
    }
    detection = detect(sorted(files), files)
    found = {f.name: f for f in detection.frameworks}
    assert found["TensorFlow"].confidence > found["PyTorch"].confidence
    report = RepoReport(RepoInfo(full_name="acme/mixed"), frameworks=detection.frameworks)
    assert [f.name for f in decide(report).frameworks] == ["TensorFlow", "PyTorch"]
    # the same framework in both: the manifest's line is the reason shown
    files["requirements.txt"] = b"torch==2.2.0\n"
    pytorch = next(f for f in detect(sorted(files), files).frameworks if f.name == "PyTorch")
    assert pytorch.evidence[0].path == "requirements.txt"


@pytest.mark.parametrize(
    "data",
    [
        b"FROM\n",
        b"FROM --platform=linux/amd64\n",
        b"FROM scratch\nCOPY app /app\n",
        b"FROM ${UNSET_IMAGE}\n",
        b"ARG 'unclosed\nFROM python:3.12\n",
        b"FROM Not A Reference!\n",
    ],
)
def test_odd_from_lines_name_nothing_and_raise_nothing(data: bytes) -> None:
    manifest = parse_manifest("Dockerfile", data)
    assert manifest.problems == ()
    assert {d.name for d in manifest.dependencies} <= {"python"}
