"""The command line starts light: its entry point loads no UI, no manifest parser, no rule file.

Each check runs in a fresh interpreter and inspects ``sys.modules`` (the import-linter contracts
read the source; these see what actually loads at run time, lazy imports included).
"""

from __future__ import annotations

import json
import subprocess
import sys

UI = ("textual", "textual_plotext", "plotext", "rich")
"""The TUI's libraries: `repolens show --json` must not pay for them."""

PARSERS = (
    "tui.analysis.manifests.pyproject",
    "tui.analysis.manifests.python_reqs",
    "tui.analysis.manifests.setuptools",
    "tui.analysis.manifests.javascript",
    "tui.analysis.manifests.cargo",
    "tui.analysis.manifests.golang",
    "tui.analysis.manifests.jvm",
    "tui.analysis.manifests.dart_ruby",
    "yaml",
    "defusedxml",
    "packaging.requirements",
)
"""Manifest parsers and the libraries only they use."""

HTTPX_CLI = ("httpx._main", "click", "pygments")
"""httpx's own command line and what it drags in."""


def _loaded(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints a JSON object as its last line."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def _modules_after(imports: str, watch: tuple[str, ...]) -> list[str]:
    code = (
        f"import json, sys\n{imports}\n"
        f"print(json.dumps({{'found': [m for m in {list(watch)!r} if sys.modules.get(m)]}}))"
    )
    found = _loaded(code)["found"]
    assert isinstance(found, list)
    return [str(name) for name in found]


def test_entry_point_loads_no_ui_parser_or_rules() -> None:
    """Importing the entry point leaves Textual, plotext, rich and every manifest parser out."""
    imports = "from tui.cli.main import main  # what the `repolens` script does"
    watch = (*UI, *PARSERS, *HTTPX_CLI, "tui.analysis.rules", "pathspec")
    assert _modules_after(imports, watch) == []


def test_rule_files_are_not_read_at_import() -> None:
    """Importing the commands and the GitHub source reads no framework rule file."""
    code = (
        "import json, tui.cli.commands, tui.sources.github\n"
        "from tui.analysis import rules\n"
        "print(json.dumps({'cached': rules.load_rules.cache_info().currsize}))"
    )
    assert _loaded(code)["cached"] == 0


def test_show_path_imports_only_what_show_uses() -> None:
    """The modules `show` imports bring in no UI, no parser, no httpx (until a request goes out)
    and no enry (a GitHub repository's languages need no file classifier)."""
    imports = "import tui.cli.main, tui.cli.commands, tui.sources.github, tui.present.schema"
    assert _modules_after(imports, (*UI, *PARSERS, *HTTPX_CLI, "httpx", "enry")) == []


def test_parsers_load_with_the_first_parse_not_with_the_package() -> None:
    """Importing the manifest package loads no parser; the first parse loads its format's.

    The format registry reads a generated table of the declarations, so a parse imports only
    the module of its own format (``tests/analysis/test_analysis_manifest_formats.py``).
    """
    code = (
        "import json, sys\n"
        "import tui.analysis.manifests as manifests\n"
        f"early = [p for p in {list(PARSERS)!r} if p in sys.modules]\n"
        'm = manifests.parse_manifest(\'package.json\', b\'{"dependencies": {"react": "^18"}}\')\n'
        "print(json.dumps({'deps': [d.name for d in m.dependencies], 'early': early,"
        " 'js': 'tui.analysis.manifests.javascript' in sys.modules}))"
    )
    assert _loaded(code) == {"deps": ["react"], "early": [], "js": True}


def test_httpx_still_works_without_its_command_line() -> None:
    """With httpx's CLI module kept out, httpx itself imports and serves a request."""
    code = (
        "import json, sys, tui.cli.main, httpx\n"
        "transport = httpx.MockTransport(lambda request: httpx.Response(200, text='ok'))\n"
        "reply = httpx.Client(transport=transport).get('http://example.invalid/')\n"
        "print(json.dumps({'text': reply.text, 'cli': 'click' in sys.modules,"
        " 'main': callable(httpx.main)}))"
    )
    assert _loaded(code) == {"text": "ok", "cli": False, "main": True}
