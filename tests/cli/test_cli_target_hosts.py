"""``show`` and ``compare`` refuse a URL that is not on the API's web host (exit 2, one line)."""

from __future__ import annotations

import pytest

from tests.doubles.cli import run


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "https://evil.example.com/pallets/flask"),
        ("show", "ftp://x/pallets/flask"),
        ("compare", "pallets/flask", "https://evil.example.com/karpathy/nanoGPT"),
    ],
)
def test_foreign_urls_are_usage_errors(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--demo", *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1


def test_a_github_url_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--demo", "show", "https://github.com/pallets/flask")
    assert code == 0
    assert out.startswith("pallets/flask is Flask itself")
