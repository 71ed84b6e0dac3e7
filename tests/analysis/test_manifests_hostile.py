"""Broken and hostile manifests are reported as problems: never an exception, never a hang."""

from __future__ import annotations

import pytest

from tui.analysis.manifests import (
    MAX_BYTES,
    Format,
    is_manifest,
    manifest_format,
    parse_manifest,
)
from tui.analysis.manifests.registry import registry


def _sample_paths(item: Format) -> set[str]:
    """Paths of this format: its first name and its first pattern made concrete."""
    found = set(item.names[:1])
    if item.patterns:
        found.add(item.patterns[0].replace("*", "x").replace("[-_.]", "-").replace("[-_]", "-"))
    return found


ALL_FORMATS = sorted({path for item in registry().formats for path in _sample_paths(item)})
"""One path per declared format: a new format is covered by every test here without a change."""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<project><artifactId>&lol3;</artifactId></project>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<project><artifactId>&xxe;</artifactId></project>"""


@pytest.mark.parametrize("path", ALL_FORMATS)
def test_every_format_is_recognised(path: str) -> None:
    assert is_manifest(path)
    found = manifest_format(path)
    assert found is not None
    # an anchored format (a Makefile, a Dockerfile) is the project's only at its root
    assert is_manifest(f"sub/dir/{path}") is not found.anchored


@pytest.mark.parametrize("path", ["README.md", "src/main.py", "package-lock.json", "go.sum"])
def test_other_files_are_not_manifests(path: str) -> None:
    assert not is_manifest(path)


@pytest.mark.parametrize("path", ALL_FORMATS)
def test_too_large_is_a_problem(path: str) -> None:
    manifest = parse_manifest(path, b"a" * (MAX_BYTES + 1))
    assert manifest.dependencies == ()
    assert any("too large" in problem for problem in manifest.problems)


@pytest.mark.parametrize("path", ALL_FORMATS)
def test_invalid_utf8_is_a_problem(path: str) -> None:
    manifest = parse_manifest(path, b"name = \xff\xfe\xfa broken")
    assert any("UTF-8" in problem for problem in manifest.problems)


@pytest.mark.parametrize("path", ALL_FORMATS)
def test_binary_is_a_problem(path: str) -> None:
    manifest = parse_manifest(path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert any("binary" in problem for problem in manifest.problems)


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("package.json", b"[" * 100_000 + b"]" * 100_000),
        ("composer.json", b'{"a":' * 50_000 + b"1" + b"}" * 50_000),
        ("pyproject.toml", b"a = " + b"[" * 100_000 + b"]" * 100_000),
        ("Cargo.toml", b"x = " + b"{a=" * 20_000 + b"1" + b"}" * 20_000),
        ("pubspec.yaml", b"[" * 100_000 + b"]" * 100_000),
        ("environment.yml", b"a:\n" + b"[" * 50_000),
        ("setup.py", b"x = " + b"(" * 100_000 + b")" * 100_000),
    ],
)
def test_deep_nesting_is_a_problem(path: str, data: bytes) -> None:
    manifest = parse_manifest(path, data)
    assert manifest.dependencies == ()
    assert manifest.problems


def test_deep_but_valid_xml_is_harmless() -> None:
    manifest = parse_manifest("pom.xml", b"<a>\n" * 100_000 + b"</a>\n" * 100_000)
    assert manifest.dependencies == ()
    assert manifest.problems == ()


@pytest.mark.parametrize("path", ["requirements.txt", "Gemfile", "build.gradle", "go.mod"])
def test_overlong_lines_are_skipped_and_reported(path: str) -> None:
    data = b"a" + b" " * 100_000 + b"x\n" + b"gem " + b" " * 100_000 + b"\n"
    manifest = parse_manifest(path, data)
    assert manifest.dependencies == ()
    assert any("longer than" in problem for problem in manifest.problems)


def test_many_dependencies_are_capped_and_looked_up_quickly() -> None:
    names = [f"pkg{i}" for i in range(6000)]
    body = ",\n".join(f'"{name}": "1"' for name in names)
    manifest = parse_manifest("package.json", ('{"dependencies": {' + body + "}}").encode())
    assert len(manifest.dependencies) == 5000
    assert manifest.dependencies[-1].line == 5000
    assert any("more than 5000" in problem for problem in manifest.problems)


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("package.json", b'{"dependencies": '),
        ("package.json", b'"just a string"'),
        ("package.json", b'{"dependencies": ["react"]}'),
        ("pyproject.toml", b"[project\nname = "),
        ("pyproject.toml", b'[project]\ndependencies = "flask"'),
        ("setup.py", b"setup(install_requires=[\n"),
        ("setup.cfg", b"no section header\n"),
        ("environment.yml", b"dependencies: {a: [}"),
        ("environment.yml", b"- just\n- a list\n"),
        ("pubspec.yaml", b": : :\n\t- ["),
        ("pom.xml", b"<project><unclosed>"),
    ],
)
def test_broken_input_is_a_problem(path: str, data: bytes) -> None:
    manifest = parse_manifest(path, data)
    assert manifest.problems, f"{path} {data!r} should report a problem"
    assert all(problem.startswith(path) for problem in manifest.problems)


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_xml_entities_are_refused(data: bytes) -> None:
    manifest = parse_manifest("pom.xml", data)
    assert manifest.dependencies == ()
    assert manifest.package_name is None
    assert any("refused unsafe XML" in problem for problem in manifest.problems)


def test_yaml_python_tags_are_not_constructed() -> None:
    data = b"dependencies:\n  - !!python/object/apply:os.system ['echo pwned']\n"
    manifest = parse_manifest("environment.yml", data)
    assert manifest.dependencies == ()
    assert manifest.problems


def test_unknown_path_is_a_problem_not_an_error() -> None:
    manifest = parse_manifest("notes.md", b"torch")
    assert manifest.ecosystem == "unknown"
    assert manifest.problems


def test_requirements_stop_at_the_cap_and_say_so() -> None:
    manifest = parse_manifest("requirements.txt", b"x==1\n" * 20_000)
    assert len(manifest.dependencies) == 5000
    assert manifest.problems == (
        "requirements.txt: more than 5000 dependencies; the rest are ignored",
    )


def test_problems_are_capped() -> None:
    manifest = parse_manifest("requirements.txt", b"not a requirement!\n" * 1000)
    assert len(manifest.problems) == 21
    assert manifest.problems[-1].endswith("more problems not listed")


def test_huge_setup_py_is_not_parsed() -> None:
    manifest = parse_manifest("setup.py", b"x = 1\n" * 100_000)
    assert any("too large" in problem for problem in manifest.problems)
