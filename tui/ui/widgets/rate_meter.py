"""RateLimitMeter: remaining/limit and reset countdown of each GitHub rate-limit bucket."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from tui.github.budget import Budget
from tui.github.models import RateBucket
from tui.present.format import countdown
from tui.ui.messages import BudgetChanged

SHOWN = ("core", "search", "graphql")
"""The buckets repolens spends, in display order (graphql only once GitHub reports it)."""

LOW = 0.2
"""A bucket at or below this share of its limit is shown as a warning."""


def _now() -> datetime:
    return datetime.now(UTC)


class RateLimitMeter(Widget):
    """One line: ``core 4903/5000 ↻ 41:07 · search 29/30 ↻ 0:52``, coloured by how low it is."""

    DEFAULT_CSS = "RateLimitMeter { height: 1; width: auto; }"

    buckets: reactive[dict[str, RateBucket]] = reactive(dict, always_update=True)
    """The latest snapshot of the budget."""

    def __init__(
        self, budget: Budget | None, *, clock: Callable[[], datetime] = _now, id: str | None = None
    ) -> None:
        """Watch ``budget`` (if any) and count down with ``clock``."""
        super().__init__(id=id)
        self._budget = budget
        self._clock = clock
        self._unsubscribe: Callable[[], None] | None = None

    def on_mount(self) -> None:
        """Subscribe to the budget and tick the countdown once a second."""
        if self._budget is not None:
            self.buckets = self._budget.buckets
            # the client may update from any task; a message keeps this widget's state on its loop
            self._unsubscribe = self._budget.subscribe(self._budget_changed)
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        """Redraw the countdown; its width may change (``1:00:00`` to ``59:59``)."""
        self.refresh(layout=True)

    def _budget_changed(self, snapshot: dict[str, RateBucket]) -> None:
        self.post_message(BudgetChanged(snapshot))

    def on_unmount(self) -> None:
        """Stop listening to the budget."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def on_budget_changed(self, message: BudgetChanged) -> None:
        """Take the newest snapshot."""
        message.stop()
        self.buckets = message.buckets

    def watch_buckets(self, buckets: dict[str, RateBucket]) -> None:
        """Colour the meter by its lowest bucket."""
        shown = [buckets[name] for name in SHOWN if name in buckets]
        empty = any(b.remaining <= 0 for b in shown)
        low = any(b.limit > 0 and b.remaining / b.limit <= LOW for b in shown)
        self.set_class(empty, "-error")
        self.set_class(low and not empty, "-warning")
        self.refresh(layout=True)  # the width follows the text (``?`` becomes ``4990/5000``)

    def render(self) -> Content:
        """Each known bucket as ``name remaining/limit ↻ countdown``."""
        now = self._clock()
        parts: list[Content] = []
        for name in SHOWN:
            bucket = self.buckets.get(name)
            if bucket is None:
                if name != "graphql":
                    parts.append(Content.from_markup("[dim]$name ?[/]", name=name))
                continue
            parts.append(
                Content.from_markup(
                    "$name [b]$remaining[/b]/$limit [dim]↻ $left[/]",
                    name=name,
                    remaining=str(bucket.remaining),
                    limit=str(bucket.limit),
                    left=countdown(bucket.reset_at, now),
                )
            )
        return Content(" · ").join(parts)
