"""The kinds of generated repositories: languages, expected frameworks, real manifest files.

Each kind writes its manifests the way its ecosystem does (requirements lines, PEP 621 tables,
package.json sections, Cargo.toml, go.mod, pom.xml, pubspec.yaml, a Gemfile, a pnpm workspace).
"""

from __future__ import annotations

import json
from collections.abc import Callable


def _requirements(*deps: str) -> dict[str, bytes]:
    return {"requirements.txt": "".join(f"{d}\n" for d in deps).encode()}


def _pyproject(name: str, *deps: str) -> dict[str, bytes]:
    listed = ",\n".join(f'  "{d}"' for d in deps)
    text = f'[project]\nname = "{name}"\nversion = "0.1.0"\ndependencies = [\n{listed}\n]\n'
    return {"pyproject.toml": text.encode()}


def _package_json(name: str, deps: dict[str, str], dev: dict[str, str] | None = None) -> bytes:
    body = {"name": name, "version": "1.0.0", "dependencies": deps, "devDependencies": dev or {}}
    return json.dumps(body, indent=2).encode()


Kind = tuple[str, dict[str, int], list[str], Callable[[str], dict[str, bytes]]]
"""(topic, languages share, frameworks expected, files for a repository name)."""

KINDS: list[Kind] = [
    (
        "deep-learning",
        {"Python": 90, "Shell": 10},
        ["PyTorch"],
        lambda n: _requirements("torch>=2.1", "numpy", "tqdm"),
    ),
    (
        "deep-learning",
        {"Python": 70, "Jupyter Notebook": 30},
        ["TensorFlow"],
        lambda n: _requirements("tensorflow==2.15.0", "pandas"),
    ),
    (
        "deep-learning",
        {"Python": 95, "Cuda": 5},
        ["JAX", "Flax"],
        lambda n: _pyproject(n, "jax[cuda12]>=0.4", "flax"),
    ),
    (
        "machine-learning",
        {"Python": 100},
        ["scikit-learn"],
        lambda n: _pyproject(n, "scikit-learn>=1.3", "pandas>=2"),
    ),
    (
        "web",
        {"Python": 80, "HTML": 15, "CSS": 5},
        ["Django"],
        lambda n: _requirements("Django>=4.2,<5", "gunicorn"),
    ),
    (
        "web",
        {"Python": 85, "HTML": 15},
        ["FastAPI"],
        lambda n: _pyproject(n, "fastapi>=0.110", "uvicorn[standard]"),
    ),
    (
        "web",
        {"TypeScript": 85, "CSS": 10, "JavaScript": 5},
        ["React"],
        lambda n: {
            "package.json": _package_json(
                n, {"react": "^18.2.0", "react-dom": "^18.2.0"}, {"vite": "^5.0.0"}
            )
        },
    ),
    (
        "web",
        {"TypeScript": 90, "CSS": 10},
        ["Next.js", "React"],
        lambda n: {"package.json": _package_json(n, {"next": "14.1.0", "react": "^18"})},
    ),
    (
        "web",
        {"Vue": 60, "TypeScript": 35, "CSS": 5},
        ["Vue"],
        lambda n: {"package.json": _package_json(n, {"vue": "^3.4.0"})},
    ),
    (
        "web",
        {"JavaScript": 100},
        ["Express"],
        lambda n: {"package.json": _package_json(n, {"express": "^4.18.2"}, {"jest": "^29"})},
    ),
    (
        "web",
        {"TypeScript": 95, "JavaScript": 5},
        ["Angular"],
        lambda n: {
            "pnpm-workspace.yaml": b"packages:\n  - 'packages/*'\n",
            "package.json": _package_json(n, {}, {"typescript": "^5.3"}),
            "packages/app/package.json": _package_json("app", {"@angular/core": "^17.0.0"}),
        },
    ),
    (
        "cli",
        {"Rust": 100},
        ["Clap"],
        lambda n: {
            "Cargo.toml": f'[package]\nname = "{n}"\nversion = "0.1.0"\nedition = "2021"\n\n'
            '[dependencies]\nclap = { version = "4", features = ["derive"] }\n'
            'anyhow = "1"\n'.encode()
        },
    ),
    (
        "web",
        {"Rust": 95, "HTML": 5},
        ["Axum"],
        lambda n: {
            "Cargo.toml": f'[package]\nname = "{n}"\nversion = "0.1.0"\n\n'
            '[dependencies]\naxum = "0.7"\ntokio = { version = "1", '
            'features = ["full"] }\n'.encode()
        },
    ),
    (
        "web",
        {"Go": 100},
        ["Gin"],
        lambda n: {
            "go.mod": f"module github.com/gen/{n}\n\ngo 1.22\n\nrequire (\n"
            "\tgithub.com/gin-gonic/gin v1.9.1\n)\n".encode()
        },
    ),
    (
        "cli",
        {"Go": 98, "Makefile": 2},
        ["Cobra"],
        lambda n: {
            "go.mod": f"module github.com/gen/{n}\n\ngo 1.21\n\n"
            "require github.com/spf13/cobra v1.8.0\n".encode()
        },
    ),
    (
        "web",
        {"Java": 100},
        ["Spring Boot"],
        lambda n: {
            "pom.xml": (
                '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion>'
                f"<groupId>dev.gen</groupId><artifactId>{n}</artifactId><version>1.0</version>"
                "<dependencies><dependency><groupId>org.springframework.boot</groupId>"
                "<artifactId>spring-boot-starter-web</artifactId></dependency></dependencies>"
                "</project>\n"
            ).encode()
        },
    ),
    (
        "mobile",
        {"Dart": 90, "Swift": 5, "Kotlin": 5},
        ["Flutter"],
        lambda n: {
            "pubspec.yaml": f"name: {n.replace('-', '_')}\nenvironment:\n  sdk: '>=3.0.0 <4.0.0'\n"
            "dependencies:\n  flutter:\n    sdk: flutter\n".encode()
        },
    ),
    (
        "web",
        {"Ruby": 85, "HTML": 10, "JavaScript": 5},
        ["Rails"],
        lambda n: {
            "Gemfile": b"source 'https://rubygems.org'\n\ngem 'rails', '~> 7.1'\ngem 'puma'\n"
        },
    ),
    (
        "graphics",
        {"C++": 90, "CMake": 10},
        [],
        lambda n: {
            "CMakeLists.txt": f"cmake_minimum_required(VERSION 3.20)\nproject({n})\n".encode(),
            "src/main.cpp": b"#include <iostream>\nint main() { return 0; }\n",
        },
    ),
]
