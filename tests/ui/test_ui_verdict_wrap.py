"""The verdict wraps between words and keeps "(98.8 %)" and "(≈ 53.9 %)" whole."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.present.verdict import verdict_text
from tui.ui.widgets.fact_flow import FactFlow, flow, words
from tui.ui.widgets.repo_detail import RepoDetail


def test_words_keep_a_share_with_its_percent_sign() -> None:
    sentence = Text("acme/x is written in C# (≈ 53.9 %), JavaScript (15.2 %) and Go.", "dim")
    units = [w.text.plain for w in words(sentence)]
    assert "(≈ 53.9 %)," in units
    assert "(15.2 %)" in units
    assert all(w.text.style == "dim" for w in words(sentence))
    for width in range(12, 70):
        for line in flow([words(sentence)], width).plain.splitlines():
            assert not line.startswith(("%", "53.9", "15.2")), (width, line)
            assert not line.endswith(("≈", "(")), (width, line)


async def test_the_pane_never_splits_a_share_from_its_percent_sign(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(app, pilot)
        detail = app.screen.query_one(RepoDetail)
        assert detail.report is not None
        sentence = verdict_text(detail.report)
        assert "%)" in sentence
        for width in range(200, 59, -1):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            verdict = app.screen.query_one("#detail-verdict", FactFlow)
            lines = [verdict.render_line(y).text.strip() for y in range(verdict.size.height)]
            assert " ".join(lines) == sentence, (width, lines)
            for line in lines:
                assert not line.startswith("%"), (width, lines)
