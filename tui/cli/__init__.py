"""The ``repolens`` command line: parser, commands, text output and exit codes; never Textual."""

import sys

# httpx's __init__ imports its own command-line module, httpx._main, and with it click, rich and
# pygments whenever they are installed: about 80 ms, a third of `repolens show`'s start-up, for a
# module repolens never uses. httpx 0.28 has no lazy path for it (encode/httpx#3547 proposes one).
# A None entry in sys.modules is Python's documented way to make an import fail
# (ModuleNotFoundError, an ImportError); httpx catches it and defines a stub `httpx.main` instead.
# Only the command line's package does this, before anything imports httpx; setdefault leaves an
# already imported module alone. tests/cli/test_import_hygiene.py checks httpx still works.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
