"""A slash-separated path's parts, name and suffix as ``PurePosixPath`` gives them, from strings;
and what a glob's last part says of the file names it matches (``glob_ends``).

Detection asks for these of every listed path; making a ``PurePosixPath`` for each costs a few
microseconds (some 600 of them a scan). A plain path (relative, no empty or ``.`` part, no
trailing slash) splits on ``/`` to the same parts; any other goes through ``PurePosixPath``.
"""

from __future__ import annotations

from pathlib import PurePosixPath


def _plain(path: str) -> bool:
    return not (
        path.startswith(("/", "./"))
        or path.endswith(("/", "/."))
        or "//" in path
        or "/./" in path
        or path in ("", ".")
    )


def parts(path: str) -> tuple[str, ...]:
    """``PurePosixPath(path).parts``."""
    return tuple(path.split("/")) if _plain(path) else PurePosixPath(path).parts


def folders(path: str) -> list[str]:
    """``PurePosixPath(path).parts[:-1]``: the folders a path lies in (from the top)."""
    return path.split("/")[:-1] if _plain(path) else list(PurePosixPath(path).parts[:-1])


def name(path: str) -> str:
    """``PurePosixPath(path).name``."""
    return path.rpartition("/")[2] if _plain(path) else PurePosixPath(path).name


def suffix(path: str) -> str:
    """``PurePosixPath(path).suffix``: the last ``.ext`` of the name (``""`` for ``.bashrc``)."""
    last = name(path)
    dot = last.rfind(".")
    return last[dot:] if 0 < dot < len(last) - 1 else ""


def stem(path: str) -> str:
    """``PurePosixPath(path).stem``: the name without its suffix."""
    last = name(path)
    dot = last.rfind(".")
    return last[:dot] if 0 < dot < len(last) - 1 else last


def glob_ends(part: str) -> tuple[str, str]:
    """The literal text a name matching the glob ``part`` must start and end with (``*.yml`` ->
    ``("", ".yml")``; both the whole part when it has no wildcard)."""
    cuts = [part.find(c) for c in "*?[" if c in part]
    if not cuts:
        return part, part
    ends = [part.rfind(c) for c in "*?]" if c in part]  # none: a lone "[" is literal
    return part[: min(cuts)], part[max(ends, default=-1) + 1 :]


def name_end(name: str) -> str:
    """A file name's text from its last ``.`` on (``""`` without one): how ``glob_ends``'
    literal ends are filed, so that a name is looked up once."""
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""
