"""The user's keymap: binding ids remapped to other keys, read from a small TOML file.

The file is ``$REPOLENS_KEYMAP`` or ``keymap.toml`` in the user config directory
(``platformdirs.user_config_dir("repolens")``), and holds one table::

    [keys]
    "search.compare" = "ctrl+k"
    "app.quit" = "ctrl+q,q"

Each id is a ``Binding.id`` (``?`` lists them in the app; the README has the table). The app hands
the mapping to ``App.set_keymap()``; a file that cannot be used leaves every default in place.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.dom import DOMNode

ENV_VAR = "REPOLENS_KEYMAP"
"""Names a keymap file, overriding the one in the config directory."""

FILE_NAME = "keymap.toml"
"""The keymap's name in the user config directory."""


@dataclass(frozen=True, slots=True)
class UserKeymap:
    """What the keymap file asks for, and the one line to show if it could not all be used.

    Attributes:
        keys: Binding id -> key string (``"ctrl+k"``, several keys comma-separated).
        problem: Why the file (or part of it) was not used; ``None`` when all is well.
    """

    keys: dict[str, str] = field(default_factory=dict)
    problem: str | None = None


def keymap_path(env: Mapping[str, str] | None = None) -> Path:
    """Where the keymap is read from: ``$REPOLENS_KEYMAP``, else the config directory's file."""
    env = os.environ if env is None else env
    named = env.get(ENV_VAR)
    if named:
        return Path(named).expanduser()
    import platformdirs  # only needed when no file is named

    return Path(platformdirs.user_config_dir("repolens")) / FILE_NAME


def parse_keymap(text: str) -> dict[str, str]:
    """The ``[keys]`` table of a keymap file.

    Args:
        text: The file's TOML.

    Returns:
        Binding id -> key string.

    Raises:
        ValueError: Not TOML, no ``[keys]`` table, or an entry that is not ``"id" = "key"``.
    """
    import tomllib  # only when there is a keymap to read

    document = tomllib.loads(text)  # TOMLDecodeError is a ValueError
    keys = document.get("keys")
    if not isinstance(keys, dict):
        raise ValueError("no [keys] table")
    for binding_id, key in keys.items():
        if not isinstance(key, str) or not key.strip():
            raise ValueError(f'{binding_id!r} must map to a key such as "ctrl+k"')
    return {str(binding_id): key.strip() for binding_id, key in keys.items()}


def read_keymap(path: Path, *, required: bool) -> UserKeymap:
    """Read the keymap at ``path``; ``required`` makes a missing file a problem worth saying.

    Returns:
        The keys, or none and a one-line problem when the file cannot be used.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UserKeymap(
            problem=f"Keymap {path} not found; default keys kept." if required else None
        )
    except (OSError, UnicodeDecodeError) as exc:
        return UserKeymap(problem=f"Keymap {path} unreadable ({exc}); default keys kept.")
    try:
        keys = parse_keymap(text)
    except ValueError as exc:
        reason = " ".join(str(exc).split())
        return UserKeymap(problem=f"Keymap {path} ignored: {reason}; default keys kept.")
    return UserKeymap(keys)


def user_keymap(env: Mapping[str, str] | None = None) -> UserKeymap:
    """The user's keymap: a file named by ``$REPOLENS_KEYMAP`` must exist, the default need not."""
    env = os.environ if env is None else env
    return read_keymap(keymap_path(env), required=bool(env.get(ENV_VAR)))


def unknown_ids(keys: Mapping[str, str], known: set[str]) -> list[str]:
    """The ids in ``keys`` that no binding has (typos), sorted."""
    return sorted(set(keys) - known)


def bindings_by_id(owners: Iterable[type[DOMNode]]) -> dict[str, Binding]:
    """The bindings of ``owners`` (app, screens, widgets) that have an id, by id, first wins."""
    found: dict[str, Binding] = {}
    for owner in owners:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, binding)
    return found
