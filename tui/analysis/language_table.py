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
    """Linguist's languages, looked up by name or alias, extension, file name or interpreter.

    The indexes hold names; a ``Language`` is made the first time a lookup returns it (a scan
    meets a few dozen of the 833, and making them all cost more than a millisecond a run).
    """

    def __init__(
        self,
        languages: Iterable[Language] = (),
        version: str = "unknown",
        *,
        records: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        """Index ``languages``, or the raw ``records`` of the bundled table (name -> fields);
        ``version`` is the ``linguist-languages`` release they came from."""
        self.version = version
        self._records: Mapping[str, Mapping[str, Any]] = records or {}
        self._made: dict[str, Language] = {}
        self._by_key: dict[str, str] = {}
        self._by_extension: dict[str, list[str]] = {}
        self._by_filename: dict[str, list[str]] = {}
        self._by_interpreter: dict[str, list[str]] = {}
        self._found: dict[tuple[int, str], tuple[Language, ...]] = {}
        for language in languages:
            self._made.setdefault(language.name, language)
            self._index(language.name, language._asdict())
        for name, record in self._records.items():
            self._index(name, record)

    def _index(self, name: str, fields: Mapping[str, Any]) -> None:
        # Linguist's implicit alias is the lower-cased name with spaces as dashes.
        by_key = self._by_key
        by_key.setdefault(name.casefold(), name)
        if " " in name:
            by_key.setdefault(name.replace(" ", "-").casefold(), name)
        for key in fields.get("aliases") or ():
            by_key.setdefault(key.casefold(), name)
        for extension in fields.get("extensions") or ():
            self._by_extension.setdefault(extension.lower(), []).append(name)
        for filename in fields.get("filenames") or ():
            self._by_filename.setdefault(filename, []).append(name)
        for interpreter in fields.get("interpreters") or ():
            self._by_interpreter.setdefault(interpreter, []).append(name)

    def _named(self, name: str) -> Language:
        made = self._made.get(name)
        if made is None:
            made = self._made[name] = _language(name, self._records[name])
        return made

    def _all(self, kind: int, index: dict[str, list[str]], key: str) -> tuple[Language, ...]:
        """The languages ``index`` files under ``key`` (made once per key)."""
        found = self._found.get((kind, key))
        if found is None:
            found = tuple(self._named(name) for name in index.get(key, ()))
            self._found[(kind, key)] = found
        return found

    def __len__(self) -> int:
        return len(set(self._by_key.values()))

    def __iter__(self) -> Iterator[Language]:
        names = sorted(set(self._by_key.values()), key=str.casefold)
        return iter([self._named(name) for name in names])

    def get(self, name: str) -> Language | None:
        """The language called ``name`` or aliased so, case-insensitively."""
        found = self._by_key.get(name.casefold())
        return self._named(found) if found is not None else None

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
        return self._all(0, self._by_extension, extension.lower())

    def by_filename(self, filename: str) -> tuple[Language, ...]:
        """Languages claiming this exact file name (``Makefile``, ``Dockerfile``)."""
        return self._all(1, self._by_filename, filename)

    def by_interpreter(self, interpreter: str) -> tuple[Language, ...]:
        """Languages run by ``interpreter`` (the program a shebang line names)."""
        return self._all(2, self._by_interpreter, interpreter)

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
    return LanguageTable(version=str(data["source"]["version"]), records=data["languages"])
