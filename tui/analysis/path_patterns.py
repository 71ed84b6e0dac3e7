"""Linguist's path patterns, indexed by the text a match must contain, compiled one by one on use.

Compiling Linguist's 166 vendored patterns as one alternation cost some 4.5 ms in every scan,
though most paths come near none of them. A pattern anchored at a path's start (``^``) or at a
folder's start (``(^|/)``) matches only where the path goes on with the pattern's literal start
(``cache/``; ``[Dd]ocs?/`` starts ``Doc`` or ``doc``), so it is filed under the first (up to)
three characters of that start and tried only at a folder start that begins with them. Any other
pattern is tried only when the path holds its longest run of literal text (``.d.ts``). A
pattern whose text gives no such literal is tried on every path. Each pattern is compiled the
first time it is tried, and the answer is the one its alternation gave (a path matches when one
of the patterns does): ``tests/analysis/test_analysis_path_patterns.py`` compares them.
"""

from __future__ import annotations

import re

_KEY = 3
"""Characters of a literal start a pattern is filed under (fewer when its start is shorter)."""

_MAX_ALTERNATIVES = 16
"""A literal run spelled more ways than this (``[Aa][Bb]...``) is not worth indexing."""

_QUANTIFIERS = "?*+{"

_LEADS = ("(.*?)", "([^\\s]*)")
"""Leading groups that only slow a search down (they can match nothing): dropped, as before."""


def _class(text: str, start: int) -> tuple[str | None, int]:
    """The characters of the class ``[...]`` at ``start`` (``None`` unless it is plain letters,
    digits and punctuation), and the index after it."""
    end = text.find("]", start + 2)  # a "]" right after "[" is a member
    if end < 0:
        return None, len(text)
    members = text[start + 1 : end]
    plain = members and "\\" not in members and members[0] != "^" and "-" not in members[1:-1]
    return (members if plain else None), end + 1


def _group_end(text: str, start: int) -> int:
    """The index after the group opened at ``start`` (escapes and classes skipped)."""
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class(text, index)[1]
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        index += 1
        if depth == 0:
            return index
    return len(text)


def _sets_flags(text: str) -> bool:
    """Whether ``text`` holds an inline flag (``(?i)``, ``(?s:...)``): literals then mean more."""
    index = text.find("(?")
    while index >= 0:
        flag = text[index + 2 : index + 3]
        if flag and flag in "aiLmsux-":
            return True
        index = text.find("(?", index + 1)
    return False


def _alternates(text: str) -> bool:
    """Whether ``text``'s top level is an alternation (a ``|`` outside groups and classes)."""
    if "|" not in text:
        return False
    index = 0
    while index < len(text):
        char = text[index]
        if char == "|":
            return True
        if char == "(":
            index = _group_end(text, index)
        elif char == "[":
            index = _class(text, index)[1]
        else:
            index += 2 if char == "\\" else 1
    return False


def _items(text: str, *, start_only: bool = False) -> list[str | None] | None:
    """The pattern's top-level items: the characters one of which must stand there, or
    ``None`` for anything else (a group, a wildcard, an anchor, an optional or repeated item).

    ``None`` for the whole pattern when its top level is an alternation or it sets flags. With
    ``start_only``, only the first literal items are read (at most ``_KEY`` of them).
    """
    if _sets_flags(text) or _alternates(text):
        return None
    items: list[str | None] = []
    index = 0
    while index < len(text):
        if start_only and (len(items) >= _KEY or (items and items[-1] is None)):
            break
        char = text[index]
        item: str | None = None
        if char == "(":
            index = _group_end(text, index)
        elif char == "[":
            item, index = _class(text, index)
        elif char == "\\":
            following = text[index + 1 : index + 2]
            item = following if following and not following.isalnum() else None
            index += 2
        else:
            item = None if char in ".^$" + _QUANTIFIERS else char
            index += 1
        quantifier = text[index : index + 1]
        if quantifier and quantifier in _QUANTIFIERS:
            if quantifier == "{":
                index = text.find("}", index) + 1
                if index == 0:
                    return None
            else:
                index += 1
            if text[index : index + 1] in ("?", "+"):
                index += 1  # lazy or possessive
            # "+": the item is there at least once, but what follows need not touch it
            items.extend([item, None] if quantifier == "+" else [None])
            continue
        items.append(item)
    return items


