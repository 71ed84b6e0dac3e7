"""The manifest registry's globs, filed by how their file names end, match as their alternation did.

``Registry`` compiles a format's glob only when a file name ends the way the glob's last part
does; the reference is the matcher it replaced (every glob of a depth in one alternation, the
first matching one deciding that depth), compared on every corpus path and on paths made from
every glob (wildcards filled, near misses, deeper, upper case), for the bundled formats and
for made-up ones that stress the order rules (two globs of one depth, root-anchored formats).
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

from tests.doubles.corpus import blob_paths
from tui.analysis.manifest_formats import ROWS
from tui.analysis.manifests import Manifest
from tui.analysis.manifests.registry import Match, Registry, _kept, registry
from tui.analysis.manifests.spec import Format

CORPORA = Path(__file__).parents[2].parent / "shared" / "corpus"
FILLS = ("", "x", "Core", "a.b", "-", "_dev", "requirements", "install", "dockerfile", "a/b")


class _Old:
    """The glob part of ``Registry.match`` as it was: one named alternation per depth."""

    def __init__(self, formats: tuple[Format, ...]) -> None:
        by_depth: dict[int, list[str]] = {}
        self.by_group: dict[str, Format] = {}
        for item in formats:
            for pattern in item.patterns:
                group = f"g{len(self.by_group)}"
                self.by_group[group] = item
                alternatives = by_depth.setdefault(pattern.count("/") + 1, [])
                alternatives.append(f"(?P<{group}>{fnmatch.translate(pattern)})")
        self.patterns = [(d, re.compile("|".join(a))) for d, a in sorted(by_depth.items())]

    def match(self, path: str) -> Match | None:
        parts = path.lower().split("/")
        for depth, pattern in self.patterns:
            if depth > len(parts):
                break
            hit = pattern.fullmatch("/".join(parts[-depth:]))
            if hit and hit.lastgroup is not None:
                match = _kept(self.by_group[hit.lastgroup], len(parts) == depth)
                if match is not None:
                    return match
        return None


def _globs_only(formats: tuple[Format, ...]) -> tuple[Format, ...]:
    """The formats without their exact names (so that only the globs decide)."""
    return tuple(
        Format(item.key, item.ecosystem, item.parser, patterns=item.patterns, rank=item.rank,
               anchored=item.anchored)
        for item in formats
    )  # fmt: skip


def _made(patterns: list[str]) -> list[str]:
    """Paths from each glob: wildcards filled, at the root and deeper, near misses, upper case."""
    out = []
    for pattern in patterns:
        for fill in FILLS:
            made = re.sub(r"\[[^]]*\]", lambda m: m.group(0)[1], pattern)
            made = made.replace("*", fill).replace("?", fill[:1] or "q")
            for path in (made, f"pkg/{made}", f"a/b/c/{made}", made.upper(), f"{made}.bak"):
                out += [path, path[1:], path[:-1], f"x{path}"]
    return out


def _corpus_paths() -> list[str]:
    paths: set[str] = set()
    for folder in sorted(CORPORA.glob("dev*/*")):
        if (folder / "tree.json").is_file():
            paths.update(blob_paths(folder))
    return sorted(paths)


def _nothing(path: str, data: bytes) -> Manifest:
    return Manifest(path=path, ecosystem="test")


def _made_up() -> tuple[Format, ...]:
    """Globs overlapping at one depth and across depths, some anchored at the root: a deeper
    ``app1.conf`` meets the anchored ``app*.conf`` first, which settles depth 1 (no format),
    although ``*.conf`` matches it too."""
    globs = [
        ("app*.conf", True),
        ("*.conf", False),
        ("deploy/*.conf", False),
        ("x/*", True),
        ("*.d/*.conf", False),
        ("*", True),
    ]
    return tuple(
        Format(f"f{n}", "test", _nothing, patterns=(glob,), rank=n, anchored=anchored)
        for n, (glob, anchored) in enumerate(globs)
    )


@pytest.mark.parametrize("kind", ["bundled", "made-up"])
def test_same_format_as_the_alternation(kind: str) -> None:
    """Every path gives the format (and root flag) the alternation gave."""
    formats = _globs_only(registry().formats if kind == "bundled" else _made_up())
    old, new = _Old(formats), Registry(formats)
    patterns = [pattern for item in formats for pattern in item.patterns]
    paths = _corpus_paths() + _made(patterns) + ["deploy/app1.conf", "a.d/app.conf", "x/app.conf"]
    differ = [path for path in paths if new.match(path) != old.match(path)]
    assert differ == []
    matched = {m.format.key for path in paths if (m := old.match(path)) is not None}
    assert matched == {item.key for item in formats if item.patterns}  # not vacuous
    if kind == "made-up":
        assert old.match("pkg/app1.conf") is None
        assert new.match("pkg/app1.conf") is None


def test_whole_registry_unchanged_on_corpus_paths() -> None:
    """With names and tails too: each corpus path's format is the one its globs or names give."""
    assert len(ROWS) == len(registry().formats)
    old = _Old(registry().formats)
    for path in _corpus_paths():
        match = registry().match(path)
        if match is not None and match.format.patterns and not match.format.names:
            assert old.match(path) == match, path
