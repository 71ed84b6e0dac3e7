"""The bundled demo catalog: its facts (``data.py``) and the source on them (``source.py``).

The facts' module loads with the catalog itself: every GitHub ``show`` builds a ``CatalogSource``
(the fallback when GitHub is out of reach) but seldom reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.sources.catalog.source import CatalogSource, NotInCatalog, catalog_report

if TYPE_CHECKING:
    from tui.sources.catalog.data import Catalog, CatalogRepo, load_catalog, parse_catalog

_FROM_DATA = frozenset({"Catalog", "CatalogRepo", "load_catalog", "parse_catalog"})


def __getattr__(name: str) -> Any:
    """The facts' names, imported on first use."""
    if name in _FROM_DATA:
        from tui.sources.catalog import data

        return getattr(data, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Catalog",
    "CatalogRepo",
    "CatalogSource",
    "NotInCatalog",
    "catalog_report",
    "load_catalog",
    "parse_catalog",
]
