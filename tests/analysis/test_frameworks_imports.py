"""Import sampling: line-level patterns per language, and detection from imports alone."""

from __future__ import annotations

import pytest

from tui.analysis.frameworks import detect
from tui.analysis.imports import sample_imports


@pytest.mark.parametrize(
    ("path", "source", "modules"),
    [
        (
            "a.py",
            "import os, torch.nn as nn\nfrom sklearn import svm\nfrom . import x\n",
            ["os", "torch.nn", "sklearn"],
        ),
        ("a.py", "x = 'import torch'\n# import jax\n", []),
        (
            "a.ts",
            "import React from 'react'\nimport {a} from \"@nestjs/core/x\"\n",
            ["react", "@nestjs/core"],
        ),
        (
            "a.js",
            "const e = require('express')\nimport('./local')\nimport 'node:fs'\n",
            ["express"],
        ),
        (
            "a.go",
            'import "fmt"\nimport (\n  gin "github.com/gin-gonic/gin"\n  "os"\n)\n',
            ["fmt", "github.com/gin-gonic/gin", "os"],
        ),
        (
            "a.rs",
            "use tokio::sync;\npub use serde::Serialize;\nuse crate::x;\nextern crate clap;\n",
            ["tokio", "serde", "clap"],
        ),
        (
            "A.java",
            "import org.springframework.boot.SpringApplication;\nimport static org.junit.X.y;\n",
            ["org.springframework.boot.SpringApplication", "org.junit.X.y"],
        ),
        ("a.dart", "import 'package:flutter/material.dart';\nimport 'dart:io';\n", ["flutter"]),
        ("a.rb", "require 'sinatra'\nrequire_relative 'x'\n", ["sinatra"]),
        ("a.txt", "import torch\n", []),
    ],
)
def test_sample_imports(path: str, source: str, modules: list[str]) -> None:
    assert [found.module for found in sample_imports(path, source.encode())] == modules


def test_binary_and_invalid_utf8_sources_are_harmless() -> None:
    assert sample_imports("a.py", b"\x00\x01import torch") == []
    assert [i.module for i in sample_imports("a.py", b"\xff\xfe\nimport torch\n")] == ["torch"]


def test_indented_import_is_weaker_than_top_level() -> None:
    files = {
        "model.py": b"import torch\n\ndef load():\n    from transformers import GPT2\n",
        "train.py": b"import torch\n",
    }
    found = {fw.name: fw for fw in detect(list(files), files).frameworks}
    assert found["PyTorch"].confidence > found["Hugging Face Transformers"].confidence
    assert found["PyTorch"].evidence[0].line == 1


def test_imports_across_languages_map_to_frameworks() -> None:
    files = {
        "main.go": b'import "github.com/spf13/cobra"\n',
        "src/main.rs": b"use axum::Router;\n",
        "App.java": b"import io.quarkus.runtime.Quarkus;\n",
        "web/index.tsx": b"import { createApp } from 'vue'\n",
    }
    names = {fw.name for fw in detect(list(files), files).frameworks}
    assert {"Cobra", "Axum", "Quarkus", "Vue"} <= names


def test_imports_rank_below_a_declared_dependency() -> None:
    files = {"requirements.txt": b"flask\n", "app.py": b"import numpy\nimport flask\n"}
    found = {fw.name: fw for fw in detect(list(files), files).frameworks}
    assert found["Flask"].confidence > found["NumPy"].confidence
