"""Framework detection from listings and manifests: confidence, scopes, evidence, "is self"."""

from __future__ import annotations

from tui.analysis.frameworks import Detection, detect
from tui.analysis.report import Framework


def _by_name(detection: Detection) -> dict[str, Framework]:
    """Detected frameworks by display name."""
    return {framework.name: framework for framework in detection.frameworks}


def test_runtime_dependency_with_evidence_line() -> None:
    files = {"requirements.txt": b"# ml\ntorch==1.12.0\nfairseq==0.12.2\n"}
    found = _by_name(detect(["requirements.txt"], files))
    torch = found["PyTorch"]
    assert torch.category == "ml"
    assert torch.evidence[0].path == "requirements.txt"
    assert torch.evidence[0].detail == "torch==1.12.0"
    assert torch.evidence[0].line == 2
    assert torch.homepage == "https://pytorch.org"
    assert not torch.is_self
    assert torch.only_in is None
    assert "fairseq" in found


def test_runtime_outweighs_dev_and_examples() -> None:
    files = {
        "pyproject.toml": b'[project]\nname = "app"\ndependencies = ["django"]\n'
        b'[dependency-groups]\ndev = ["pytest"]\n',
        "examples/demo/requirements.txt": b"flask\n",
    }
    found = _by_name(detect(list(files), files))
    assert found["Django"].confidence > found["pytest"].confidence > found["Flask"].confidence
    assert found["Flask"].only_in == "examples"
    assert found["pytest"].only_in is None


def test_docs_only_detection_is_marked() -> None:
    files = {"docs/requirements.txt": b"sphinx\n"}
    found = _by_name(detect(list(files), files))
    assert found["Sphinx"].only_in == "docs"


def test_is_self_from_own_package_name() -> None:
    files = {"pyproject.toml": b'[project]\nname = "Flask"\ndependencies = ["click"]\n'}
    found = _by_name(detect(["pyproject.toml"], files))
    assert found["Flask"].is_self
    assert found["Flask"].confidence == 1.0
    assert not found["Click"].is_self


def test_example_package_name_is_not_self() -> None:
    files = {"examples/x/package.json": b'{"name": "react"}'}
    assert "React" not in _by_name(detect(list(files), files))


def test_is_self_from_go_module_path_with_major_version() -> None:
    files = {"go.mod": b"module github.com/labstack/echo/v4\n\ngo 1.21\n"}
    assert _by_name(detect(["go.mod"], files))["Echo"].is_self


def test_is_self_from_package_folder_named_like_repo() -> None:
    paths = ["src/flask/__init__.py", "src/flask/app.py", "README.md"]
    found = _by_name(detect(paths, {}, repo_name="pallets/flask"))
    assert found["Flask"].is_self
    assert not _by_name(detect(paths, {}, repo_name="someone/other")).get("Flask")


def test_markers_alone_give_medium_confidence() -> None:
    paths = ["manage.py", "next.config.mjs", ".github/workflows/ci.yml", "docker/Dockerfile"]
    found = _by_name(detect(paths, {}))
    assert {"Django", "Next.js", "GitHub Actions", "Docker"} <= set(found)
    assert all(0.3 <= fw.confidence < 0.9 for fw in found.values())
    assert found["Django"].evidence[0].path == "manage.py"


def test_markers_in_vendored_like_places_are_weak() -> None:
    found = _by_name(detect(["tests/fixtures/angular.json"], {}))
    assert found["Angular"].confidence < 0.6


def test_dependency_and_marker_corroborate() -> None:
    files = {"package.json": b'{"dependencies": {"next": "14", "react": "18"}}'}
    alone = _by_name(detect(["package.json"], files))["Next.js"].confidence
    both = _by_name(detect(["package.json", "next.config.js"], files))["Next.js"].confidence
    assert both > alone


def test_sorted_by_confidence_then_name() -> None:
    # a library ("main"): its devDependencies are its build, weaker than what it depends on
    package = (
        b'{"main": "index.js", "dependencies": {"vue": "3"}, "devDependencies": {"vite": "5"}}'
    )
    files = {"package.json": package}
    detection = detect(["package.json", "vite.config.ts", "Dockerfile"], files)
    keys = [(-fw.confidence, fw.name.lower()) for fw in detection.frameworks]
    assert keys == sorted(keys)
    assert detection.frameworks[0].name == "Vue"


def test_problems_and_manifests_read_are_reported() -> None:
    files = {"package.json": b"{broken", "go.mod": b"module x\n", "main.py": b"import torch\n"}
    detection = detect(list(files), files)
    assert detection.manifests_read == ("package.json", "go.mod")
    assert len(detection.problems) == 1
    assert detection.problems[0].startswith("package.json")


def test_nothing_found_is_empty() -> None:
    files = {"Cargo.toml": b'[package]\nname = "tool"\n[dependencies]\nmemchr = "2"\n'}
    assert detect(["Cargo.toml", "src/main.rs"], files).frameworks == ()


def test_untrusted_text_is_kept_verbatim() -> None:
    files = {"requirements.txt": b"torch[x]==1.0 ; extra == '[@click=app.quit]'\n"}
    evidence = _by_name(detect(["requirements.txt"], files))["PyTorch"].evidence[0]
    assert "[@click=app.quit]" in evidence.detail


def test_silent_until_a_manifest_names_a_framework() -> None:
    assert detect([".github/workflows/ci.yml"], {}).silent
    quiet = {"requirements.txt": b"some-obscure-lib\n"}
    assert detect(list(quiet), quiet).silent
    loud = {"requirements.txt": b"django\n"}
    assert not detect(list(loud), loud).silent


def test_supporting_libraries_rank_below_frameworks_with_equal_evidence() -> None:
    files = {"requirements.txt": b"click==8.1.3\nnumpy==1.24\ntorch==1.12\nfairseq==0.12\n"}
    names = [fw.name for fw in detect(["requirements.txt"], files).frameworks]
    assert names[:2] == ["fairseq", "PyTorch"]
    assert set(names[2:]) == {"Click", "NumPy"}


def test_markers_in_vendored_folders_are_ignored() -> None:
    paths = ["node_modules/x/jest.config.js", "vendor/y/Dockerfile", "third_party/z/manage.py"]
    assert detect(paths, {}).frameworks == ()


def test_is_self_from_a_gemspec() -> None:
    files = {"sinatra.gemspec": b'Gem::Specification.new do |s|\n  s.name = "sinatra"\nend\n'}
    assert _by_name(detect(list(files), files))["Sinatra"].is_self
