"""What the app remembers between runs: the theme and the search history (``state.json``).

The file lives next to the keymap in the user config directory (``~/.config/repolens`` on
Linux). Only the command line's app remembers; tests and screenshots pass no path and leave the
user's files alone. A file that cannot be read is ignored; one that cannot be written is skipped.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

STATE_FILE = "state.json"
"""The file's name in the config directory."""

MAX_HISTORY = 50
"""Searches remembered, newest first."""


def user_state_path() -> Path:
    """``state.json`` in the user config directory (where ``keymap.toml`` is read from)."""
    import platformdirs  # only when the command line starts the app

    return Path(platformdirs.user_config_dir("repolens")) / STATE_FILE


@dataclass
class Prefs:
    """The remembered state; ``path`` None remembers nothing across runs.

    Attributes:
        path: Where it is read from and written to.
        theme: The Textual theme last chosen.
        history: Queries searched, newest first, no repeats.
    """

    path: Path | None = None
    theme: str | None = None
    history: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None) -> Prefs:
        """Read ``path``; anything missing or malformed starts empty."""
        prefs = cls(path)
        if path is None:
            return prefs
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return prefs
        if isinstance(data, dict):
            theme = data.get("theme")
            prefs.theme = theme if isinstance(theme, str) else None
            history = data.get("history")
            if isinstance(history, list):
                prefs.history = [q for q in history if isinstance(q, str)][:MAX_HISTORY]
        return prefs

    def remember_query(self, query: str) -> None:
        """Put ``query`` first in the history (once) and save."""
        query = " ".join(query.split())
        if not query or (self.history and self.history[0] == query):
            return
        self.history = [query, *(q for q in self.history if q != query)][:MAX_HISTORY]
        self.save()

    def remember_theme(self, theme: str) -> None:
        """Keep ``theme`` for the next run and save."""
        if theme != self.theme:
            self.theme = theme
            self.save()

    def save(self) -> None:
        """Write atomically (a crash leaves the old file), owner-only; errors are skipped."""
        if self.path is None:
            return
        data = {"theme": self.theme, "history": self.history}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
            os.chmod(temporary, 0o600)  # searches say what someone looks into
            temporary.replace(self.path)
        except OSError:
            return  # a read-only home must not stop the app


class HistoryCursor:
    """Up and down through the history in the search box, like a shell."""

    def __init__(self) -> None:
        self.index = -1  # -1: not browsing; 0: the newest entry
        self.draft = ""  # what was typed before browsing began

    @property
    def browsing(self) -> bool:
        """Whether the box shows an entry from the history."""
        return self.index >= 0

    def back(self, history: list[str], typed: str) -> str | None:
        """The next older entry, or None at the oldest."""
        if self.index + 1 >= len(history):
            return None
        if not self.browsing:
            self.draft = typed
        self.index += 1
        return history[self.index]

    def forward(self, history: list[str]) -> str | None:
        """The next newer entry (the draft after the newest), or None when not browsing."""
        if not self.browsing:
            return None
        self.index -= 1
        return self.draft if self.index < 0 else history[self.index]

    def reset(self) -> None:
        """Typing or searching ends browsing."""
        self.index = -1
