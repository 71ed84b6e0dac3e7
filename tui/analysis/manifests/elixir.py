"""Elixir: mix.exs, read line by line for ``{:name, ...}`` tuples in its deps list.

mix.exs is Elixir code; dependencies are tuples ``{:phoenix, "~> 1.7"}`` with options such as
``only: :test`` or ``runtime: Mix.env() == :dev`` that set the scope.
"""

from __future__ import annotations

import re

from tui.analysis.manifests.base import Collector, Manifest, decode
from tui.analysis.manifests.lines import numbered_lines
from tui.analysis.manifests.spec import Format
from tui.analysis.report import Scope

_DEP = re.compile(r"""\{\s*:(\w{1,200})\s*,([^}]{0,500})""")
_APP = re.compile(r"""\bapp\s*:\s*:(\w{1,200})""")
_APPS_PATH = re.compile(r"""\bapps_path\s*:\s*"([^"\n]{1,200})\"""")


def _scope(options: str) -> Scope:
    """The scope a dependency's options give it."""
    only = re.search(r"only\s*:\s*(\[[^\]]*\]|:\w+)", options)
    if only:
        envs = set(re.findall(r":(\w+)", only.group(1)))
        if "prod" not in envs:
            return Scope.TEST if envs <= {"test"} else Scope.DEV
    if re.search(r"runtime\s*:\s*(false|Mix\.env\(\)\s*==\s*:dev)", options):
        return Scope.DEV  # a build-time tool (esbuild, tailwind installers)
    return Scope.RUNTIME


def parse_mix(path: str, data: bytes) -> Manifest:
    """Parse mix.exs: the app name, the dependency tuples, an umbrella's apps path."""
    out = Collector(path, "hex")
    text = decode(data, out)
    if text is None:
        return out.freeze()
    for number, raw in numbered_lines(text):
        line = raw.split("#", 1)[0] if '"#' not in raw else raw
        app = _APP.search(line)
        if app and out.package_name is None:
            out.package_name = app.group(1)
        apps = _APPS_PATH.search(line)
        if apps:
            out.includes.append(f"{apps.group(1)}/*")
        for name, options in _DEP.findall(line):
            out.add(name, _scope(options), raw.strip(), line=number)
    return out.freeze()


FORMATS = (Format("mix", "hex", parse_mix, names=("mix.exs",), rank=84, workspace=True),)
