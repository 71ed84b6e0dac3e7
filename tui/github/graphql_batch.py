"""Follow-up GraphQL queries for a whole search page: deeper listings, then the files they name.

A search bundle holds the root listing and root manifests. Some repositories need more: a
workspace root names member manifests, a repository without manifests needs a few sources
sampled. Rather than one tree and several file requests per repository, a page's worth go in two
queries: one listing each repository ``LISTING_DEPTH`` levels deep, one fetching every file
chosen from those listings. Both address the commit the search gave, so their answers never go
stale. Owner, name and expressions travel as variables, never spliced into the query text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tui.github.errors import BadResponse
from tui.github.models import TreeEntry

LISTING_DEPTH = 3
"""Levels listed below the root (``crates/grep/Cargo.toml`` and ``packages/web/package.json``)."""

_RATE = "rateLimit { cost limit remaining used resetAt }"


@dataclass(frozen=True, slots=True)
class Target:
    """One repository of a follow-up query.

    Attributes:
        full_name: ``owner/name``.
        oid: The commit everything is read at.
        paths: The files to fetch (blob queries only).
    """

    full_name: str
    oid: str
    paths: tuple[str, ...] = ()


def entries_selection(depth: int) -> str:
    """``entries { name type object { ... on Tree { entries ... } } }``, ``depth`` levels."""
    if depth <= 1:
        return "entries { name type }"
    inner = entries_selection(depth - 1)
    return f"entries {{ name type object {{ ... on Tree {{ {inner} }} }} }}"


def _repository(index: int, target: Target, body: str) -> tuple[str, str, dict[str, object]]:
    """The declarations, selection and variables naming one repository."""
    owner, _, name = target.full_name.partition("/")
    declared = f"$o{index}: String!, $n{index}: String!"
    selection = f"r{index}: repository(owner: $o{index}, name: $n{index}) {{ {body} }}"
    return declared, selection, {f"o{index}": owner, f"n{index}": name}


def _query(parts: Sequence[tuple[str, str, dict[str, object]]]) -> tuple[str, dict[str, object]]:
    declared = ", ".join(part[0] for part in parts)
    selections = "\n  ".join(part[1] for part in parts)
    variables: dict[str, object] = {}
    for part in parts:
        variables.update(part[2])
    return f"query({declared}) {{\n  {_RATE}\n  {selections}\n}}", variables


def listing_query(targets: Sequence[Target]) -> tuple[str, dict[str, object]]:
    """One query listing every target's tree at its commit, ``LISTING_DEPTH`` levels deep."""
    parts = []
    for i, target in enumerate(targets):
        listing = entries_selection(LISTING_DEPTH)
        body = f"tree: object(expression: $e{i}) {{ ... on Tree {{ {listing} }} }}"
        declared, selection, variables = _repository(i, target, body)
        variables[f"e{i}"] = f"{target.oid}:"
        parts.append((f"{declared}, $e{i}: String!", selection, variables))
    return _query(parts)


def flatten_entries(entries: object) -> tuple[TreeEntry, ...]:
    """A nested ``entries_selection`` answer as one listing (directories included)."""
    out: list[TreeEntry] = []
    _flatten(entries, "", out)
    return tuple(out)


def _flatten(entries: object, prefix: str, out: list[TreeEntry]) -> None:
    if not isinstance(entries, list):
        return
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
            continue
        path = f"{prefix}{entry['name']}"
        out.append(TreeEntry(path=path, type=str(entry.get("type")), sha=""))
        child = entry.get("object")
        if isinstance(child, Mapping):
            _flatten(child.get("entries"), f"{path}/", out)


def parse_listing(
    data: Mapping[str, Any], targets: Sequence[Target]
) -> dict[str, tuple[TreeEntry, ...]]:
    """Each listed target's entries (directories included), keyed by lower-case name."""
    found: dict[str, tuple[TreeEntry, ...]] = {}
    for i, target in enumerate(targets):
        tree = _get(data, f"r{i}", "tree")
        if isinstance(tree, Mapping) and isinstance(tree.get("entries"), list):
            found[target.full_name.lower()] = flatten_entries(tree["entries"])
    return found


def blobs_query(targets: Sequence[Target]) -> tuple[str, dict[str, object]]:
    """One query fetching every target's ``paths`` at its commit."""
    parts = []
    for i, target in enumerate(targets):
        names = [f"$e{i}_{j}: String!" for j in range(len(target.paths))]
        body = " ".join(
            f"f{j}: object(expression: $e{i}_{j}) {{ ... on Blob {{ text isTruncated }} }}"
            for j in range(len(target.paths))
        )
        declared, selection, variables = _repository(i, target, body or "id")
        variables.update({f"e{i}_{j}": f"{target.oid}:{p}" for j, p in enumerate(target.paths)})
        parts.append((", ".join([declared, *names]), selection, variables))
    return _query(parts)


@dataclass(frozen=True, slots=True)
class Blobs:
    """What a blob query returned for one repository."""

    files: dict[str, bytes]
    truncated: tuple[str, ...]


def parse_blobs(data: Mapping[str, Any], targets: Sequence[Target]) -> dict[str, Blobs]:
    """Each target's files: whole ones, and those to fetch again (cut short, binary, no text).

    Raises:
        BadResponse: A target's repository is missing from the answer.
    """
    found: dict[str, Blobs] = {}
    for i, target in enumerate(targets):
        repo = data.get(f"r{i}")
        if not isinstance(repo, Mapping):
            raise BadResponse(f"GitHub's GraphQL answer lacked {target.full_name}.")
        files: dict[str, bytes] = {}
        truncated: list[str] = []
        for j, path in enumerate(target.paths):
            blob = repo.get(f"f{j}")
            if not isinstance(blob, Mapping):
                continue  # missing file (or not a blob): nothing to read
            if blob.get("isTruncated") or not isinstance(blob.get("text"), str):
                truncated.append(path)
            else:
                files[path] = str(blob["text"]).encode()
        found[target.full_name.lower()] = Blobs(files, tuple(truncated))
    return found


def _get(data: Mapping[str, Any], *keys: str) -> Any:
    value: Any = data
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value
