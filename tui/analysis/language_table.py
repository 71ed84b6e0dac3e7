"""Linguist's language table: names, aliases, colours, types, extensions, file names, interpreters.

Generated data (``tui/data/languages.json``, built by ``scripts/gen_languages.py`` from the npm
package ``linguist-languages``), read once from the package's ``data`` folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

DATA = Path(__file__).resolve().parents[1] / "data"
"""The package's data folder (``tui/data``)."""

COUNTED_TYPES = frozenset({"programming", "markup"})
"""Linguist's bar counts these types; data and prose are left out."""


class Language(NamedTuple):
    """One language of Linguist's table."""

    name: str
    type: str
    color: str | None = None
    extensions: tuple[str, ...] = ()
    filenames: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    interpreters: tuple[str, ...] = ()
    group: str | None = None

    @property
    def counted(self) -> bool:
        """Whether Linguist counts this language's bytes in a repository's bar."""
        return self.type in COUNTED_TYPES


class LanguageTable:
    """Linguist's languages, looked up by name or alias, extension, file name or interpreter."""

    def __init__(self, languages: Iterable[Language], version: str = "unknown") -> None:
        """Index ``languages``; ``version`` is the ``linguist-languages`` release they came from."""
        self.version = version
        self._by_key: dict[str, Language] = {}
        self._by_extension: dict[str, list[Language]] = {}
        self._by_filename: dict[str, list[Language]] = {}
        self._by_interpreter: dict[str, list[Language]] = {}
        for language in languages:
            self._index(language)

    def _index(self, language: Language) -> None:
        # Linguist's implicit alias is the lower-cased name with spaces as dashes.
        keys = (language.name, language.name.replace(" ", "-"), *language.aliases)
        for key in keys:
            self._by_key.setdefault(key.casefold(), language)
        for extension in language.extensions:
            self._by_extension.setdefault(extension.lower(), []).append(language)
        for filename in language.filenames:
            self._by_filename.setdefault(filename, []).append(language)
        for interpreter in language.interpreters:
            self._by_interpreter.setdefault(interpreter, []).append(language)

    def __len__(self) -> int:
        return len({language.name for language in self._by_key.values()})

    def __iter__(self) -> Iterator[Language]:
        seen: dict[str, Language] = {lang.name: lang for lang in self._by_key.values()}
        return iter(sorted(seen.values(), key=lambda lang: lang.name.casefold()))

    def get(self, name: str) -> Language | None:
        """The language called ``name`` or aliased so, case-insensitively."""
        return self._by_key.get(name.casefold())

    def color(self, name: str) -> str | None:
        """GitHub's colour for ``name`` (``#3572A5``), ``None`` if unknown or colourless."""
        language = self.get(name)
        return language.color if language else None

    def type_of(self, name: str) -> str | None:
        """Linguist's type for ``name``: programming, markup, data or prose."""
        language = self.get(name)
        return language.type if language else None

    def group_of(self, name: str) -> str:
        """The name a language is counted under (its group, else itself)."""
        language = self.get(name)
        if language is None:
            return name
        return language.group or language.name

    def by_extension(self, extension: str) -> tuple[Language, ...]:
        """Languages claiming ``extension`` (``".h"``), case-insensitively."""
        return tuple(self._by_extension.get(extension.lower(), ()))

    def by_filename(self, filename: str) -> tuple[Language, ...]:
        """Languages claiming this exact file name (``Makefile``, ``Dockerfile``)."""
        return tuple(self._by_filename.get(filename, ()))

    def by_interpreter(self, interpreter: str) -> tuple[Language, ...]:
        """Languages run by ``interpreter`` (the program a shebang line names)."""
        return tuple(self._by_interpreter.get(interpreter, ()))

    def by_shebang(self, head: bytes) -> tuple[Language, ...]:
        """Languages a file's ``#!`` line names (``#!/usr/bin/env python3`` -> Python)."""
        if not head.startswith(b"#!"):
            return ()
        words = head[2:].split(b"\n", 1)[0].decode("utf-8", "replace").split()
        if words and words[0].endswith("/env"):
            words = [word for word in words[1:] if not word.startswith("-")]
        if not words:
            return ()
        program = words[0].rsplit("/", 1)[-1]
        return self.by_interpreter(program) or self.by_interpreter(program.rstrip("0123456789.-"))

    def candidates(self, path: str) -> tuple[Language, ...]:
        """Languages a path's name allows: its file name first, else its longest extension."""
        basename = path.rsplit("/", 1)[-1]
        by_name = self.by_filename(basename)
        if by_name:
            return by_name
        parts = basename.split(".")
        for start in range(1, len(parts)):
            found = self.by_extension("." + ".".join(parts[start:]))
            if found:
                return found
        return ()


def _language(name: str, record: Mapping[str, Any]) -> Language:
    return Language(
        name=name,
        type=str(record.get("type", "data")),
        color=record.get("color"),
        extensions=tuple(record.get("extensions", ())),
        filenames=tuple(record.get("filenames", ())),
        aliases=tuple(record.get("aliases", ())),
        interpreters=tuple(record.get("interpreters", ())),
        group=record.get("group"),
    )


@cache
def load_table() -> LanguageTable:
    """The bundled Linguist table (read once, then cached)."""
    # a plain read: importlib.resources' readers (zipfile and more) cost 3 ms at start-up, and
    # the package is always installed as files
    text = (DATA / "languages.json").read_text(encoding="utf-8")
    data = json.loads(text)
    languages = (_language(name, record) for name, record in data["languages"].items())
    return LanguageTable(languages, version=str(data["source"]["version"]))
