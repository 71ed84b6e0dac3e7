"""Messages that travel between screens and the app (widget-local ones live in their widget)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.analysis.report import RepoInfo
from tui.github.models import RateBucket


@dataclass
class BudgetChanged(Message):
    """GitHub said something new about the rate limits; a burst collapses into the latest."""

    buckets: dict[str, RateBucket]
    """Every known bucket, by resource name."""

    def can_replace(self, message: Message) -> bool:
        """Only the newest snapshot matters."""
        return isinstance(message, BudgetChanged)


@dataclass
class MarksChanged(Message):
    """The set of repositories marked for comparison changed."""

    marked: tuple[RepoInfo, ...]
    """The marked repositories, in the order they were marked."""


@dataclass
class OpenRepo(Message):
    """Open one repository's full detail."""

    full_name: str
    """``owner/name``."""
    hint: RepoInfo | None = None
    """What is already known of it (from a search row), shown at once."""


@dataclass
class CompareRepos(Message):
    """Open the compare view over these repositories."""

    repos: tuple[RepoInfo, ...]
    """Two to six repositories, left to right."""


@dataclass
class GitHubUnreachable(Message):
    """A search was answered from the cache and catalog because GitHub could not be reached."""
