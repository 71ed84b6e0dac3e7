"""README install commands: documentation-only evidence, never prose."""

from __future__ import annotations

import pytest

from tui.analysis.frameworks import detect
from tui.analysis.frameworks_readme import is_readme, readme_dependencies


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("pip install torch numpy", [("pypi", "torch"), ("pypi", "numpy")]),
        (
            "$ python -m pip install -U 'transformers[torch]>=4' -r req.txt",
            [("pypi", "transformers")],
        ),
        ("conda install -c pytorch pytorch=2.0", [("conda", "pytorch")]),
        (
            "npm install --save-dev @angular/core@17 react",
            [("npm", "@angular/core"), ("npm", "react")],
        ),
        ("yarn add next", [("npm", "next")]),
        ("cargo add tokio --features full", [("crates", "tokio")]),
        ("go get github.com/gin-gonic/gin@latest", [("go", "github.com/gin-gonic/gin")]),
        ("gem install rails", [("rubygems", "rails")]),
        ("composer require laravel/framework", [("composer", "laravel/framework")]),
        ("flutter pub add provider", [("pub", "provider")]),
        ("pip install -e . && pytest", []),
        ("Install PyTorch from pytorch.org, or see our TensorFlow port.", []),
        ("pkgman install ripgrep", []),
    ],
)
def test_install_commands(line: str, expected: list[tuple[str, str]]) -> None:
    deps = readme_dependencies("README.md", f"# Title\n\n```\n{line}\n```\n".encode())
    assert [(dep.ecosystem, dep.name) for dep in deps] == expected
    assert all(dep.line == 4 for dep in deps)


def test_only_root_readmes() -> None:
    assert is_readme("README.md")
    assert is_readme("readme.rst")
    assert not is_readme("docs/README.md")
    assert not is_readme("READMEFIRST.txt")


def test_readme_alone_is_documentation_only() -> None:
    files = {"README.md": b"Install:\n\n    pip install torch\n\nWe also link a JAX port.\n"}
    found = {fw.name: fw for fw in detect(["README.md"], files).frameworks}
    assert set(found) == {"PyTorch"}
    assert found["PyTorch"].only_in == "docs"
    assert found["PyTorch"].evidence[0].line == 3
    assert detect(["README.md"], files).silent


def test_readme_corroborates_imports() -> None:
    source = {"train.py": b"import torch\n"}
    readme = {"README.md": b"pip install torch\n"}
    alone = detect(["train.py"], source).frameworks[0].confidence
    both = detect(["train.py", "README.md"], {**source, **readme}).frameworks[0]
    assert both.confidence > alone
    assert both.only_in is None
