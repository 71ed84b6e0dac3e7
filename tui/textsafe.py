"""One place that makes untrusted text (names, descriptions, topics, paths, error bodies) inert.

Strips terminal escape sequences, control characters and bidirectional controls so that nothing
from GitHub or disk can move the cursor, recolour the terminal, ring the bell or reorder text.
Markup safety is a separate matter: the UI renders these strings as ``Text``/``Content``, never
as markup.
"""

from __future__ import annotations

import re
from functools import cache

# CSI/OSC/other ESC sequences first, then any remaining C0/C1 control character except tab/newline,
# and the bidirectional controls (embeddings, overrides, isolates, marks) that can make a name
# read backwards ("Trojan Source"): U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C.
_ESCAPES = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]"
_BIDI_ESCAPES = {ord(char): f"\\u{ord(char):04x}" for char in BIDI_CONTROLS}


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The escape and control patterns, compiled on first use (``repolens scan --json`` prints
    JSON, which needs neither: some 0.6 ms of its start-up)."""
    return re.compile(_ESCAPES), re.compile(_CONTROLS)


def clean(text: str | None, *, single_line: bool = False) -> str:
    """Return ``text`` without escape sequences or control characters (``None`` becomes "")."""
    if not text:
        return ""
    escapes, controls = _compiled()
    text = controls.sub("", escapes.sub("", text))
    if single_line:
        text = " ".join(text.split())
    return text


def one_line(text: str | None) -> str:
    """``clean`` folded to a single line: for table cells, titles and notifications."""
    return clean(text, single_line=True)


def escape_bidi_json(text: str) -> str:
    """JSON text with bidirectional controls written as ``\\uXXXX`` escapes.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but writes U+202E as is; escaped,
    the data survives unchanged and a terminal showing the JSON cannot be made to reorder it.
    """
    return text.translate(_BIDI_ESCAPES)
