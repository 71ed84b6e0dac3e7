"""``repolens --demo census``: the bundled catalog's census, labelled demo data, nothing sent."""

from __future__ import annotations

import json

import pytest

from tests.doubles.cli import run
from tui.sources.catalog import load_catalog


def test_the_demo_census_is_the_catalog_s_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--demo", "census", "is:public", "framework:pytorch", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert "demo data" in data["query"]
    assert load_catalog().data_date in data["query"]
    rows = {r["full_name"] for r in data["repositories"]}
    assert "microsoft/BioGPT" in rows
    assert "pallets/flask" not in rows
    assert "nothing is sent to GitHub" in err


def test_a_misspelt_framework_in_a_census_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--demo", "census", "is:public", "framework:pytroch")
    assert code == 2
    assert out == ""
    assert "closest: PyTorch (pytorch)" in err
