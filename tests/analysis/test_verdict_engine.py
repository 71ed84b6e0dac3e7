"""The verdict engine on the failure shapes of issue 10, each as a small realistic repository.

Detection runs the way a source runs it: manifests first, then (when they name no primary
framework) a few sampled sources, so each case also proves what is read.
"""

from __future__ import annotations

import json

from tui.analysis.frameworks import detect, manifests_to_fetch, sources_to_sample
from tui.analysis.report import Basis, Evidence, Framework, LanguageShare, RepoInfo, RepoReport
from tui.analysis.verdict import MAX_FRAMEWORKS, Verdict, decide
from tui.present.verdict import verdict_text

PYTHON = (LanguageShare("Python", 9000, 90.0, "#3572A5"), LanguageShare("Shell", 1000, 10.0, None))


def _report(name: str, files: dict[str, str], extra_paths: tuple[str, ...] = ()) -> RepoReport:
    """Detect over ``files`` (plus bare ``extra_paths``), sampling sources when manifests are
    silent, as ``tui.sources`` does."""
    paths = [*files, *extra_paths]
    data = {path: text.encode() for path, text in files.items()}
    wanted = {p: data[p] for p in manifests_to_fetch(paths, repo_name=name) if p in data}
    detection = detect(paths, wanted, repo_name=name)
    if detection.silent:
        wanted |= {p: data[p] for p in sources_to_sample(paths) if p in data}
        detection = detect(paths, wanted, repo_name=name)
    return RepoReport(RepoInfo(full_name=name), languages=PYTHON, frameworks=detection.frameworks)


def _named(verdict: Verdict) -> list[str]:
    return [f.name for f in verdict.frameworks]


def test_a_build_tool_is_itself_not_the_frameworks_of_its_templates() -> None:
    template = json.dumps({"dependencies": {"react": "^18.2.0", "react-dom": "^18.2.0"}})
    report = _report(
        "acme/vite",
        {
            "package.json": json.dumps({"name": "vite", "dependencies": {"esbuild": "^0.21"}}),
            "packages/create-vite/template-react/package.json": template,
            "packages/create-vite/template-vue/package.json": '{"dependencies": {"vue": "^3"}}',
        },
    )
    verdict = decide(report)
    assert _named(verdict) == ["Vite"]
    assert verdict.frameworks[0].is_self
    react = next(f for f in report.frameworks or () if f.name == "React")
    assert react.only_in == "examples"  # listed, marked, never headlined
    assert (
        verdict_text(report)
        == "acme/vite is Vite itself, written in Python (90.0 %) and Shell (10.0 %)."
    )


def test_an_http_client_is_itself_not_its_docs_generator() -> None:
    pyproject = (
        '[project]\nname = "httpx"\ndependencies = ["certifi", "httpcore==1.*", "idna"]\n'
        '[project.optional-dependencies]\nhttp2 = ["h2>=3,<5"]\n'
    )
    files = {
        "pyproject.toml": pyproject,
        "requirements.txt": "-e .[http2]\nmkdocs==1.6.1\nmkdocs-material==9.5\npytest==8.3\n",
        "httpx/__init__.py": "",
    }
    verdict = decide(_report("encode/httpx", files))
    assert _named(verdict) == ["httpx"]
    assert verdict.frameworks[0].why == "pyproject.toml:2 package name: httpx"


def test_docs_test_and_container_tools_never_make_the_headline() -> None:
    files = {
        "requirements.txt": "flask==3.0.0\nmkdocs==1.6.1\npytest==8.3.0\nsphinx==7.0\n",
        "Dockerfile": "FROM python:3.12\n",
        ".github/workflows/ci.yml": "on: push\n",
        "docs/requirements.txt": "mkdocs-material\n",
    }
    report = _report("acme/shop", files)
    assert {"MkDocs", "pytest", "Docker", "GitHub Actions"} <= {
        f.name for f in report.frameworks or ()
    }
    assert _named(decide(report)) == ["Flask"]


def test_equal_confidence_is_ordered_by_what_decided_it_never_by_name() -> None:
    # alphabetical order would put OpenCV (a supporting library) before PyTorch
    files = {"requirements.txt": "numpy\nopencv-python==4.9\nPillow\ntorch==2.2.0\n"}
    verdict = decide(_report("acme/detector", files))
    assert _named(verdict)[0] == "PyTorch"
    assert verdict.frameworks[0].why == "requirements.txt:4 torch==2.2.0"
    assert "OpenCV" not in _named(verdict)  # supporting: named only when nothing primary is


def test_a_root_manifest_outranks_a_member_which_outranks_imports() -> None:
    files = {
        "requirements.txt": "tensorflow==2.15\n",
        "services/api/requirements.txt": "aiohttp==3.9\n",
        "train.py": "import tensorflow as tf\n",
    }
    verdict = decide(_report("acme/mixed", files))
    assert _named(verdict) == ["TensorFlow", "aiohttp"]  # "a" < "T" by name, not by evidence
    assert [f.basis for f in verdict.frameworks] == [Basis.ROOT, Basis.MEMBER]


