"""Command-line targets (``OWNER/REPO``, URLs, local paths) turned into what sources accept."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.sources.names import looks_like_path, parse_repo_ref


def resolve_targets(targets: Sequence[str]) -> tuple[list[str], str | None]:
    """Repository names and absolute checkout paths, or the first target that is neither.

    Returns:
        ``(resolved, None)``, or ``([], problem)`` naming the target that is not understood.
    """
    resolved: list[str] = []
    for target in targets:
        if looks_like_path(target) or (parse_repo_ref(target) is None and Path(target).is_dir()):
            resolved.append(str(Path(target).expanduser().resolve()))
            continue
        full_name = parse_repo_ref(target)
        if full_name is None:
            return [], f"not a repository or directory: {target!r}"
        resolved.append(full_name)
    return resolved, None
