"""Swift: Package.swift (SwiftPM), Cartfile (Carthage) and Podfile (CocoaPods).

Package.swift is Swift code; only the literal arguments of ``.package(...)`` calls are read. A
package is named by its repository, ``owner/repo`` lower-cased from the URL
(``https://github.com/vapor/vapor.git`` -> ``vapor/vapor``): the product names inside a package
vary, the repository does not, and Carthage names packages the same way.
"""

from __future__ import annotations

import re

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.lines import LineCounter, numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_PACKAGE_CALL = re.compile(r"\.package\s*\(((?:[^()]|\([^()]{0,200}\)){0,2000})\)")
_URL = re.compile(r"""\burl\s*:\s*"([^"\n]{1,500})\"""")
_ID = re.compile(r"""\bid\s*:\s*"([\w.-]{1,200})\"""")
_NAME = re.compile(r"""\bPackage\s*\(\s*name\s*:\s*"([^"\n]{1,200})\"""")
_CARTHAGE = re.compile(r"""^\s*(github|git|binary)\s+"([^"\n]{1,500})\"""")
_POD = re.compile(r"""^\s*pod\s+["']([\w.+/-]{1,200})["']""")
_POD_TARGET = re.compile(r"""^\s*target\s+["']([^"']{1,200})["']""")


def repository_name(url: str) -> str | None:
    """``owner/repo`` from a repository URL (https, ssh or ``git@host:owner/repo``)."""
    trimmed = url.strip().removesuffix("/").removesuffix(".git")
    parts = [part for part in re.split(r"[/:]", trimmed) if part]
    if len(parts) < 2 or ("." in parts[-2] and len(parts) == 2):
        return None
    return f"{parts[-2]}/{parts[-1]}".lower()


def parse_package_swift(path: str, data: bytes) -> Manifest:
    """Parse Package.swift: the package's name and each ``.package(url:|id:)`` dependency."""
    out = Collector(path, "swiftpm")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    name = _NAME.search(text)
    out.package_name = name.group(1) if name else None
    lines = LineCounter(text)
    for call in _PACKAGE_CALL.finditer(text):
        if out.saturated:
            break
        args = call.group(1)
        url, ident = _URL.search(args), _ID.search(args)
        dep = repository_name(url.group(1)) if url else ident.group(1) if ident else None
        if dep:
            line = lines.at(call.start())
            out.add(dep, Scope.RUNTIME, f".package({args.strip()[:100]})", line=line)
    return out.freeze()


def parse_cartfile(path: str, data: bytes) -> Manifest:
    """Parse a Cartfile: ``github "owner/repo"`` and ``git "https://..."`` lines."""
    out = Collector(path, "swiftpm")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    private = path.lower().endswith(".private")
    for number, raw in numbered_lines(text):
        match = _CARTHAGE.match(raw)
        if match and match.group(1) != "binary":
            source = match.group(2)
            dep = source.lower() if match.group(1) == "github" else repository_name(source)
            if dep:
                out.add(dep, Scope.DEV if private else Scope.RUNTIME, raw.strip(), line=number)
    return out.freeze()


def parse_podfile(path: str, data: bytes) -> Manifest:
    """Parse a Podfile: ``pod 'Name'`` lines; pods of a ``*Tests`` target are test scope."""
    out = Collector(path, "cocoapods")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    scope = Scope.RUNTIME
    for number, raw in numbered_lines(text):
        target = _POD_TARGET.match(raw)
        if target:
            scope = Scope.TEST if "test" in target.group(1).lower() else Scope.RUNTIME
        pod = _POD.match(raw)
        if pod:
            out.add(pod.group(1).split("/", 1)[0], scope, raw.strip(), line=number)
    return out.freeze()


FORMATS = (
    Format("package.swift", "swiftpm", parse_package_swift, names=("Package.swift",), rank=80),
    Format(
        "cartfile",
        "swiftpm",
        parse_cartfile,
        names=("Cartfile",),
        patterns=("cartfile.private",),
        rank=81,
    ),
    Format("podfile", "cocoapods", parse_podfile, names=("Podfile",), rank=82),
)
