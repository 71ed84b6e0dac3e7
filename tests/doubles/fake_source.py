"""FakeSource: an in-memory ``RepoSource`` with realistic data for UI tests and screenshots.

Figures are facts about ten public repositories (from ``../shared/corpus/dev``: language bytes,
licences, frameworks with their evidence; stars and forks as GitHub showed them for the corpus). It
can be slow (``delay``), fail (``errors``), spend and exhaust a ``Budget``, and play offline with a
warm cache, so the UI's real flows can be driven without a network.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from textual.app import App
from textual.pilot import Pilot

from tui.analysis.report import Evidence, Framework, LanguageShare, RepoInfo, RepoReport, SourceInfo
from tui.github.budget import Budget
from tui.github.errors import GitHubError, OfflineMiss, RateLimited
from tui.github.models import RateBucket
from tui.sources.base import Activity, Readme, SearchResults, SourceStatus

if TYPE_CHECKING:
    from tui.sources.base import RepoSource

NOW = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
"""The frozen "now" of every test, snapshot and screenshot."""


def _d(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _fw(name: str, category: str, conf: float, path: str, detail: str, line: int | None = None,
        is_self: bool = False) -> Framework:  # fmt: skip
    return Framework(name, category, conf, is_self, (Evidence(path, detail, line),))


@dataclass
class FakeRepo:
    """One repository the fake knows completely."""

    info: RepoInfo
    languages: dict[str, int]
    frameworks: tuple[Framework, ...] = ()
    weekly: tuple[int, ...] = ()
    problems: tuple[str, ...] = ()
    """What reading it ran into (``RepoReport.errors``: a broken manifest, a truncated tree)."""


def _info(name: str, desc: str, lang: str, lic: str | None, stars: int | None, forks: int | None,
          issues: int | None, size: int, created: str, pushed: str | None,
          topics: tuple[str, ...] = ()) -> RepoInfo:  # fmt: skip
    return RepoInfo(
        full_name=name, description=desc, html_url=f"https://github.com/{name}",
        stars=stars, forks=forks, open_issues=issues, license=lic, topics=topics,
        default_branch="main", created_at=_d(created), pushed_at=_d(pushed) if pushed else None,
        size_kb=size, primary_language=lang,
    )  # fmt: skip


def _weekly(seed: int) -> tuple[int, ...]:
    """A deterministic, plausible year of weekly commit counts."""
    return tuple((seed * (i + 3) * 7919) % 23 + (i % 5) * 2 for i in range(52))


def default_repos() -> list[FakeRepo]:
    """The ten corpus repositories (facts only)."""
    fw = _fw
    return [
        FakeRepo(
            _info("fastapi/fastapi", "High-performance Python web framework for building APIs "
                  "from type hints, on top of Starlette and Pydantic.", "Python", "MIT",
                  101745, 9803, 1, 154096, "2018-12-08", "2026-08-19T08:58:11",
                  ("python", "api", "web", "async")),
            {"Python": 3971980, "JavaScript": 1066, "Shell": 574, "HTML": 235, "CSS": 25},
            (fw("FastAPI", "web-backend", 1.0, "pyproject.toml", 'name = "fastapi"', 6, True),
             fw("Starlette", "web-backend", 0.95, "pyproject.toml", "starlette>=0.46.0", 44),
             fw("Pydantic", "data", 0.9, "pyproject.toml", "pydantic>=1.7.4", 45),
             fw("pytest", "test", 0.6, "requirements-tests.txt", "pytest >=7.1.3", 2)),
            _weekly(3),
        ),
        FakeRepo(
            _info("pallets/flask", "Lightweight WSGI web application framework for Python, "
                  "built on Werkzeug, Jinja and Click.", "Python", "BSD-3-Clause",
                  72133, 16944, 0, 35660, "2010-04-06", "2026-08-16T18:35:35",
                  ("python", "flask", "wsgi", "web-framework")),
            {"Python": 566541, "HTML": 405, "Shell": 226, "CSS": 18},
            (fw("Flask", "web-backend", 1.0, "pyproject.toml", 'name = "Flask"', 2, True),
             fw("Click", "cli-tui", 0.9, "pyproject.toml", "click>=8.1.3", 25),
             fw("pytest", "test", 0.6, "pyproject.toml", "pytest", 60)),
            _weekly(5),
        ),
        FakeRepo(
            _info("gin-gonic/gin", "HTTP web framework for Go with a fast radix-tree router, "
                  "middleware and request binding.", "Go", "MIT",
                  89099, 8670, 604, 17164, "2014-06-16", "2026-08-15T05:44:19",
                  ("go", "framework", "router")),
            {"Go": 682119, "Makefile": 3010},
            (fw("Gin", "web-backend", 1.0, "go.mod", "module github.com/gin-gonic/gin", 1, True),),
            _weekly(7),
        ),
        FakeRepo(
            _info("BurntSushi/ripgrep", "Line-oriented recursive search tool in Rust that "
                  "respects gitignore rules, split into reusable crates.", "Rust", None,
                  67483, 2736, 118, 10020, "2016-03-11", "2026-08-04T13:59:44",
                  ("rust", "cli", "search", "grep")),
            {"Rust": 1902104, "Python": 47804, "Shell": 37198, "Roff": 13889, "Ruby": 804,
             "Lua": 192},
            (),
            _weekly(11),
        ),
        FakeRepo(
            _info("karpathy/nanoGPT", "Minimal, readable code for training and fine-tuning "
                  "medium-sized GPT models.", "Python", "MIT",
                  62341, 10737, 248, 70380, "2022-12-28", "2025-11-12T19:52:34",
                  ("gpt", "pytorch")),
            {"Python": 51670},
            (fw("PyTorch", "ml", 0.8, "model.py", "import torch", 14),),
            _weekly(13),
        ),
        FakeRepo(
            _info("vuejs/core", "Monorepo of the Vue 3 framework: reactivity system, runtime, "
                  "compilers and server renderer.", "TypeScript", "MIT",
                  54229, 9188, 558, 79800, "2018-06-12", "2026-08-22T00:34:21",
                  ("vue", "typescript", "frontend")),
            {"TypeScript": 4323612, "JavaScript": 74901, "HTML": 50723, "Vue": 20432,
             "CSS": 1369, "Shell": 479},
            (fw("Vue", "web-frontend", 1.0, "packages/vue/package.json", 'name "vue"', 2, True),
             fw("Vitest", "test", 0.7, "package.json", "devDependencies: vitest", 90)),
            _weekly(17),
        ),
        FakeRepo(
            _info("google-research/bert", "Original TensorFlow 1.x code and pre-trained "
                  "checkpoints for the BERT language representation model.", "Python",
                  "Apache-2.0", 39503, 9702, 789, 5148, "2018-10-25", "2024-07-23T23:39:41",
                  ("nlp", "tensorflow", "google")),
            {"Python": 214335, "Jupyter Notebook": 66488},
            (fw("TensorFlow", "ml", 0.95, "requirements.txt", "tensorflow >= 1.11.0", 1),),
            _weekly(19),
        ),
        FakeRepo(
            _info("shadcn-ui/taxonomy", "Example web application built with Next.js 13 app "
                  "router, Prisma, NextAuth and Radix-based UI components.", "TypeScript", "MIT",
                  16625, 2197, 106, 19856, "2022-10-25", "2024-01-16T10:33:08",
                  ("nextjs", "react", "tailwindcss")),
            {"TypeScript": 224160, "JavaScript": 9128, "CSS": 4032, "Shell": 1456},
            (fw("Next.js", "web-frontend", 0.95, "package.json", "next 13.3.2-canary.13", 40),
             fw("React", "web-frontend", 0.9, "package.json", "react ^18.2.0", 49),
             fw("Tailwind CSS", "web-frontend", 0.8, "package.json", "tailwindcss ^3.3.1", 80),
             fw("Prisma", "data", 0.8, "package.json", "@prisma/client ^4.13.0", 30)),
            _weekly(23),
        ),
        FakeRepo(
            _info("spring-projects/spring-petclinic", "Sample Spring Boot application for a "
                  "veterinary clinic, using Spring MVC, Spring Data JPA and Thymeleaf.", "CSS",
                  "Apache-2.0", 9472, 30403, 1, 278180, "2013-01-09", "2026-07-30T11:10:47",
                  ("spring-boot", "java", "sample")),
            {"CSS": 278931, "Java": 121240, "HTML": 19150, "SCSS": 7939, "Dockerfile": 643},
            (fw("Spring Boot", "web-backend", 0.95, "pom.xml", "spring-boot-starter-parent", 8),
             fw("Docker", "infra", 0.6, "Dockerfile", "FROM", 1)),
            _weekly(29),
        ),
        FakeRepo(
            _info("microsoft/BioGPT", "Generative language model pre-trained on biomedical "
                  "literature, with fine-tuning and inference scripts built on fairseq.",
                  "Python", "MIT", None, None, None, 9712, "2022-08-15", None,
                  ("nlp", "biomedical")),
            {"Python": 63833, "Shell": 780},
            (fw("PyTorch", "ml", 0.95, "requirements.txt", "torch==1.12.0", 1),
             fw("fairseq", "ml", 0.95, "requirements.txt", "fairseq==0.12.2", 2)),
            (),
        ),
    ]  # fmt: skip


def shares(languages: dict[str, int]) -> tuple[LanguageShare, ...]:
    """Bytes per language as shares, largest first, percent to one decimal."""
    total = sum(languages.values()) or 1
    ordered = sorted(languages.items(), key=lambda kv: -kv[1])
    return tuple(LanguageShare(n, b, round(b * 100 / total, 1), None) for n, b in ordered)


def with_languages(report: RepoReport, languages: dict[str, int]) -> RepoReport:
    """``report`` with its language shares, and the notebooks-set-apart view as GitHub's source
    gives it when the repository has notebooks."""
    from tui.analysis.notebooks import GITHUB_VIEW, notebook_view  # not at startup (benchmarks)

    view = notebook_view(languages)
    apart = view.label != GITHUB_VIEW
    return report._replace(languages=shares(languages),
                           notebook_view=view.shares if apart else None,
                           notebook_label=view.label if apart else None,
                           notebook_bytes=view.notebook_bytes)  # fmt: skip


def matches(info: RepoInfo, query: str) -> bool:
    """GitHub-like matching: free words in name/description/topics, plus a few qualifiers."""
    for term in query.split():
        key, _, value = term.partition(":")
        value = value.lower()
        if key == "language" and value:
            if (info.primary_language or "").lower() != value:
                return False
        elif key == "topic" and value:
            if value not in info.topics:
                return False
        elif key == "is" and value:
            if value != "public":  # every repository the fake knows is public
                return False
        elif key in {"user", "org"} and value:
            if info.full_name.split("/")[0].lower() != value:
                return False
        elif key == "stars" and value.startswith(">"):
            if (info.stars or 0) <= int(value[1:]):
                return False
        elif (
            term.lower()
            not in " ".join((info.full_name, info.description or "", *info.topics)).lower()
        ):
            return False
    return True


READMES = {
    "google-research/bert": (
        "# BERT\n\n**BERT**, or **B**idirectional **E**ncoder **R**epresentations from "
        "**T**ransformers, is a method of pre-training language representations.\n\n"
        "## What is in this repository\n\n* TensorFlow code for the model architecture\n"
        "* Pre-trained checkpoints for `BERT-Base` and `BERT-Large`\n"
        "* Fine-tuning examples for SQuAD and GLUE\n\n"
        "```shell\npython run_classifier.py --task_name=MRPC --do_train=true\n```\n"
    ),
    "fastapi/fastapi": (
        "# FastAPI\n\nFastAPI framework, high performance, easy to learn, fast to code, ready "
        "for production.\n\n## Installation\n\n```console\n$ pip install fastapi\n```\n"
    ),
}
"""README texts (written for the tests) of a few repositories; the others have none."""


@dataclass
class FakeSource:
    """An in-memory ``RepoSource``.

    Attributes:
        repos: What exists, by ``owner/name``.
        delay: Seconds to wait before each answer (and between report steps).
        report_delay: Seconds between report steps, when they should differ from ``delay``.
        budget: Spent one core request per report step and one search per search, when given.
        errors: ``full_name`` (or ``"search"``) -> error raised when that is asked for.
        offline: Only ``cached`` names and queries answer, as stale cache hits.
        cached: Names and queries that answer at once from the (pretend) disk cache.
        calls: Every call made, in order (``search:<q>``, ``report:<name>``, ``activity:<name>``).
        fallback: Searches answer as GitHub's source does when GitHub is unreachable: from the
            cache and catalog, with ``offline=True``.
    """

    repos: dict[str, FakeRepo] = field(
        default_factory=lambda: {r.info.full_name: r for r in default_repos()}
    )
    delay: float = 0.0
    report_delay: float | None = None
    budget: Budget | None = None
    errors: dict[str, GitHubError] = field(default_factory=dict)
    offline: bool = False
    cached: set[str] = field(default_factory=set)
    now: datetime = NOW
    calls: list[str] = field(default_factory=list)
    cache_cleared: int = 0
    fallback: bool = False
    readmes: dict[str, str] = field(default_factory=lambda: dict(READMES))

    def __post_init__(self) -> None:
        if self.budget is not None and not self.budget.buckets:
            reset = self.now + timedelta(minutes=42)
            self.budget.update(RateBucket("core", 60, 60, 0, reset))
            self.budget.update(RateBucket("search", 10, 10, 0, self.now + timedelta(seconds=50)))

    def _spend(self, resource: str) -> None:
        if self.budget is None:
            return
        bucket = self.budget.get(resource)
        if bucket is None:
            return
        if bucket.remaining <= 0:
            raise RateLimited(resource, bucket.reset_at, now=self.now)  # judged at its time
        self.budget.update(replace(bucket, remaining=bucket.remaining - 1, used=bucket.used + 1))

    async def _step(self, key: str, resource: str) -> None:
        delay = self.delay
        if resource == "core" and self.report_delay is not None:
            delay = self.report_delay
        if delay:
            await asyncio.sleep(delay)
        if key in self.errors:
            raise self.errors[key]
        self._spend(resource)

    async def search(self, query: str, *, sort: str | None = None, page: int = 1,
                     per_page: int = 30) -> SearchResults:  # fmt: skip
        """Filter, sort and page the known repositories."""
        self.calls.append(f"search:{query}:{sort}:{page}")
        hit = query in self.cached
        if self.offline and not hit:
            raise OfflineMiss("Offline and this search is not cached.")
        if not hit:
            await self._step("search", "search")
        found = [r.info for r in self.repos.values() if matches(r.info, query)]
        if sort in {"stars", "forks"}:
            found.sort(key=lambda i: -((i.stars if sort == "stars" else i.forks) or 0))
        elif sort == "updated":
            found.sort(key=lambda i: i.pushed_at or datetime.min.replace(tzinfo=UTC), reverse=True)
        start = (page - 1) * per_page
        items = tuple(found[start : start + per_page])
        return SearchResults(query, items, len(found), False, page, start + per_page < len(found),
                             offline=self.offline or self.fallback, from_cache=hit,
                             stale=hit and self.offline)  # fmt: skip

    async def report(
        self, full_name: str, *, hint: RepoInfo | None = None
    ) -> AsyncIterator[RepoReport]:
        """Metadata first, then languages, then frameworks (all at once when cached)."""
        self.calls.append(f"report:{full_name}")
        repo = self.repos.get(full_name)
        if full_name in self.cached and repo is not None:
            fetched = self.now - timedelta(hours=3 if self.offline else 0, minutes=5)
            source = SourceInfo("cache", True, self.offline, fetched)
            cached = RepoReport(repo.info, None, repo.frameworks, source, errors=repo.problems)
            yield with_languages(cached, repo.languages)
            return
        if self.offline:
            raise OfflineMiss(f"Offline and {full_name} is not cached.")
        await self._step(full_name, "core")
        if repo is None:
            from tui.github.errors import NotFound

            raise NotFound(f"Repository {full_name} not found.")
        source = SourceInfo("github", fetched_at=self.now)
        yield RepoReport(hint or repo.info, source=source)
        await self._step(full_name, "core")
        with_shares = with_languages(RepoReport(repo.info, source=source), repo.languages)
        yield with_shares
        await self._step(full_name, "core")
        yield with_shares._replace(frameworks=repo.frameworks, errors=repo.problems)

    async def activity(self, full_name: str) -> Activity:
        """A year of weekly commits (``computing`` for repositories without data)."""
        self.calls.append(f"activity:{full_name}")
        repo = self.repos.get(full_name)
        if self.offline and full_name not in self.cached:
            raise OfflineMiss(f"Offline and the activity of {full_name} is not cached.")
        if full_name not in self.cached:
            await self._step(f"activity:{full_name}", "core")
        if repo is None or not repo.weekly:
            return Activity((), computing=True)
        start = self.now - timedelta(weeks=52)
        pushed = repo.info.pushed_at
        weeks = tuple(
            (
                week.date().isoformat(),
                0 if pushed and week > pushed else n,
            )  # nothing after the last push
            for week, n in ((start + timedelta(weeks=i), n) for i, n in enumerate(repo.weekly))
        )
        return Activity(weeks)

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        """The README written for a few repositories (``READMES``), as the raw host gives it."""
        self.calls.append(f"readme:{full_name}")
        text = self.readmes.get(full_name)
        return None if text is None else Readme("README.md", text)

    async def clear_cache(self) -> int:
        """Forget the pretend cache."""
        forgotten = len(self.cached)
        self.cached.clear()
        self.cache_cleared += 1
        return forgotten

    async def probe(self) -> bool:
        """Something can always be shown (``test_ui_fallback`` plays an empty start-up)."""
        return True

    async def aclose(self) -> None:
        """Nothing to close."""

    @staticmethod
    def many(n: int) -> list[FakeRepo]:
        """``n`` plain extra repositories (``acme/lib-0``...) to fill several pages."""
        return [
            FakeRepo(_info(f"acme/lib-{i}", f"A library, number {i}", "Go", "MIT", 100 + i, i, 0,
                           10, "2020-01-01", "2026-01-01T00:00:00"), {"Go": 1000 + i})
            for i in range(n)
        ]  # fmt: skip

    def add(self, repos: Iterable[FakeRepo]) -> None:
        """Add (or replace) repositories."""
        for repo in repos:
            self.repos[repo.info.full_name] = repo


def catalog_source(now: datetime = NOW) -> tuple[RepoSource, Budget | None, SourceStatus]:
    """The bundled demo catalog as ``--demo`` routes it, with the status its badges show.

    Returns:
        The source, no budget (the demo spends none), and the demo status (with the data date).
    """
    from tui.sources.catalog import CatalogSource, load_catalog
    from tui.sources.router import Router

    status = SourceStatus(demo=True, demo_date=load_catalog().data_date)
    return Router(None, CatalogSource()), None, status


async def settle(app: App[None], pilot: Pilot[None], rounds: int = 3) -> None:
    """Let workers finish and the screen catch up (new workers may start as others end)."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for _ in range(rounds):
        for worker in list(app.workers):
            try:
                await worker.wait()
            except WorkerCancelled:
                pass  # a newer worker of an exclusive group replaced it, as it should
            except WorkerFailed:
                # a worker that failed on purpose (rate limited, offline): the app's
                # Worker.StateChanged handler reports it, and tests assert on what it shows;
                # whether it was still listed here when it failed was a matter of timing
                pass
        await pilot.pause()
