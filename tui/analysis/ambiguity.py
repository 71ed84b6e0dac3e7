"""When a file's content cannot change what a scan counts, so enry need not be asked (or loaded).

A file whose name allows several languages (``.json``: JSON or an OpenAPI flavour; ``.html``: HTML
or Ecmarkup), or none, is classified by its first bytes with enry. That costs a call, and the
first call in a process costs loading enry's Go runtime and compiling its rules. When every
language the name allows is left out of the bar (data, prose), or every one is counted under the
same group, enry's choice among them changes nothing a scan reports. Only a shebang or a modeline
(or, for a file no name matches, an XML declaration) can make enry answer outside the name's
languages: a file with a modeline or an XML declaration still goes to enry, and one with a plain
``#!`` line is settled by the interpreter it names when that names one language. A few of
Linguist's heuristics settle a name on their first rule (``.md`` is Markdown when a line starts
as Markdown does); those are applied here too.
"""

from __future__ import annotations

import re

from tui.analysis.gitattributes import Overrides
from tui.analysis.language_table import Language, LanguageTable

_MODELINE = re.compile(rb"-\*-|(?i:(?:ft|filetype|syn\w*)\s*=)")
"""An Emacs modeline, or a Vim one's file-type setting: enry may name any language."""

_CONFIRMED_BY_CONTENT: dict[str, re.Pattern[bytes]] = {
    "Roff": re.compile(rb"(?m)^\.(?:[A-Za-z]{2}(?:\s|$)|\\\")"),
}
"""Groups enry names only when the content looks like them (Linguist's rule for ``.1`` to
``.9``): anything else is plain Text to enry (``LGPL-2.1``, pyenv's ``python-build/3.12.7``),
so a head that does not match goes to enry."""

_FIRST_RULES: dict[str, tuple[re.Pattern[bytes], str]] = {
    ".md": (re.compile(rb"(?m)^[-A-Za-z0-9=#!*\[|>]|</|\A\Z"), "Markdown"),
}
"""Linguist's heuristics whose first rule names a language on a match (``heuristics.yml``):
a match settles it; anything else goes to enry."""


def settled_without_content(
    path: str, candidates: tuple[Language, ...], head: bytes, attrs: Overrides, table: LanguageTable
) -> tuple[Language, ...] | None:
    """What classifying ``head`` could only confirm, or ``None`` when enry must be asked.

    Args:
        path: The file's path (its extension picks a heuristic).
        candidates: The languages the file's name allows (none, or more than one).
        head: The first bytes enry would see.
        table: The language table (for a ``#!`` line).
        attrs: The file's ``.gitattributes`` overrides (``linguist-detectable`` makes any
            language count, so it leaves the choice to enry).

    Returns:
        ``()`` for a file no language can claim, one of ``candidates`` standing for them all,
        or ``None``.
    """
    if _MODELINE.search(head) is not None:
        return None
    if head.startswith(b"#!"):
        # a plain interpreter line names one language, as for Linguist; ``exec`` tricks do not
        named = table.by_shebang(head) if b"exec" not in head else ()
        return named if len(named) == 1 else None
    if not candidates:
        return None if b"<?xml" in head else ()
    if attrs.detectable is not None:
        return None
    rule = _FIRST_RULES.get("." + path.rsplit(".", 1)[-1].lower() if "." in path else "")
    if rule is not None and rule[0].search(head) is not None:
        return tuple(c for c in candidates if c.name == rule[1])[:1] or None
    if not any(language.counted for language in candidates):
        return candidates[:1]  # whichever it is, it stays out of the bar
    groups = {language.group or language.name for language in candidates}
    if len(groups) == 1 and all(language.counted for language in candidates):
        needed = _CONFIRMED_BY_CONTENT.get(next(iter(groups)))
        if needed is not None and needed.search(head) is None:
            return None  # enry may say Text, outside the name's languages
        return candidates[:1]  # whichever it is, its bytes go to the same group
    return None