def test_the_foundation_comes_first_on_equal_evidence() -> None:
    files = {"requirements.txt": "fairseq==0.12.2\ntransformers==4.40.0\ntorch==1.12.0\n"}
    named = ["PyTorch", "fairseq", "Hugging Face Transformers"]
    assert _named(decide(_report("acme/bio", files))) == named


def test_a_cli_helper_in_requirements_does_not_stop_import_sampling() -> None:
    source = "import json\nimport tensorflow as tf\nfrom absl import flags\n"
    files = {"requirements.txt": "fire==0.4.0\n", "run_classifier.py": source}
    report = _report("acme/bert-like", files)
    verdict = decide(report)
    assert _named(verdict) == ["TensorFlow"]
    assert verdict.frameworks[0].weak
    assert verdict.frameworks[0].why == "run_classifier.py:2 import tensorflow as tf"
    assert "probably built with TensorFlow (imports in 1 file)" in verdict_text(report)


def test_weak_evidence_is_said_to_be_weak() -> None:
    files = {f"{name}.py": "import torch\nimport numpy as np\n" for name in ("train", "model", "b")}
    report = _report("acme/gpt", files)
    text = verdict_text(report)
    assert text.endswith("(10.0 %), probably built with PyTorch (imports in 3 files).")


def test_a_platform_under_a_framework_is_not_a_second_framework() -> None:
    pubspec = "name: shopper\ndependencies:\n  flutter:\n    sdk: flutter\n  http: ^1.2.0\n"
    gradle = "plugins {\n    id 'com.android.application'\n    id 'kotlin-android'\n}\n"
    files = {"pubspec.yaml": pubspec, "android/app/build.gradle": gradle}
    report = _report("acme/shopper", files, ("android/app/src/main/AndroidManifest.xml",))
    assert "Android" in {f.name for f in report.frameworks or ()}
    assert _named(decide(report)) == ["Flutter"]


def test_frameworks_only_in_templates_playgrounds_or_fixtures_are_examples() -> None:
    files = {
        "package.json": json.dumps({"name": "create-thing", "bin": "index.js"}),
        "templates/react/package.json": '{"dependencies": {"react": "^18"}}',
        "playground/package.json": '{"dependencies": {"vue": "^3"}}',
        "test/fixtures/app/package.json": '{"dependencies": {"express": "^4"}}',
        "benchmarks/package.json": '{"dependencies": {"fastify": "^4"}}',
    }
    report = _report("acme/create-thing", files)
    listed = {f.name: f.only_in for f in report.frameworks or ()}
    assert listed == {"React": "examples", "Vue": "examples", "Express": "examples",
                      "Fastify": "examples"}  # fmt: skip
    assert decide(report).frameworks == ()
    assert verdict_text(report).endswith("; no framework was detected.")


def test_supporting_libraries_only_when_nothing_primary_exists() -> None:
    libraries = "numpy==1.26\nrequests==2.31\nclick==8.1\n"
    alone = decide(_report("acme/tool", {"requirements.txt": libraries}))
    assert set(_named(alone)) == {"NumPy", "requests", "Click"}
    with_django = decide(_report("acme/site", {"requirements.txt": libraries + "Django==5.0\n"}))
    assert _named(with_django) == ["Django"]


def test_a_data_app_framework_is_primary_whatever_its_category() -> None:
    files = {"requirements.txt": "pandas==2.2\nstreamlit==1.35\n"}
    assert _named(decide(_report("acme/dashboard", files))) == ["Streamlit"]


def test_at_most_four_frameworks_and_the_other_languages_above_ten_percent() -> None:
    deps = "torch\ntensorflow\njax\nflask\ndjango\nfastapi\n"
    report = _report("acme/everything", {"requirements.txt": deps})
    verdict = decide(report)
    assert len(verdict.frameworks) == MAX_FRAMEWORKS
    assert [(lang.name, lang.percent) for lang in verdict.languages] == [
        ("Python", 90.0),
        ("Shell", 10.0),
    ]


def test_unknown_and_hand_made_frameworks() -> None:
    bare = RepoReport(RepoInfo(full_name="o/r"), languages=PYTHON)
    assert not decide(bare).known
    assert verdict_text(bare).endswith("; its frameworks are not known yet.")
    plain = Framework("PyTorch", "ml", 0.9, evidence=(Evidence("setup.py", "torch", 9),))
    verdict = decide(RepoReport(RepoInfo(full_name="o/r"), frameworks=(plain,)))
    assert verdict.frameworks[0].why == "setup.py:9 torch"
    assert not verdict.frameworks[0].weak
