"""Linguist's path lists, indexed by literal text, say what their one alternation said.

``PathPatterns`` compiles a pattern only when a path holds the text a match of it must hold;
the reference here is the matcher it replaced (each anchoring's patterns as one alternation,
tried at the start, at every folder start, or anywhere), compared on every path of the corpus
trees and this checkout and on tens of thousands of paths made from the patterns' own words.
"""

from __future__ import annotations

import random
import re
import subprocess
import warnings
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.doubles.corpus import blob_paths
from tui.analysis.linguist_patterns import (
    DOCUMENTATION_PATTERNS,
    GENERATED_PATTERNS,
    VENDOR_PATTERNS,
)
from tui.analysis.path_patterns import PathPatterns
from tui.analysis.regex_literals import literal_end, literal_inside, literal_start

with warnings.catch_warnings():  # Python's own parser: an independent reading of each pattern
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as sc
    import sre_parse

ROOT = Path(__file__).parents[2]
CORPORA = ROOT.parent / "shared" / "corpus"
LISTS = {
    "vendor": VENDOR_PATTERNS,
    "documentation": DOCUMENTATION_PATTERNS,
    "generated": GENERATED_PATTERNS,
}


class _Old(NamedTuple):
    """The matcher as it was (``linguist_rules._PathMatcher``): three alternations."""

    at_start: re.Pattern[str]
    at_segment: re.Pattern[str]
    anywhere: re.Pattern[str]

    def search(self, path: str) -> bool:
        if self.at_start.match(path) or self.anywhere.search(path):
            return True
        start = 0
        while start >= 0:
            if self.at_segment.match(path, start):
                return True
            start = path.find("/", start) + 1 or -1
        return False


def _old(patterns: tuple[str, ...]) -> _Old:
    groups: dict[str, list[str]] = {"^": [], "(^|/)": [], "": []}
    for pattern in patterns:
        pattern = re.sub(r"^\((?:\.\*\?|\[\^\\s\]\*)\)", "", pattern).replace("(^|\\/)", "(^|/)")
        prefix = next((p for p in ("(^|/)", "^") if pattern.startswith(p)), "")
        groups[prefix].append(pattern[len(prefix) :])

    def alternation(bodies: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{body})" for body in bodies) or r"(?!)")

    return _Old(*(alternation(groups[key]) for key in ("^", "(^|/)", "")))


def _real_paths() -> set[str]:
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    paths = set(listed)
    for folder in sorted(CORPORA.glob("dev*/*")):
        if (folder / "tree.json").is_file():
            paths.update(blob_paths(folder))
    return paths


def _words() -> list[str]:
    """The patterns' words and the characters between them (``jquery``, ``min``, ``.``, ``-``)."""
    found: set[str] = set()
    for patterns in LISTS.values():
        for pattern in patterns:
            found.update(re.findall(r"[A-Za-z0-9_~]+", pattern.replace("\\d", "7")))
    return [*sorted(found), ".", "-", "_", "/", "1.2.3", "v", "V", "x", "3rd"]


_CATEGORY = {sc.CATEGORY_DIGIT: "7", sc.CATEGORY_WORD: "a", sc.CATEGORY_SPACE: " "}


def _member(members: Any, chooser: random.Random) -> str:
    """One character of a parsed class (``Q`` for a negated one: no pattern's class holds it)."""
    if any(op is sc.NEGATE for op, _ in members):
        return "Q"
    op, arg = chooser.choice(members)
    if op is sc.RANGE:
        return chr(arg[0])
    return _CATEGORY.get(arg, "a") if op is sc.CATEGORY else chr(arg)


def _example(items: Any, chooser: random.Random) -> str:
    """A string the parsed pattern ``items`` may match (anchors and lookarounds ignored)."""
    out = []
    for op, arg in items:
        if op is sc.LITERAL:
            out.append(chr(arg))
        elif op in (sc.NOT_LITERAL, sc.ANY):
            out.append("q")
        elif op is sc.IN:
            out.append(_member(arg, chooser))
        elif op is sc.BRANCH:
            out.append(_example(chooser.choice(arg[1]), chooser))
        elif op is sc.SUBPATTERN:
            out.append(_example(arg[3], chooser))
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT):
            low, high, sub = arg
            times = chooser.randint(low, min(high, low + 2))
            out.extend(_example(sub, chooser) for _ in range(times))
    return "".join(out)


def _pattern_paths() -> list[str]:
    """Strings each pattern matches (a few ways), put at the root, deeper, beside other text,
    and near misses (a character dropped, upper case)."""
    chooser = random.Random(15)
    out = []
    for patterns in LISTS.values():
        for pattern in patterns:
            parsed = sre_parse.parse(pattern)
            for _ in range(6):
                word = _example(parsed, chooser)
                cut = chooser.randrange(len(word) or 1)
                for made in (word, word.upper(), word[:cut] + word[cut + 1 :]):
                    out += [made, f"a/{made}", f"src/{made}/x.js", f"x{made}", f"{made}.py"]
                    out += [f"{made}\n", f"a/{made}\n\n"]  # "$" lets one final newline pass
    return out


