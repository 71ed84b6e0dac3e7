"""Offline repository search: GitHub's search syntax evaluated over ``RepoInfo`` objects, no I/O.

The sources gather the candidates (the cache's answers, the catalog's repositories); this module
only filters, orders and pages them.
Free-text terms and quoted phrases match the name, description and topics (case-insensitive,
substring); ``in:`` narrows that. Qualifiers follow GitHub's meaning: repeated
``user:``/``org:``/``repo:`` and ``language:`` qualifiers are alternatives, everything else must
hold together; ``-`` or ``NOT`` negates a term or qualifier, and ``OR`` joins alternatives. A
figure the repository lacks (``stars`` of ``null``) matches no condition on it, negated or not.
Forks are left out unless ``fork:true`` or ``fork:only`` asks for them, as on GitHub.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tui.analysis.report import RepoInfo
from tui.search.qualifiers import Predicate, QuerySyntaxError, predicate, repo_name

__all__ = [
    "Clause",
    "ParsedQuery",
    "QuerySyntaxError",
    "matcher",
    "parse_query",
    "relevance",
    "search_repos",
]

SORTS = ("stars", "forks", "updated")
"""The orders offline search can produce besides best match."""

_TOKEN = re.compile(r'(?:[^\s"]+|"[^"]*")+')
_QUALIFIER = re.compile(r"^([A-Za-z][A-Za-z_-]*):(.*)$", re.DOTALL)
_ANY_OF = frozenset({"user", "org", "repo", "language"})
_FIELDS = frozenset({"name", "description", "topics", "readme"})


@dataclass(frozen=True, slots=True)
class Clause:
    """One condition of a query: a free-text term (``key`` None) or a qualifier, maybe negated."""

    key: str | None
    value: str
    negated: bool = False


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A parsed query: groups that must all hold, each satisfied by any one of its clauses.

    Attributes:
        groups: Conjunction of disjunctions of clauses.
        fields: Where free text is looked for (``in:``); name, description and topics by default.
        forks: ``"false"`` (default), ``"true"`` (include) or ``"only"``.
        sort: A ``sort:`` given inside the query (``stars``, ``forks``, ``updated``), if any.
        order: The order that came with it (``sort:stars-asc``), if any.
    """

    groups: tuple[tuple[Clause, ...], ...]
    fields: frozenset[str] = frozenset({"name", "description", "topics"})
    forks: str = "false"
    sort: str | None = None
    order: str | None = None

    @property
    def terms(self) -> tuple[str, ...]:
        """The positive free-text terms, lower-cased, for relevance scoring."""
        return tuple(
            clause.value.lower()
            for group in self.groups
            for clause in group
            if clause.key is None and not clause.negated
        )


def parse_query(query: str) -> ParsedQuery:
    """Parse GitHub's repository search syntax.

    Args:
        query: Free text, ``"quoted phrases"``, ``key:value`` qualifiers, ``-``/``NOT``, ``OR``.

    Returns:
        The query, every qualifier value already validated.

    Raises:
        QuerySyntaxError: On unbalanced quotes, an unknown qualifier or a malformed value.
    """
    if query.count('"') % 2:
        raise QuerySyntaxError("Unbalanced quote in the search query.")
    groups: list[list[Clause]] = []
    modifiers: dict[str, Any] = {}
    negate_next = join_next = False
    for token in _TOKEN.findall(query):
        if token in ("NOT", "OR", "AND"):
            negate_next = negate_next or token == "NOT"
            join_next = join_next or token == "OR"
            continue
        clause = _clause(token, negate_next)
        negate_next = False
        if clause.key in ("in", "fork", "sort"):
            _modifier(clause, modifiers)
            continue
        _check(clause)
        if join_next and groups:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        join_next = False
    return ParsedQuery(groups=_merge_any_of(groups), **modifiers)


def _clause(token: str, negated: bool) -> Clause:
    """Turn one token into a clause: strip ``-`` and quotes, split off a qualifier key."""
    if token.startswith("-") and len(token) > 1:
        negated, token = True, token[1:]
    match = _QUALIFIER.match(token)
    if match is None:
        return Clause(None, token.replace('"', ""), negated)
    key, value = match.group(1).lower(), match.group(2).replace('"', "")
    if not value:
        raise QuerySyntaxError(f"The qualifier {key}: needs a value.")
    return Clause(key, value, negated)


