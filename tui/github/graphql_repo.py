"""One GraphQL query for one repository: metadata, languages, root listing and root manifests.

With a token, ``repolens show`` and the preview of a repository no search page carried cost one
POST instead of repository + languages + tree (+ raw files): the same fields as a search node
(``repo_fields``), so the same bundle and the same detection follow. Its listing goes
``LISTING_DEPTH`` levels down, not just the root: a workspace's members are then known from this
one answer, and one more query fetches their manifests (two round trips to the verdict, not
three). A search page lists the root only: thirty deep listings would make it heavy. What lies
deeper than the listing comes from the recursive tree (``tui.sources.github_deepen``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from typing import Any

from tui.github.errors import BadResponse, NotFound
from tui.github.graphql_batch import LISTING_DEPTH, flatten_entries
from tui.github.graphql_search import RepoBundle, bundle_from_node, repo_fields


@cache
def repo_query() -> str:
    """The query for one repository (built when first needed: see ``root_manifests``)."""
    return f"""query($owner: String!, $name: String!) {{
  rateLimit {{ cost limit remaining used resetAt }}
  repository(owner: $owner, name: $name, followRenames: true) {{{repo_fields(LISTING_DEPTH)}  }}
}}"""


def repo_variables(full_name: str) -> dict[str, object]:
    """``repo_query()``'s variables for ``owner/name``."""
    owner, _, name = full_name.partition("/")
    return {"owner": owner, "name": name}


def parse_repository(data: Mapping[str, Any], full_name: str) -> RepoBundle:
    """The ``data`` of a ``repo_query()`` answer as a bundle.

    Raises:
        NotFound: GitHub answered ``repository: null`` (no such repository, or private).
        BadResponse: The answer is not a repository node.
    """
    node = data.get("repository")
    if node is None:
        raise NotFound(f"Not found on GitHub: repository {full_name}.")
    if not isinstance(node, Mapping) or not node.get("nameWithOwner"):
        raise BadResponse("GitHub's GraphQL answer had no repository.")
    try:
        bundle = bundle_from_node(node)
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponse("GitHub's GraphQL answer was not in the expected shape.") from exc
    root = node.get("root")
    if not isinstance(root, Mapping) or not isinstance(root.get("entries"), list):
        return bundle  # an empty repository, or a search node stored for it (no deep listing)
    entries = root["entries"]
    if not any(isinstance(e, Mapping) and "object" in e for e in entries):
        return bundle  # listed one level only: a search node stored as this answer
    return replace(bundle, deep=flatten_entries(entries))
