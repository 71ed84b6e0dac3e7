"""LocalSource: a checkout on disk as a report, counted the way Linguist counts for GitHub's bar."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from tui.analysis.frameworks import (
    detect_from,
    manifests_to_fetch,
    parse_manifests,
    sources_to_sample,
)
from tui.analysis.languages import shares
from tui.analysis.manifests import is_manifest
from tui.analysis.notebooks import GITHUB_VIEW, notebook_view
from tui.analysis.report import Framework, RepoInfo, RepoReport, SourceInfo
from tui.sources.licence import licence_of
from tui.sources.safe_read import read_regular
from tui.sources.scan import ScanResult, scan_checkout

if TYPE_CHECKING:  # (loaded where used: ``repolens scan`` needs none of them, nor tui.github)
    from tui.sources.base import Activity, Readme, SearchResults

#: Larger files are not read for detection (manifests are small; this bounds hostile input).
MAX_READ = 2 * 1024 * 1024


class LocalSource:
    """Scan one directory; ``report`` yields languages first, then frameworks."""

    def __init__(self, root: Path) -> None:
        self.root = root.expanduser().resolve()

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """A checkout has nothing to search."""
        from tui.sources.base import SearchResults

        return SearchResults(query, (), 0, False, page, False, offline=True)

    async def report(
        self, full_name: str, *, hint: RepoInfo | None = None
    ) -> AsyncIterator[RepoReport]:
        """Languages from a scan of the files, then frameworks from its manifests."""
        # the event loop's modules load with the first report, not for ``repolens scan``
        import asyncio
        import threading

        from tui.sources.background import in_daemon_thread

        report = self._started()
        yield report
        stop = threading.Event()  # set when the report is abandoned (a new one, or quitting)
        scan = await in_daemon_thread(partial(scan_checkout, self.root, stop=stop), stop)
        licence = await asyncio.to_thread(licence_of, self.root)
        report = with_scan(report, scan, licence)
        yield report
        detection = await in_daemon_thread(partial(self._detect, scan.paths))
        yield report._replace(frameworks=tuple(detection[0]), errors=tuple(detection[1]))

    def whole_report(self) -> RepoReport:
        """The last report ``report`` yields, worked out in this thread (the command line's
        ``scan``, which shows only the whole answer and needs no event loop)."""
        scan = scan_checkout(self.root)
        report = with_scan(self._started(), scan, licence_of(self.root))
        frameworks, problems = self._detect(scan.paths)
        return report._replace(frameworks=tuple(frameworks), errors=tuple(problems))

    def _started(self) -> RepoReport:
        """What is known before the scan: where the checkout is."""
        # the full path is the key: two checkouts may share a folder name
        info = RepoInfo(full_name=str(self.root), html_url=self.root.as_uri())
        source = SourceInfo(kind="local", fetched_at=datetime.now(UTC))
        return RepoReport(info=info, source=source)

    def _detect(self, paths: Sequence[str]) -> tuple[list[Framework], list[str]]:
        """Frameworks from the manifests among ``paths`` (the scan's listing: listed once)."""
        paths = list(paths)
        files = self._read(manifests_to_fetch(paths, repo_name=self.root.name))
        # what ``detect(paths, files)`` says, each manifest parsed once for both passes
        manifests = parse_manifests(files)
        detection = detect_from(manifests, paths, _sources(files), repo_name=self.root.name)
        if detection.silent:  # manifests named nothing known: source imports may
            files.update(self._read(sources_to_sample(paths)))  # never manifests
            detection = detect_from(manifests, paths, _sources(files), repo_name=self.root.name)
        return list(detection.frameworks), list(detection.problems)

    def _read(self, paths: list[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for path in paths:
            target = self.root / path
            try:
                if target.is_symlink() or target.stat().st_size > MAX_READ:
                    continue
            except OSError:
                continue
            data = read_regular(target, MAX_READ)  # never a FIFO, socket or device
            if data is not None:
                out[path] = data
        return out

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        """The README at the top of the checkout, read from disk."""
        import asyncio

        return await asyncio.to_thread(local_readme, self.root)

    async def activity(self, full_name: str) -> Activity:
        """No commit activity for a checkout (yet)."""
        from tui.sources.base import Activity

        return Activity(weeks=())

    async def probe(self) -> bool:
        """A checkout is always there to show."""
        return True

    async def clear_cache(self) -> int:
        """A checkout has no cache."""
        return 0

    async def aclose(self) -> None:
        """Nothing is held open."""


def _sources(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files that are no manifests (sampled sources), as ``detect`` picks them."""
    return {path: data for path, data in files.items() if not is_manifest(path)}


def with_scan(report: RepoReport, scan: ScanResult, licence: str | None) -> RepoReport:
    """``report`` with a scan's languages (both views), primary language and licence."""
    view = notebook_view(scan.bytes_by_language, scan.notebook_cells_by_language)
    top = max(scan.bytes_by_language.items(), key=lambda kv: kv[1], default=(None, 0))[0]
    apart = view.label != GITHUB_VIEW
    return report._replace(
        info=report.info._replace(primary_language=top, license=licence),
        languages=shares(scan.bytes_by_language),
        notebook_view=view.shares if apart else None,
        notebook_label=view.label if apart else None,
        notebook_bytes=view.notebook_bytes,
        classifier=scan.classifier,
    )


def local_readme(root: Path) -> Readme | None:
    """The README at the top of a checkout, read from disk (not through a symlink)."""
    from tui.sources.base import README_MAX, README_NAMES, Readme

    for name in README_NAMES:
        path = root / name
        try:
            if path.is_symlink() or not path.is_file():
                continue
            with path.open("rb") as handle:
                data = handle.read(README_MAX)
        except OSError:
            continue
        return Readme(name, data.decode("utf-8", errors="replace"))
    return None
