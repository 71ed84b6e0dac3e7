"""Language table lookups, shares and folding, and byte counting from a file listing."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tui.analysis import linguist_rules
from tui.analysis.gitattributes import AttributeRules
from tui.analysis.languages import (
    OTHER,
    Language,
    LanguageTable,
    bytes_from_listing,
    fold_small,
    load_table,
    scripts_to_sample,
    shares,
)
from tui.analysis.report import LanguageShare


class TestTable:
    def test_lookup_by_name_is_case_insensitive_and_knows_aliases(self) -> None:
        table = load_table()
        python = table.get("PYTHON")
        assert python is not None
        assert python.name == "Python"
        assert table.get("py") is python
        assert table.get("jupyter-notebook") is table.get("Jupyter Notebook")
        assert table.get("no such language") is None

    def test_colour_and_type_come_from_linguist(self) -> None:
        table = load_table()
        assert table.color("Python") == "#3572A5"
        assert table.type_of("Markdown") == "prose"
        assert table.type_of("JSON") == "data"
        assert table.type_of("HTML") == "markup"
        assert table.color("Nope") is None

    def test_extension_and_filename_lookups(self) -> None:
        table = load_table()
        assert [lang.name for lang in table.by_extension(".PY")] == ["Python"]
        assert {lang.name for lang in table.by_extension(".h")} >= {"C", "C++", "Objective-C"}
        assert [lang.name for lang in table.by_filename("Dockerfile")] == ["Dockerfile"]
        assert [lang.name for lang in table.candidates("src/Makefile")] == ["Makefile"]
        # the longest extension wins: ".d.ts" is not looked up as ".ts" if it is claimed
        assert table.candidates("a/b/readme") == ()

    def test_group_folds_a_language_into_its_parent(self) -> None:
        table = load_table()
        assert table.group_of("TSX") == "TypeScript"
        assert table.group_of("Python") == "Python"
        assert table.group_of("unknown thing") == "unknown thing"

    def test_table_records_its_source_version(self) -> None:
        table = load_table()
        assert table.version.count(".") == 2
        assert len(table) > 500


class TestShares:
    def test_sorted_by_bytes_with_one_decimal_and_colour(self) -> None:
        result = shares({"Shell": 780, "Python": 63833, "Unknownish": 0})
        assert [s.name for s in result] == ["Python", "Shell"]
        assert result[0] == LanguageShare("Python", 63833, 98.8, "#3572A5")
        assert result[1].percent == 1.2

    def test_rounding_is_half_up(self) -> None:
        # 1/8 = 12.5 % exactly; 1/16 = 6.25 % -> 6.3
        result = {s.name: s.percent for s in shares({"C": 1, "Go": 15})}
        assert result == {"C": 6.3, "Go": 93.8}

    def test_unknown_language_has_no_colour_and_ties_sort_by_name(self) -> None:
        result = shares({"Zeta-lang": 5, "Alpha-lang": 5})
        assert [s.name for s in result] == ["Alpha-lang", "Zeta-lang"]
        assert all(s.color is None for s in result)

    def test_empty_map_gives_no_shares(self) -> None:
        assert shares({}) == ()


class TestFold:
    def test_small_shares_fold_into_other(self) -> None:
        items = shares({"Python": 9700, "Shell": 200, "Makefile": 60, "Dockerfile": 40})
        folded = fold_small(items, min_percent=1.0)
        assert [s.name for s in folded] == ["Python", "Shell", OTHER]
        assert folded[-1].bytes == 100
        assert folded[-1].percent == 1.0
        assert sum(s.bytes for s in folded) == sum(s.bytes for s in items)

    def test_max_items_keeps_room_for_other(self) -> None:
        items = shares({name: 100 for name in ("C", "Go", "Rust", "Zig", "Nim")})
        folded = fold_small(items, min_percent=0.0, max_items=3)
        assert [s.name for s in folded] == ["C", "Go", OTHER]
        assert folded[-1].bytes == 300

    def test_nothing_to_fold_returns_the_input(self) -> None:
        items = shares({"Python": 90, "Shell": 10})
        assert fold_small(items) == items


def _listing(*entries: tuple[str, int | None]) -> list[tuple[str, int | None]]:
    return list(entries)


@pytest.fixture(params=[True, False], ids=["enry", "fallback"])
def use_enry(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run a test with enry and with the bundled patterns (enry made unavailable)."""
    if request.param and linguist_rules.ENRY is None:
        pytest.skip("enry is not installed on this platform")
    if not request.param:
        monkeypatch.setattr(linguist_rules, "ENRY", None)
    return bool(request.param)


