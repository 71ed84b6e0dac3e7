"""The qualifiers of GitHub's repository search, as predicates over ``RepoInfo`` objects.

Each builder validates its value (raising ``QuerySyntaxError`` with one line for a person) and
returns a predicate that answers True, False, or None when the repository lacks the figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from tui.analysis.report import RepoInfo

Predicate = Callable[[RepoInfo], bool | None]
"""A condition on a repository; None means the repository lacks the figure to decide."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_UNSUPPORTED = frozenset(
    {"followers", "good-first-issues", "help-wanted-issues", "mirror", "template"}
)


class QuerySyntaxError(ValueError):
    """A query offline search cannot parse or evaluate; ``str()`` is one line for a person."""


def predicate(key: str | None, value: str, fields: frozenset[str]) -> Predicate:
    """The condition one term (``key`` None) or qualifier puts on a repository.

    Args:
        key: The qualifier's name, lower-cased, or None for free text.
        value: The value, quotes removed.
        fields: Where free text is looked for: any of name, description, topics.

    Raises:
        QuerySyntaxError: On an unknown or unsupported qualifier or a malformed value.
    """
    if key is None:
        return _text(value.lower(), fields)
    if key in _UNSUPPORTED:
        raise QuerySyntaxError(f"The qualifier {key}: is not supported offline.")
    builder = _BUILDERS.get(key)
    if builder is None:
        raise QuerySyntaxError(f"Unknown search qualifier {key}:.")
    return builder(value)


def _text(term: str, fields: frozenset[str]) -> Predicate:
    """Free text: a case-insensitive substring of the name, the description or a topic."""

    def test(repo: RepoInfo) -> bool:
        haystack = []
        if "name" in fields:
            haystack.append(repo_name(repo))
        if "description" in fields:
            haystack.append(repo.description or "")
        if "topics" in fields:
            haystack.extend(repo.topics)
        return any(term in text.lower() for text in haystack)

    return test


def repo_name(repo: RepoInfo) -> str:
    """The repository's name without its owner."""
    return repo.full_name.rpartition("/")[2]


def _owner(repo: RepoInfo) -> str:
    """The repository owner's login, lower-cased."""
    return repo.full_name.partition("/")[0].lower()


def _language_key(name: str) -> str:
    """Languages compare case-insensitively, with spaces and hyphens alike (jupyter-notebook)."""
    return name.lower().replace(" ", "-")


def _parse_int(key: str, text: str) -> int:
    """A whole number in a range qualifier."""
    try:
        return int(text)
    except ValueError:
        raise QuerySyntaxError(f"{key}: expects numbers such as >100 or 10..50.") from None


def _parse_date(key: str, text: str) -> date:
    """A YYYY-MM-DD date (a time after it is ignored)."""
    try:
        if not _DATE.match(text):
            raise ValueError(text)
        return date.fromisoformat(text[:10])
    except ValueError:
        raise QuerySyntaxError(f"{key}: expects dates such as >2024-01-31.") from None


def _range(key: str, text: str, parse: Callable[[str, str], Any]) -> Callable[[Any], bool]:
    """A comparison from ``>N``, ``>=N``, ``<N``, ``<=N``, ``N..M`` (``*`` open) or ``N``."""
    if ".." in text:
        low_text, _, high_text = text.partition("..")
        low = None if low_text in ("", "*") else parse(key, low_text)
        high = None if high_text in ("", "*") else parse(key, high_text)
        return lambda v: (low is None or v >= low) and (high is None or v <= high)
    for symbol, compare in _COMPARISONS:
        if text.startswith(symbol):
            bound = parse(key, text[len(symbol) :])
            return lambda v: bool(compare(v, bound))
    exact = parse(key, text)
    return lambda v: bool(v == exact)


_COMPARISONS: tuple[tuple[str, Callable[[Any, Any], Any]], ...] = (
    (">=", lambda a, b: a >= b),
    ("<=", lambda a, b: a <= b),
    (">", lambda a, b: a > b),
    ("<", lambda a, b: a < b),
)


def _number(key: str, get: Callable[[RepoInfo], int | None]) -> Callable[[str], Predicate]:
    """A builder for a numeric qualifier over one figure of the repository."""

    def build(value: str) -> Predicate:
        test = _range(key, value, _parse_int)
        return lambda repo: None if (v := get(repo)) is None else test(v)

    return build


def _when(key: str, get: Callable[[RepoInfo], datetime | None]) -> Callable[[str], Predicate]:
    """A builder for a date qualifier over one timestamp of the repository (compared in UTC)."""

    def build(value: str) -> Predicate:
        test = _range(key, value, _parse_date)
        return lambda repo: None if (v := get(repo)) is None else test(_utc_date(v))

    return build


def _utc_date(moment: datetime) -> date:
    """The UTC calendar date of a timestamp (naive ones are taken as UTC)."""
    return moment.astimezone(UTC).date() if moment.tzinfo else moment.date()


def _boolean(key: str, get: Callable[[RepoInfo], bool]) -> Callable[[str], Predicate]:
    """A builder for a true/false qualifier."""

    def build(value: str) -> Predicate:
        if value.lower() not in ("true", "false"):
            raise QuerySyntaxError(f"{key}: expects true or false.")
        wanted = value.lower() == "true"
        return lambda repo: get(repo) == wanted

    return build


def _is(value: str) -> Predicate:
    """``is:public`` holds for every listed repository, ``is:private`` for none."""
    if value.lower() not in ("public", "private"):
        raise QuerySyntaxError(f"is:{value} is not supported offline.")
    public = value.lower() == "public"
    return lambda repo: public


_BUILDERS: dict[str, Callable[[str], Predicate]] = {
    "language": lambda v: (
        lambda r: (
            None
            if r.primary_language is None
            else _language_key(r.primary_language) == _language_key(v)
        )
    ),
    "topic": lambda v: lambda r: v.lower() in (t.lower() for t in r.topics),
    "user": lambda v: lambda r: _owner(r) == v.lower(),
    "org": lambda v: lambda r: _owner(r) == v.lower(),
    "repo": lambda v: lambda r: r.full_name.lower() == v.lower(),
    "license": lambda v: lambda r: None if r.license is None else r.license.lower() == v.lower(),
    "stars": _number("stars", lambda r: r.stars),
    "forks": _number("forks", lambda r: r.forks),
    "size": _number("size", lambda r: r.size_kb),
    "topics": _number("topics", lambda r: len(r.topics)),
    "pushed": _when("pushed", lambda r: r.pushed_at),
    "created": _when("created", lambda r: r.created_at),
    "updated": _when("updated", lambda r: r.updated_at or r.pushed_at),
    "archived": _boolean("archived", lambda r: r.archived),
    "is": _is,
}
