"""Typical projects of each ecosystem, written the way their generators write them: the rules
generalise beyond the development corpus. Plus garbage in every format never breaks detection."""

from __future__ import annotations

import random

import pytest

from tui.analysis.frameworks import detect
from tui.analysis.manifests import parse_manifest

PROJECTS: list[tuple[str, dict[str, bytes], list[str], str]] = [
    (
        "django-startproject",
        {"requirements.txt": b"Django==5.0.1\npsycopg[binary]>=3.1\ngunicorn\n"},
        ["manage.py", "mysite/settings.py", "Dockerfile"],
        "Django",
    ),
    (
        "laravel",
        {
            "composer.json": b'{"require": {"php": "^8.2", "laravel/framework": "^11.0"},'
            b' "require-dev": {"phpunit/phpunit": "^11"}}'
        },
        ["artisan", "routes/web.php", "phpunit.xml"],
        "Laravel",
    ),
    (
        "rails-new",
        {
            "Gemfile": b'source "https://rubygems.org"\ngem "rails", "~> 7.1.3"\ngem "puma"\n'
            b'group :development, :test do\n  gem "rspec-rails"\nend\n'
        },
        ["config/routes.rb", "bin/rails", "app/models/user.rb"],
        "Rails",
    ),
    (
        "flutter-create",
        {
            "pubspec.yaml": b"name: my_app\ndependencies:\n  flutter:\n    sdk: flutter\n"
            b"dev_dependencies:\n  flutter_test:\n    sdk: flutter\n"
        },
        ["lib/main.dart", "android/app/src/main/AndroidManifest.xml"],
        "Flutter",
    ),
    (
        "spring-initializr-gradle",
        {
            "build.gradle.kts": b'plugins {\n  id("org.springframework.boot") version "3.2.1"\n}\n'
            b'dependencies {\n  implementation("org.springframework.boot:spring-boot-starter-web")'
            b"\n}\n"
        },
        ["gradlew", "src/main/kotlin/App.kt"],
        "Spring Boot",
    ),
    (
        "angular-cli",
        {
            "package.json": b'{"name": "shop", "dependencies": {"@angular/core": "^17.0.0",'
            b' "rxjs": "~7.8.0"}, "devDependencies": {"@angular/cli": "^17"}}'
        },
        ["angular.json", "src/main.ts"],
        "Angular",
    ),
    (
        "nest-new",
        {
            "package.json": b'{"dependencies": {"@nestjs/core": "^10", "@nestjs/common": "^10"},'
            b' "devDependencies": {"jest": "^29"}}'
        },
        ["nest-cli.json", "src/main.ts"],
        "NestJS",
    ),
    (
        "cargo-axum",
        {
            "Cargo.toml": b'[package]\nname = "api"\n[dependencies]\naxum = "0.7"\n'
            b'tokio = { version = "1", features = ["full"] }\n'
        },
        ["src/main.rs"],
        "Axum",
    ),
    (
        "go-echo",
        {
            "go.mod": b"module example.com/api\n\ngo 1.22\n\n"
            b"require github.com/labstack/echo/v4 v4.11.4\n"
        },
        ["main.go"],
        "Echo",
    ),
    (
        "conda-ml",
        {
            "environment.yml": b"name: ml\ndependencies:\n  - pytorch::pytorch\n  - pip:\n"
            b"    - lightning\n"
        },
        ["train.py"],
        "PyTorch",
    ),
    (
        "poetry-fastapi",
        {
            "pyproject.toml": b'[tool.poetry]\nname = "svc"\n[tool.poetry.dependencies]\n'
            b'python = "^3.11"\nfastapi = "^0.110"\n'
        },
        ["svc/main.py"],
        "FastAPI",
    ),
]


@pytest.mark.parametrize(
    ("files", "paths", "top"), [p[1:] for p in PROJECTS], ids=[p[0] for p in PROJECTS]
)
def test_typical_project_top_framework(files: dict[str, bytes], paths: list[str], top: str) -> None:
    detection = detect([*files, *paths], files)
    assert detection.frameworks[0].name == top
    assert detection.frameworks[0].confidence >= 0.9
    assert detection.problems == ()


FORMATS = [
    "requirements.txt",
    "pyproject.toml",
    "setup.cfg",
    "setup.py",
    "environment.yml",
    "Pipfile",
    "package.json",
    "composer.json",
    "Cargo.toml",
    "go.mod",
    "pom.xml",
    "build.gradle",
    "Gemfile",
    "x.gemspec",
    "pubspec.yaml",
    "pnpm-workspace.yaml",
]


@pytest.mark.parametrize("seed", range(20))
def test_garbage_never_breaks_detection(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = b"{}[]()<>\"'=:,-#\\\n\t &;!/.@*abcXYZ019\xff\x00"
    files = {
        path: bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 400))) for path in FORMATS
    }
    files["main.py"] = bytes(rng.randrange(256) for _ in range(300))
    detection = detect([*files, "README.md"], files)
    assert set(detection.manifests_read) == set(FORMATS)
    for path, data in files.items():
        if path != "main.py":
            parse_manifest(path, data)  # and on its own, too
