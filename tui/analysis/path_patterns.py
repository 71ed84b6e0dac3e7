"""Linguist's path patterns, indexed by the text a match must contain, compiled one by one on use.

Compiling Linguist's 166 vendored patterns as one alternation cost some 4.5 ms in every scan,
though most paths come near none of them. A pattern anchored at a path's start (``^``) or at a
folder's start (``(^|/)``) matches only where the path goes on with the pattern's literal start
(``cache/``; ``[Dd]ocs?/`` starts ``Doc`` or ``doc``), so it is filed under the first three
characters of that start and tried only at a folder start that begins with them. Any other
pattern, or one whose literal start is shorter, is tried only when the path holds its longest
run of literal text (``.d.ts``; ``\\.pb\\.(go|cc)$`` holds ``.pb.go`` or ``.pb.cc``). A pattern
whose text gives no such literal is tried on every path. Each pattern is compiled the first time
it is tried, and the answer is the one its alternation gave (a path matches when one of the
patterns does): ``tests/analysis/test_analysis_path_patterns.py`` compares them.
"""

from __future__ import annotations

import re

from tui.analysis.regex_literals import START_CHARS as _KEY
from tui.analysis.regex_literals import literal_end, literal_inside, literal_start

_LEADS = ("(.*?)", "([^\\s]*)")
"""Leading groups that only slow a search down (they can match nothing): dropped, as before."""


class PathPatterns:
    """Linguist's path patterns (regular expressions searched in a slash-separated path)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        """File each of ``patterns`` by its anchoring and literal text (nothing is compiled)."""
        self._bodies: list[str] = []
        self._compiled: list[re.Pattern[str] | None] = []
        self._anchors: list[str] = []
        self._at_start: dict[str, list[int]] = {}
        self._at_segment: dict[str, list[int]] = {}
        self._gated: list[tuple[str, int]] = []  # (text a match must hold, pattern)
        self._ended: list[tuple[str, int]] = []  # (text a match must end the path with, ...)
        self._ends: tuple[str, ...] = ()
        self._always: list[int] = []
        for pattern in patterns:
            # a leading "(.*?)" or "([^\\s]*)" only slows a search down: it can match nothing
            pattern = pattern[len(next((p for p in _LEADS if pattern.startswith(p)), "")) :]
            pattern = pattern.replace("(^|\\/)", "(^|/)")
            anchor = next((a for a in ("(^|/)", "^") if pattern.startswith(a)), "")
            self._file(len(self._bodies), anchor, pattern[len(anchor) :])
            self._bodies.append(pattern[len(anchor) :])
            self._anchors.append(anchor)
            self._compiled.append(None)

    def _file(self, number: int, anchor: str, body: str) -> None:
        starts = literal_start(body) if anchor else ()
        if starts and min(map(len, starts)) >= _KEY:
            keys = self._at_segment if anchor == "(^|/)" else self._at_start
            for key in {start[:_KEY] for start in starts}:
                keys.setdefault(key, []).append(number)
            return
        ends = literal_end(body)
        if ends and min(map(len, ends)) > 0:
            self._ended.extend((end, number) for end in ends)
            self._ends = (*self._ends, *ends)
            return
        words = literal_inside(body)
        if not words or min(map(len, words)) == 0:
            self._always.append(number)
        self._gated.extend((word, number) for word in words if word)

    def _pattern(self, number: int) -> re.Pattern[str]:
        compiled = self._compiled[number]
        if compiled is None:
            compiled = self._compiled[number] = re.compile(self._bodies[number])
        return compiled

    def _tried(self, number: int, path: str) -> bool:
        """Whether the pattern matches ``path`` where its anchor lets it."""
        pattern, anchor = self._pattern(number), self._anchors[number]
        if anchor != "(^|/)":
            return (pattern.match(path) if anchor else pattern.search(path)) is not None
        return any(pattern.match(path, start) for start in _starts(path))

    def search(self, path: str) -> bool:
        """Whether any pattern matches ``path``."""
        tail = path[:-1] if path.endswith("\n") else path
        if tail.endswith(self._ends):  # one test for every pattern ending in literal text
            for end, number in self._ended:
                if tail.endswith(end) and self._tried(number, path):
                    return True
        for word, number in self._gated:
            if word in path and self._tried(number, path):
                return True
        for number in self._always:
            if self._tried(number, path):
                return True
        for number in self._at_start.get(path[:_KEY], ()):
            if self._pattern(number).match(path):
                return True
        keys, start = self._at_segment, 0
        while True:
            for number in keys.get(path[start : start + _KEY], ()):
                if self._pattern(number).match(path, start):
                    return True
            start = path.find("/", start) + 1
            if not start:
                return False


def _starts(path: str) -> list[int]:
    """Where the path's folders and file name start (and after a trailing ``/``)."""
    return [0, *(index + 1 for index, char in enumerate(path) if char == "/")]