def _spellings(run: list[str]) -> tuple[str, ...] | None:
    """Every way to spell a run of items (each one character long), or ``None`` when there are
    too many."""
    words = [""]
    for chars in run:
        words = [word + char for word in words for char in chars]
        if len(words) > _MAX_ALTERNATIVES:
            return None
    return tuple(words)


def _runs(items: list[str | None]) -> list[list[str]]:
    """The runs of consecutive literal items, in order (the first may be empty)."""
    runs: list[list[str]] = [[]]
    for item in items:
        if item is None:
            runs.append([])
        else:
            runs[-1].append(item)
    return runs


def literal_start(body: str) -> tuple[str, ...]:
    """The spellings a match of ``body`` must start with (``()`` when nothing is certain)."""
    items = _items(body, start_only=True)
    run = []
    for item in items or ():
        if item is None:
            break
        run.append(item)
    return (_spellings(run) or ()) if run else ()


def literal_inside(body: str) -> tuple[str, ...]:
    """Spellings one of which any match of ``body`` contains: its longest literal run
    (``()`` when nothing is certain)."""
    items = _items(body)
    best: tuple[str, ...] = ()
    for run in _runs(items) if items else []:
        words = _spellings(run) if len(run) > len(best[0] if best else "") else None
        if words:
            best = words
    return best


class _Keyed:
    """Patterns tried at one position, filed under the text they must start with there."""

    def __init__(self) -> None:
        self.by_key: dict[int, dict[str, list[int]]] = {}
        self.always: list[int] = []

    def add(self, number: int, starts: tuple[str, ...]) -> None:
        if not starts:
            self.always.append(number)
            return
        keys = self.by_key.setdefault(len(starts[0]), {})  # every spelling is as long
        for key in starts:
            keys.setdefault(key, []).append(number)

    def candidates(self, path: str, start: int) -> list[int]:
        found = list(self.always)
        for size, keys in self.by_key.items():
            found.extend(keys.get(path[start : start + size], ()))
        return found


class PathPatterns:
    """Linguist's path patterns (regular expressions searched in a slash-separated path)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        """File each of ``patterns`` by its anchoring and literal text (nothing is compiled)."""
        self._bodies: list[str] = []
        self._compiled: list[re.Pattern[str] | None] = []
        self._at_start = _Keyed()
        self._at_segment = _Keyed()
        self._anywhere: list[tuple[tuple[str, ...], int]] = []
        for pattern in patterns:
            # a leading "(.*?)" or "([^\s]*)" only slows a search down: it can match nothing
            lead = next((lead for lead in _LEADS if pattern.startswith(lead)), "")
            pattern = pattern[len(lead) :]
            pattern = pattern.replace("(^|\\/)", "(^|/)")
            number = len(self._bodies)
            if pattern.startswith("(^|/)"):
                body = pattern[5:]
                self._at_segment.add(number, literal_start(body))
            elif pattern.startswith("^"):
                body = pattern[1:]
                self._at_start.add(number, literal_start(body))
            else:
                body = pattern
                self._anywhere.append((literal_inside(body), number))
            self._bodies.append(body)
            self._compiled.append(None)

    def _pattern(self, number: int) -> re.Pattern[str]:
        compiled = self._compiled[number]
        if compiled is None:
            compiled = self._compiled[number] = re.compile(self._bodies[number])
        return compiled

    def search(self, path: str) -> bool:
        """Whether any pattern matches ``path``."""
        for number in self._at_start.candidates(path, 0):
            if self._pattern(number).match(path):
                return True
        for words, number in self._anywhere:
            if (not words or any(word in path for word in words)) and self._pattern(number).search(
                path
            ):
                return True
        start = 0
        while start >= 0:
            for number in self._at_segment.candidates(path, start):
                if self._pattern(number).match(path, start):
                    return True
            start = path.find("/", start) + 1 or -1
        return False
