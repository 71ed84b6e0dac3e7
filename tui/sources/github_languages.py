"""Language shares estimated from a repository's tree, for a report without a token.

GitHub's ``/languages`` is the truth, but without a token it costs one of 60 requests an hour.
When the recursive tree has to be fetched anyway (a workspace, a root that names no framework),
its listing (paths and sizes) is counted the way Linguist counts a checkout instead: within two
points of GitHub's figures on all but one repository of the development corpus (see
``tests/analysis/test_languages_corpus.py``). Such a report says its shares are estimated.

Names and sizes cannot see what Linguist reads in a file: binary files under a language's
extension (``.eps`` logos counted as PostScript, compiled ``.mo`` catalogues as Modelica) and
headers that say "generated". So an estimate is only kept when its largest language is the
primary language GitHub gave with the metadata (free); otherwise ``/languages`` is asked.
"""

from __future__ import annotations

import asyncio

from tui.analysis.gitattributes import AttributeRules
from tui.analysis.languages import bytes_from_listing
from tui.github.models import FetchInfo, Tree
from tui.sources.github_detect import FrameworkFinder

MAX_ATTRIBUTE_FILES = 8
"""At most this many ``.gitattributes`` files are read (the root's first; real ones are few)."""


def agrees(counted: dict[str, int], primary: str | None) -> bool:
    """Whether an estimate's largest language is GitHub's primary language for the repository."""
    if not counted or primary is None:
        return False
    top = max(sorted(counted), key=lambda name: counted[name])
    return top.casefold() == primary.casefold()


def _attribute_files(paths: list[str]) -> list[str]:
    """The ``.gitattributes`` files of a listing, shallowest first."""
    found = [p for p in paths if p == ".gitattributes" or p.endswith("/.gitattributes")]
    return sorted(found, key=lambda p: (p.count("/"), p))[:MAX_ATTRIBUTE_FILES]


async def listing_languages(
    finder: FrameworkFinder,
    full_name: str,
    ref: str,
    tree: Tree,
    infos: list[FetchInfo | None],
) -> dict[str, int]:
    """Bytes per language of ``tree``'s files, as Linguist would count them by name and size.

    Its ``.gitattributes`` overrides (vendored, generated, documentation, language) are read
    from the raw host, which spends no API budget.
    """
    entries = [(e.path, e.size) for e in tree.entries if e.type == "blob"]
    wanted = _attribute_files([path for path, _ in entries])
    files = await finder.fetch(full_name, ref, wanted, infos) if wanted else {}
    rules = AttributeRules()
    for path in wanted:
        if path in files:
            rules.add(files[path].decode("utf-8", errors="replace"), path.rpartition("/")[0])
    # a listing may hold 100,000 paths: counted off the event loop
    return await asyncio.to_thread(bytes_from_listing, entries, attributes=rules or None)
