"""The README's keys table names every binding id a keymap can remap (and nothing else)."""

from __future__ import annotations

import re
from pathlib import Path

from tui.ui.app import all_bindings

README = Path(__file__).resolve().parents[2] / "README.md"


def keys_table_ids() -> set[str]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("### Keys") :]
    table = table[: table.index("\n## ")]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return {m for row in rows for m in re.findall(r"`([a-z_]+\.[a-z_0-9]+)`", row.split("|")[1])}


def test_every_binding_id_is_in_the_readme_and_no_other() -> None:
    ids = set(all_bindings())
    assert ids, "no binding ids found"
    documented = keys_table_ids()
    assert ids - documented == set(), "binding ids missing from the README's keys table"
    assert documented - ids == set(), "the README's keys table names ids no binding has"
