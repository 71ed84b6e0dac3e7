"""The folded "Other" legend entry says which key lists its languages, in words."""

from __future__ import annotations

from tui.analysis.report import LanguageShare
from tui.ui.widgets.language_bar import legend_text

SHARES = (
    LanguageShare("Python", 9_700, 97.0, None),
    LanguageShare("Shell", 200, 2.0, None),
    LanguageShare("Makefile", 60, 0.6, None),
    LanguageShare("Dockerfile", 40, 0.4, None),
)


def test_other_says_press_l() -> None:
    folded = legend_text(SHARES, expanded=False).plain
    assert "Other 1.0% (2 languages · press l)" in folded
    assert "Makefile" not in folded
    assert "Makefile 0.6%" in legend_text(SHARES, expanded=True).plain
