"""Untrusted text (repo names, descriptions, topics, paths, error bodies) made safe to show.

Everything from GitHub or disk passes through here before it reaches the screen: control characters
and terminal escape sequences are removed, and the result is a ``rich.text.Text`` (never parsed as
markup), so ``[@click=app.quit]x[/]`` shows literally and triggers nothing.
"""

from __future__ import annotations

from rich.text import Text

from tui.textsafe import clean


def safe_text(value: str | None, style: str = "", *, one_line: bool = True) -> Text:
    """Untrusted text as a ``Text`` that is never parsed as markup.

    Args:
        value: The text as received.
        style: A Rich style for the whole text (trusted, ours).
        one_line: Fold whitespace to single spaces.

    Returns:
        The cleaned text wrapped in ``Text``.
    """
    return Text(clean(value, single_line=one_line), style=style, end="")
