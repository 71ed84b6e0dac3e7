"""Framework categories in the order people look for them, shared by the UI and the CLI."""

from __future__ import annotations

CATEGORY_ORDER = (
    "ml",
    "web-backend",
    "web-frontend",
    "mobile",
    "cli-tui",
    "data",
    "infra",
    "test",
)
"""Categories in the order people look for them; unknown ones follow alphabetically."""


def category_key(category: str) -> tuple[int, str]:
    """Sort key putting known categories first, in ``CATEGORY_ORDER``."""
    known = category in CATEGORY_ORDER
    return (CATEGORY_ORDER.index(category) if known else len(CATEGORY_ORDER), category)


CATEGORY_LABELS = {
    "ml": "ML",
    "web-backend": "web back end",
    "web-frontend": "web front end",
    "mobile": "mobile",
    "cli-tui": "CLI/TUI",
    "data": "data",
    "database": "database",
    "desktop": "desktop",
    "http": "HTTP",
    "async": "async",
}
"""How each category is named to people (the census lists its categories in this order)."""


def category_label(category: str) -> str:
    """How a category id reads to people: ``web-backend`` is "web back end"; others as they are."""
    return CATEGORY_LABELS.get(category, category)
