"""``.gitattributes`` parsing for Linguist's overrides (pure: the caller reads the files).

Linguist honours ``linguist-vendored``, ``linguist-generated``, ``linguist-documentation``,
``linguist-detectable`` and ``linguist-language=NAME``. Each may be set (``attr``), unset
(``-attr``), reset to unspecified (``!attr``) or given a value (``attr=false`` counts as unset,
as in Linguist). Patterns follow gitattributes: a pattern without a slash matches a file name at
any depth below the file's directory, one with a slash is relative to that directory, ``*`` and
``?`` stop at slashes, ``**`` crosses them. Later lines win over earlier ones, and a deeper
``.gitattributes`` wins over a shallower one. Negative patterns are not allowed by git and are
ignored, and so are patterns ending in a slash (they match directories, never files).
"""

from __future__ import annotations

import re
from typing import NamedTuple

LINGUIST_ATTRIBUTES = {
    "linguist-vendored": "vendored",
    "linguist-generated": "generated",
    "linguist-documentation": "documentation",
    "linguist-detectable": "detectable",
    "linguist-language": "language",
}
"""Git attribute name -> ``Overrides`` field."""

_UNSPECIFIED = object()


class Overrides(NamedTuple):
    """What ``.gitattributes`` says of one path; ``None`` means "not said, use Linguist's rule"."""

    vendored: bool | None = None
    generated: bool | None = None
    documentation: bool | None = None
    detectable: bool | None = None
    language: str | None = None


class Rule(NamedTuple):
    """One line of a ``.gitattributes`` file that touches a Linguist attribute."""

    regex: re.Pattern[str]
    settings: tuple[tuple[str, object], ...]  # (field, bool | str | _UNSPECIFIED)
    directory: str = ""


def _translate(pattern: str) -> str:
    """Turn a gitattributes glob into a regex over a path relative to the file's directory."""
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    out: list[str] = [] if anchored else ["(?:.*/)?"]
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "[":
            end = pattern.find("]", index + 2)
            if end != -1:
                body = pattern[index + 1 : end].replace("\\", "\\\\")
                out.append("[" + ("^" + body[1:] if body[:1] in "!^" else body) + "]")
                index = end + 1
                continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
        index += 1
    return "".join(out) + r"\Z"


def _setting(token: str) -> tuple[str, object] | None:
    """``(field, value)`` for one attribute token, ``None`` if Linguist ignores it."""
    prefix = token[:1] if token[:1] in "-!" else ""
    name, _, value = token[len(prefix) :].partition("=")
    field = LINGUIST_ATTRIBUTES.get(name)
    if field is None:
        return None
    if prefix == "!":
        return field, _UNSPECIFIED
    if prefix == "-":
        return field, False
    if field == "language":
        return field, value or _UNSPECIFIED
    return field, value.lower() != "false" if value else True


def parse(text: str, directory: str = "") -> tuple[Rule, ...]:
    """Rules of one ``.gitattributes`` file found in ``directory`` ("" for the root)."""
    rules: list[Rule] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pattern, *tokens = line.split()
        if pattern.startswith("!") or pattern.endswith("/"):
            continue
        settings = tuple(s for s in (_setting(token) for token in tokens) if s is not None)
        if settings:
            rules.append(Rule(re.compile(_translate(pattern)), settings, directory.strip("/")))
    return tuple(rules)


class AttributeRules:
    """All ``.gitattributes`` files of a repository, answering per path."""

    def __init__(self) -> None:
        """Start with no rules."""
        self._rules: list[Rule] = []

    @classmethod
    def from_text(cls, text: str, directory: str = "") -> AttributeRules:
        """Rules from a single file (usually the root one)."""
        rules = cls()
        rules.add(text, directory)
        return rules

    def add(self, text: str, directory: str = "") -> None:
        """Add one file's rules; files may be added in any order."""
        self._rules.extend(parse(text, directory))
        # deeper files win, so apply them last; a stable sort keeps line order within a file
        self._rules.sort(key=lambda rule: rule.directory.count("/") + bool(rule.directory))

    def __bool__(self) -> bool:
        return bool(self._rules)

    def overrides(self, path: str) -> Overrides:
        """What the rules say of ``path`` (slash-separated, relative to the repository root)."""
        said: dict[str, object] = {}
        for rule in self._rules:
            relative = path
            if rule.directory:
                if not path.startswith(rule.directory + "/"):
                    continue
                relative = path[len(rule.directory) + 1 :]
            if rule.regex.match(relative) is not None:
                said.update(rule.settings)
        if not said:
            return Overrides()
        language = said.get("language")
        return Overrides(
            vendored=_flag(said.get("vendored")),
            generated=_flag(said.get("generated")),
            documentation=_flag(said.get("documentation")),
            detectable=_flag(said.get("detectable")),
            language=language if isinstance(language, str) else None,
        )


def _flag(value: object) -> bool | None:
    """A set/unset attribute as a bool; unspecified (or never said) as ``None``."""
    return value if isinstance(value, bool) else None
