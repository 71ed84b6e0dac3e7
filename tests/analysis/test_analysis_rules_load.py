"""The bundled rules load as the field-by-field reading they were built with before."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tui.analysis.language_table import DATA
from tui.analysis.rules import Rule, load_rules


def _as_before(source: str, raw: Mapping[str, Any]) -> Rule:
    deps = {eco: tuple(names) for eco, names in dict(raw.get("deps", {})).items()}
    imports = {lang: tuple(names) for lang, names in dict(raw.get("imports", {})).items()}
    return Rule(
        name=str(raw["name"]),
        category=str(raw["category"]),
        homepage=str(raw["homepage"]),
        source=source,
        deps=deps,
        files=tuple(raw.get("files", ())),
        imports=imports,
        support=bool(raw.get("support", False)),
        primary=bool(raw.get("primary", False)),
        platforms=tuple(str(name) for name in raw.get("platforms", ())),
        sdk=tuple(str(name) for name in raw.get("sdk", ())),
        builds_on=tuple(str(name) for name in raw.get("builds_on", ())),
        support_beside=tuple(str(name) for name in raw.get("support_beside", ())),
    )


def test_every_rule_field_as_read_before() -> None:
    expected = []
    for entry in sorted((DATA / "frameworks").iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            doc = json.loads(entry.read_text(encoding="utf-8"))
            expected += [_as_before(entry.name.removesuffix(".json"), raw) for raw in doc["rules"]]
    loaded = load_rules()
    assert len(loaded) == len(expected) > 250
    for rule, before in zip(loaded, expected, strict=True):
        assert rule == before
        assert {k: type(v) for k, v in rule._asdict().items()} == {
            k: type(v) for k, v in before._asdict().items()
        }
