"""``repolens show``'s printed answer, kept beside the cached answers it was made from.

A ``show`` whose every answer came from a fresh cache entry prints what those entries say, and
nothing else: the same entries, still fresh, give the same output. So that output is kept in the
disk cache, with the entries it came from (``tui.github.reads``), and the next ``show`` of the
same repository with the same flags, identity and code prints it straight away, without the
event loop, the HTTP client or the analysis: only when every one of those entries is still in
the store, unchanged and fresh. Anything else (an entry gone, replaced, refreshed or due for
revalidation; the cache damaged or busy) and the normal path runs, exactly as before.

What is kept is the output with one exception: the text form's last line says how long ago the
answer was fetched, so it is worked out afresh each time from the kept fetch time.

The key holds everything else the output depends on: the repository as asked, the format, the
API URL, the identity (a token's hash; answers differ with and without a token), ``--offline``,
and the code itself (the package version, and the size and modification time of each of its
files, so that an edited rule or an upgrade never reuses an older answer).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import tui
from tui.github.digests import sha256
from tui.present.age import source_words

if TYPE_CHECKING:
    from tui.analysis.report import SourceInfo
    from tui.github.auth import Token
    from tui.github.cache import HttpCache
    from tui.github.client import GitHubClient
    from tui.sources.factory import Options

MEMO_FORMAT = "repolens-memo-1"


def code_fingerprint(root: Path | None = None) -> str:
    """A digest of the package's version and of each file's size and modification time."""
    root = root or Path(tui.__file__).parent
    digest = sha256(tui.__version__.encode())
    top = os.fspath(root)
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        # the path below the root, as os.path.relpath gives it (which costs 10x the stat)
        below = folder[len(top) + 1 :] + "/" if folder != top else ""
        for name in sorted(files):
            stat = os.stat(os.path.join(folder, name))
            digest.update(f"{below}{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@cache
def _package_fingerprint() -> str:
    """This process's code's fingerprint: read once (a show asks for its key twice)."""
    return code_fingerprint()


def show_key(full_name: str, as_json: bool, options: Options, token: Token | None) -> str:
    """The key of ``show full_name``'s kept output (never a request's key: no HTTP method)."""
    from tui.github.auth import identity  # loaded already: the token was looked for

    who = identity(token)
    return (
        f"MEMO {MEMO_FORMAT} show {full_name} json={int(as_json)} api={options.api_url} "
        f"id={who} offline={int(options.offline)} code={_package_fingerprint()}"
    )


def usable(options: Options) -> bool:
    """Whether a kept answer may stand in: not the demo, ``--no-cache`` or ``-v`` (whose
    per-request lines the kept output does not carry)."""
    return not (options.demo or options.no_cache or options.verbose)


def open_store(options: Options) -> HttpCache:
    """The HTTP store a ``show`` reads its kept output from and then hands to its client (so
    that it is opened once per process; the client closes it)."""
    from tui.github.cache import STORE_DIR, HttpCache
    from tui.github.settings import ClientSettings

    where = ClientSettings(api_url=options.api_url, cache_dir=options.cache_dir)
    return HttpCache(where.resolved_cache_dir / STORE_DIR)


def recall(key: str, store: HttpCache) -> str | None:
    """The output to print for ``key``, if one was kept in ``store`` and still stands; else
    None."""
    from tui.github.reads import recall_derived

    now = datetime.now(UTC)
    try:
        kept = recall_derived(store, key, now)
        data = json.loads(kept) if kept is not None else None
        if not isinstance(data, dict) or not isinstance(data.get("out"), str):
            return None
        source = data.get("source")
        if source is None:
            return str(data["out"])
        kind, from_cache, stale, fetched = source
        at = datetime.fromtimestamp(fetched, UTC) if fetched is not None else None
        return str(data["out"]) + source_words(str(kind), bool(from_cache), bool(stale), at, now)
    except (ValueError, TypeError, OverflowError, OSError):
        return None  # a kept value of another shape: the normal path answers


def keep(
    client: GitHubClient, key: str, out: str, source: SourceInfo | None, tail: str = ""
) -> None:
    """Keep ``out`` under ``key`` if every answer behind it came fresh from the cache.

    ``source``, for the text form: ``out`` ends with ``tail``, the line saying the answer's age,
    which is left out and worked out afresh from ``source`` each time. Synchronous.
    """
    from tui.github.reads import derived_body

    if client.cache_problem is not None:
        return
    kept: dict[str, object] = {"out": out, "source": None}
    if source is not None:
        if not tail or not out.endswith(tail):
            return
        fetched = source.fetched_at.timestamp() if source.fetched_at is not None else None
        kept = {
            "out": out[: -len(tail)],
            "source": [source.kind, source.from_cache, source.stale, fetched],
        }
    body = derived_body(json.dumps(kept), client.reads)
    if body is not None:
        client.keep_derived(key, body)
