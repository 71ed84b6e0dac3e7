"""Marker files of the framework rules, matched without compiling every pattern up front.

A rule's ``files`` are gitignore-style patterns (``manage.py``, ``/build.sbt``,
``.github/workflows/*.yml``). Compiling all of them (about 150 patterns, through ``pathspec``)
cost each process some 25 ms before the first path was looked at, and importing ``pathspec``
another 10 ms. Here a path is first tested on its file name (a set of literal names, then the
wildcard names its end allows), then only the rules with a pattern whose last part matches
one of the path's parts are tried, each compiled on first use.

A gitignore pattern without ``**`` or negation matches a path, or a folder holding it, part by
part, so a rule none of whose patterns' last parts equals one of the path's parts cannot match:
the answer is the one ``pathspec.GitIgnoreSpec`` gives for each rule, only found sooner
(``tests/analysis/test_analysis_rule_markers.py`` checks that on every corpus path).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui.analysis.posix_parts import glob_ends, name_end

if TYPE_CHECKING:
    from tui.analysis.rules import Rule

_WILD = frozenset("*?[")
_PLAIN = re.compile(r"/?[^\s!#/\\\[\]]+(?:/[^\s!#/\\\[\]]+)*/?")
"""Patterns translated here: parts of plain characters with ``*`` or ``?``, an optional leading
and trailing ``/``; no ``**``, negation, comment, escape, class or space (``pathspec`` has the
rules for those)."""


def _plain(pattern: str) -> bool:
    """Whether ``pattern`` is of the subset translated here."""
    return "**" not in pattern and _PLAIN.fullmatch(pattern) is not None


Matcher = Callable[[str], bool]


def _translate(pattern: str) -> str:
    """The regex gitignore gives a pattern of the plain subset (as ``pathspec`` writes it).

    A pattern holding ``/`` before its end is anchored at the root, others match at any depth;
    a trailing ``/`` matches only what is under such a folder; otherwise the pattern matches a
    file of that name or anything under a folder of that name.
    """
    folder_only = pattern.endswith("/")
    body = pattern.rstrip("/")
    anchored = "/" in body
    parts = [
        re.escape(part).replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        for part in body.lstrip("/").split("/")
    ]
    start = "" if anchored else "(?:.+/)?"
    end = "/.*" if folder_only else "(?:/.*)?"
    return f"{start}{'/'.join(parts)}{end}"


def _matcher(patterns: Sequence[str]) -> Matcher:
    """A test of one rule's patterns, compiled now (called on the rule's first candidate path)."""
    if all(_plain(p) for p in patterns):
        joined = re.compile("|".join(f"(?:{_translate(p)})" for p in patterns), re.DOTALL)
        return lambda path: joined.fullmatch(path) is not None
    import pathspec  # anything beyond the plain subset: the library's full gitignore rules

    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    return spec.match_file


class MarkerIndex:
    """Rules by marker file, in rule order; patterns compiled on first use."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        """Index the last part of every marker pattern of ``rules`` (nothing compiled yet)."""
        self._rules = [rule for rule in rules if rule.files]
        self._literal: dict[str, set[int]] = {}
        self._wild: dict[str, set[int]] = {}
        self._always: set[int] = set()  # rules beyond the plain subset: tried on every name
        for number, rule in enumerate(self._rules):
            for pattern in rule.files:
                last = pattern.rstrip("/").rsplit("/", 1)[-1]
                if not _plain(pattern):
                    self._always.add(number)
                index = self._wild if _WILD.intersection(last) else self._literal
                index.setdefault(last, set()).add(number)
        # wildcard last parts by the literal end a matching name has (``*.yml``: ".yml")
        self._wild_by_end: dict[str, list[str]] = {}
        self._wild_other: list[tuple[str, str, str]] = []  # (start, end, part)
        for last in self._wild:
            start, end = glob_ends(last)
            if "." in end:
                self._wild_by_end.setdefault(name_end(end), []).append(last)
            else:
                self._wild_other.append((start, end, last))
        self._matchers: dict[int, Matcher] = {}

    def _wild_parts(self, name: str) -> list[str]:
        """The wildcard last parts matching a name (each compiled by ``fnmatch`` only when the
        name ends as it does: one regex of them all cost a scan ~0.4 ms to compile)."""
        found = [
            last
            for last in self._wild_by_end.get(name_end(name), ())
            if fnmatch.fnmatchcase(name, last)
        ]
        for start, end, last in self._wild_other:
            if name.startswith(start) and name.endswith(end) and fnmatch.fnmatchcase(name, last):
                found.append(last)
        return found

    def match(self, path: str) -> list[Rule]:
        """Rules with a marker pattern matching ``path``."""
        # the file name first: a listing can hold 100,000 paths, few are markers
        name = path.rsplit("/", 1)[-1]
        if name not in self._literal and not self._wild_parts(name):
            return []
        candidates = set(self._always)
        for part in path.split("/"):
            candidates.update(self._literal.get(part, ()))
            for last in self._wild_parts(part):
                candidates.update(self._wild[last])
        return [self._rules[n] for n in sorted(candidates) if self._test(n, path)]

    def _test(self, number: int, path: str) -> bool:
        """Whether rule ``number``'s patterns match ``path`` (compiled the first time)."""
        matcher = self._matchers.get(number)
        if matcher is None:
            matcher = self._matchers[number] = _matcher(self._rules[number].files)
        # as pathspec normalises a path: relative, without a leading "./"
        return matcher(path[1:] if path.startswith("/") else path.removeprefix("./"))
