"""The bundled table, indexed from its raw records, answers as a table of every record made up
front does (the way it was built before: every ``Language`` made at load)."""

from __future__ import annotations

import json

from tui.analysis.language_table import DATA, LanguageTable, _language, load_table


def _eager() -> LanguageTable:
    data = json.loads((DATA / "languages.json").read_text(encoding="utf-8"))
    made = [_language(name, record) for name, record in data["languages"].items()]
    return LanguageTable(made, version=str(data["source"]["version"]))


def test_every_lookup_is_the_same() -> None:
    """By name and alias (any case), extension, file name, interpreter; length and order."""
    lazy, eager = load_table(), _eager()
    assert lazy.version == eager.version
    assert len(lazy) == len(eager) > 800
    assert list(lazy) == list(eager)
    for language in eager:
        for key in (language.name, language.name.upper(), language.name.replace(" ", "-"),
                    *language.aliases):  # fmt: skip
            assert lazy.get(key) == eager.get(key), key
        for extension in (*language.extensions, *(e.upper() for e in language.extensions)):
            assert lazy.by_extension(extension) == eager.by_extension(extension), extension
        for filename in language.filenames:
            assert lazy.by_filename(filename) == eager.by_filename(filename), filename
            assert lazy.candidates(f"a/{filename}") == eager.candidates(f"a/{filename}")
        for interpreter in language.interpreters:
            assert lazy.by_interpreter(interpreter) == eager.by_interpreter(interpreter)
            head = f"#!/usr/bin/env {interpreter}\n".encode()
            assert lazy.by_shebang(head) == eager.by_shebang(head), interpreter
    for missing in ("", "no such language", ".nosuchext"):
        assert lazy.get(missing) is None
        assert lazy.by_extension(missing) == ()


def test_a_language_is_made_once() -> None:
    """Each lookup of one language gives the same record (made on first use, then kept)."""
    table = load_table()
    python = table.get("python")
    assert python is not None
    assert python.name == "Python"
    assert python.type == "programming"
    assert table.get("Python") is python
    assert python in table.by_extension(".py")
    assert table.by_extension(".py") is table.by_extension(".PY")
