"""sbt builds: build.sbt, project/*.sbt (plugins) and project/*.scala (shared dependency lists).

sbt files are Scala; only the literal module IDs are read: ``"org" %% "name" % "1.0"`` (``%%``
adds the Scala version to the artifact; the name kept is the one written) and
``addSbtPlugin("org" % "name" % "1.0")``. An interpolated artifact (``s"http4s-$artifact"``) is
kept as written, so ``org.http4s:*`` still matches it.
"""

from __future__ import annotations

import re

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.lines import numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_MODULE = re.compile(r""""([\w.-]{1,200})"\s*%{1,3}\s*s?"([\w.${}-]{1,200})\"""")
_TEST = re.compile(r"""%\s*(?:"test"|Test\b|"it"|IntegrationTest\b)""")
_PROVIDED = re.compile(r"""%\s*(?:"provided"|Provided\b|"compile-internal")""")


def parse_sbt(path: str, data: bytes) -> Manifest:
    """Parse an sbt build file or a Scala file of ``project/``: every literal module ID."""
    out = Collector(path, "sbt")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    for number, raw in numbered_lines(text):
        line = raw.split("//", 1)[0]
        plugin = "addSbtPlugin" in line
        scope = Scope.TEST if _TEST.search(line) else Scope.RUNTIME
        scope = Scope.BUILD if _PROVIDED.search(line) else scope
        for module in _MODULE.finditer(line):
            if line[: module.start()].rstrip().endswith("%"):
                continue  # '"1.0" % "provided"' continues a module ID, it is not one
            # a plugin decides what kind of build this is (Play's sbt-plugin is Play)
            name = f"{module.group(1)}:{module.group(2)}"
            out.add(name, Scope.RUNTIME if plugin else scope, raw.strip(), line=number)
    return out.freeze()


FORMATS = (
    Format(
        "sbt",
        "sbt",
        parse_sbt,
        names=("build.sbt", "project/plugins.sbt"),
        patterns=("*.sbt", "project/*.scala"),
        rank=45,
    ),
)
