"""Language statistics: shares of a byte map, folding, and bytes counted from a file listing.

Pure. The table itself lives in ``tui.analysis.language_table`` and is re-exported here.
``bytes_from_listing`` counts a listing with sizes (a GitHub tree) the way Linguist counts a
checkout, as far as names alone allow: programming and markup languages only, vendored,
generated and documentation paths skipped, ``.gitattributes`` overrides honoured, and each
language folded into its Linguist group (TSX counts as TypeScript).

An ambiguous name (``.h``, ``.m``, ``.pl``, ``.md``) is resolved by three generic rules, in order:
the candidate whose group the rest of the repository already uses most (by unambiguous bytes),
then a language on Linguist's popular list, then the language whose primary extension it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from tui.analysis.gitattributes import AttributeRules, Overrides
from tui.analysis.language_table import COUNTED_TYPES, Language, LanguageTable, load_table
from tui.analysis.linguist_rules import POPULAR, is_documentation, is_generated, is_vendored
from tui.analysis.report import LanguageShare

__all__ = [
    "COUNTED_TYPES",
    "NO_OVERRIDES",
    "OTHER",
    "Language",
    "LanguageTable",
    "bytes_from_listing",
    "excluded",
    "fold_small",
    "has_extension",
    "is_counted",
    "load_table",
    "resolve",
    "scripts_to_sample",
    "shares",
]

NO_OVERRIDES = Overrides()
"""No ``.gitattributes`` rule applies."""

OTHER = "Other"
"""The name of the folded remainder in ``fold_small``."""


def _percent(part: int, total: int) -> float:
    """``part`` of ``total`` in percent, rounded half up to one decimal as GitHub shows it."""
    if total <= 0:
        return 0.0
    return ((part * 2000 + total) // (2 * total)) / 10


def shares(
    bytes_by_language: Mapping[str, int], table: LanguageTable | None = None
) -> tuple[LanguageShare, ...]:
    """Shares of a bytes-per-language map, largest first (ties by name), with GitHub's colours.

    Names are the bundled table's, whoever named the language (GitHub's API or go-enry may
    spell it "Vim Script" where the table says "Vim script"): one language, one name.
    """
    table = table or load_table()
    canonical: Counter[str] = Counter()
    for name, count in bytes_by_language.items():
        known = table.get(name)
        canonical[known.name if known else name] += count
    total = sum(max(count, 0) for count in canonical.values())
    ordered = sorted(canonical.items(), key=lambda item: (-item[1], item[0].casefold()))
    return tuple(
        LanguageShare(name, count, _percent(count, total), table.color(name))
        for name, count in ordered
        if count > 0
    )


def fold_small(
    items: Iterable[LanguageShare], min_percent: float = 1.0, max_items: int = 6
) -> tuple[LanguageShare, ...]:
    """Fold shares under ``min_percent`` (and any beyond ``max_items``) into one "Other" share.

    For display only: the bytes stay exact, the "Other" percent is the folded bytes' own share.
    """
    listed = tuple(items)
    total = sum(share.bytes for share in listed)
    big = [share for share in listed if share.percent >= min_percent and share.name != OTHER]
    keep = big[:max_items] if len(big) <= max_items else big[: max(max_items - 1, 0)]
    if len(keep) == len(listed):
        return listed
    rest = sum(share.bytes for share in listed) - sum(share.bytes for share in keep)
    return (*keep, LanguageShare(OTHER, rest, _percent(rest, total), None))


def excluded(
    path: str, attrs: Overrides, *, use_enry: bool | None = None, content: bytes | None = b""
) -> str | None:
    """Why Linguist leaves ``path`` out ("vendored", "documentation", "generated"), or ``None``.

    A ``.gitattributes`` override wins over Linguist's own path rules either way. ``content``
    (the file's first bytes) sharpens the generated check; ``None`` skips that check, for a
    caller that makes it later with the content in hand.
    """
    if _said_or(attrs.vendored, lambda: is_vendored(path)):
        return "vendored"
    if _said_or(attrs.documentation, lambda: is_documentation(path)):
        return "documentation"
    if content is not None and is_generated_file(path, attrs, content, use_enry=use_enry):
        return "generated"
    return None


def is_generated_file(
    path: str, attrs: Overrides, content: bytes = b"", *, use_enry: bool | None = None
) -> bool:
    """Whether ``path`` is generated: ``linguist-generated`` if said, else Linguist's rules."""
    return _said_or(attrs.generated, lambda: is_generated(path, content, use_enry=use_enry))


def _said_or(override: bool | None, rule: Callable[[], bool]) -> bool:
    """A ``.gitattributes`` override when there is one, else Linguist's rule."""
    return rule() if override is None else override


def resolve(candidates: tuple[Language, ...], path: str, used: Counter[str]) -> Language:
    """Pick one of several languages a name allows, by the rules in the module docstring."""
    extension = "." + path.rsplit("/", 1)[-1].split(".")[-1].lower()

    def rank(language: Language) -> tuple[int, bool, bool, str]:
        primary = bool(language.extensions) and language.extensions[0].lower() == extension
        return (
            -used[language.group or language.name],
            language.name not in POPULAR,
            not primary,
            language.name,
        )

    return min(candidates, key=rank)


def bytes_from_listing(
    entries: Iterable[tuple[str, int | None]],
    *,
    attributes: AttributeRules | None = None,
    heads: Mapping[str, bytes] | None = None,
    use_enry: bool | None = None,
    table: LanguageTable | None = None,
) -> dict[str, int]:
    """Bytes per language of a file listing with sizes, the way Linguist would count it.

    Args:
        entries: ``(path, size)`` per file (blobs only); a ``None`` size is skipped.
        attributes: ``.gitattributes`` rules of the repository, when known.
        heads: First bytes of some files (see ``scripts_to_sample``): a name-less script is
            classified by its ``#!`` line when its head is here.
        use_enry: ``False`` forces the bundled patterns; otherwise enry is used when installed.
        table: The language table (the bundled one by default).

    Returns:
        Bytes per counted language (grouped as Linguist groups them), unsorted.
    """
    table = table or load_table()
    pending: list[tuple[str, int, tuple[Language, ...], Overrides]] = []
    used: Counter[str] = Counter()
    for path, size in entries:
        attrs = attributes.overrides(path) if attributes else NO_OVERRIDES
        if size is None:
            continue
        found = table.get(attrs.language) if attrs.language else None
        candidates = (found,) if found else table.candidates(path)
        if not candidates and heads and path in heads:
            candidates = table.by_shebang(heads[path])
        # a file no language of which can enter the bar (a lock file, data) is skipped before
        # Linguist's path rules: their generated check would load enry for nothing
        if not any(is_counted(language, attrs) for language in candidates):
            continue
        if excluded(path, attrs, use_enry=use_enry):
            continue
        if len(candidates) == 1 and candidates[0].counted:
            used[candidates[0].group or candidates[0].name] += size
        pending.append((path, size, candidates, attrs))
    counted: Counter[str] = Counter()
    for path, size, candidates, attrs in pending:
        if not candidates:
            continue
        language = candidates[0] if len(candidates) == 1 else resolve(candidates, path, used)
        if is_counted(language, attrs):
            counted[language.group or language.name] += size
    return dict(counted)


def scripts_to_sample(
    entries: Iterable[tuple[str, int | None]], *, limit: int = 20, use_enry: bool | None = None
) -> list[str]:
    """Files a listing cannot classify by name but a ``#!`` line could: worth fetching a head.

    Extension-less files outside vendored and documentation paths, largest first, capped.
    """
    table = load_table()
    found = [
        (size, path)
        for path, size in entries
        if size
        and not has_extension(path)
        and not table.candidates(path)
        and excluded(path, NO_OVERRIDES, use_enry=use_enry) is None
    ]
    return [path for _, path in sorted(found, reverse=True)[:limit]]


def has_extension(path: str) -> bool:
    """Whether a file name has an extension; a dotfile (``.aliases``) has none, as for Linguist."""
    name = path.rsplit("/", 1)[-1]
    return "." in name.lstrip(".")


def is_counted(language: Language, attrs: Overrides) -> bool:
    """Whether a file of ``language`` enters the bar: its type, unless ``linguist-detectable``."""
    if attrs.detectable is not None:
        return attrs.detectable
    return language.counted