def _modifier(clause: Clause, modifiers: dict[str, Any]) -> None:
    """Record ``in:``, ``fork:`` or ``sort:``, which shape the search rather than filter it."""
    value = clause.value.lower()
    if clause.key == "in":
        fields = frozenset(value.split(","))
        if not fields <= _FIELDS:
            raise QuerySyntaxError(f"in:{clause.value} - expected name, description or topics.")
        modifiers["fields"] = fields
    elif clause.key == "fork":
        if value not in ("true", "false", "only"):
            raise QuerySyntaxError(f"fork:{clause.value} - expected true, false or only.")
        modifiers["forks"] = value
    else:
        sort, _, order = value.partition("-")
        if sort not in SORTS or order not in ("", "asc", "desc"):
            raise QuerySyntaxError(f"sort:{clause.value} - expected stars, forks or updated.")
        modifiers["sort"], modifiers["order"] = sort, order or None


def _merge_any_of(groups: list[list[Clause]]) -> tuple[tuple[Clause, ...], ...]:
    """Join positive lone ``user:``/``org:``/``repo:`` clauses into one group, same for language."""
    merged: dict[str, list[Clause]] = {}
    rest: list[tuple[Clause, ...]] = []
    for group in groups:
        first = group[0]
        if len(group) == 1 and first.key in _ANY_OF and not first.negated:
            kind = "language" if first.key == "language" else "owner"
            merged.setdefault(kind, []).append(first)
        else:
            rest.append(tuple(group))
    return tuple(tuple(clauses) for clauses in merged.values()) + tuple(rest)


def _check(clause: Clause) -> None:
    """Build the clause's predicate once so that a malformed value fails at parse time."""
    predicate(clause.key, clause.value, frozenset({"name"}))


def matcher(parsed: ParsedQuery) -> Callable[[RepoInfo], bool]:
    """A test of whether one repository satisfies the whole query (predicates built once)."""
    groups = [
        [(predicate(clause.key, clause.value, parsed.fields), clause.negated) for clause in group]
        for group in parsed.groups
    ]

    def test(repo: RepoInfo) -> bool:
        if parsed.forks != "true" and repo.fork != (parsed.forks == "only"):
            return False  # forks only when asked for, as on GitHub
        return all(any(_holds(test, negated, repo) for test, negated in group) for group in groups)

    return test


def _holds(test: Predicate, negated: bool, repo: RepoInfo) -> bool:
    """One clause, negation applied; an undecidable clause never holds."""
    verdict = test(repo)
    return verdict is not None and verdict != negated


def relevance(parsed: ParsedQuery, repo: RepoInfo) -> float:
    """A best-match score: name hits outweigh topic and description hits; stars break ties."""
    score = 1.0
    name = repo_name(repo).lower()
    topics = [topic.lower() for topic in repo.topics]
    description = (repo.description or "").lower()
    for term in parsed.terms:
        score += 10.0 if name == term else 5.0 if term in name else 0.0
        score += 3.0 if term in topics else 0.0
        score += 1.0 if term in description else 0.0
    return round(score + math.log10((repo.stars or 0) + 1) / 10, 3)


def search_repos(
    query: str | ParsedQuery,
    repos: Iterable[RepoInfo],
    *,
    sort: str | None = None,
    order: str | None = None,
) -> list[RepoInfo]:
    """Every repository that matches, in GitHub's order.

    Args:
        query: The query text (or one already parsed).
        repos: The repositories to search.
        sort: ``stars``, ``forks``, ``updated``, or None/``best-match`` for relevance;
            overrides a ``sort:`` inside the query.
        order: ``desc`` (default) or ``asc``. Missing figures sort last either way.

    Raises:
        QuerySyntaxError: On a malformed query, an unknown sort or an unknown order.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    sort = parsed.sort if sort is None else sort
    order = order or parsed.order or "desc"
    if order not in ("asc", "desc"):
        raise QuerySyntaxError(f"Unknown order {order!r}; expected asc or desc.")
    test = matcher(parsed)
    found = [repo for repo in repos if test(repo)]
    found.sort(key=lambda repo: repo.full_name.lower())
    if sort in (None, "best-match", "best_match"):
        found.sort(key=lambda repo: relevance(parsed, repo), reverse=order == "desc")
        return found
    return _sorted_by(found, sort, descending=order == "desc")


def _sorted_by(repos: Sequence[RepoInfo], sort: str, *, descending: bool) -> list[RepoInfo]:
    """Sort by one figure; repositories without it come last in both orders."""
    keys: dict[str, Callable[[RepoInfo], Any]] = {
        "stars": lambda r: r.stars,
        "forks": lambda r: r.forks,
        "updated": lambda r: r.updated_at or r.pushed_at,
    }
    if sort not in keys:
        raise QuerySyntaxError(
            f"Offline search cannot sort by {sort!r}; use stars, forks or updated."
        )
    known = [repo for repo in repos if keys[sort](repo) is not None]
    unknown = [repo for repo in repos if keys[sort](repo) is None]
    return sorted(known, key=keys[sort], reverse=descending) + unknown
