"""One place that makes untrusted text (names, descriptions, topics, paths, error bodies) inert.

Strips terminal escape sequences and control characters so that nothing from GitHub or disk can
move the cursor, recolour the terminal or ring the bell. Markup safety is a separate matter: the UI
renders these strings as ``Text``/``Content``, never as markup.
"""

from __future__ import annotations

import re

# CSI/OSC/other ESC sequences first, then any remaining C0/C1 control character except tab/newline.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str | None, *, single_line: bool = False) -> str:
    """Return ``text`` without escape sequences or control characters (``None`` becomes "")."""
    if not text:
        return ""
    text = _CONTROLS.sub("", _ESCAPES.sub("", text))
    if single_line:
        text = " ".join(text.split())
    return text


def one_line(text: str | None) -> str:
    """``clean`` folded to a single line: for table cells, titles and notifications."""
    return clean(text, single_line=True)
