"""The rule index finds the same rules as the straightforward one it replaced.

The index compiles marker patterns and dependency globs only when a path or a name could match
them (start-up cost); these tests hold it to the old index's answers: every marker pattern
checked with ``pathspec`` on every path, every glob with ``fnmatch`` on every name, over every
path of the corpus trees and paths and names made from the rules themselves.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pathspec
import pytest

from tests.doubles.corpus import blob_paths
from tui.analysis.manifests import Dependency
from tui.analysis.manifests.base import normalise
from tui.analysis.report import Scope
from tui.analysis.rule_markers import MarkerIndex
from tui.analysis.rules import Rule, RuleIndex, load_rules

CORPORA = Path(__file__).parents[2].parent / "shared" / "corpus"
RULES = load_rules()
INSTANCES = ("", "x", "core", "a.b", "main", "web-2")
"""What a ``*`` or ``?`` of a pattern is replaced with to make sample paths and names."""


def _old_markers(rules: tuple[Rule, ...], path: str) -> list[str]:
    """The marker lookup as it was: a regex of every last part, then every rule's spec."""
    last = {p.rstrip("/").rsplit("/", 1)[-1] for r in rules for p in r.files}
    names = re.compile("|".join(fnmatch.translate(part) for part in sorted(last)))
    if not names.match(path.rsplit("/", 1)[-1]):
        return []
    specs = [(r, pathspec.GitIgnoreSpec.from_lines(r.files)) for r in rules if r.files]
    return [r.name for r, spec in specs if spec.match_file(path)]


def _instances(pattern: str) -> set[str]:
    """``pattern`` with its wildcards filled in a few ways."""
    out = set()
    for fill in INSTANCES:
        out.add(pattern.replace("*", fill).replace("?", fill[:1] or "q"))
    return out


def _pattern_paths() -> set[str]:
    """Paths made from every marker pattern: at the root, deeper, as a folder, near misses."""
    paths: set[str] = set()
    for rule in RULES:
        for pattern in rule.files:
            for made in _instances(pattern.strip("/")):
                for where in (made, f"sub/{made}", f"a/b/{made}", f"{made}/inner.txt"):
                    paths.update({where, f"{where}.bak", f"x{where}", f"./{where}", f"/{where}"})
    return paths


def _corpus_paths() -> set[str]:
    """Every file path of every corpus repository's tree."""
    found: set[str] = set()
    for tree in sorted(CORPORA.glob("*/*/tree.json")):
        found.update(blob_paths(tree.parent))
    return found


def test_markers_match_as_before_on_corpus_and_pattern_paths() -> None:
    """Every path finds the same rules, in the same order, as every spec checked in turn."""
    index = RuleIndex(RULES)
    paths = sorted(_pattern_paths() | _corpus_paths())
    assert len(paths) > 5_000 or not CORPORA.is_dir()
    differ = [p for p in paths if [r.name for r in index.by_marker(p)] != _old_markers(RULES, p)]
    assert differ == []


@pytest.mark.parametrize(
    "patterns",
    [
        ("!keep.txt", "*.txt"),
        ("docs/**/conf.py",),
        ("a[bc].toml",),
        ("build/",),
        ("/top/only.cfg", "any.cfg"),
    ],
)
def test_patterns_beyond_the_plain_subset_follow_gitignore(patterns: tuple[str, ...]) -> None:
    """Negation, ``**``, classes and folders answer as ``pathspec`` does (made-up rules)."""
    rules = (Rule("R", "build", "https://example.org", "test", files=patterns),)
    index = MarkerIndex(rules)
    samples = [
        "keep.txt", "other.txt", "docs/conf.py", "docs/a/b/conf.py", "conf.py", "ab.toml",
        "ac.toml", "ad.toml", "build/x.o", "build", "src/build/y", "top/only.cfg",
        "x/top/only.cfg", "x/any.cfg", "any.cfg/inner",
    ]  # fmt: skip
    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    for path in samples:
        want = ["R"] if spec.match_file(path) and _old_markers(rules, path) else []
        assert [r.name for r in index.match(path)] == want, path


def _sample_names() -> set[tuple[str, str]]:
    """(ecosystem, name) pairs: every rule name, globs filled in, lookalikes around them."""
    pairs: set[tuple[str, str]] = set()
    for rule in RULES:
        for eco, names in rule.deps.items():
            for name in names:
                for made in _instances(name):
                    for other in (eco, "conda", "gradle", "sbt", "pypi", "maven"):
                        pairs.update({(other, made), (other, made + "-extra"), (other, made[1:])})
    return pairs


def _old_by_dependency(dep: Dependency) -> list[str]:
    """The dependency lookup as it was: exact names, then every glob of the ecosystem."""
    also = {"conda": ("conda", "pypi"), "gradle": ("gradle", "maven"), "sbt": ("sbt", "maven")}
    found: list[str] = []
    for eco in also.get(dep.ecosystem, (dep.ecosystem,)):
        for rule in RULES:
            for name in rule.deps.get(eco, ()):
                wanted = normalise(name, eco)
                if any(c in name for c in "*?["):
                    hit = fnmatch.fnmatchcase(dep.name, wanted)
                elif eco == "go":
                    hit = dep.name == wanted or (
                        dep.name.startswith(wanted + "/") and wanted.count("/") >= 2
                    )
                else:
                    hit = dep.name == wanted
                if hit and rule.name not in found:
                    found.append(rule.name)
    return found


def test_dependencies_match_the_same_rules_as_before() -> None:
    """Exact names and globs (``qt6*``, ``org.springframework.boot:*``) name the same rules."""
    index = RuleIndex(RULES)
    differ = []
    for eco, name in sorted(_sample_names()):
        dep = Dependency(normalise(name, eco), eco, Scope.RUNTIME, "x", None, name)
        got = sorted(r.name for r in index.by_dependency(dep))
        if got != sorted(_old_by_dependency(dep)):
            differ.append((eco, name, got))
    assert differ == []
