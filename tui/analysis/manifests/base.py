"""The shapes every manifest parser returns, and the helpers they share (decoding, scopes)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.analysis.manifests.lines import MAX_LINE, LineIndex, too_long_lines
from tui.analysis.posix_parts import folders
from tui.analysis.report import Scope

if TYPE_CHECKING:  # the XML parser loads with the first XML manifest
    from xml.etree.ElementTree import Element

_PEP503_SEPARATORS = re.compile(r"[-_.]+")
"""Runs of these become one ``-`` in a normalised Python project name (PEP 503)."""

MAX_BYTES = 2 * 1024 * 1024
"""Manifests larger than this are not parsed: no real one comes close, a hostile one might."""

MAX_DEPENDENCIES = 5000
"""Dependencies kept per manifest; the largest real ones list a few hundred."""

MAX_PROBLEMS = 20
"""Problems listed per manifest; a broken file is described, not transcribed."""

# templates, playgrounds, fixtures and benchmarks show what a project *makes* or *measures*, not
# what it is built with: like examples, their frameworks are listed but never headlined
_EXAMPLE_DIRS = (
    *("examples", "example", "samples", "sample", "demo", "demos", "showcase"),
    *("templates", "template", "starters", "starter", "boilerplates", "scaffolds"),
    *("playground", "playgrounds", "sandbox", "sandboxes"),
    *("fixtures", "__fixtures__", "testdata", "test-fixtures"),
    *("benchmarks", "benchmark", "bench", "benches"),
)
_EXAMPLE_WORDS = frozenset(_EXAMPLE_DIRS) - {"__fixtures__", "test-fixtures"}
_DIR_SCOPES: dict[str, Scope] = {
    **dict.fromkeys(_EXAMPLE_DIRS, Scope.EXAMPLES),
    **dict.fromkeys(("docs", "doc", "docs_src", "documentation", "website"), Scope.DOCS),
    **dict.fromkeys(("tests", "test", "testing", "__tests__", "e2e"), Scope.TEST),
    **dict.fromkeys(("scripts", "tools"), Scope.DEV),
}


class Dependency(NamedTuple):
    """One dependency declared in a manifest.

    Attributes:
        name: Normalised per ecosystem (PEP 503 for PyPI, lower case for npm, ...).
        ecosystem: ``pypi``, ``npm``, ``crates``, ``go``, ``maven``, ``gradle``, ``composer``,
            ``rubygems``, ``pub``, ``conda``, ``docker`` (a Dockerfile's base images) ...
        scope: Where it was declared; a manifest under ``examples/`` makes all of it examples.
        path: The manifest's path in the repository.
        line: 1-based line of the declaration, when known.
        detail: The line or key as written (``torch==1.12.0``).
    """

    name: str
    ecosystem: str
    scope: Scope
    path: str
    line: int | None
    detail: str


class Manifest(NamedTuple):
    """What one manifest says: the project's own name, its dependencies, what it includes.

    Attributes:
        path: The manifest's path in the repository.
        ecosystem: The ecosystem of its dependencies (``pypi`` for every Python format).
        package_name: The project's own (normalised) name, used to tell "is this framework".
        dependencies: Every dependency found, in file order.
        includes: Other files or globs it pulls in (``-r dev.txt``, workspace members).
        problems: Broken or hostile input, described; parsers never raise on bad input.
        package_line: The line naming ``package_name``, when it could be found.
    """

    path: str
    ecosystem: str
    package_name: str | None = None
    dependencies: tuple[Dependency, ...] = ()
    includes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    package_line: int | None = None


class Collector:
    """Mutable helper a parser fills in, then freezes into a ``Manifest``.

    A plain class, not a dataclass: creating a dataclass costs about a millisecond of every
    process's start-up, and nothing compares or prints collectors.

    Attributes:
        path: The manifest's path.
        ecosystem: Its package ecosystem (``pypi``, ``npm`` ...).
        text: The decoded text (line numbers are looked up in it).
        package_name: The project's own name, when the manifest says it.
        deps: Dependencies recorded so far.
        includes: Other files it pulls in (``-r base.txt``).
        problems: What could not be read, described.
        scope_path: The path whose folders decide a declaration's scope, when not ``path``.
    """

    __slots__ = (
        "_capped",
        "_index",
        "deps",
        "ecosystem",
        "includes",
        "package_name",
        "path",
        "problems",
        "scope_path",
        "text",
    )

    def __init__(self, path: str, ecosystem: str, text: str = "") -> None:
        self.path = path
        self.ecosystem = ecosystem
        self.text = text
        self.package_name: str | None = None
        self.deps: list[Dependency] = []
        self.includes: list[str] = []
        self.problems: list[str] = []
        self.scope_path: str | None = None
        self._index: LineIndex | None = None
        self._capped = False

    @property
    def lines(self) -> LineIndex:
        """The line index of the decoded text, built on first use."""
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    def add(
        self,
        name: str,
        scope: Scope,
        detail: str,
        *,
        line: int | None = None,
        ecosystem: str | None = None,
    ) -> None:
        """Record one dependency; the line is looked up from ``detail`` when not given."""
        eco = ecosystem or self.ecosystem
        if not name:
            return
        if len(self.deps) >= MAX_DEPENDENCIES:
            self.note_cap()
            return
        where = line if line is not None else self.lines.find(name)
        dep = Dependency(
            normalise(name, eco),
            eco,
            path_scope(self.scope_path or self.path, scope),
            self.path,
            where,
            detail,
        )
        self.deps.append(dep)

    def problem(self, message: str) -> None:
        """Record a problem with the input, prefixed by the manifest's path (the first few)."""
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"{self.path}: {message}")
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(f"{self.path}: more problems not listed")

    def note_cap(self) -> None:
        """Report, once, that dependencies beyond the cap were ignored."""
        if not self._capped:
            self._capped = True
            self.problem(f"more than {MAX_DEPENDENCIES} dependencies; the rest are ignored")

    @property
    def saturated(self) -> bool:
        """True once reading on would only produce ignored dependencies or problems."""
        return len(self.deps) >= MAX_DEPENDENCIES or len(self.problems) > MAX_PROBLEMS

    def freeze(self) -> Manifest:
        """The finished, immutable manifest."""
        return Manifest(
            path=self.path,
            ecosystem=self.ecosystem,
            package_name=self.package_name,
            dependencies=tuple(self.deps),
            includes=tuple(self.includes),
            problems=tuple(self.problems),
            package_line=self.lines.find(self.package_name) if self.package_name else None,
        )


