"""Bytes per language of a local checkout, counted the way Linguist counts them for GitHub's bar.

Files come from ``git ls-files`` in a git work tree, else from a walk that honours ``.gitignore``
(with ``pathspec``). Symlinks, submodules and binary files (a NUL in the first 8 KB) are skipped,
and so are vendored, generated and documentation paths; ``.gitattributes`` overrides win. A file
whose name allows one language is classified by name; an ambiguous or extension-less one by its
first bytes, with enry (go-enry, Linguist's heuristics) when it is installed, else with the
bundled table (shebang line, then the same generic rules as ``bytes_from_listing``).
"""

from __future__ import annotations

import importlib.util
import os
import stat
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tui.analysis import linguist_rules
from tui.analysis.ambiguity import settled_without_content
from tui.analysis.gitattributes import AttributeRules, Overrides
from tui.analysis.languages import (
    NO_OVERRIDES,
    Language,
    LanguageTable,
    excluded,
    has_extension,
    is_counted,
    is_generated_file,
    load_table,
    resolve,
)
from tui.analysis.notebooks import NOTEBOOK, notebook_bytes
from tui.sources.in_threads import in_threads
from tui.sources.listing import listing_of
from tui.sources.safe_read import read_regular, read_regular_text

if TYPE_CHECKING:  # a scan of one chunk runs without threads: not imported for it
    import threading

HEAD_BYTES = 8192
"""How much of a file is read: Linguist's binary check looks at as much."""

MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024
"""Notebooks larger than this are not parsed for the notebook-aware view (counted whole)."""

MAX_ATTRIBUTES_BYTES = 1024 * 1024
"""A ``.gitattributes`` larger than this is read only this far (real ones are a few KB)."""

CLASSIFY_BYTES = 2048
"""How much of an ambiguous file enry's heuristics see: their regexes cost time per byte, and the
signals (includes, declarations, ``use strict``) sit near the top."""


class ScanResult(NamedTuple):
    """What a scan of a checkout found.

    Attributes:
        bytes_by_language: GitHub's view: bytes per counted language (notebooks whole).
        notebook_cells_by_language: Bytes of the notebooks' cells by language (code cells as
            their kernel's language, markdown as Markdown; an unreadable notebook whole): what
            ``notebooks.notebook_view`` puts in the notebooks' place. Nothing else.
        classifier: ``"enry 0.2.0"`` or ``"extension table (linguist-languages 9.5.0)"``.
        listing: ``"git ls-files"`` or ``"walk honouring .gitignore"``.
        files_counted: Files whose bytes went into the bar.
        files_skipped: Files left out, by reason (vendored, binary, symlink, unknown, ...).
        paths: Every listed path but submodules, in listing order (what detection reads).
    """

    bytes_by_language: dict[str, int]
    notebook_cells_by_language: dict[str, int]
    classifier: str
    listing: str
    files_counted: int
    files_skipped: dict[str, int]  # (no default: a named tuple would share one dict)
    paths: tuple[str, ...] = ()

    @property
    def notebook_bytes_by_language(self) -> dict[str, int]:
        """The notebook-aware view as a byte map: every file once, notebook cells re-attributed."""
        view = Counter({k: v for k, v in self.bytes_by_language.items() if k != NOTEBOOK})
        view.update(self.notebook_cells_by_language)
        return dict(view)


class _Tally:
    """Running totals of one scan (a plain class: a dataclass costs ~1 ms to create at import)."""

    __slots__ = ("cells", "counted", "files", "pending", "skipped", "used")

    def __init__(self) -> None:
        self.counted: Counter[str] = Counter()
        self.cells: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.used: Counter[str] = Counter()
        self.files = 0
        # ambiguous files the fallback resolves once the whole tree is seen
        self.pending: list[_Outcome] = []


class _Context(NamedTuple):
    """What every file of one scan is classified with."""

    table: LanguageTable
    use_enry: bool  # False: the bundled patterns and table only


