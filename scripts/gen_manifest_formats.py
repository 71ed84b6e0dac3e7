"""Write ``tui/analysis/manifest_formats.py``: every ``FORMATS`` declaration, as plain data.

Usage::

    uv run python -m scripts.gen_manifest_formats          # rewrite the table
    uv run python -m scripts.gen_manifest_formats --check  # exit 1 when it is out of date

The registry reads that table instead of importing the 20-odd format modules to read their
declarations (and compiling their regular expressions): a ``show`` then imports only the modules
of the formats it parses. The modules stay the one place a format is declared; this script, and
a test that runs its check, keep the table equal to them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.analysis.manifests.registry import declared_formats

OUT = Path(__file__).resolve().parents[1] / "tui" / "analysis" / "manifest_formats.py"

HEADER = '''"""Every declared manifest format, as data (generated: do not edit).

Written by ``uv run python -m scripts.gen_manifest_formats`` from the ``FORMATS`` of each module
of ``tui.analysis.manifests``; ``tests/analysis/test_analysis_manifest_formats.py`` fails when it
no longer matches them. One row per format, in rank then key order: module, parser function, key,
ecosystem, names, patterns, rank, workspace, search, anchored, supplement.
"""

# ruff: noqa: E501
# fmt: off
ROWS = (
'''


def render() -> str:
    """The table's source text, from the declarations as the format modules make them."""
    lines = [HEADER]
    for item in declared_formats():
        module = item.parser.__module__.removeprefix("tui.analysis.manifests.")
        row = (
            module,
            item.parser.__name__,
            item.key,
            item.ecosystem,
            item.names,
            item.patterns,
            item.rank,
            item.workspace,
            item.search,
            item.anchored,
            item.supplement,
        )
        lines.append(f"    {row!r},\n")
    lines.append(")\n")
    return "".join(lines)


def main() -> int:
    """Rewrite the table, or with ``--check`` say whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the table is stale")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
        if current != text:
            print(f"{OUT} is out of date: run python -m scripts.gen_manifest_formats")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
