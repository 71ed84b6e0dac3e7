"""R: Shiny is what an app is built on, and ggplot2/tidyverse are named beside it (in R a package
is "built with ggplot2"); helper packages such as dplyr are supporting."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.report import LanguageShare, RepoInfo, RepoReport
from tui.analysis.verdict import decide

DESCRIPTION = b"""Package: chartmaker
Type: Package
Title: Build 'ggplot2' Charts Interactively
Version: 1.2.0
Imports:
    dplyr,
    ggplot2 (>= 3.5.0),
    shiny (>= 1.7.0),
    htmltools
Suggests:
    testthat (>= 3.0.0)
"""


def named(description: bytes) -> list[str]:
    files = {"DESCRIPTION": description}
    detection = detect(list(files), files, repo_name="lab/chartmaker")
    report = RepoReport(
        RepoInfo(full_name="lab/chartmaker"),
        (LanguageShare("R", 9000, 100.0, None),),
        detection.frameworks,
    )
    return [f.name for f in decide(report).frameworks]


def test_shiny_and_ggplot2_are_named_and_dplyr_is_not() -> None:
    assert sorted(named(DESCRIPTION)) == ["Shiny", "ggplot2"]


def test_a_shiny_app_without_plots_is_built_with_shiny() -> None:
    assert named(DESCRIPTION.replace(b"    ggplot2 (>= 3.5.0),\n", b"")) == ["Shiny"]
