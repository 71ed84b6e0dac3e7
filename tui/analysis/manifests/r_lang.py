"""R: a package's DESCRIPTION (Debian control format, read with ``email.parser``) and renv.lock.

renv.lock pins every installed package, the dependencies of dependencies too; only the ones no
other locked package requires are the project's own choices, so only those are kept.
"""

from __future__ import annotations

import re
from email.parser import Parser

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.javascript import load_json
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_FIELDS = {
    "Depends": Scope.RUNTIME,
    "Imports": Scope.RUNTIME,
    "LinkingTo": Scope.BUILD,
    "Suggests": Scope.OPTIONAL,
}
_NAME = re.compile(r"^\s*([A-Za-z][\w.]*)")
_BASE = frozenset({"R", "methods", "utils", "stats", "graphics", "grDevices", "tools", "grid"})


def _field_lines(text: str) -> dict[str, int]:
    """The line each DCF field starts on."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        field = re.match(r"^([\w/.-]+):", line)
        if field:
            found.setdefault(field.group(1), number)
    return found


def _line_in(lines: list[str], start: int, name: str) -> int:
    """The first line at or after ``start`` naming ``name`` as a word."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w.])")
    for offset, line in enumerate(lines[start - 1 : start + 200]):
        if pattern.search(line):
            return start + offset
    return start


def parse_description(path: str, data: bytes) -> Manifest:
    """Parse DESCRIPTION: Package, and Depends/Imports/LinkingTo/Suggests with their versions."""
    out = Collector(path, "cran")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    fields = Parser().parsestr(text, headersonly=True)
    if fields.defects:
        out.problem(f"not a DESCRIPTION file ({type(fields.defects[0]).__name__})")
    package = fields.get("Package")
    out.package_name = str(package).strip() if package else None
    starts, lines = _field_lines(text), text.splitlines()
    for field, scope in _FIELDS.items():
        value = fields.get(field)
        for item in str(value or "").split(","):
            name = _NAME.match(item)
            if name and name.group(1) not in _BASE:
                where = _line_in(lines, starts.get(field, 1), name.group(1))
                out.add(name.group(1), scope, f"{field}: {' '.join(item.split())}", line=where)
    return out.freeze()


def parse_renv_lock(path: str, data: bytes) -> Manifest:
    """Parse renv.lock: the locked packages no other locked package requires."""
    out = Collector(path, "cran")
    doc = load_json(data, out)
    packages = doc.get("Packages") if doc is not None else None
    if not isinstance(packages, dict):
        if doc is not None:
            out.problem("no Packages object")
        return out.freeze()
    required: set[str] = set()
    for entry in packages.values():
        needs = entry.get("Requirements") if isinstance(entry, dict) else None
        required.update(item for item in needs or () if isinstance(item, str))
    for name in packages:
        if name not in required and name not in _BASE:
            out.add(name, Scope.RUNTIME, f'"{name}" (locked, required by no other package)')
    return out.freeze()


FORMATS = (
    Format("r-description", "cran", parse_description, names=("DESCRIPTION",), rank=89),
    Format("renv.lock", "cran", parse_renv_lock, names=("renv.lock",), rank=92, search=False),
)
