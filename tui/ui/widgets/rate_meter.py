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

COST_PER_REPOSITORY = 1.2
"""Core requests a repository previewed without a token costs (``benchmarks/browsing.py``)."""


def shown_buckets(buckets: dict[str, RateBucket]) -> list[RateBucket]:
    """The buckets worth showing: a limit of 0 (graphql without a token) means "not yours"."""
    return [buckets[name] for name in SHOWN if name in buckets and buckets[name].limit > 0]


def level(buckets: dict[str, RateBucket]) -> str:
    """``ok``, ``warning`` (a bucket at or below ``LOW``) or ``error`` (a bucket spent)."""
    shown = shown_buckets(buckets)
    if any(b.remaining <= 0 for b in shown):
        return "error"
    if any(b.remaining / b.limit <= LOW for b in shown):
        return "warning"
    return "ok"


def repositories_left(buckets: dict[str, RateBucket]) -> int | None:
    """About how many more repositories the core budget buys, or None when unknown."""
    core = buckets.get("core")
    if core is None or core.limit <= 0:
        return None
    return int(max(0, core.remaining) / COST_PER_REPOSITORY)


def _now() -> datetime:
    return datetime.now(UTC)


class RateLimitMeter(Widget):
    """One line: ``core 48/60 ↻ 41:07 · search 9/10 ↻ 0:52 · ≈ 40 more repositories this hour``.

    Coloured by what is left: ``-ok`` when every shown bucket is above ``LOW``, ``-warning`` at
    or below it, ``-error`` when one is spent (the styles in ``app.tcss`` decide the colours).
    """

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
        """Colour the meter by its lowest bucket (``-ok``, ``-warning``, ``-error``)."""
        now = level(buckets)
        for name in ("ok", "warning", "error"):
            self.set_class(now == name, f"-{name}")
        self.refresh(layout=True)  # the width follows the text (``?`` becomes ``4990/5000``)

    def render(self) -> Content:
        """Each known bucket as ``name remaining/limit ↻ countdown``."""
        now = self._clock()
        parts: list[Content] = []
        for name in SHOWN:
            bucket = self.buckets.get(name)
            if bucket is None or bucket.limit <= 0:  # graphql 0/0 without a token: not shown
                if bucket is None and name != "graphql":
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
        left = repositories_left(self.buckets)
        if left is not None and self.buckets["core"].limit <= 100:  # worth saying without a token
            parts.append(Content.from_markup("[dim]≈ $n more repositories this hour[/]", n=left))
        return Content(" · ").join(parts)
