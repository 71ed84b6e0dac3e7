"""The verdict on every development-corpus repository, against a headline written by hand.

Each expected headline comes from the repository's ``frameworks.json`` labels (the ``self``
label first, then ``must`` labels that are frameworks rather than supporting libraries) and its
``languages.json`` (the top language, plus any other of at least 10 %), not from the product.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from tests.analysis.test_frameworks_corpus import CORPUS, REPOS, _detect, _load
from tui.analysis.languages import shares
from tui.analysis.report import RepoInfo, RepoReport
from tui.analysis.verdict import decide, is_tooling

pytestmark = pytest.mark.skipif(not REPOS, reason=f"development corpus not found at {CORPUS}")


class Headline(NamedTuple):
    """What the verdict must say about one repository."""

    languages: tuple[str, ...]
    first: str | None  # the framework named first; None: no framework at all
    named: frozenset[str]  # frameworks the verdict must name
    weak: bool = False  # the first is shown by imports only ("probably")


def _h(languages: str, first: str | None, *named: str, weak: bool = False) -> Headline:
    return Headline(tuple(languages.split(", ")), first, frozenset(named), weak)


EXPECTED = {
    # "no framework: the right answer is none detected" (corpus README)
    "BurntSushi__ripgrep": _h("Rust", None),
    "fastapi__fastapi": _h("Python", "FastAPI", "FastAPI", "Starlette"),
    "gin-gonic__gin": _h("Go", "Gin", "Gin"),
    "google-research__bert": _h("Python, Jupyter Notebook", "TensorFlow", "TensorFlow"),
    "karpathy__nanoGPT": _h("Python", "PyTorch", "PyTorch", weak=True),
    "microsoft__BioGPT": _h("Python", "PyTorch", "PyTorch", "fairseq"),
    # Click is a must label, but a supporting library: Flask itself is what it is
    "pallets__flask": _h("Python", "Flask", "Flask"),
    # the foundation first, as PyTorch before fairseq: Next.js is built on React
    "shadcn-ui__taxonomy": _h("TypeScript", "React", "Next.js", "React", "Tailwind CSS"),
    # Linguist counts a generated CSS file: CSS 65.2 %, Java 28.3 %
    "spring-projects__spring-petclinic": _h("CSS, Java", "Spring Boot", "Spring Boot"),
    "vuejs__core": _h("TypeScript", "Vue", "Vue"),
}


def _report(repo: str) -> RepoReport:
    detection = _detect(repo)
    languages = shares(_load(repo, "languages.json"))
    name = _load(repo, "repo.json").get("full_name") or repo
    return RepoReport(RepoInfo(full_name=name), languages, detection.frameworks)


def test_every_corpus_repository_has_an_expected_headline() -> None:
    assert set(EXPECTED) == set(REPOS)


@pytest.mark.parametrize("repo", REPOS)
def test_headline(repo: str) -> None:
    expected = EXPECTED[repo]
    report = _report(repo)
    verdict = decide(report)
    assert tuple(lang.name for lang in verdict.languages) == expected.languages
    names = [f.name for f in verdict.frameworks]
    assert (names[0] if names else None) == expected.first
    assert expected.named <= set(names)
    if names:
        assert verdict.frameworks[0].weak == expected.weak
        assert all(f.why for f in verdict.frameworks)


@pytest.mark.parametrize("repo", REPOS)
def test_headline_names_only_labelled_frameworks_and_no_tools(repo: str) -> None:
    labels = _load(repo, "frameworks.json")
    allowed = {label["name"] for kind in ("must", "may") for label in labels[kind]}
    report = _report(repo)
    names = {f.name for f in decide(report).frameworks}
    assert names <= allowed
    by_name = {f.name: f for f in report.frameworks or ()}
    assert not any(is_tooling(by_name[name]) or by_name[name].only_in for name in names)