def _attributes(root: Path, paths: list[str]) -> AttributeRules:
    rules = AttributeRules()
    for path in paths:
        if path == ".gitattributes" or path.endswith("/.gitattributes"):
            text = read_regular_text(root / path, MAX_ATTRIBUTES_BYTES)
            if text is not None:
                rules.add(text, path.rpartition("/")[0])
    return rules


def _read_head(path: str) -> bytes | None:
    return read_regular(path, HEAD_BYTES)  # a FIFO swapped in after lstat must not block


def _classify(
    path: str, head: bytes, candidates: tuple[Language, ...], attrs: Overrides, ctx: _Context
) -> tuple[Language, ...]:
    """Narrow a file's candidate languages with its first bytes (enry only where it matters)."""
    table, module = ctx.table, None
    if ctx.use_enry and len(candidates) != 1:
        settled = settled_without_content(path, candidates, head[:CLASSIFY_BYTES], attrs, table)
        if settled is not None:
            return settled
        module = linguist_rules.ENRY  # loaded with the first file that needs it
    if module is not None:
        name = str(module.get_language(path.rsplit("/", 1)[-1], head[:CLASSIFY_BYTES]))
        language = table.get(name) if name else None
        if language is None and name:
            language = Language(name, str(module.get_language_type(name)))
        return (language,) if language else ()
    if not candidates:
        return table.by_shebang(head)
    return candidates


#: Threads classifying files at once (I/O and enry's Go code run outside the GIL).
SCAN_THREADS = min(8, os.cpu_count() or 2)
#: Files per unit of work: large enough that handing work to threads costs little per file.
SCAN_CHUNK = 256


class _Outcome(NamedTuple):
    """One file's fate: skipped for ``reason``, or counted as one of ``candidates``."""

    path: str
    size: int = 0
    reason: str | None = None
    candidates: tuple[Language, ...] = ()
    attrs: Overrides = NO_OVERRIDES


def _scan_file(root: str, path: str, attrs: Overrides, ctx: _Context) -> _Outcome:
    """Classify one listed file: a reason to skip it, or the languages it may be.

    The cheap tests come first: a file that cannot enter the bar whatever Linguist's path rules
    say (an unknown extension; the one language its name allows is data or prose) is neither
    read nor put to those rules, which are the costly part of a scan. Its reason to be skipped
    is then that one, even where a path rule would have said "vendored" too.
    """
    full = os.path.join(root, path)
    try:
        info = os.lstat(full)
    except OSError:
        return _Outcome(path, reason="missing")
    if not stat.S_ISREG(info.st_mode):
        return _Outcome(path, reason="symlink" if stat.S_ISLNK(info.st_mode) else "not a file")
    forced = ctx.table.get(attrs.language) if attrs.language else None
    candidates = (forced,) if forced else ctx.table.candidates(path)
    if not candidates and has_extension(path):
        return _Outcome(path, reason="unknown")  # not worth reading (a dotfile may have a #!)
    if len(candidates) == 1 and not is_counted(candidates[0], attrs):
        return _Outcome(path, reason="not programming or markup")  # what _count would say
    reason = excluded(path, attrs, use_enry=ctx.use_enry, content=None)
    head = b"" if reason else _read_head(full)
    if reason is None and (head is None or b"\0" in head):
        reason = "binary" if head is not None else "unreadable"
    if reason is None and is_generated_file(
        path, attrs, (head or b"")[:CLASSIFY_BYTES], use_enry=ctx.use_enry
    ):
        reason = "generated"
    if reason is None and not forced:
        candidates = _classify(path, head or b"", candidates, attrs, ctx)
    if reason is not None or not candidates:
        return _Outcome(path, reason=reason or "unknown")
    return _Outcome(path, info.st_size, None, candidates, attrs)


