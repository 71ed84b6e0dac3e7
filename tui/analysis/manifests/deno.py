"""Deno: deno.json and deno.jsonc, whose ``imports`` map names what the code imports.

A specifier says where a module comes from: ``npm:tailwindcss@^4`` is the npm package,
``jsr:@std/path@1`` a JSR package, ``https://deno.land/x/fresh@1.6.8/`` the deno.land module
``fresh``; a URL on a CDN names its package (``cdn.jsdelivr.net/gh/lumeland/lume@3/`` is
``lume``). JSR and deno.land names share the ``deno`` ecosystem. deno.jsonc may hold comments
and trailing commas, removed by one tokenising pass that leaves strings alone.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

# an unterminated string or comment runs to the end of its line or text, so no alternative can
# fail after a long match: every position is tried once, and megabytes of quotes stay linear
_STRING = r'("(?:[^"\\\n]|\\.)*(?:"|\\?$))'
_COMMENTS = re.compile(_STRING + r"|//[^\n]*|/\*(?:[^*]|\*(?!/))*(?:\*/|\Z)", re.MULTILINE)
_TRAILING = re.compile(_STRING + r"|,(?=\s*[}\]])", re.MULTILINE)
_PACKAGE = re.compile(r"^(@[\w.-]+/[\w.-]+|[\w.-]+)")
_URL_RULES = (
    (re.compile(r"^https?://deno\.land/x/([\w.-]+)"), "deno"),
    (re.compile(r"^https?://deno\.land/(std)\b"), "deno"),
    (re.compile(r"^https?://esm\.sh/(?:v\d+/)?(@[\w.-]+/[\w.-]+|[\w.-]+)"), "npm"),
    (re.compile(r"^https?://cdn\.jsdelivr\.net/npm/(@[\w.-]+/[\w.-]+|[\w.-]+)"), "npm"),
    (re.compile(r"^https?://cdn\.jsdelivr\.net/gh/[\w.-]+/([\w.-]+)"), "deno"),
    (re.compile(r"^https?://raw\.githubusercontent\.com/[\w.-]+/([\w.-]+)"), "deno"),
)


def strip_jsonc(text: str) -> str:
    """JSON with comments and trailing commas made plain JSON; strings are kept as written."""
    if "/" in text:  # comments first: one may sit between a comma and a bracket
        text = _COMMENTS.sub(r"\1", text)  # a string is kept, the rest (group 1 unset) dropped
    if re.search(r",\s*[}\]]", text):
        text = _TRAILING.sub(r"\1", text)
    return text


def specifier_package(key: str, target: str) -> tuple[str, str] | None:
    """``(ecosystem, name)`` of one import-map entry, or None for a local path."""
    for prefix, ecosystem in (("npm:", "npm"), ("jsr:", "deno")):
        if target.startswith(prefix):
            name = _PACKAGE.match(target.removeprefix(prefix).lstrip("/"))
            return (ecosystem, name.group(1)) if name else None  # the pattern stops at "@1.0"
    for pattern, ecosystem in _URL_RULES:
        found = pattern.match(target)
        if found:
            return ecosystem, found.group(1).split("@", 1)[0]
    if target.startswith(("http://", "https://")):
        name = _PACKAGE.match(key.strip("$/").removeprefix("@/"))
        return ("deno", name.group(1)) if name else None
    return None


def load_jsonc(data: bytes, out: Collector) -> dict[str, Any] | None:
    """Decode and parse a JSON object that may hold comments, or record why not."""
    text = decode(data, out)
    if text is None:
        return None
    try:
        doc = json.loads(strip_jsonc(text))
    except (ValueError, RecursionError) as exc:
        out.problem(f"invalid JSON ({type(exc).__name__})")
        return None
    if not isinstance(doc, dict):
        out.problem("top level is not an object")
        return None
    return doc


def parse_deno_json(path: str, data: bytes) -> Manifest:
    """Parse deno.json(c): its JSR name, the imports map, and workspace members."""
    out = Collector(path, "deno")
    doc = load_jsonc(data, out)
    if doc is None:
        return out.freeze()
    if isinstance(doc.get("name"), str):
        out.package_name = doc["name"]
    imports = doc.get("imports")
    for key, target in imports.items() if isinstance(imports, dict) else ():
        found = specifier_package(str(key), target) if isinstance(target, str) else None
        if found and found[1]:
            ecosystem, name = found
            line = out.lines.find(str(key))
            out.add(name, Scope.RUNTIME, f'"{key}": "{target}"', line=line, ecosystem=ecosystem)
    workspace = doc.get("workspace")
    if isinstance(workspace, list):
        out.includes.extend(item for item in workspace if isinstance(item, str))
    return out.freeze()


FORMATS = (
    Format(
        "deno", "deno", parse_deno_json, names=("deno.json", "deno.jsonc"), rank=22, workspace=True
    ),
)
