"""``.gitattributes`` parsing: Linguist's attributes, their forms, and gitattributes patterns."""

from __future__ import annotations

import pytest

from tui.analysis.gitattributes import AttributeRules, Overrides, parse


def _says(text: str, path: str, directory: str = "") -> Overrides:
    return AttributeRules.from_text(text, directory).overrides(path)


class TestForms:
    def test_set_unset_value_and_reset(self) -> None:
        text = (
            "*.js linguist-vendored\n"
            "*.css -linguist-vendored\n"
            "*.ts linguist-generated=true\n"
            "*.tsx linguist-generated=false\n"
        )
        assert _says(text, "a.js").vendored is True
        assert _says(text, "a.css").vendored is False
        assert _says(text, "a.ts").generated is True
        assert _says(text, "a.tsx").generated is False
        assert _says(text, "a.py") == Overrides()

    def test_bang_resets_to_unspecified(self) -> None:
        text = "*.js linguist-vendored\nlib/*.js !linguist-vendored\n"
        assert _says(text, "x.js").vendored is True
        assert _says(text, "lib/x.js").vendored is None

    def test_language_and_detectable(self) -> None:
        text = (
            "*.rb linguist-language=Java\n*.json linguist-detectable\n*.sql -linguist-detectable\n"
        )
        assert _says(text, "a.rb").language == "Java"
        assert _says(text, "a.json").detectable is True
        assert _says(text, "a.sql").detectable is False

    def test_documentation_and_several_attributes_on_one_line(self) -> None:
        says = _says(
            "guide/** linguist-documentation -linguist-detectable text eol=lf\n", "guide/a"
        )
        assert says.documentation is True
        assert says.detectable is False

    def test_comments_blank_lines_and_other_attributes_are_ignored(self) -> None:
        text = "# comment\n\n*.java text eol=lf\n/mvnw text eol=lf\n"
        assert parse(text) == ()

    def test_later_lines_win(self) -> None:
        text = "*.js linguist-vendored\n*.js -linguist-vendored\n"
        assert _says(text, "a.js").vendored is False


class TestPatterns:
    @pytest.mark.parametrize(
        ("pattern", "path", "matches"),
        [
            ("*.ipynb", "notebooks/deep/x.ipynb", True),
            ("*.ipynb", "x.ipynb.bak", False),
            ("/build.js", "build.js", True),
            ("/build.js", "src/build.js", False),
            ("src/*.js", "src/a.js", True),
            ("src/*.js", "src/lib/a.js", False),
            ("src/**/*.js", "src/lib/deep/a.js", True),
            ("src/**/*.js", "src/a.js", True),
            ("**/gen/*", "a/b/gen/x.py", True),
            ("vendor/**", "vendor/a/b.c", True),
            ("vendor/**", "src/vendor/a.c", False),
            ("file?.c", "file1.c", True),
            ("file?.c", "file10.c", False),
            ("[ab].py", "b.py", True),
            ("[!ab].py", "b.py", False),
            ("vendor", "vendor/x.c", False),  # a directory name does not match its files
            ("docs/", "docs/a.md", False),  # a trailing slash pattern never matches a file
        ],
    )
    def test_gitattributes_glob_semantics(self, pattern: str, path: str, matches: bool) -> None:
        assert (_says(f"{pattern} linguist-vendored\n", path).vendored is True) is matches

    def test_nested_file_applies_below_its_directory_and_wins(self) -> None:
        rules = AttributeRules()
        rules.add("*.js -linguist-vendored\n", "web")  # added first, but deeper
        rules.add("*.js linguist-vendored\n")
        assert rules.overrides("web/app.js").vendored is False
        assert rules.overrides("web/sub/app.js").vendored is False
        assert rules.overrides("app.js").vendored is True
        assert rules.overrides("website/app.js").vendored is True

    def test_negative_patterns_are_ignored(self) -> None:
        assert parse("!*.js linguist-vendored\n") == ()

    def test_empty_rules_are_falsy(self) -> None:
        assert not AttributeRules()
        assert AttributeRules.from_text("* linguist-vendored")