def _count(root: Path, outcome: _Outcome, tally: _Tally, table: LanguageTable) -> None:
    """Add a classified file's bytes, or keep an ambiguous one for the second pass."""
    if outcome.reason is not None:
        tally.skipped[outcome.reason] += 1
        return
    if len(outcome.candidates) > 1:
        tally.pending.append(outcome)
        return
    language, size = outcome.candidates[0], outcome.size
    if not is_counted(language, outcome.attrs):
        tally.skipped["not programming or markup"] += 1
        return
    name = language.group or language.name
    tally.counted[name] += size
    tally.used[name] += size
    tally.files += 1
    if name == NOTEBOOK:
        cells = None
        if size <= MAX_NOTEBOOK_BYTES:
            data = read_regular(root / outcome.path, MAX_NOTEBOOK_BYTES)
            # unreadable now: counted whole, as GitHub would
            cells = notebook_bytes(data, table) if data is not None else None
        tally.cells.update(cells if cells is not None else {NOTEBOOK: size})


def classifier_name(use_enry: bool | None = None) -> str:
    """What classifies a scan: ``"enry <version>"`` or the bundled extension table."""
    if use_enry is not False and linguist_rules.enry_available():
        version = _enry_version()
        return f"enry {version}" if version else "enry"
    return f"extension table (linguist-languages {load_table().version})"


@cache
def _enry_version() -> str | None:
    """The installed enry-python's version (what ``importlib.metadata.version`` says).

    A wheel installs its metadata as ``{name}-{version}.dist-info`` beside the package (PEP
    427), so the folder's name gives the version without ``importlib.metadata``, which loads
    the email package to read it (some 15 ms of every ``repolens scan``); it is the fallback.
    """
    spec = importlib.util.find_spec("enry")  # where it is, without starting its Go runtime
    origin = spec.origin if spec is not None else None
    where = Path(origin).parent.parent if origin else None
    found = sorted(where.glob("enry_python-*.dist-info")) if where is not None else []
    if len(found) == 1:
        return found[0].name.removeprefix("enry_python-").removesuffix(".dist-info")
    from importlib import metadata

    try:
        return metadata.version("enry-python")
    except metadata.PackageNotFoundError:
        return None


def scan_checkout(
    path: Path, *, use_enry: bool | None = None, stop: threading.Event | None = None
) -> ScanResult:
    """Bytes per language of the checkout at ``path``.

    Args:
        path: A directory: a git work tree (tracked files) or any tree (``.gitignore`` honoured).
        use_enry: ``False`` forces the bundled table; otherwise enry is used when installed.
        stop: Once set, the files not yet read are skipped (the scan was abandoned), so the
            pool's threads, which the interpreter waits for at exit, finish at once.

    Returns:
        Both views (GitHub's and notebook-aware), what classified it, and what was skipped.
    """
    root = path.resolve()
    listing, files = listing_of(root)
    rules = _attributes(root, [name for _, name in files])
    ctx = _Context(load_table(), use_enry is not False and linguist_rules.enry_available())
    tally = _Tally()
    listed = [name for mode, name in files if mode != "160000"]
    tally.skipped["submodule"] = len(files) - len(listed)
    base = str(root)

    # reading and enry's classifier release the GIL, so a few threads overlap them; outcomes
    # come back in listing order, so the tally is the same as a serial scan's
    def scan_chunk(names: list[str]) -> list[_Outcome]:
        if stop is not None and stop.is_set():
            return []
        return [_scan_file(base, name, rules.overrides(name), ctx) for name in names]

    chunks = [listed[i : i + SCAN_CHUNK] for i in range(0, len(listed), SCAN_CHUNK)]
    for outcomes in in_threads(scan_chunk, chunks, SCAN_THREADS):
        for outcome in outcomes:
            _count(root, outcome, tally, ctx.table)
    for outcome in tally.pending:
        language = resolve(outcome.candidates, outcome.path, tally.used)
        _count(root, outcome._replace(candidates=(language,)), tally, ctx.table)
    return ScanResult(
        bytes_by_language=dict(tally.counted),
        notebook_cells_by_language=dict(tally.cells),
        classifier=classifier_name(use_enry),
        listing=listing,
        files_counted=tally.files,
        files_skipped={reason: n for reason, n in sorted(tally.skipped.items()) if n},
        paths=tuple(listed),
    )
