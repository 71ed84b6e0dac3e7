"""The command line writes a share too small for one decimal as ``<0.1 %``, as the app does."""

from __future__ import annotations

import pytest

from tui.analysis.report import LanguageShare
from tui.cli.text import language_lines
from tui.present.format import spaced_percent


@pytest.mark.parametrize(
    ("percent", "size", "text"),
    [
        (98.8, 63_833, " 98.8 %"),
        (100.0, 5, "100.0 %"),
        (0.01, 43, " <0.1 %"),
        (0.0, 0, "  0.0 %"),
    ],
)
def test_spaced_percent(percent: float, size: int, text: str) -> None:
    assert spaced_percent(percent, size) == text


def test_show_never_writes_a_present_language_as_zero() -> None:
    lines = language_lines(
        (LanguageShare("Python", 999_000, 99.99, None), LanguageShare("CSS", 43, 0.004, None))
    )
    assert "<0.1 %" in lines[1]
    assert " 0.0 %" not in "".join(lines)
