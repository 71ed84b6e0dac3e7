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

_KEY = 3
"""Characters of a literal start a pattern is filed under."""

_MAX_SPELLINGS = 16
"""A literal run spelled more ways than this (``[Aa][Bb]...``) is not worth indexing."""

_QUANTIFIERS = "?*+{"
_SPECIAL = ".^$*+?{}[]()|\\"

_LEADS = ("(.*?)", "([^\\s]*)")
"""Leading groups that only slow a search down (they can match nothing): dropped, as before."""

Item = tuple[str, ...] | None
"""One piece of a pattern's top level: the texts one of which must stand there, or ``None``."""


def _class(text: str, start: int) -> tuple[Item, int]:
    """The characters of the class ``[...]`` at ``start`` (``None`` unless it is plain letters,
    digits and punctuation), and the index after it."""
    end = text.find("]", start + 2)  # a "]" right after "[" is a member
    if end < 0:
        return None, len(text)
    members = text[start + 1 : end]
    plain = members and "\\" not in members and members[0] != "^" and "-" not in members[1:-1]
    return (tuple(members) if plain else None), end + 1


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


def _literal(text: str) -> str | None:
    """``text`` as the string it matches when it is plain (escaped punctuation allowed)."""
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            char = text[index + 1 : index + 2]
            if not char or char.isalnum():
                return None
            index += 1
        elif char in _SPECIAL:
            return None
        out.append(char)
        index += 1
    return "".join(out)


def _group(text: str) -> Item:
    """A group whose branches are all plain text (``(js|css)``, ``(?:c|h)``): those texts."""
    inner = text[3:-1] if text.startswith("(?:") else text[1:-1]
    if inner.startswith("?"):
        return None  # a lookaround, a named group or a flag
    branches = tuple(_literal(branch) for branch in inner.split("|"))
    return None if None in branches else tuple(b for b in branches if b is not None)


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


def _items(text: str, *, first_run: bool = False) -> list[Item] | None:
    """The pattern's top-level items; ``None`` for an item that need not stand as literal text
    (a wildcard, an anchor, an optional or repeated item, any other group), and for the whole
    pattern when its top level is an alternation or it sets flags. With ``first_run``, only
    the first items, up to the first ``None`` or ``_KEY`` of them (as many characters at least)."""
    if _sets_flags(text) or _alternates(text):
        return None
    items: list[Item] = []
    index = 0
    while index < len(text) and not (
        first_run and items and (items[-1] is None or len(items) >= _KEY)
    ):
        char, start = text[index], index
        item: Item = None
        if char == "(":
            index = _group_end(text, index)
            item = _group(text[start:index])
        elif char == "[":
            item, index = _class(text, index)
        elif char == "\\":
            following = text[index + 1 : index + 2]
            item = (following,) if following and not following.isalnum() else None
            index += 2
        else:
            item = None if char in ".^$" + _QUANTIFIERS else (char,)
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


def _spellings(run: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Every way to spell a run of items (``()`` when there are too many)."""
    words = [""]
    for texts in run:
        words = [word + text for word in words for text in texts]
        if len(words) > _MAX_SPELLINGS:
            return ()
    return tuple(words)


def _runs(items: list[Item]) -> list[list[tuple[str, ...]]]:
    """The runs of consecutive literal items, in order (the first may be empty)."""
    runs: list[list[tuple[str, ...]]] = [[]]
    for item in items:
        if item is None:
            runs.append([])
        else:
            runs[-1].append(item)
    return runs


def literal_start(body: str) -> tuple[str, ...]:
    """Spellings one of which a match of ``body`` starts with: its first literal items, up to
    ``_KEY`` of them (``()`` when nothing is certain)."""
    head = body[:_KEY]
    if (
        len(head) == _KEY
        and not any(char in _SPECIAL for char in head)
        and body[_KEY : _KEY + 1] not in ("?", "*", "{")
        and not _sets_flags(body)
        and not _alternates(body)
    ):  # most patterns start with plain text (``cache/``): what the items would say, sooner
        return (head,)
    run = _runs(_items(body, first_run=True) or [])[0]
    return _spellings(run) if run else ()


def literal_inside(body: str) -> tuple[str, ...]:
    """Spellings one of which any match of ``body`` contains: its most telling literal run (the
    one whose shortest spelling is longest; ``()`` when nothing is certain)."""
    best: tuple[str, ...] = ()
    for run in _runs(_items(body) or []):
        words = _spellings(run)
        if words and min(map(len, words)) > min(map(len, best), default=0):
            best = words
    return best


def literal_end(body: str) -> tuple[str, ...]:
    """Spellings one of which a match of ``body`` ends the searched text with (before a final
    newline, which ``$`` lets pass): its last literal run, when ``$`` follows it and ends
    ``body`` (``()`` otherwise)."""
    if not body.endswith("$") or body.endswith("\\$"):
        return ()
    items = _items(body[:-1])
    return _spellings(_runs(items)[-1]) if items and items[-1] is not None else ()


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
