"""Line numbers for evidence, found in linear time, and line iteration that skips absurd lines.

Parsers of structured formats (TOML, JSON, YAML, XML) lose line numbers, so the line of a
dependency is looked up afterwards. A hostile manifest may declare thousands of dependencies in
megabytes of text, so every lookup goes through one index built in a single pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_LINE = 4096
"""Longer lines are skipped: no real declaration is that long, and patterns stay linear."""

_SCAN_LIMIT = 256 * 1024
"""Above this size, a name that is neither quoted, a key nor a tag gets no line (no full scans)."""

_QUOTED = re.compile(r""""([^"\n]{1,300})"|'([^'\n]{1,300})'""")
_KEY = re.compile(r"""^\s*["']?([^\s"'=:]{1,300})["']?\s*[=:]""")
_TAG = re.compile(r"<artifactId>\s*([^<\s]{1,300})\s*</artifactId>")


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """1-based numbered lines, without those longer than ``MAX_LINE``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) <= MAX_LINE:
            yield number, line


def too_long_lines(text: str) -> int:
    """How many lines ``numbered_lines`` skips."""
    return sum(1 for line in text.splitlines() if len(line) > MAX_LINE)


class LineIndex:
    """First line of every quoted string, table key and Maven artifactId in a text."""

    def __init__(self, text: str) -> None:
        """Index ``text`` in one pass."""
        self.quoted: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.tags: dict[str, int] = {}
        self._lower = text.lower() if len(text) <= _SCAN_LIMIT else None
        for number, line in numbered_lines(text):
            for double, single in _QUOTED.findall(line):
                self.quoted.setdefault((double or single).lower(), number)
            key = _KEY.match(line)
            if key:
                self.keys.setdefault(key.group(1).lower(), number)
            for tag in _TAG.findall(line):
                self.tags.setdefault(tag.lower(), number)

    def find(self, name: str) -> int | None:
        """The line declaring ``name``: quoted, then as a key, then anywhere (small texts only)."""
        low = name.lower()
        found = self.quoted.get(low) or self.keys.get(low)
        if found is not None or self._lower is None or not low:
            return found
        at = self._lower.find(low)
        return self._lower.count("\n", 0, at) + 1 if at >= 0 else None

    def key(self, name: str) -> int | None:
        """The line where ``name`` is a table key (``name = ...``, ``"name": ...``), or ``find``."""
        return self.keys.get(name.lower()) or self.find(name)

    def tag(self, artifact: str) -> int | None:
        """The line of ``<artifactId>artifact</artifactId>``."""
        return self.tags.get(artifact.lower())


class LineCounter:
    """Line numbers of increasing character offsets, counted incrementally (linear overall)."""

    def __init__(self, text: str) -> None:
        """Count lines of ``text``."""
        self._text = text
        self._offset = 0
        self._line = 1

    def at(self, offset: int) -> int:
        """The 1-based line of ``offset``; cheap when offsets come in increasing order."""
        if offset < self._offset:
            self._offset, self._line = 0, 1
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line
