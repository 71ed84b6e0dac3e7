"""One GraphQL query for one repository: metadata, languages, root listing and root manifests.

With a token, ``repolens show`` and the preview of a repository no search page carried cost one
POST instead of repository + languages + tree (+ raw files): the same fields as a search node
(``repo_fields``), so the same bundle and the same detection follow.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from tui.github.errors import BadResponse, NotFound
from tui.github.graphql_search import RepoBundle, bundle_from_node, repo_fields


@cache
def repo_query() -> str:
    """The query for one repository (built when first needed: see ``root_manifests``)."""
    return f"""query($owner: String!, $name: String!) {{
  rateLimit {{ cost limit remaining used resetAt }}
  repository(owner: $owner, name: $name, followRenames: true) {{{repo_fields()}  }}
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
        return bundle_from_node(node)
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponse("GitHub's GraphQL answer was not in the expected shape.") from exc
