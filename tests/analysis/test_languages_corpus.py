"""``bytes_from_listing`` over each corpus tree agrees with Linguist's ``languages.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.analysis import linguist_rules
from tui.analysis.gitattributes import AttributeRules
from tui.analysis.languages import bytes_from_listing, shares

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "dev"
REPOS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
TOLERANCE = 2.0
"""Percentage points each share may differ by."""

UNKNOWN_TO_REFERENCE = frozenset({"MDX"})
"""Languages the corpus's Linguist (7.22.1) did not have: its languages.yml has no MDX entry, so
``.mdx`` files were left unclassified then, while today's table (and GitHub) counts them."""

NAME_ONLY_LIMIT = {
    "BurntSushi__ripgrep": "benchsuite/benchsuite is Python known only by its #! line, which a "
    "name-only listing cannot see (2.4 points of Python); the local scan reads it",
}
"""Repositories where a listing without contents cannot reach 2 points, and why."""


def _listing(repo: Path) -> list[tuple[str, int | None]]:
    tree = json.loads((repo / "tree.json").read_text(encoding="utf-8"))["tree"]
    return [(entry["path"], entry.get("size")) for entry in tree if entry["type"] == "blob"]


def _attributes(repo: Path) -> AttributeRules | None:
    found = repo / "files" / ".gitattributes"
    return AttributeRules.from_text(found.read_text(encoding="utf-8")) if found.exists() else None


def _percentages(counted: dict[str, int]) -> dict[str, float]:
    kept = {name: n for name, n in counted.items() if name not in UNKNOWN_TO_REFERENCE}
    return {share.name: share.percent for share in shares(kept)}


def _params() -> list[object]:
    return [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(reason=NAME_ONLY_LIMIT[name], strict=True)]
            if name in NAME_ONLY_LIMIT
            else [],
        )
        for name in REPOS
    ]


@pytest.fixture(params=[None, False], ids=["enry", "fallback"])
def use_enry(request: pytest.FixtureRequest) -> bool | None:
    """Count with enry's path rules when installed, and with the bundled patterns."""
    if request.param is None and linguist_rules.ENRY is None:
        pytest.skip("enry is not installed on this platform")
    return request.param  # type: ignore[no-any-return]  # pytest's param is Any


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
@pytest.mark.parametrize("name", _params())
def test_listing_agrees_with_linguist(name: str, use_enry: bool | None) -> None:
    repo = CORPUS / name
    expected = _percentages(json.loads((repo / "languages.json").read_text(encoding="utf-8")))
    counted = bytes_from_listing(_listing(repo), attributes=_attributes(repo), use_enry=use_enry)
    got = _percentages(counted)
    assert next(iter(got)) == next(iter(expected))
    differences = {
        language: round(abs(got.get(language, 0.0) - expected.get(language, 0.0)), 1)
        for language in set(got) | set(expected)
    }
    assert max(differences.values()) <= TOLERANCE, differences


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
def test_newer_languages_are_counted_not_hidden() -> None:
    """The exclusion above only forgives the reference: the listing does count MDX."""
    repo = CORPUS / "shadcn-ui__taxonomy"
    if not repo.is_dir():
        pytest.skip("shadcn-ui__taxonomy is not in the corpus")
    assert bytes_from_listing(_listing(repo)).get("MDX", 0) > 0


def test_corpus_is_present_or_skipped_clearly() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    assert len(REPOS) >= 10
