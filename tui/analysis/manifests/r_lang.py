"""R: a package's DESCRIPTION (Debian control format, read with ``email.parser``) and renv.lock.

renv.lock pins every installed package, the dependencies of dependencies too; only the ones no
other locked package requires are the project's own choices, so only those are kept.
"""

from __future__ import annotations

import re

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.javascript import load_json
from tui.analysis.manifests.lines import MAX_LINE
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_FIELDS = {
    "Depends": Scope.RUNTIME,
    "Imports": Scope.RUNTIME,
    "LinkingTo": Scope.BUILD,
    "Suggests": Scope.OPTIONAL,
}
_NAME = re.compile(r"^\s*([A-Za-z][\w.]*)")
_WORD = re.compile(r"(?<![\w.])[A-Za-z][\w.]*")
_BASE = frozenset({"R", "methods", "utils", "stats", "graphics", "grDevices", "tools", "grid"})


def _word_lines(text: str) -> dict[str, dict[str, int]]:
    """For each dependency field, the first line of every word in it, in one pass."""
    found: dict[str, dict[str, int]] = {}
    field = ""
    for number, line in enumerate(text.splitlines(), start=1):
        start = re.match(r"^([\w/.-]+):", line)
        if start:
            field = start.group(1)
            line = line[start.end() :]
        if field in _FIELDS and len(line) <= MAX_LINE:
            words = found.setdefault(field, {})
            for word in _WORD.findall(line):
                words.setdefault(word, number)
    return found


def parse_description(path: str, data: bytes) -> Manifest:
    """Parse DESCRIPTION: Package, and Depends/Imports/LinkingTo/Suggests with their versions."""
    out = Collector(path, "cran")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    from email.parser import Parser  # loads with the first DESCRIPTION file

    fields = Parser().parsestr(text, headersonly=True)
    if fields.defects:
        out.problem(f"not a DESCRIPTION file ({type(fields.defects[0]).__name__})")
    package = fields.get("Package")
    out.package_name = str(package).strip() if package else None
    lines = _word_lines(text)
    for field, scope in _FIELDS.items():
        value = fields.get(field)
        for item in str(value or "").split(","):
            name = _NAME.match(item)
            if out.saturated:
                break
            if name and name.group(1) not in _BASE:
                where = lines.get(field, {}).get(name.group(1))
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
