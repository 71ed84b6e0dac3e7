"""What a person types becomes owner/repo; untrusted text becomes inert; verdicts read right."""

from __future__ import annotations

import pytest

from tui.analysis.report import Evidence, Framework, LanguageShare, RepoInfo, RepoReport
from tui.analysis.verdict import decide
from tui.present.verdict import verdict_brief
from tui.present.verdict import verdict_text as verdict
from tui.sources.names import looks_like_path, parse_repo_ref
from tui.textsafe import clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("microsoft/BioGPT", "microsoft/BioGPT"),
        ("  pallets/flask ", "pallets/flask"),
        ("https://github.com/microsoft/BioGPT", "microsoft/BioGPT"),
        ("https://github.com/microsoft/BioGPT/tree/main/src", "microsoft/BioGPT"),
        ("https://github.com/karpathy/nanoGPT.git", "karpathy/nanoGPT"),
        ("git@github.com:BurntSushi/ripgrep.git", "BurntSushi/ripgrep"),
        ("https://ghe.example.com/team/tool", "team/tool"),
        ("microsoft", None),
        ("a/b/c", None),
        ("", None),
        ("bad name/repo", None),
        ("owner/re po", None),
    ],
)
def test_parse_repo_ref(text: str, expected: str | None) -> None:
    assert parse_repo_ref(text) == expected


def test_paths_are_not_repos() -> None:
    assert looks_like_path("./src")
    assert looks_like_path("/home/me/clone")
    assert looks_like_path("~/code/x")
    assert not looks_like_path("owner/repo")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("title\x1b]0;pwned\x07 ok", "title ok"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),
        ("\x9b31m c1", "31m c1"),
        (None, ""),
    ],
)
def test_clean_strips_escapes_but_keeps_brackets(raw: str | None, expected: str) -> None:
    assert clean(raw) == expected


def test_clean_single_line_folds_whitespace() -> None:
    assert clean("a\n  b\tc", single_line=True) == "a b c"


def _fw(
    name: str, category: str = "ml", confidence: float = 0.9, only_in: str | None = None
) -> Framework:
    return Framework(
        name=name,
        category=category,
        confidence=confidence,
        evidence=(Evidence("requirements.txt", name.lower()),),
        only_in=only_in,
    )


def _report(frameworks: tuple[Framework, ...] | None) -> RepoReport:
    return RepoReport(
        info=RepoInfo(full_name="microsoft/BioGPT"),
        languages=(
            LanguageShare("Python", 127266, 98.8, "#3572A5"),
            LanguageShare("Shell", 1550, 1.2, "#89e051"),
        ),
        frameworks=frameworks,
    )


def test_verdict_names_top_language_and_frameworks() -> None:
    report = _report((_fw("PyTorch"), _fw("fairseq", confidence=0.85)))
    assert verdict(report) == (
        "microsoft/BioGPT is written in Python (98.8 %), built with PyTorch and fairseq."
    )


def test_verdict_leaves_out_tooling_and_examples_only() -> None:
    report = _report(
        (
            _fw("PyTorch"),
            _fw("GitHub Actions", category="infra"),
            _fw("pytest", category="test"),
            _fw("Flask", category="web-backend", only_in="examples"),
        )
    )
    assert [f.name for f in decide(report).frameworks] == ["PyTorch"]


def test_verdict_when_nothing_detected_or_unknown() -> None:
    assert verdict(_report(())).endswith("; no framework was detected.")
    assert verdict(_report(None)).endswith("; its frameworks are not known yet.")
    bare = RepoReport(info=RepoInfo(full_name="o/r"), languages=(), frameworks=())
    assert verdict(bare) == "o/r has no language statistics yet; no framework was detected."


def test_verdict_prefers_frameworks_to_supporting_libraries() -> None:
    numpy = Framework("NumPy", "data", 0.9, support=True)
    click = Framework("Click", "cli-tui", 0.9, support=True)
    report = _report((numpy, click, _fw("PyTorch", confidence=0.9), _fw("fairseq")))
    assert verdict(report).endswith("built with PyTorch and fairseq.")
    only_libraries = _report((numpy,))
    assert verdict(only_libraries).endswith("built with NumPy.")


def test_verdict_says_when_a_repo_is_the_framework() -> None:
    flask = Framework("Flask", "web-backend", 1.0, is_self=True)
    assert (
        verdict(_report((flask,)))
        == "microsoft/BioGPT is Flask itself, written in Python (98.8 %)."
    )
    starlette = _fw("Starlette", category="web-backend")
    assert verdict(_report((flask, starlette))).endswith(
        "is Flask itself, written in Python (98.8 %), built with Starlette."
    )
    # the compare column's two lines: itself, then what it is built on
    assert verdict_brief(_report((flask, starlette)))[1] == "is Flask, on Starlette"
    assert verdict_brief(_report((flask,)))[1] == "is Flask"


def test_weak_evidence_stays_out_of_the_verdict() -> None:
    assert verdict(_report((_fw("JAX", confidence=0.5),))).endswith("no framework was detected.")
