"""The generated table of manifest formats is the format modules' declarations, exactly.

The registry reads ``tui/analysis/manifest_formats.py`` instead of importing every format module;
these tests keep that table equal to the ``FORMATS`` the modules declare, and show that a process
then imports a format's module only when it parses one of its files.
"""

from __future__ import annotations

import json
import subprocess
import sys

from scripts.gen_manifest_formats import OUT, render
from tui.analysis.manifests.registry import declared_formats, registry, tabled_formats
from tui.analysis.manifests.spec import LazyParser


def test_the_table_is_what_the_generator_writes_today() -> None:
    """Run ``python -m scripts.gen_manifest_formats`` after changing a ``FORMATS``."""
    assert OUT.read_text(encoding="utf-8") == render()


def test_tabled_formats_equal_the_declared_ones_field_by_field() -> None:
    declared = declared_formats()
    tabled = tabled_formats()
    assert [item.key for item in tabled] == [item.key for item in declared]
    for mine, theirs in zip(tabled, declared, strict=True):
        for name in theirs._fields:
            if name != "parser":
                assert getattr(mine, name) == getattr(theirs, name), mine.key
        assert isinstance(mine.parser, LazyParser)
        assert mine.parser.resolve() is theirs.parser, mine.key


def test_the_registry_answers_as_the_declarations_do() -> None:
    """Every name, tail and pattern of every format finds the same format and root flag."""
    from tui.analysis.manifests.registry import Registry

    walked = Registry(declared_formats())
    samples = [n for item in declared_formats() for n in item.names]
    samples += [p.replace("*", "x") for item in declared_formats() for p in item.patterns]
    samples += [f"deep/er/{path}" for path in list(samples)] + ["README.md", "src/main.rs"]
    for path in samples:
        mine, theirs = registry().match(path), walked.match(path)
        assert (mine and (mine.format.key, mine.root)) == (
            theirs and (theirs.format.key, theirs.root)
        )


def test_only_the_parsed_formats_modules_are_imported() -> None:
    code = (
        "import json, sys\n"
        "from tui.analysis.manifests import parse_manifest, is_manifest\n"
        "assert is_manifest('Cargo.toml') and is_manifest('go.mod')\n"
        "go_mod = b'module example.com/x\\n\\nrequire github.com/gin-gonic/gin v1.9.0\\n'\n"
        "m = parse_manifest('go.mod', go_mod)\n"
        "print(json.dumps([m.ecosystem, [d.name for d in m.dependencies],\n"
        "    sorted(n for n in sys.modules if n.startswith('tui.analysis.manifests.'))]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    ecosystem, names, modules = json.loads(out.stdout.strip().splitlines()[-1])
    assert (ecosystem, names) == ("go", ["github.com/gin-gonic/gin"])
    assert "tui.analysis.manifests.golang" in modules
    assert "tui.analysis.manifests.cargo" not in modules
    assert "tui.analysis.manifests.dotnet" not in modules
