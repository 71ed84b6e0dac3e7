"""The literal text a match of a regular expression must hold: its start, a run inside, its end.

Read from the pattern's text, top level only (a group counts when every branch is plain text:
``(js|css)``), so that a pattern need not be compiled to know a path cannot match it
(``path_patterns``). Conservative: a pattern with flags or a top-level alternation gives
nothing, and so does anything this reading is unsure of.
"""

from __future__ import annotations

START_CHARS = 3
"""How much of a pattern's literal start ``literal_start`` reads (at most)."""

_MAX_SPELLINGS = 16
"""A literal run spelled more ways than this (``[Aa][Bb]...``) is not worth indexing."""

_QUANTIFIERS = "?*+{"
_SPECIAL = ".^$*+?{}[]()|\\"

Item = tuple[str, ...] | None
"""One piece of a pattern's top level: the texts one of which must stand there, or ``None``."""


def _class(text: str, start: int) -> tuple[Item, int]:
    """The characters of the class ``[...]`` at ``start`` (``None`` unless it is plain letters,
    digits and punctuation), and the index after it."""
    end = start + 1
    end += text.startswith("^", end)
    end += text.startswith("]", end)  # a "]" first (after any "^") is a member
    while end < len(text) and text[end] != "]":
        end += 2 if text[end] == "\\" else 1  # an escaped "]" is a member too
    if end >= len(text):
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
    the first items, up to the first ``None`` or ``START_CHARS`` of them."""
    if _sets_flags(text) or _alternates(text):
        return None
    items: list[Item] = []
    index = 0
    while index < len(text) and not (
        first_run and items and (items[-1] is None or len(items) >= START_CHARS)
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
    ``START_CHARS`` of them (``()`` when nothing is certain)."""
    head = body[:START_CHARS]
    if (
        len(head) == START_CHARS
        and not any(char in _SPECIAL for char in head)
        and body[START_CHARS : START_CHARS + 1] not in ("?", "*", "{")
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
