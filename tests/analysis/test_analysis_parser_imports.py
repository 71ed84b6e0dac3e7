"""The manifest registry loads no parsing library; each loads with the first manifest needing it.

The registry reads the formats' declarations from a generated table; the libraries behind the
parsers (packaging's PEP 508 parser, tomllib, the email parser, ElementTree) wait for a manifest
of their format, so a scan or a ``show`` without one never pays for them.
"""

from __future__ import annotations

import json
import subprocess
import sys

LIBRARIES = ("packaging.requirements", "packaging.utils", "tomllib", "email.parser",
             "xml.etree.ElementTree")  # fmt: skip


def _loaded_after(code: str) -> list[str]:
    script = (
        f"import json, sys\n{code}\n"
        f"print(json.dumps([m for m in {list(LIBRARIES)!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    found: list[str] = json.loads(out.strip().splitlines()[-1])
    return found


def test_the_registry_loads_no_parsing_library() -> None:
    """Every format declared, every path matchable, and none of the libraries loaded."""
    code = (
        "from tui.analysis.manifests import is_manifest, search_manifest_names\n"
        "assert is_manifest('pyproject.toml') and is_manifest('pom.xml')\n"
        "assert 'package.json' in search_manifest_names()"
    )
    assert _loaded_after(code) == []


def test_a_pyproject_loads_tomllib_and_the_requirement_parser_only() -> None:
    """A pyproject.toml with plain dependencies parses with tomllib alone (no XML, email or
    packaging: plain requirement lines are read without it), and one with a URL loads it."""
    code = (
        "from tui.analysis.manifests import parse_manifest\n"
        "m = parse_manifest('pyproject.toml',"
        ' b\'[project]\\nname = "x"\\ndependencies = ["Flask>=2", "zope.interface"]\\n\')\n'
        "assert [d.name for d in m.dependencies] == ['flask', 'zope-interface'], m"
    )
    assert _loaded_after(code) == ["tomllib"]
    url = code.replace('"Flask>=2"', '"Flask @ https://example.org/Flask-2.0.tar.gz"')
    assert _loaded_after(url) == ["packaging.requirements", "packaging.utils", "tomllib"]
