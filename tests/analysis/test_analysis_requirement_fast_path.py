"""The plain-requirement fast path names what packaging names, on every corpus line and odd ones.

``requirement_name`` reads ``name>=1.2,<2`` itself and hands anything else (extras, markers,
URLs, wildcards, pre-releases, malformed lines) to ``packaging``; both must give the same name,
or both refuse. A plain line must not load packaging at all.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import InvalidRequirement, Requirement

from tui.analysis.manifests.python_reqs import requirement_name

CORPORA = Path(__file__).parents[2].parent / "shared" / "corpus"

TRICKY = (
    *("torch", "torch>=1.12", "torch >= 1.12 , < 2", "a>=1,<2", "x ~= 1.2", "x~=1", "x~=1.2.3"),
    *("a==1.0.*", "a!=1.0.*", "a===1", "a==1.0rc1", "a>=1.0.dev0", "a==1!2", "a==1.0+local"),
    *("a[b]>=1", "a [b, c]", 'a; python_version<"3"', "a>=1; os_name == 'nt'", "a @ https://x/y"),
    *("a>=1.0 ", " a", "a\t>=1", "a>=abc", "a>=", ">=1", "a-b_c.d==01", "-a", "a.", "_a", "a_"),
    *("a>1<2", "a>=1,", "a,>=1", "a>=1,,<2", "a == 1", "A.B-C", "1a", "a b", "a==1.0.0.0.0"),
    # markers glued to words: packaging refuses them, so the fast path must not read a name
    *('foo; os_name=="a"andos_name=="b"', 'foo; python_versionin "3"', 'foo; "3"inos_name'),
    *('foo;extrain"a"', 'foo; python_version in"3"', 'foo; "3"in os_name', "foo;extra=='a'"),
    *("a<=0", "a>0", "a<1", "a!=2", "ü>=1", "a>=1.", "a>=.1", "a>=1..2", "a~=1.0,>=1.0.1"),
    *("a[]", "a[b,]", "a[ b ]", "a [b]", "a[b c]", "a[b]; extra == 'x'", "a[b,c]>=1;os_name=='nt'"),
    *('a; python_version < "3.8"', "a;python_version<'3'", "a; python_version", "a; and", "a;"),
    *("a ; sys_platform == 'linux' and platform_machine == 'x86_64'", "a; 'linux' == sys_platform"),
    *("a; (sys_platform == 'linux' and platform_machine == 'x86_64') or (os_name == 'nt')",),
    *("a; python_version <", "a; bogus == '1'", "a; python_version < '3' and", "a; (os_name=='nt'"),
    *("a; os_name == 'nt')", "a; python_version not in '2.7, 3.4'", "a; python_version in '3.8'"),
    *("a; os.name == 'nt'", "a; python_version<'3'or os_name=='nt'", "a; os_name == 'nt' # why"),
    *("a; os_name == 'nt' and (python_version >= '3' or sys_platform == 'win32')", "a; ()"),
    *("a; implementation_name == 'cpython' and python_version>='3.10'", "a; os_name == nt"),
    *("a; os_name == 'n't'", 'a; os_name == "n\'t"', "a; os_name notin 'x'", "a; os_name=='1'and"),
    *("a; os_name\n== 'x'", "a>=1\n", "a\x0c>=1", "a; os_name=='x'\x0b", "a; os_name in'x'"),
    *("a; X", "a; \0", "a; (X)", "a; X and X", "a; os_name == 'x' and X"),
    *("a; ((os_name == 'nt'))", "a; (os_name == 'nt') (os_name == 'nt')", "a; os_name == 'x' AND"),
)
"""Lines made to sit on either side of the fast path's edge."""


def _packaging(spec: str) -> str | None:
    try:
        return Requirement(spec).name
    except InvalidRequirement:
        return None


def _corpus_lines() -> list[str]:
    """Every requirement string of the corpora's requirements files and pyproject.toml files."""
    lines: list[str] = []
    for path in sorted(CORPORA.glob("dev*/*/files/**/*")):
        if re.search(r"requirements.*\.(txt|in)$", path.name):
            for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
                line = re.sub(r"(^|\s)#.*$", "", raw).strip()
                if line and not line.startswith("-"):
                    lines.append(line.split(" --", 1)[0])
        elif path.name == "pyproject.toml":
            lines.extend(_pyproject_lines(tomllib.loads(path.read_text(encoding="utf-8"))))
    return lines


def _pyproject_lines(doc: dict[str, Any]) -> list[str]:
    project = doc.get("project") or {}
    groups = [project.get("dependencies") or []]
    groups += (project.get("optional-dependencies") or {}).values()
    groups += (doc.get("dependency-groups") or {}).values()
    return [d for group in groups for d in group if isinstance(d, str)]


def test_corpus_has_requirement_lines() -> None:
    """The corpus is there and holds plain and complex lines, or the next test proves little."""
    if not CORPORA.is_dir():
        pytest.skip("shared corpus absent")
    lines = _corpus_lines()
    assert len(lines) > 50
    assert any(";" in line or "[" in line for line in lines)


@pytest.mark.parametrize("spec", TRICKY)
def test_tricky_lines_match_packaging(spec: str) -> None:
    """Each odd line: the same name as packaging's, or refused by both."""
    assert requirement_name(spec) == _packaging(spec)


def test_every_corpus_line_matches_packaging() -> None:
    """Every requirement line of the corpus gives packaging's answer."""
    if not CORPORA.is_dir():
        pytest.skip("shared corpus absent")
    differ = [s for s in _corpus_lines() if requirement_name(s) != _packaging(s)]
    assert differ == []


def test_plain_lines_do_not_load_packaging() -> None:
    """Plain lines (markers too) are read without importing packaging; a URL loads it."""
    code = (
        "import json, sys\n"
        "from tui.analysis.manifests.python_reqs import requirement_name\n"
        "names = [requirement_name(s) for s in ('flask>=2.0', 'torch==1.12.0', 'numpy')]\n"
        "before = 'packaging.requirements' in sys.modules\n"
        "requirement_name('a; python_version < \"3.8\"')\n"
        "marked = 'packaging.requirements' in sys.modules\n"
        "requirement_name('a @ https://example.org/a-1.0.tar.gz')\n"
        "print(json.dumps([names, before or marked, 'packaging.requirements' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names, before, after = json.loads(out.stdout.strip().splitlines()[-1])
    assert names == ["flask", "torch", "numpy"]
    assert (before, after) == (False, True)
