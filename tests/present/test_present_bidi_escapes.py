"""JSON output escapes bidirectional controls exactly as the regular expression it replaced did."""

from __future__ import annotations

import json
import re

from tui.textsafe import BIDI_CONTROLS, clean, escape_bidi_json

_OLD = re.compile(f"[{BIDI_CONTROLS}]")


def _old(text: str) -> str:
    return _OLD.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def test_every_bidi_control_escaped_and_nothing_else() -> None:
    texts = [
        "",
        "plain",
        BIDI_CONTROLS,
        "name\u202eevil\u202c.py",
        "\u061c\u200e" * 3 + "x\u2069",
        "é中文\U0001f600\u200b\u2060\x1b[31m",  # other format and control characters stay
        json.dumps({"n": "a\u202eb", "c": "\u0007"}, ensure_ascii=False),
    ]
    for text in texts:
        assert escape_bidi_json(text) == _old(text), text
    escaped = escape_bidi_json("a\u202eb")
    assert escaped == "a\\u202eb"
    assert json.loads(f'"{escaped}"') == "a\u202eb"  # the JSON still reads as the same text


def test_clean_still_strips_escapes_and_controls() -> None:
    assert clean("\x1b[31mred\x1b[0m\x07 \u202eok") == "red ok"
