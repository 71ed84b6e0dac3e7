"""Build ``tui/data/languages.json`` from the npm package ``linguist-languages``.

Usage::

    cd /tmp && npm pack linguist-languages && mkdir ll && tar xzf linguist-languages-*.tgz -C ll
    uv run python -m scripts.gen_languages /tmp/ll/package

The argument is the unpacked package directory (its ``data/*.js`` modules are read through
``node``) or a JSON file mapping language names to Linguist's records (older releases shipped one).
The output keeps only what repolens uses, is sorted, and holds one language per line, so running
the script again gives no diff.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "tui" / "data" / "languages.json"
KEPT_LISTS = ("extensions", "filenames", "aliases", "interpreters")
KEPT_SCALARS = ("type", "color", "group")

# Imports every data module of the package and prints one JSON object keyed by language name.
NODE_DUMP = """
const pkg = await import(process.argv[1] + '/index.js');
const out = {};
for (const [name, value] of Object.entries(pkg)) { if (name !== 'default') out[name] = value; }
process.stdout.write(JSON.stringify(out));
"""


def read_source(path: Path) -> tuple[dict[str, Any], str]:
    """Read Linguist's records and the package version from a package directory or JSON file.

    Args:
        path: The unpacked npm package directory, or a JSON file of language records.

    Returns:
        The records keyed by language name, and the package version (``"unknown"`` for a bare file).
    """
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8")), "unknown"
    version = json.loads((path / "package.json").read_text(encoding="utf-8"))["version"]
    node = shutil.which("node")
    if node is None:
        sys.exit("node is needed to read the package's data modules")
    done = subprocess.run(
        [node, "--input-type=module", "-e", NODE_DUMP, str(path.resolve())],
        capture_output=True,
        check=True,
        text=True,
    )
    return json.loads(done.stdout), str(version)


def compact(record: dict[str, Any]) -> dict[str, Any]:
    """Keep the fields repolens uses, dropping empty ones and sorting lists."""
    kept: dict[str, Any] = {}
    for key in KEPT_SCALARS:
        if record.get(key):
            kept[key] = record[key]
    for key in KEPT_LISTS:
        values = list(dict.fromkeys(record.get(key) or []))
        if values:
            # Linguist's first extension is the primary one, so extensions keep their order.
            kept[key] = values if key == "extensions" else sorted(values)
    return kept


def render(records: dict[str, Any], version: str) -> str:
    """Render the data file: a header line, then one sorted language per line."""
    lines = [
        "{",
        f'"source":{json.dumps({"package": "linguist-languages", "version": version})},',
        '"languages":{',
    ]
    names = sorted(records, key=str.casefold)
    for index, name in enumerate(names):
        body = json.dumps(compact(records[name]), sort_keys=True, separators=(",", ":"))
        comma = "," if index < len(names) - 1 else ""
        lines.append(f"{json.dumps(name)}:{body}{comma}")
    lines.extend(["}", "}"])
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, read the package, write the data file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="unpacked linguist-languages package or JSON")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write languages.json")
    args = parser.parse_args(argv)
    records, version = read_source(args.source)
    args.out.write_text(render(records, version), encoding="utf-8")
    print(f"wrote {len(records)} languages from linguist-languages {version} to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