def _made_paths(count: int) -> list[str]:
    """Paths glued from the patterns' words, folders and extensions, case and digits varied."""
    chooser = random.Random(15)
    words = _words()
    joins = ["/", "/", ".", "-", "_", ""]
    out = []
    for _ in range(count):
        parts = [chooser.choice(words) for _ in range(chooser.randint(1, 6))]
        path = "".join(part + chooser.choice(joins) for part in parts[:-1]) + parts[-1]
        if chooser.random() < 0.2:
            path = path.capitalize() if chooser.random() < 0.5 else path.upper()
        if chooser.random() < 0.3:
            path += chooser.choice([".js", ".css", ".min.js", ".py", "/", ".md", ".lock", ""])
        out.append(path)
    return out


@pytest.mark.parametrize("name", sorted(LISTS))
def test_same_answer_as_the_alternation(name: str) -> None:
    """On every real path, paths made from each pattern and 40,000 glued from their words,
    the index and the alternation agree."""
    patterns = LISTS[name]
    old, new = _old(patterns), PathPatterns(patterns)
    paths = sorted(_real_paths()) + _pattern_paths() + _made_paths(40_000)
    differ = [path for path in paths if new.search(path) != old.search(path)]
    assert differ == []
    # not a vacuous agreement: most patterns match some of the paths compared
    singles = {pattern: _old((pattern,)) for pattern in patterns}
    hit = {p for p, single in singles.items() if any(single.search(path) for path in paths)}
    assert sorted(set(patterns) - hit) == []


def test_every_pattern_matches_where_its_own_text_stands() -> None:
    """Each pattern's literal start, put at a folder start, is where the index tries it."""
    for patterns in LISTS.values():
        new = PathPatterns(patterns)
        for pattern in patterns:
            body = pattern.removeprefix("(^|/)").removeprefix("(^|\\/)").removeprefix("^")
            for word in literal_start(body) or literal_inside(body):
                for path in (word, f"a/{word}", f"a/{word}x/y.js", f"x{word}"):
                    assert new.search(path) == _old(patterns).search(path), (pattern, path)


@pytest.mark.parametrize(
    ("body", "start", "inside"),
    [
        ("cache/", ("cac",), ("cache/",)),
        ("[Dd]ocs?/", ("Doc", "doc"), ("Doc", "doc")),
        ("[Vv]+endor/", ("V", "v"), ("endor/",)),
        ("d3(\\.v\\d+)?([^.]*)\\.js$", ("d3",), (".js",)),
        ("(3rd|[Tt]hird)[-_]?[Pp]arty/", (), ("Party/", "party/")),
        ("font-?awesome\\.(css|less)$", ("fon",), ("awesome.css", "awesome.less")),
        ("\\.pb\\.(go|cc|h|c)$", (".pb",), (".pb.go", ".pb.cc", ".pb.h", ".pb.c")),
        ("(?:^|/)\\.idea/", (), (".idea/",)),
        ("a|bcd", (), ()),  # a top-level alternation: nothing is certain
        ("(?i)abc", (), ()),  # a flag: the literal means more than its letters
        ("(a|(b))c", (), ("c",)),  # a group of groups is no plain text
        ("knockout-(\\d+\\.){3}js$", ("kno",), ("knockout-",)),
        (".\\.zep\\.(?:c|h|php)$", (), (".zep.c", ".zep.h", ".zep.php")),
    ],
)
def test_literal_text_a_match_must_hold(
    body: str, start: tuple[str, ...], inside: tuple[str, ...] | None
) -> None:
    """The literal start (three characters) and the most telling literal run of a pattern."""
    assert sorted(literal_start(body)) == sorted(start)
    assert sorted(literal_inside(body)) == sorted(inside if inside is not None else start)


@pytest.mark.parametrize(
    ("body", "end"),
    [
        ("\\.pb\\.(go|cc)$", (".pb.go", ".pb.cc")),
        ("(\\.|-)min\\.(js|css)$", (".min.js", ".min.css", "-min.js", "-min.css")),
        ("_pb2(_grpc)?\\.pyi?$", ()),  # an optional last letter: no certain end
        ("node_modules/", ()),  # not anchored at the end
        ("a\\$", ()),  # a dollar sign, not the end
        ("(x|$)", ()),
    ],
)
def test_literal_end_of_a_pattern(body: str, end: tuple[str, ...]) -> None:
    """What a match must end the text with, when ``$`` closes a literal run."""
    assert sorted(literal_end(body)) == sorted(end)


@pytest.mark.parametrize(
    ("patterns", "path"),
    [
        (("[\\]a]x",), "]x"),  # an escaped "]" is a member: the class does not end there
        (("[^]a]bc",), "zbc"),  # "]" first after "^" is a member
        (("(^|/)[^]a]bcd",), "zbcd"),
        (("[]a]x",), "]x"),  # "]" first is a member
        (("([\\])])z",), ")z"),  # a class holding ")" inside a group
    ],
)
def test_classes_holding_a_bracket_read_as_re_reads_them(
    patterns: tuple[str, ...], path: str
) -> None:
    """Regenerated lists may hold such classes: the index answers as the alternation does."""
    assert _old(patterns).search(path)
    assert PathPatterns(patterns).search(path)
