"""A framework that only supports beside another is not named next to it (rule data
``support_beside``): a deep-learning project that pins scikit-learn for its metrics is "built with
PyTorch", while a project built on scikit-learn alone is "built with scikit-learn"."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.report import LanguageShare, RepoInfo, RepoReport
from tui.analysis.rules import load_rules
from tui.analysis.verdict import decide

PYTHON = (LanguageShare("Python", 60_000, 100.0, "#3572A5"),)

FROZEN_ENV = """# pinned environment for training and evaluation
click==8.1.3
fairseq==0.12.2
nltk==3.8.1
numpy==1.24.1
sacremoses==0.0.53
scikit-learn==1.2.1
scipy==1.10.0
torch==1.12.0
"""


def named(requirements: str, name: str = "lab/model") -> list[str]:
    files = {"requirements.txt": requirements.encode()}
    detection = detect(list(files), files, repo_name=name)
    report = RepoReport(RepoInfo(full_name=name), PYTHON, detection.frameworks)
    return [f.name for f in decide(report).frameworks]


def test_metrics_libraries_beside_pytorch_are_not_what_it_is_built_with() -> None:
    assert named(FROZEN_ENV) == ["PyTorch", "fairseq"]


def test_a_classic_ml_project_is_built_with_scikit_learn() -> None:
    assert named("scikit-learn>=1.3\npandas>=2.0\nnltk>=3.8\n") == ["scikit-learn", "NLTK"]


def test_beside_a_gradient_boosting_library_scikit_learn_is_still_named() -> None:
    assert named("xgboost==2.0.3\nscikit-learn==1.4.0\n") == ["XGBoost", "scikit-learn"]


def test_every_support_beside_entry_names_a_rule() -> None:
    names = {rule.name for rule in load_rules()}
    for rule in load_rules():
        assert set(rule.support_beside) <= names, rule.name