class TestBytesFromListing:
    def test_counts_programming_and_markup_only(self, use_enry: bool) -> None:
        counted = bytes_from_listing(
            _listing(
                ("src/app.py", 1000),
                ("src/page.html", 300),
                ("config.json", 5000),
                ("notes.txt", 700),
                ("setup.cfg", 80),
            )
        )
        assert counted == {"Python": 1000, "HTML": 300}

    def test_skips_vendored_documentation_generated_and_sizeless(self, use_enry: bool) -> None:
        counted = bytes_from_listing(
            _listing(
                ("lib/main.js", 100),
                ("node_modules/react/index.js", 10_000),
                ("third_party/zlib/inflate.c", 10_000),
                ("static/app.min.js", 10_000),
                ("docs/conf.py", 10_000),
                ("README.md", 10_000),
                ("api_pb2.py", 10_000),
                ("big/data.py", None),
            )
        )
        assert counted == {"JavaScript": 100}

    def test_groups_fold_tsx_into_typescript(self) -> None:
        counted = bytes_from_listing(_listing(("a.ts", 10), ("b.tsx", 5)))
        assert counted == {"TypeScript": 15}

    def test_ambiguous_extension_follows_the_rest_of_the_repository(self) -> None:
        cpp = bytes_from_listing(_listing(("a.cpp", 500), ("a.h", 100)))
        c = bytes_from_listing(_listing(("a.c", 500), ("a.h", 100)))
        assert cpp == {"C++": 600}
        assert c == {"C": 600}

    def test_ambiguous_extension_without_context_prefers_popular_languages(self) -> None:
        counted = bytes_from_listing(_listing(("README.md", 50), ("notes/x.md", 50), ("m.rs", 9)))
        # .md is Markdown (prose, not counted), not GCC Machine Description; .rs is Rust
        assert counted == {"Rust": 9}

    def test_gitattributes_overrides_win(self) -> None:
        rules = AttributeRules.from_text(
            "*.ipynb linguist-generated\n"
            "vendor/** -linguist-vendored\n"
            "*.rb linguist-language=Java\n"
            "*.json linguist-detectable\n"
            "src/gen.py linguist-generated\n"
        )
        counted = bytes_from_listing(
            _listing(
                ("nb.ipynb", 9000),
                ("vendor/lib.py", 70),
                ("tool.rb", 30),
                ("data.json", 5),
                ("src/gen.py", 400),
            ),
            attributes=rules,
        )
        assert counted == {"Python": 70, "Java": 30, "JSON": 5}

    def test_custom_table(self) -> None:
        table = LanguageTable([Language("Foo", "programming", "#123456", (".foo",))], "0")
        assert bytes_from_listing(_listing(("x.foo", 3), ("x.py", 4)), table=table) == {"Foo": 3}


class TestPathRules:
    @pytest.mark.parametrize(
        ("path", "vendored", "documentation"),
        [
            ("node_modules/x/index.js", True, False),
            ("a/vendor/b.go", True, False),
            ("static/jquery-3.6.0.js", True, False),
            ("docs/index.py", False, True),
            ("CHANGELOG.md", False, True),
            ("src/app.py", False, False),
            ("src/documents/app.py", False, False),
        ],
    )
    def test_enry_and_fallback_agree(
        self, use_enry: bool, path: str, vendored: bool, documentation: bool
    ) -> None:
        assert linguist_rules.is_vendored(path) is vendored
        assert linguist_rules.is_documentation(path) is documentation

    def test_use_enry_false_never_calls_enry(self, monkeypatch: pytest.MonkeyPatch) -> None:
        class Exploding:
            def __getattr__(self, name: str) -> object:
                raise AssertionError(f"enry.{name} called")

        monkeypatch.setattr(linguist_rules, "ENRY", Exploding())
        assert linguist_rules.is_vendored("vendor/x.c")
        assert linguist_rules.is_documentation("docs/x.c")
        assert not linguist_rules.is_generated("x.c", b"int x;", use_enry=False)

    def test_fallback_generated_checks_content(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(linguist_rules, "ENRY", None)
        assert linguist_rules.is_generated("x.go", b"// Code generated by protoc. DO NOT EDIT.\n")
        assert linguist_rules.is_generated("x.js", b"var a=1;" * 40)
        assert not linguist_rules.is_generated("x.js", b"var a = 1;\nvar b = 2;\n")


class TestDataFile:
    def test_regenerating_from_the_bundled_data_gives_no_diff(self) -> None:
        root = Path(__file__).parents[2]
        spec = importlib.util.spec_from_file_location("gen", root / "scripts" / "gen_languages.py")
        assert spec is not None
        assert spec.loader is not None
        generator = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(generator)
        bundled = (root / "tui" / "data" / "languages.json").read_text(encoding="utf-8")
        data = json.loads(bundled)
        assert generator.render(data["languages"], data["source"]["version"]) == bundled

    def test_licence_notice_names_the_source_version(self) -> None:
        root = Path(__file__).parents[2] / "tui" / "data"
        notice = (root / "LINGUIST-LICENSE.txt").read_text(encoding="utf-8")
        assert f"linguist-languages {load_table().version}" in notice
        assert "Copyright (c) 2017 GitHub, Inc." in notice


class TestScriptHeads:
    def test_shebang_lines_name_the_interpreter(self) -> None:
        table = load_table()
        assert [lang.name for lang in table.by_shebang(b"#!/usr/bin/env python3\n")] == ["Python"]
        assert [lang.name for lang in table.by_shebang(b"#!/bin/bash -e\n")] == ["Shell"]
        assert [lang.name for lang in table.by_shebang(b"#!/usr/bin/env -S ruby -w\n")] == ["Ruby"]
        assert table.by_shebang(b"no shebang") == ()
        assert table.by_shebang(b"#!\n") == ()

    def test_sampled_heads_classify_extensionless_scripts(self) -> None:
        listing = _listing(("src/main.rs", 900), ("bench/run", 100), ("LICENSE", 1000))
        assert scripts_to_sample(listing) == ["bench/run"]
        heads = {"bench/run": b"#!/usr/bin/env python\nimport sys\n"}
        assert bytes_from_listing(listing, heads=heads) == {"Rust": 900, "Python": 100}
        assert bytes_from_listing(listing) == {"Rust": 900}

    def test_sample_skips_vendored_documentation_and_caps(self) -> None:
        listing = [(f"tools/t{i}", 10 + i) for i in range(30)]
        listing += [("vendor/x/run", 999), ("docs/make", 999)]
        sampled = scripts_to_sample(listing, limit=5)
        assert sampled == [f"tools/t{i}" for i in range(29, 24, -1)]
