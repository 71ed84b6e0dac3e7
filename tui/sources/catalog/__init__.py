"""The bundled demo catalog: its facts (``data.py``) and the source on them (``source.py``)."""

from tui.sources.catalog.data import Catalog, CatalogRepo, load_catalog, parse_catalog
from tui.sources.catalog.source import CatalogSource, NotInCatalog, catalog_report

__all__ = [
    "Catalog",
    "CatalogRepo",
    "CatalogSource",
    "NotInCatalog",
    "catalog_report",
    "load_catalog",
    "parse_catalog",
]
