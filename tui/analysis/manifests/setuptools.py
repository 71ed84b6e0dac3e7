"""setup.cfg (configparser) and setup.py (read statically with ``ast``; never executed)."""

from __future__ import annotations

import ast
import configparser

from tui.analysis.manifests.base import Collector, Manifest, decode, group_scope
from tui.analysis.manifests.python_reqs import add_requirement
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

MAX_SETUP_PY = 256 * 1024
"""A setup.py is a short script; parsing a huge one into a syntax tree costs seconds and memory."""

_SETUP_KEYWORDS = {
    "install_requires": Scope.RUNTIME,
    "setup_requires": Scope.BUILD,
    "tests_require": Scope.TEST,
}


def parse_setup_cfg(path: str, data: bytes) -> Manifest:
    """Parse setup.cfg's [metadata] name and [options] requirement lists."""
    out = Collector(path, "pypi")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        out.problem(f"invalid setup.cfg ({type(exc).__name__})")
        return out.freeze()
    out.package_name = parser.get("metadata", "name", fallback=None)
    for key, scope in _SETUP_KEYWORDS.items():
        _cfg_list(out, parser.get("options", key, fallback=""), scope)
    if parser.has_section("options.extras_require"):
        for extra, value in parser.items("options.extras_require"):
            _cfg_list(out, value, group_scope(extra, Scope.OPTIONAL))
    return out.freeze()


def _cfg_list(out: Collector, value: str, scope: Scope) -> None:
    """A dangling list in setup.cfg: one requirement per line (or separated by ';' pre-PEP 508)."""
    for raw in value.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            add_requirement(out, line, scope)


def _literal(node: ast.expr | None, names: dict[str, ast.expr]) -> object:
    """The literal value of an expression, following one module-level name; None if not literal."""
    if isinstance(node, ast.Name):
        node = names.get(node.id)
    if node is None:
        return None
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        return None


def _assignments(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level ``NAME = <expr>`` assignments, for ``install_requires=REQUIRED``."""
    names: dict[str, ast.expr] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name):
                names[target.id] = stmt.value
    return names


def _setup_calls(tree: ast.Module) -> list[ast.Call]:
    """Every call to ``setup(...)`` or ``setuptools.setup(...)``."""
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == "setup":
                calls.append(node)
    return calls


def _read_call(out: Collector, call: ast.Call, names: dict[str, ast.expr]) -> None:
    """Record the literal keywords of one setup() call."""
    for keyword in call.keywords:
        value = _literal(keyword.value, names)
        if value is None and keyword.arg in (*_SETUP_KEYWORDS, "extras_require"):
            out.problem(f"setup({keyword.arg}=...) is computed; not read statically")
        if keyword.arg == "name" and isinstance(value, str):
            out.package_name = value
        elif keyword.arg in _SETUP_KEYWORDS and isinstance(value, list | tuple):
            for spec in value:
                add_requirement(out, spec, _SETUP_KEYWORDS[keyword.arg])
        elif keyword.arg == "extras_require" and isinstance(value, dict):
            for extra, specs in value.items():
                for spec in specs if isinstance(specs, list | tuple) else [specs]:
                    add_requirement(out, spec, group_scope(str(extra), Scope.OPTIONAL))


def parse_setup_py(path: str, data: bytes) -> Manifest:
    """Read setup.py's literal arguments with ``ast``; computed values are skipped, never run."""
    out = Collector(path, "pypi")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    if len(data) > MAX_SETUP_PY:
        out.problem(f"setup.py too large to read statically ({len(data)} bytes)")
        return out.freeze()
    try:
        tree = ast.parse(text, filename=path)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        out.problem(f"cannot parse setup.py ({type(exc).__name__})")
        return out.freeze()
    names = _assignments(tree)
    try:
        for call in _setup_calls(tree):
            _read_call(out, call, names)
    except RecursionError:
        out.problem("setup.py is nested too deeply to read")
    return out.freeze()


FORMATS = (
    Format("setup.py", "pypi", parse_setup_py, names=("setup.py",), rank=11),
    Format("setup.cfg", "pypi", parse_setup_cfg, names=("setup.cfg",), rank=12),
)
