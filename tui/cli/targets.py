"""Command-line targets (``OWNER/REPO``, URLs, local paths) turned into what sources accept."""

from __future__ import annotations

from collections.abc import Sequence

from tui.sources.names import TargetError, parse_target


def resolve_targets(
    targets: Sequence[str], hosts: frozenset[str] | None = None
) -> tuple[list[str], str | None]:
    """Repository names and absolute checkout paths, or why the first odd target is neither
    (``hosts``: the API's web hosts, which repository URLs must be on).

    Returns:
        ``(resolved, None)``, or ``([], problem)``: one line naming the target not understood.
    """
    resolved: list[str] = []
    for target in targets:
        try:
            resolved.append(parse_target(target, hosts=hosts).key)
        except TargetError as exc:
            return [], str(exc)
    return resolved, None