def normalise(name: str, ecosystem: str) -> str:
    """A dependency name in its ecosystem's canonical form, for comparison."""
    name = name.strip()
    if ecosystem in ("pypi", "conda"):
        # PEP 503's normalisation, as packaging.utils.canonicalize_name does it; importing that
        # module loads its wheel-tag code (logging, platform, sysconfig) with every detection
        return _PEP503_SEPARATORS.sub("-", name).lower()
    if ecosystem == "crates":
        return name.lower().replace("_", "-")
    if ecosystem in ("go", "maven", "gradle"):
        return name  # case matters in Go module paths and Maven coordinates
    return name.lower()


def _dir_scope(part: str) -> Scope | None:
    """The scope a folder name says: exact (``docs``), or an examples word at either end of
    a compound name (``sfc-playground``, ``template-react``, ``examples_web``)."""
    low = part.lower()
    scope = _DIR_SCOPES.get(low)
    if scope is not None:
        return scope
    words = re.split(r"[-_.]", low)
    if len(words) > 1 and (words[0] in _EXAMPLE_WORDS or words[-1] in _EXAMPLE_WORDS):
        return Scope.EXAMPLES
    return None


def path_scope(path: str, declared: Scope) -> Scope:
    """The scope of a declaration, overridden by where its manifest lives (examples/, docs/).

    The outermost telling folder decides, except that an examples folder anywhere wins
    (``tests/fixtures/app`` is a fixture: what it uses is not what the project uses).
    """
    scopes = [s for part in folders(path) if (s := _dir_scope(part))]
    if Scope.EXAMPLES in scopes:
        return Scope.EXAMPLES
    return scopes[0] if scopes else declared


def group_scope(group: str, default: Scope) -> Scope:
    """The scope a named group suggests (``tests`` -> TEST, ``docs`` -> DOCS, ``lint`` -> DEV)."""
    low = group.lower()
    if "test" in low:
        return Scope.TEST
    if "doc" in low:
        return Scope.DOCS
    if "example" in low:
        return Scope.EXAMPLES
    if any(word in low for word in ("dev", "lint", "typ", "format", "check", "pre-commit")):
        return Scope.DEV
    if "build" in low:
        return Scope.BUILD
    return default


def decode(data: bytes, collector: Collector) -> str | None:
    """Decode a manifest as UTF-8, or record why it cannot be read and return None."""
    if len(data) > MAX_BYTES:
        collector.problem(f"too large to parse ({len(data)} bytes, limit {MAX_BYTES})")
        return None
    if b"\x00" in data:
        collector.problem("binary content, not a text manifest")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        collector.problem(f"not valid UTF-8 (byte {exc.start})")
        return None
    collector.text = text
    skipped = too_long_lines(text)
    if skipped:
        collector.problem(f"{skipped} line(s) longer than {MAX_LINE} characters skipped")
    return text


def load_yaml(text: str, collector: Collector) -> tuple[bool, object]:
    """Parse YAML safely (no Python tags), with libyaml when present; (False, None) on failure."""

    import yaml  # loads with the first YAML manifest, not with every command

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster on big input
    try:
        return True, yaml.load(text, Loader=loader)  # a safe loader: plain data only
    except (yaml.YAMLError, RecursionError) as exc:
        collector.problem(f"invalid YAML ({type(exc).__name__})")
        return False, None


def load_yaml_mapping(
    data: bytes, collector: Collector, *, not_mapping: str = "top level is not a mapping"
) -> dict[str, Any] | None:
    """Decode and parse a YAML manifest whose top level must be a mapping, or record why not."""
    text = decode(data, collector)
    if text is None:
        return None
    parsed, doc = load_yaml(text, collector)
    if not parsed:
        return None
    if not isinstance(doc, dict):
        collector.problem(not_mapping)
        return None
    return doc


def load_xml(data: bytes, collector: Collector) -> Element | None:
    """Decode and parse XML with defusedxml: a DTD, entity or external reference is refused."""
    if decode(data, collector) is None:
        return None
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException  # loads with the first XML manifest
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        collector.problem(f"refused unsafe XML ({type(exc).__name__})")
    except (ParseError, ValueError, RecursionError) as exc:
        collector.problem(f"invalid XML ({type(exc).__name__})")
    return None


def local_name(tag: object) -> str:
    """An XML element's tag without its namespace."""
    return str(tag).rsplit("}", 1)[-1]
