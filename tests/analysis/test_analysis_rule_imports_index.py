"""Rules found by an import, through the name index, are the walk over every rule it replaced.

Same rules, same order, same repeats (a rule listing both ``torch`` and ``torch.nn`` is found
twice for ``torch.nn.functional``, and each finding is a hit), for every import name of every
rule, with sub-modules, lookalikes and odd dots around it, in every language with import names.
"""

from __future__ import annotations

from tui.analysis.rules import LANGUAGES, Rule, RuleIndex, load_rules

RULES = load_rules()


def _walk(language: str, module: str) -> list[Rule]:
    """``by_import`` as it was: every rule's every name compared with the module."""
    return [
        rule
        for rule in RULES
        for name in rule.imports.get(language, ())
        if module == name or module.startswith(name + ".")
    ]


def _modules(language: str) -> set[str]:
    names = {name for rule in RULES for name in rule.imports.get(language, ())}
    out = {"", ".", "x", "..", "a..b"}
    for name in names:
        out |= {name, f"{name}.sub", f"{name}.a.b", f"{name}x", f"x{name}", name.upper()}
        out |= {f"{name}.", f".{name}", name.rsplit(".", 1)[0], f"{name}..x"}
    return out


def test_same_rules_in_the_same_order_as_the_walk() -> None:
    index = RuleIndex(RULES)
    compared = found = 0
    for language in sorted(LANGUAGES):
        for module in sorted(_modules(language)):
            expected = _walk(language, module)
            assert index.by_import(language, module) == expected, (language, module)
            compared += 1
            found += bool(expected)
    assert compared > 500
    assert found > 200  # most made names reach a rule: the comparison is not of empty lists


def test_a_rule_naming_a_module_and_its_parent_is_found_twice() -> None:
    both = Rule("Both", "ml", "https://example.org", "test", imports={"python": ("t", "t.nn")})
    other = Rule("Other", "ml", "https://example.org", "test", imports={"python": ("t.nn",)})
    index = RuleIndex((both, other))
    assert [r.name for r in index.by_import("python", "t.nn.functional")] == [
        "Both",
        "Both",
        "Other",
    ]
    assert [r.name for r in index.by_import("python", "t.nnx")] == ["Both"]
