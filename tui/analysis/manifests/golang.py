"""go.mod: a line format, read line by line (module, require, tool; replace is not a dependency)."""

from __future__ import annotations

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.lines import numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope


def _strip(line: str) -> tuple[str, bool]:
    """A line without its comment, and whether the comment marked it ``// indirect``."""
    code, _, comment = line.partition("//")
    return code.strip(), comment.strip().startswith("indirect")


def _record(out: Collector, verb: str, body: str, indirect: bool, number: int, raw: str) -> None:
    """Record one directive's entry (``require x v1``, ``tool x``)."""
    fields = body.split()
    if not fields:
        return
    if verb == "require" and len(fields) >= 2:
        # an indirect requirement is a transitive one: declared, but not this module's choice
        scope = Scope.OPTIONAL if indirect else Scope.RUNTIME
        out.add(fields[0].strip('"'), scope, raw.strip(), line=number)
    elif verb == "tool":
        out.add(fields[0].strip('"'), Scope.DEV, raw.strip(), line=number)


def parse_go_mod(path: str, data: bytes) -> Manifest:
    """Parse go.mod's module path and its require/tool directives (single and block form)."""
    out = Collector(path, "go")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    block: str | None = None
    for number, raw in numbered_lines(text):
        line, indirect = _strip(raw)
        if block is not None:
            if line == ")":
                block = None
            else:
                _record(out, block, line, indirect, number, raw)
            continue
        verb, _, body = line.partition(" ")
        body = body.strip()
        if verb == "module" and body:
            out.package_name = body.strip('"')
        elif body == "(":
            block = verb
        elif verb in ("require", "tool"):
            _record(out, verb, body, indirect, number, raw)
    return out.freeze()


FORMATS = (Format("go.mod", "go", parse_go_mod, names=("go.mod",), rank=31),)
